"""The command line, driven as a user would: real subprocesses on a temp store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def jt(tmp_path: Path):
    db = tmp_path / "store" / "jobtrack.json"

    def run(*args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "JOBTRACK_DB": str(db)}
        proc = subprocess.run(
            [sys.executable, "-m", "jobtrack", *args], input=stdin, capture_output=True, text=True, env=env, timeout=60
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"jobtrack {args} failed: {proc.stderr}")
        return proc

    run.db = db  # type: ignore[attr-defined]
    return run


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("jobtrack: ")
    return lines[0]


def test_add_list_show_edit_status(jt) -> None:
    out = jt("add", "--title", "Data analyst", "--employer", "Acme", "--deadline", "2030-03-16 12:00").stdout
    assert "added #1" in out
    postings = json.loads(jt("list", "--json").stdout)
    assert postings[0]["id"] == 1
    assert postings[0]["deadline"] == "2030-03-16" and postings[0]["deadline_time"] == "12:00"
    jt("edit", "1", "--salary", "45.000 kr./md.", "--deadline", "16. marts 2031")
    shown = json.loads(jt("show", "1", "--json").stdout)
    assert shown["salary"] == "45.000 kr./md." and shown["deadline"] == "2031-03-16"
    assert shown["deadline_time"] is None
    jt("status", "1", "applied", "--note", "sent by mail")
    shown = json.loads(jt("show", "1", "--json").stdout)
    assert [h["status"] for h in shown["history"]] == ["saved", "applied"]
    assert json.loads(jt("list", "--status", "saved", "--json").stdout) == []
    assert len(json.loads(jt("list", "--status", "applied", "--json").stdout)) == 1


def test_contacts_and_events(jt) -> None:
    jt("add", "--title", "Chef", "--employer", "Kommune")
    jt("contact", "add", "1", "--name", "Jette Hansen", "--role", "chef", "--phone", "+4530456405")
    jt("event", "add", "1", "--kind", "interview", "--when", "2030-03-16 10:00", "--label", "1. samtale")
    shown = json.loads(jt("show", "1", "--json").stdout)
    assert shown["contacts"][0]["name"] == "Jette Hansen"
    assert shown["events"][0]["day"] == "2030-03-16" and shown["events"][0]["time"] == "10:00"
    jt("contact", "edit", "1", "--email", "jh@example.org")
    jt("event", "edit", "1", "--when", "2030-03-17 09:30")
    shown = json.loads(jt("show", "1", "--json").stdout)
    assert shown["contacts"][0]["email"] == "jh@example.org"
    assert shown["events"][0]["day"] == "2030-03-17" and shown["events"][0]["time"] == "09:30"
    jt("contact", "rm", "1")
    jt("event", "rm", "1")
    shown = json.loads(jt("show", "1", "--json").stdout)
    assert shown["contacts"] == [] and shown["events"] == []


def test_rm_needs_confirmation_and_ids_are_not_reused(jt) -> None:
    jt("add", "--title", "A")
    jt("add", "--title", "B")
    one_line_error(jt("rm", "2", check=False))
    assert len(json.loads(jt("list", "--json").stdout)) == 2
    jt("rm", "2", "--yes")
    assert "added #3" in jt("add", "--title", "C").stdout


def test_export_import_round_trip(jt, tmp_path: Path) -> None:
    jt("add", "--title", "Chef", "--employer", "Kommune", "--deadline", "16/3 14:00", "--tags", "a,b")
    jt("contact", "add", "1", "--name", "Jette", "--phone", "+4530456405")
    jt("event", "add", "1", "--when", "2030-01-02", "--label", "2. samtale")
    jt("status", "1", "applied")
    first = tmp_path / "one.json"
    jt("export", "--json", str(first))
    shutil.rmtree(jt.db.parent)  # a new store (a missing file beside backups is an error)
    jt("import", "--json", str(first))
    second = tmp_path / "two.json"
    jt("export", "--json", str(second))
    assert json.loads(first.read_text()) == json.loads(second.read_text())


def test_bad_import_saves_nothing_and_names_the_record(jt, tmp_path: Path) -> None:
    jt("add", "--title", "Keep me")
    good = {"posting": {"title": "Fine"}}
    bad = {"posting": {"title": "Broken", "deadline": "not a date"}}
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"format": "jobtrack-export", "postings": [good, bad]}))
    line = one_line_error(jt("import", "--json", str(path), check=False))
    assert "record 2" in line and "Broken" in line and "nothing was imported" in line
    assert [p["title"] for p in json.loads(jt("list", "--json").stdout)] == ["Keep me"]


@pytest.mark.parametrize(
    "args",
    [
        ("show", "99"),
        ("add", "--title", "X", "--deadline", "31. februar 2026"),
        ("status", "1", "hired"),
        ("edit", "1", "--positions", "many"),
        ("import", "--json", "/nonexistent/file.json"),
        ("add", "/nonexistent/posting.txt"),
        ("extract", "ftp://example.org/x"),
    ],
)
def test_bad_input_gets_one_line(jt, args: tuple[str, ...]) -> None:
    jt("add", "--title", "Existing")
    proc = jt(*args, check=False)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith(("jobtrack: ", "usage:"))


def test_db_option_and_locate(jt, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    jt("--db", str(other), "add", "--title", "Elsewhere")
    assert other.exists() and not jt.db.exists()
    assert jt("locate", "db").stdout.strip() == str(jt.db)


def test_doctor_and_restore(jt) -> None:
    jt("add", "--title", "First")
    jt("add", "--title", "Second")
    assert jt("doctor").stdout.strip().endswith("ok")
    before = jt.db.read_bytes()
    jt.db.write_bytes(before[: len(before) // 2])
    line = one_line_error(jt("list", check=False))
    assert str(jt.db) in line and "backup" in line
    assert jt.db.read_bytes() == before[: len(before) // 2]
    jt("restore")
    titles = [p["title"] for p in json.loads(jt("list", "--json").stdout)]
    assert titles == ["First"]  # the newest backup is the version before the last save
