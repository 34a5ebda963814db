"""Odd values at the edges of the command line: bytes that are not UTF-8,
huge numbers, clocks at the ends of time, control characters on the way
out, and exports into folders that do not exist. Each gives one line or a
clean result, never a traceback. Real subprocesses on a temp store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]
NOW = "2026-11-29T10:00"
# DEL, C1 (NEL, CSI), bidi override and isolate, line separator: json.dumps leaves all of them raw.
RAW = "\x7f\x85\x9b\u202e\u2066\u2028"
TITLE = f"Udvikler{RAW}i Århus"


@pytest.fixture
def jt(tmp_path: Path) -> Run:
    db = tmp_path / "store" / "jobtrack.json"

    def run(*args: str | bytes, now: str = NOW, check: bool = True) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "JOBTRACK_DB": str(db), "JOBTRACK_NOW": now, "PYTHONIOENCODING": "utf-8"}
        proc = subprocess.run(
            [sys.executable, "-m", "jobtrack", *args],
            capture_output=True, text=True, encoding="utf-8", errors="surrogateescape", env=env, timeout=60,
        )
        assert "Traceback" not in proc.stderr, proc.stderr
        if check:
            assert proc.returncode == 0, proc.stderr
        return proc

    return run


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("jobtrack: ")
    return lines[0]


def titles(jt: Run) -> list[str]:
    return [p["title"] for p in json.loads(jt("list", "--json").stdout)]


# --- arguments that are not UTF-8 ------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        (b"add", b"--title", b"Udvikler i \xc5rhus"),
        (b"edit", b"1", b"--notes", b"Ans\xf8g"),
        (b"status", b"1", b"applied", b"--note", b"\xff"),
        (b"contact", b"add", b"1", b"--name", b"S\xf8ren"),
        (b"add", b"https://jobs.example/\xc5rhus"),
    ],
)
def test_arguments_that_are_not_utf8_give_one_line_and_save_nothing(jt: Run, args: tuple[bytes, ...]) -> None:
    jt("add", "--title", "Existing")
    line = one_line_error(jt(*args, check=False))
    assert "is not UTF-8 text" in line and "\\x" in line
    assert titles(jt) == ["Existing"]
    assert json.loads(jt("show", "1", "--json").stdout)["history"][-1]["status"] == "saved"


def test_a_file_name_that_is_not_utf8_still_names_the_file(jt: Run, tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xc5rhus.txt"
    Path(os.fsdecode(name)).write_text("Udvikler i Århus\n\nAnsøgningsfrist: 14. april 2026\n", encoding="utf-8")
    jt("add", name)
    assert len(titles(jt)) == 1


# --- huge numbers and the ends of time -----------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("due", "--days", "3000000"), "--days must be at most 3660"),
        (("due", "--days", "9" * 25), "--days must be at most 3660"),
        (("week", "--weeks", "9" * 15), "--weeks must be from 1 to 522"),
        (("add", "--title", "X", "--priority", "1" * 25), "--priority: expected a whole number from -1,000,000"),
        (("edit", "1", "--positions", "9" * 20), "--positions: expected a whole number"),
    ],
)
def test_huge_numbers_give_one_line(jt: Run, args: tuple[str, ...], says: str) -> None:
    jt("add", "--title", "Existing")
    assert says in one_line_error(jt(*args, check=False))
    assert titles(jt) == ["Existing"]


@pytest.mark.parametrize("now", ["9999-12-31T23:59", "0001-01-01T00:00"])
@pytest.mark.parametrize("command", [("due",), ("week",), ("remind",), ("stats",)])
def test_a_clock_at_the_ends_of_time_gives_one_line(jt: Run, now: str, command: tuple[str, ...]) -> None:
    line = one_line_error(jt(*command, now=now, check=False))
    assert line == f"jobtrack: $JOBTRACK_NOW is '{now}': the year must be from 1900 to 9000"


def test_dates_at_the_ends_of_time_are_shown_and_left_out_of_the_calendar(jt: Run) -> None:
    jt("add", "--title", "Late", "--deadline", "9999-12-31", "--deadline-time", "23:59")
    jt("add", "--title", "Early", "--deadline", "0001-01-01")
    jt("add", "--title", "Normal", "--deadline", "2026-12-03")
    jt("event", "add", "1", "--when", "9999-12-31T10:00")
    for command in (("list",), ("show", "1"), ("due",), ("week",), ("remind",), ("stats",)):
        jt(*command)
    proc = jt("export", "--ics", "-")
    assert proc.stdout.count("BEGIN:VEVENT") == 1 and "Deadline: Normal" in proc.stdout
    assert proc.stderr.splitlines() == [
        "jobtrack: warning: #1: the deadline 9999-12-31 is beyond what a calendar can hold; left out",
        "jobtrack: warning: #2: the deadline 0001-01-01 is beyond what a calendar can hold; left out",
        "jobtrack: warning: event e1: the day 9999-12-31 is beyond what a calendar can hold; left out",
    ]


# --- control characters never leave ----------------------------------------------------


def test_json_output_escapes_control_characters_and_gives_back_the_same_text(jt: Run) -> None:
    jt("add", "--title", TITLE, "--location", f"Aarhus{RAW}", "--deadline", "2026-12-01")
    jt("event", "add", "1", "--when", "2026-12-02 10:00", "--notes", f"Medbring{RAW}CV")
    outputs = {
        "list": jt("list", "--json").stdout,
        "show": jt("show", "1", "--json").stdout,
        "week": jt("week", "--json").stdout,
        "export": jt("export", "--json", "-").stdout,
    }
    for name, out in outputs.items():
        assert not set(out) & set(RAW), name
        assert "Århus" in out, name  # letters stay readable
    assert json.loads(outputs["list"])[0]["title"] == TITLE
    exported = json.loads(outputs["export"])["postings"][0]
    assert exported["events"][0]["notes"] == f"Medbring{RAW}CV"
    assert '"Udvikler\\u007f\\u0085\\u009b\\u202e\\u2066\\u2028i Århus"' in outputs["show"]


def test_ics_export_cleans_texts_and_leaves_out_a_url_it_cannot_write(jt: Run, tmp_path: Path) -> None:
    jt("add", "--title", f"Udvikler\x1b[31m{RAW}", "--location", "Aarhus\x1b]0;x\x07 C", "--deadline", "2026-12-01",
       "--url", "https://jobs.example/1")
    # typed URLs are checked, so the broken one comes in as a file from elsewhere would bring it
    backup = tmp_path / "backup.json"
    jt("export", "--json", str(backup))
    backup.write_text(backup.read_text("utf-8").replace("https://jobs.example/1", "https://jobs.example/1\\r\\nX-Evil: 1"),
                      "utf-8")
    jt("import", "--json", str(backup))
    jt("add", "--title", "Other", "--deadline", "2026-12-05", "--url", "https://jobs.example/2")
    jt("event", "add", "1", "--when", "2026-12-02 10:00", "--notes", "Medbring\x7fCV\x85", "--place", "Lokale\u202e 2")
    proc = jt("export", "--ics", "-")
    assert proc.stderr.splitlines() == [
        "jobtrack: warning: #1: its URL holds spaces or control characters; the calendar entry has no URL"
    ]
    text = proc.stdout.replace("\n ", "")  # unfold (text mode reads CRLF as "\n")
    assert not [c for c in text if (ord(c) < 32 and c not in "\r\n") or 0x7F <= ord(c) <= 0x9F or c in RAW]
    assert "SUMMARY:Deadline: Udvikler" in text and "LOCATION:Aarhus C" in text
    assert "LOCATION:Lokale 2" in text and "DESCRIPTION:MedbringCV" in text
    assert text.count("URL:") == 1 and "URL:https://jobs.example/2" in text


# --- export into a folder that does not exist ------------------------------------------------


@pytest.mark.parametrize("kind", ["--json", "--csv", "--ics"])
def test_export_to_a_missing_folder_is_an_error_and_creates_nothing(jt: Run, tmp_path: Path, kind: str) -> None:
    jt("add", "--title", "Existing")
    target = tmp_path / "missing" / "deeper" / "out.file"
    line = one_line_error(jt("export", kind, str(target), check=False))
    assert line == f"jobtrack: cannot write {target}: the folder {target.parent} does not exist (create it first)"
    assert not (tmp_path / "missing").exists()
