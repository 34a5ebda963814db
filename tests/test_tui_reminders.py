"""Reminders in the TUI: notifications on start and on each check, the panel, dismiss and snooze."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from test_tui import NOW, fill  # noqa: E402
from textual.widgets import DataTable, Input  # noqa: E402

from jobtrack.locations import bundled_themes_dir  # noqa: E402
from jobtrack.model import Posting  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.screens.reminders import RemindersScreen, SnoozeDialog  # noqa: E402

DUE_AT_START = {
    "No answer for 14 days: Data analyst – Birch & Co. Follow up?",
    "Interview tomorrow 09:00: Data analyst – Birch & Co",
    "Deadline in 7 days: Backend developer – Fjordbank",
}


class Clock:
    """A fixed clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JOBTRACK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("TZ", "Europe/Copenhagen")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "jobs.json")
    fill(s)
    return s


def reminder_messages(app: JobtrackApp) -> list[str]:
    return [n.message for n in app._notifications if n.title.startswith("Reminder")]


def state(store: Store) -> dict[str, dict[str, str]]:
    return Store(store.path).meta().get("reminders", {})


async def test_notifications_on_start_once(store: Store) -> None:
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert set(reminder_messages(app)) == DUE_AT_START
        late = [n for n in app._notifications if n.title == "Reminder (late)"]
        assert [n.message for n in late] == ["No answer for 14 days: Data analyst – Birch & Co. Follow up?"]
    assert all("shown" in entry for entry in state(store).values()) and len(state(store)) == 3
    again = JobtrackApp(Store(store.path), now=Clock())
    async with again.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert reminder_messages(again) == []


async def test_reminders_arrive_while_the_app_runs(store: Store) -> None:
    clock = Clock()
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.clear_notifications()
        clock.now = NOW + timedelta(hours=21)  # 07:00 next day: two hours before the interview
        app.reminder_watch.check()  # what the minute timer runs
        await pilot.pause()
        assert reminder_messages(app) == ["Interview in 2 h: Data analyst – Birch & Co"]
        app.clear_notifications()
        # Another process adds a posting whose deadline is tomorrow: the change is noticed.
        Store(store.path).add(Bundle(Posting("Kok", employer="Kantinen", deadline=(clock.now + timedelta(days=1)).date())))
        app.reminder_watch.check()
        await pilot.pause()
        assert reminder_messages(app) == ["Deadline tomorrow 23:59: Kok – Kantinen"]


async def test_panel_lists_due_and_upcoming_and_dismisses(store: Store) -> None:
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RemindersScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[1] for r in rows] == ["shown", "shown", "shown", "upcoming", "upcoming", "upcoming", "upcoming"]
        assert rows[0][2] == "No answer for 14 days: Data analyst – Birch & Co. Follow up?"
        assert rows[3][2] == "Interview in 2 h: Data analyst – Birch & Co" and rows[3][0] == "Tue 24 Nov 07:00"
        key = app.screen.reminders[0].key
        await pilot.press("d")
        await pilot.pause()
        assert "dismissed" in state(store)[key]
        assert table.row_count == 6
        await pilot.press("escape")
        assert not isinstance(app.screen, RemindersScreen)


async def test_snooze_until_tomorrow_and_typed(store: Store) -> None:
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        app.action_reminders()
        await pilot.pause()
        key = app.screen.reminders[1].key
        await pilot.press("down", "s")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeDialog)
        await pilot.press("down", "enter")  # "Tomorrow 09:00"
        await pilot.pause()
        assert state(store)[key]["snoozed"] == "2026-11-24T08:00:00+00:00"
        rows = app.screen.query_one(DataTable)
        assert "snoozed" in [str(rows.get_row_at(i)[1]) for i in range(rows.row_count)]
        await pilot.press("up")
        first = app.screen.reminders[0].key
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one(Input).focus()
        await pilot.press(*"someday", "enter")
        await pilot.pause()
        assert "cannot understand the date" in str(app.screen.query_one("#snooze-error").render())
        field = app.screen.query_one(Input)
        field.value = "3h"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SnoozeDialog)
        assert state(store)[first]["snoozed"] == "2026-11-23T12:00:00+00:00"  # 13:00 in Copenhagen


def test_reminders_panel(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "jobs.json")
    fill(store)
    app = JobtrackApp(store, now=Clock(), poll_interval=3600, theme_folders=[bundled_themes_dir()], remind=False)

    async def open_panel(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("r")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_panel)


async def test_bad_config_is_one_notification_and_defaults_apply(store: Store, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[reminders]\nmorning = 9\n")
    monkeypatch.setenv("JOBTRACK_CONFIG", str(config))
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        [error] = [n for n in app._notifications if n.severity == "error"]
        assert str(config) in error.message and "reminders.morning" in error.message
        assert set(reminder_messages(app)) == DUE_AT_START
