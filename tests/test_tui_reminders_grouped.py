"""Pilot tests: many reminders due at once (the app opened after a while away) make one
notification that points at the panel, not a toast each; a few still come one by one."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from jobtrack.core.model import Posting
from jobtrack.store.store import Bundle, Store
from jobtrack.tui.app import JobtrackApp
from jobtrack.tui.screens.reminders import RemindersScreen

from tui_kit import clock, reminders_checked


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JOBTRACK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("TZ", "Europe/Copenhagen")


def store_with_deadlines(tmp_path: Path, count: int) -> Store:
    """`count` postings whose deadline is a week away (NOW is 23/11): each has a reminder due now."""
    store = Store(tmp_path / "jobs.json")
    for n in range(count):
        store.add(Bundle(Posting(f"Job {n}", employer="Acme", deadline=date(2026, 11, 30),
                                 created=datetime(2026, 11, 1, 9, 0) + timedelta(minutes=n))))
    return store


async def test_many_reminders_at_start_are_one_notification(tmp_path: Path) -> None:
    store = store_with_deadlines(tmp_path, 12)
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await reminders_checked(app, pilot)
        assert [(n.title, n.message) for n in app._notifications] == [("Reminders", "12 reminders — press r")]
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RemindersScreen)
        assert len([r for r in app.screen.reminders if r.shown]) == 12  # the panel lists each one


async def test_a_few_reminders_still_come_one_by_one(tmp_path: Path) -> None:
    store = store_with_deadlines(tmp_path, 3)
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await reminders_checked(app, pilot)
        said = sorted(n.message for n in app._notifications)
        assert said == [f"Deadline in 7 days: Job {n} – Acme" for n in range(3)]
