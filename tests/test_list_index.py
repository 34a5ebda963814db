"""The list index: the TUI's first screen from a small file, never from a stale one."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest
from jobtrack.app import list_index
from jobtrack.core.listing import Line, lines_of
from jobtrack.core.model import Event, EventKind, Posting, Status
from jobtrack.store import Bundle, Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "jobs.json")
    first = s.add(Bundle(Posting("Backend developer", employer="Fjordbank", deadline=date(2026, 11, 30))))
    s.add(Bundle(Posting("Data analyst", employer="Birch", status=Status.APPLIED)))
    assert first.id is not None
    s.add_event(Event(first.id, EventKind.INTERVIEW, day=date(2026, 12, 2), time=time(10, 0)))
    return s


def store_lines(store: Store) -> list[Line]:
    return lines_of(store.postings(), store.events())


def jobtrack(db: Path, *args: str) -> None:
    env = {**os.environ, "JOBTRACK_DB": str(db), "JOBTRACK_NOW": "2026-11-23T09:00"}
    proc = subprocess.run([sys.executable, "-m", "jobtrack", *args], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_refresh_writes_what_the_store_holds(store: Store) -> None:
    assert list_index.load(store.path) is None
    list_index.refresh(store)
    first = list_index.load(store.path)
    assert first is not None
    assert first.lines == store_lines(store)
    assert first.stamp == store.stamp()


def test_any_change_to_the_store_makes_it_stale(store: Store) -> None:
    list_index.refresh(store)
    Store(store.path).set_status(2, Status.INTERVIEWING)  # another process
    assert list_index.load(store.path) is None
    list_index.refresh(store)
    first = list_index.load(store.path)
    assert first is not None and first.lines == store_lines(store)
    assert first.lines[1].status is Status.INTERVIEWING


def test_a_damaged_or_foreign_index_is_ignored_and_replaced(store: Store) -> None:
    path = list_index.index_path(store.path)
    for junk in (b"\x00garbage", b"[1, 2]", b'{"version": 999}'):
        path.write_bytes(junk)
        assert list_index.load(store.path) is None
        list_index.refresh(store)
        assert list_index.load(store.path) is not None


def test_an_index_with_bad_lines_is_ignored_until_the_next_change_replaces_it(store: Store) -> None:
    list_index.refresh(store)
    path = list_index.index_path(store.path)
    path.write_bytes(path.read_bytes().replace(b'"saved"', b'"no such status"'))
    assert list_index.load(store.path) is None
    store.set_status(1, Status.APPLIED)
    list_index.refresh(store)
    assert list_index.load(store.path) is not None


def test_every_command_that_opens_the_store_leaves_a_fresh_index(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    jobtrack(db, "add", "--title", "Jurist", "--employer", "Ember", "--deadline", "2026-12-01 12:00")
    first = list_index.load(db)
    assert first is not None
    assert [(line.title, line.deadline) for line in first.lines] == [("Jurist", datetime(2026, 12, 1, 12, 0))]
    jobtrack(db, "status", "1", "applied")
    first = list_index.load(db)
    assert first is not None and first.lines[0].status is Status.APPLIED
    list_index.index_path(db).unlink()
    jobtrack(db, "list")  # reading is enough to bring it back
    assert list_index.load(db) is not None
