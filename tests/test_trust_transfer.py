"""Export and import are lossless: every record keeps its identity, reminder state travels, a second import changes nothing
(issue 10, item 10)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from jobtrack.store import Store

ENV = {"TZ": "Europe/Copenhagen"}


def run(db: Path, *args: str, now: str = "2030-03-01T08:00") -> str:
    db.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **ENV, "JOBTRACK_DB": str(db), "JOBTRACK_NOW": now,
           "JOBTRACK_CONFIG": str(db.parent / "config.toml")}
    proc = subprocess.run([sys.executable, "-m", "jobtrack", *args], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


def uids(ics: str) -> dict[str, str]:
    """Calendar UID → the event's summary."""
    out = {}
    for block in ics.replace("\r\n ", "").split("BEGIN:VEVENT")[1:]:
        uid = re.search(r"^UID:(.*?)\r?$", block, re.M)
        summary = re.search(r"^SUMMARY:(.*?)\r?$", block, re.M)
        assert uid and summary
        out[uid.group(1)] = summary.group(1)
    return out


def without_local_ids(exported: str) -> object:
    """The export with the numbers each store gives its records (the identities are the uids)."""

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("id", "posting_id", "posting_ids")}
        return [strip(v) for v in value] if isinstance(value, list) else value

    return strip(json.loads(exported))


def test_a_move_to_another_machine_keeps_identities_and_reminder_state(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "jobs.json", tmp_path / "b" / "jobs.json"
    run(a, "add", "--title", "Chef", "--employer", "Kommune", "--deadline", "2030-03-08 12:00")
    run(a, "add", "--title", "Analyst", "--employer", "Bank", "--deadline", "2030-03-20 12:00")
    run(a, "event", "add", "2", "--kind", "interview", "--when", "2030-03-05 10:00", "--label", "Bank round 1")
    run(a, "event", "add", "1", "--kind", "interview", "--when", "2030-03-06 11:00", "--label", "Kommune round 1")
    run(a, "contact", "add", "1", "--name", "Jette Hansen", "--phone", "+4530456405")
    assert "Deadline in 7 days" in run(a, "remind", now="2030-03-01T09:05")  # shown here: it must not fire again there
    run(a, "remind", "dismiss", "event-1/interview-1d/2030-03-05T10:00", now="2030-03-01T09:05")  # the Bank interview
    backup = tmp_path / "backup.json"
    run(a, "export", "--json", str(backup))

    run(b, "import", "--json", str(backup))
    assert uids(run(b, "export", "--ics", "-")) == uids(run(a, "export", "--ics", "-"))
    assert run(b, "remind", now="2030-03-04T10:05") == run(a, "remind", now="2030-03-04T10:05") == ""
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert all(r["posting"]["uid"] and all(e["uid"] for e in r["events"]) for r in data["postings"])

    out = run(b, "import", "--json", str(backup))
    assert "0 added" in out and "0 updated" in out
    assert without_local_ids(run(b, "export", "--json", "-")) == without_local_ids(run(a, "export", "--json", "-"))
    assert len(json.loads(run(b, "list", "--json"))) == 2

    data["postings"][0]["posting"]["salary"] = "45.000 kr."
    data["postings"][0]["events"][0]["time"] = "13:00"
    backup.write_text(json.dumps(data), encoding="utf-8")
    assert "1 updated" in run(b, "import", "--json", str(backup))
    show = json.loads(run(b, "show", "1", "--json"))
    assert show["salary"] == "45.000 kr." and [e["time"] for e in show["events"]] == ["13:00"]
    assert len(json.loads(run(b, "list", "--json"))) == 2 and len(Store(b).events()) == 2


def test_existing_records_get_their_identity_once(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    old = {
        "meta": {"1": {"schema": 1, "next_ids": {"postings": 2, "events": 2, "contacts": 2}}},
        "postings": {"1": {"title": "Chef", "status": "saved", "history": [], "created": "2026-01-01T09:00:00"}},
        "events": {"1": {"posting_id": 1, "kind": "interview", "day": "2026-02-01"}},
        "contacts": {"1": {"name": "Jette", "posting_ids": [1]}},
    }
    db.write_text(json.dumps(old), encoding="utf-8")
    store = Store(db)
    first = (store.posting(1).uid, store.event(1).uid, store.contact(1).uid)
    assert all(len(u) >= 32 for u in first) and len(set(first)) == 3
    again = Store(db)
    assert (again.posting(1).uid, again.event(1).uid, again.contact(1).uid) == first


def test_a_file_with_one_posting_twice_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    run(db, "add", "--title", "Chef")
    data = json.loads(run(db, "export", "--json", "-"))
    data["postings"].append(data["postings"][0])
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(data), encoding="utf-8")
    env = {**os.environ, "JOBTRACK_DB": str(tmp_path / "other.json")}
    proc = subprocess.run([sys.executable, "-m", "jobtrack", "import", "--json", str(twice)], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode != 0 and "record 2" in proc.stderr and "uid of record 1" in proc.stderr
    assert "nothing was imported" in proc.stderr and "Traceback" not in proc.stderr


def test_an_import_that_overwrites_names_the_postings_it_changed(tmp_path: Path) -> None:
    """An older export imported again replaces later edits: the postings it changed are named."""
    db, backup = tmp_path / "a" / "jobs.json", tmp_path / "backup.json"
    run(db, "add", "--title", "Chef", "--deadline", "16/3 14:00")
    run(db, "add", "--title", "Kok")
    run(db, "export", "--json", str(backup))
    run(db, "edit", "2", "--salary", "45.000 kr./md.")
    out = run(db, "import", "--json", str(backup))
    assert out.splitlines() == ["imported 2 postings: 0 added, 1 updated, 1 unchanged",
                                "updated from the file: #2"], out
    assert run(db, "import", "--json", str(backup)).splitlines() == ["imported 2 postings: 0 added, 0 updated, 2 unchanged"]
