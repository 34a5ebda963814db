"""Issue 15: countdowns everywhere. `list` and `show` count down to the next interview,
`list --json` carries the countdown fields, and `--json` on `remind list`, `doctor`,
`restore --list` and `due`; the detail screen names the next interview."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

from jobtrack.core.model import Event, EventKind
from jobtrack.store.store import Store

from cli_kit import NOW, Run, ok
from tui_kit import make_app, shown


def fill_cli(jt_run: Run) -> None:
    ok(jt_run, "add", "--title", "Nurse", "--employer", "Region", "--deadline", "5/12 12:00")
    ok(jt_run, "event", "add", "1", "--when", "2/12 10:00", "--kind", "interview")
    ok(jt_run, "add", "--title", "Chef", "--employer", "Hotel")
    ok(jt_run, "event", "add", "2", "--when", "30/11", "--kind", "test")
    ok(jt_run, "add", "--title", "Cook", "--employer", "Inn")


def test_list_counts_down_to_the_next_interview(jt_run: Run) -> None:
    fill_cli(jt_run)
    lines = ok(jt_run, "list").splitlines()
    assert lines[0].split()[:3] == ["2", "saved", "Chef"] and lines[0].endswith("interview tomorrow")
    assert "6 days" in lines[1] and lines[1].endswith("interview 3 days")
    assert "interview" not in lines[2]
    rows = {p["title"]: p for p in json.loads(ok(jt_run, "list", "--json"))}
    assert {k: rows["Nurse"][k] for k in ("deadline_left", "next_interview", "next_interview_left", "urgency")} == {
        "deadline_left": "6 days", "next_interview": "2026-12-02T10:00", "next_interview_left": "3 days",
        "urgency": "soon"}
    assert (rows["Chef"]["next_interview"], rows["Chef"]["urgency"]) == ("2026-11-30", "urgent")
    assert {rows["Cook"][k] for k in ("deadline_left", "next_interview", "next_interview_left", "urgency")} == {None}


def test_show_counts_down_to_the_next_interview(jt_run: Run) -> None:
    fill_cli(jt_run)
    out = ok(jt_run, "show", "1")
    assert "  next interview 2026-12-02 10:00 (3 days)" in out.splitlines()
    data = json.loads(ok(jt_run, "show", "1", "--json"))
    assert (data["next_interview_left"], data["deadline_left"]) == ("3 days", "6 days")


def test_due_json(jt_run: Run) -> None:
    fill_cli(jt_run)
    data = json.loads(ok(jt_run, "due", "--json"))
    assert [(d["kind"], d["at"], d["left"], d["title"]) for d in data] == [
        ("test", "2026-11-30", "tomorrow", "Chef"),
        ("interview", "2026-12-02T10:00", "3 days", "Nurse"),
        ("deadline", "2026-12-05T12:00", "6 days", "Nurse"),
    ]
    assert json.loads(ok(jt_run, "due", "--json", "--days", "1")) == []


def test_remind_list_json(jt_run: Run) -> None:
    fill_cli(jt_run)
    data = json.loads(ok(jt_run, "remind", "list", "--json"))
    assert data and all({"number", "key", "kind", "state", "due", "text", "posting_id"} <= set(d) for d in data)
    assert [d["number"] for d in data] == list(range(1, len(data) + 1))
    text = ok(jt_run, "remind", "list")
    assert all(f"{d['number']:>2}. " in text and d["key"] in text for d in data)


def test_doctor_and_restore_list_json(jt_run: Run) -> None:
    fill_cli(jt_run)
    data = json.loads(ok(jt_run, "doctor", "--json"))
    assert data["ok"] is True and data["problems"] == []
    assert data["records"] == {"postings": 3, "contacts": 0, "events": 2}
    assert data["lines"] == ok(jt_run, "doctor").splitlines()
    backups = json.loads(ok(jt_run, "restore", "--list", "--json"))
    assert backups and all(b["good"] for b in backups)
    assert [b["path"] for b in backups] == ok(jt_run, "restore", "--list").splitlines()
    Path(backups[0]["path"]).write_text("{broken", encoding="utf-8")
    assert json.loads(ok(jt_run, "restore", "--list", "--json"))[0]["good"] is False
    bad = jt_run("restore", "--json", env=NOW)
    assert bad.returncode == 1 and bad.stderr.strip() == "jobtrack: --json goes with --list"


def test_doctor_json_names_problems(jt_run: Run, tmp_path: Path) -> None:
    fill_cli(jt_run)
    db = tmp_path / "store" / "jobtrack.json"
    db.chmod(0o644)
    proc = jt_run("doctor", "--json", env=NOW)
    data = json.loads(proc.stdout)
    assert proc.returncode == 1 and data["ok"] is False
    assert any("readable by others" in p for p in data["problems"])


async def test_detail_names_the_next_interview(store: Store) -> None:
    store.add_event(Event(1, EventKind.INTERVIEW, day=date(2026, 11, 26), time=time(13, 0)))
    app = make_app(store)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        rows = {line[:16].strip(): line[16:].strip() for line in shown(app, "#fields").splitlines()}
        assert rows["Next interview"] == "2026-11-26 13:00 (3 days)"
