"""Issue 10, item 10 for spreadsheets: a CSV carries each posting's uid, so importing the
same file again changes nothing and an edited row updates only what its columns say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _cli(db: Path):
    def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([sys.executable, "-m", "jobtrack", *args], capture_output=True, text=True,
                              env={**os.environ, "JOBTRACK_DB": str(db)}, timeout=60)
        assert "Traceback" not in proc.stderr, proc.stderr
        assert (proc.returncode == 0) == ok, proc.stderr
        return proc
    return run


def test_the_same_csv_twice_changes_nothing_and_an_edited_row_updates_in_place(tmp_path: Path) -> None:
    jt = _cli(tmp_path / "a" / "jobs.json")
    jt("add", "--title", "Data analyst", "--employer", "Acme", "--deadline", "2027-03-16 12:00")
    jt("add", "--title", "Backend developer", "--employer", "Fjordbank")
    jt("contact", "add", "1", "--name", "Jette Hansen", "--phone", "30 45 64 05")
    csv_file = tmp_path / "jobs.csv"
    jt("export", "--csv", str(csv_file))
    assert "uid" in csv_file.read_text("utf-8-sig").splitlines()[0]

    assert jt("import", "--csv", str(csv_file)).stdout.strip() == \
        "imported 2 postings: 0 added, 0 updated, 2 unchanged"
    assert len(json.loads(jt("list", "--json").stdout)) == 2

    text = csv_file.read_text("utf-8-sig").replace("Data analyst", "Senior data analyst").replace(",saved,", ",applied,", 1)
    csv_file.write_text(text, "utf-8-sig")
    assert jt("import", "--csv", str(csv_file)).stdout.strip() == \
        "imported 2 postings: 0 added, 1 updated, 1 unchanged"
    shown = json.loads(jt("show", "1", "--json").stdout)
    assert shown["title"] == "Senior data analyst" and shown["status"] == "applied"
    assert [c["name"] for c in shown["contacts"]] == ["Jette Hansen"]  # what the CSV does not carry stays
    assert shown["deadline"] == "2027-03-16"


def test_a_csv_moved_to_a_new_store_imports_once(tmp_path: Path) -> None:
    first, second = _cli(tmp_path / "a" / "jobs.json"), _cli(tmp_path / "b" / "jobs.json")
    first("add", "--title", "Data analyst", "--employer", "Acme")
    csv_file = tmp_path / "jobs.csv"
    first("export", "--csv", str(csv_file))
    assert second("import", "--csv", str(csv_file)).stdout.strip() == "imported 1 postings: 1 added, 0 updated, 0 unchanged"
    assert second("import", "--csv", str(csv_file)).stdout.strip() == "imported 1 postings: 0 added, 0 updated, 1 unchanged"


def test_a_spreadsheet_without_uids_adds_and_a_uid_twice_is_refused(tmp_path: Path) -> None:
    jt = _cli(tmp_path / "a" / "jobs.json")
    plain = tmp_path / "plain.csv"
    plain.write_text("title,employer\nData analyst,Acme\n", "utf-8")
    jt("import", "--csv", str(plain))
    jt("import", "--csv", str(plain))
    assert len(json.loads(jt("list", "--json").stdout)) == 2  # no identity: each import adds, as before
    twice = tmp_path / "twice.csv"
    uid = "0b7d5c1e-3f0a-4a8e-9a53-3c2f9a1d4e10"
    twice.write_text(f"title,uid\nA,{uid}\nB,{uid}\n", "utf-8")
    err = jt("import", "--csv", str(twice), ok=False).stderr.strip()
    assert err == f"jobtrack: {twice}:3: uid {uid} is on line 2 too; nothing was imported"
