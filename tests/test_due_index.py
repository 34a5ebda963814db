"""`jobtrack due` answers from a small index beside the store: it must never be stale."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from jobtrack.app import due_index
from jobtrack.core.model import Event, EventKind, Posting, Status
from jobtrack.store import Bundle, Store, derived

NOW = "2026-11-23T09:00"


@pytest.fixture
def due(tmp_path: Path):
    db = tmp_path / "jobs.json"

    def run(*args: str) -> str:
        env = {**os.environ, "JOBTRACK_DB": str(db), "JOBTRACK_NOW": NOW}
        proc = subprocess.run(
            [sys.executable, "-m", "jobtrack", *args], capture_output=True, text=True, env=env, timeout=60, check=False
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.strip()

    run.db = db  # type: ignore[attr-defined]
    return run


def test_due_follows_every_change_to_the_store(due) -> None:
    due("add", "--title", "Data analyst", "--employer", "Birch", "--deadline", "2026-11-26 12:00")
    first = due("due")
    assert first == "deadline: Data analyst in 3 days"
    assert due_index.index_path(due.db).exists()
    assert due("due") == first  # answered from the index

    due("edit", "1", "--deadline", "2026-11-24 12:00")
    assert due("due") == "deadline: Data analyst tomorrow 12:00"
    due("event", "add", "1", "--when", "2026-11-25 10:00", "--label", "First interview")
    assert due("due").endswith("interview: Birch in 2 days")
    due("status", "1", "rejected")
    assert due("due") == "nothing due in the next 7 days"


def test_a_damaged_index_is_rebuilt_not_believed(due) -> None:
    due("add", "--title", "Nurse", "--deadline", "2026-11-25")
    expected = due("due")
    due_index.index_path(due.db).write_bytes(b"\x00garbage")
    assert due("due") == expected
    assert due_index.index_path(due.db).read_bytes().startswith(b"{")


def test_days_beyond_the_index_read_the_store(due) -> None:
    due("add", "--title", "Far away", "--deadline", "2027-03-01")
    assert due("due") == "nothing due in the next 7 days"
    assert "Far away" in due("due", "--days", "120")


def _store_with(tmp_path: Path) -> Store:
    store = Store(tmp_path / "jobs.json")
    store.add_many([
        Bundle(Posting(title="Soon", deadline=date(2026, 11, 25))),
        Bundle(Posting(title="Done", deadline=date(2026, 11, 25), status=Status.ACCEPTED)),
        Bundle(Posting(title="Later", deadline=date(2027, 1, 30))),
        Bundle(Posting(title="No date"), events=[Event(posting_id=0, kind=EventKind.INTERVIEW, day=date(2026, 11, 27), time=time(10))]),
    ])
    return store


def test_index_window_and_staleness(tmp_path: Path) -> None:
    store = _store_with(tmp_path)
    first, until = date(2026, 11, 23), date(2026, 12, 24)
    stamp = derived.store_stamp(store.path)
    due_index.save(store.path, due_index.build(stamp, store.postings(), store.events(), first, until))

    postings, events = due_index.load(store.path, first, date(2026, 11, 30))
    assert sorted(p.title for p in postings) == ["No date", "Soon"]  # an event brings its posting along
    assert [e.day for e in events] == [date(2026, 11, 27)]
    assert not postings[0].evidence and not postings[0].notes  # slimmed

    assert due_index.load(store.path, date(2026, 11, 22), date(2026, 11, 29)) is None  # starts before the index
    assert due_index.load(store.path, first, date(2027, 1, 1)) is None  # reaches past it
    store.edit_posting(1, {"title": "Renamed"})
    assert due_index.load(store.path, first, date(2026, 11, 30)) is None  # the store moved on


def test_the_line_from_the_index_is_the_line_from_the_store(tmp_path: Path) -> None:
    """Many postings in every state, with and without times and events, at several moments."""
    from datetime import datetime, timedelta

    from jobtrack.app.agenda import due_line

    store = Store(tmp_path / "jobs.json")
    start = date(2026, 11, 20)
    statuses = list(Status)
    bundles = []
    for n in range(80):
        day = start + timedelta(days=n % 23)
        posting = Posting(
            title=f"Job {n}", employer=f"Employer {n % 7}", location="Aarhus" if n % 3 else "",
            deadline=day if n % 5 else None, deadline_time=time(12) if n % 2 else None, status=statuses[n % len(statuses)],
            notes="long notes " * 20,
        )
        events = [Event(posting_id=0, kind=list(EventKind)[n % len(EventKind)], day=day + timedelta(days=1),
                        time=time(10) if n % 4 else None, label=f"Round {n}")] if n % 3 == 0 else []
        bundles.append(Bundle(posting, events=events))
    store.add_many(bundles)
    stamp = derived.store_stamp(store.path)
    due_index.save(store.path, due_index.build(stamp, store.postings(), store.events(), start, start + timedelta(days=31)))

    for now in (datetime(2026, 11, 20, 8), datetime(2026, 11, 23, 12, 30), datetime(2026, 12, 1, 23, 0)):
        for days in (1, 7, 14):
            from_index = due_index.load(store.path, now.date(), now.date() + timedelta(days=days))
            assert from_index is not None
            expected = due_line(store.postings(), store.events(), (), now, days=days)
            assert due_line(*from_index, (), now, days=days) == expected
