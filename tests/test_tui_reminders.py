"""Reminders in the TUI: notifications on start and on each check (found in a thread worker),
the panel, dismiss and snooze."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.app.config import ReminderRules  # noqa: E402
from jobtrack.app.reminder_service import Reminding  # noqa: E402
from jobtrack.core.model import Posting, Status  # noqa: E402
from jobtrack.core.zones import local_zone  # noqa: E402
from jobtrack.store import StoreLocked  # noqa: E402
from jobtrack.store.locations import bundled_themes_dir  # noqa: E402
from jobtrack.store.store import Bundle, Store, store_lock  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.screens.reminders import GROUP, RemindersScreen, SnoozeDialog  # noqa: E402
from textual.widgets import DataTable, Input  # noqa: E402

from tui_kit import NOW, fill, reminders_checked  # noqa: E402

DUE_AT_START = {
    "No answer for 14 days: Data engineer – Birch & Co. Follow up?",
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
    # Data analyst has an interview booked, so no follow-up: this one waits for an answer.
    s.add(Bundle(Posting("Data engineer", employer="Birch & Co", status=Status.APPLIED,
                         created=datetime(2026, 11, 2, 9, 0))))
    return s


def reminder_messages(app: JobtrackApp) -> list[str]:
    return [n.message for n in app._notifications if n.title.startswith("Reminder")]


def state(store: Store) -> dict[str, dict[str, str]]:
    return Store(store.path).meta().get("reminders", {})


async def test_notifications_on_start_once(store: Store) -> None:
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await reminders_checked(app, pilot)
        assert set(reminder_messages(app)) == DUE_AT_START
        late = [n for n in app._notifications if n.title == "Reminder (late)"]
        assert [n.message for n in late] == ["No answer for 14 days: Data engineer – Birch & Co. Follow up?"]
    assert all("shown" in entry for entry in state(store).values()) and len(state(store)) == 3
    again = JobtrackApp(Store(store.path), now=Clock())
    async with again.run_test(size=(100, 30), notifications=True) as pilot:
        await reminders_checked(again, pilot)
        assert reminder_messages(again) == []


async def test_reminders_arrive_while_the_app_runs(store: Store) -> None:
    clock = Clock()
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await reminders_checked(app, pilot)
        app.clear_notifications()
        await pilot.press("r")  # the panel is open when the next check delivers
        clock.now = NOW + timedelta(hours=21)  # 07:00 next day: two hours before the interview
        app.reminder_watch.check()  # what the minute timer runs
        await reminders_checked(app, pilot)
        assert reminder_messages(app) == ["Interview in 2 h: Data analyst – Birch & Co"]
        table = app.screen.query_one(DataTable)
        assert ["shown", "Interview in 2 h: Data analyst – Birch & Co"] in [
            [str(c) for c in table.get_row_at(i)[1:]] for i in range(table.row_count)]
        app.clear_notifications()
        # Another process adds a posting whose deadline is tomorrow: the change is noticed.
        Store(store.path).add(Bundle(Posting("Kok", employer="Kantinen", deadline=(clock.now + timedelta(days=1)).date())))
        app.reminder_watch.check()
        await reminders_checked(app, pilot)
        assert reminder_messages(app) == ["Deadline tomorrow: Kok – Kantinen"]


async def test_panel_lists_due_and_upcoming_and_dismisses(store: Store) -> None:
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await reminders_checked(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RemindersScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        # the last: Data engineer's 28-day follow-up (30 Nov), the cadence's next step
        assert [r[1] for r in rows] == ["shown", "shown", "shown", "upcoming", "upcoming", "upcoming", "upcoming", "upcoming"]
        assert rows[0][2] == "No answer for 14 days: Data engineer – Birch & Co. Follow up?"
        assert rows[3][2] == "Interview in 2 h: Data analyst – Birch & Co" and rows[3][0] == "Tue 24 Nov 07:00"
        key = app.screen.reminders[0].key
        await pilot.press("d")
        await pilot.pause()
        assert "dismissed" in state(store)[key]
        assert table.row_count == 7
        await pilot.press("escape")
        assert not isinstance(app.screen, RemindersScreen)


async def test_snooze_until_tomorrow_and_typed(store: Store) -> None:
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await reminders_checked(app, pilot)
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
        await reminders_checked(app, pilot)
        [error] = [n for n in app._notifications if n.severity == "error"]
        assert str(config) in error.message and "reminders.morning" in error.message
        assert set(reminder_messages(app)) == DUE_AT_START


def test_two_stores_of_one_file_exclude_each_other_across_threads(store: Store) -> None:
    """The worker's own Store and the app's lock like two processes: filelock's lock is per instance."""
    other = Store(store.path, lock_timeout=0.2)
    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        with store.transaction():
            held.set()
            done.wait()

    worker = threading.Thread(target=hold)
    worker.start()
    held.wait()
    with pytest.raises(StoreLocked):
        other.set_meta("theme", "x")
    done.set()
    worker.join()
    other.set_meta("theme", "x")
    assert Store(store.path).meta()["theme"] == "x"


def add_many_postings(store: Store, n: int) -> None:
    """Postings whose deadlines are weeks away: work for every check, nothing due."""
    store.add_many(Bundle(Posting(f"Job {i}", employer=f"Employer {i % 17}",
                                  deadline=date(2026, 12, 20) + timedelta(days=i % 60))) for i in range(n))


async def test_keys_typed_during_a_check_reach_the_search_box(store: Store) -> None:
    add_many_postings(store, 400)
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.reminder_watch.check()
        assert any(w.group == GROUP and w.is_running for w in app.workers)  # the check runs beside the keys
        await pilot.press("slash", *"birch")
        search = app.screen.query_one("#search", Input)
        assert search.has_focus and search.value == "birch"
        await reminders_checked(app, pilot)
        assert set(reminder_messages(app)) == DUE_AT_START
        assert search.has_focus and search.value == "birch"


async def test_overlapping_checks_show_each_reminder_once(store: Store) -> None:
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in range(3):  # beside the one on start: each cancels the one before
            app.reminder_watch.check()
        await reminders_checked(app, pilot)
        app.reminder_watch.check()
        await reminders_checked(app, pilot)
        assert sorted(reminder_messages(app)) == sorted(DUE_AT_START)


def remind_notify(store: Store, now: datetime) -> str:
    """`jobtrack remind --notify` as cron runs it; without a desktop session it prints."""
    env = {**os.environ, "JOBTRACK_DB": str(store.path), "JOBTRACK_NOW": now.isoformat()}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    proc = subprocess.run([sys.executable, "-m", "jobtrack", "remind", "--notify"],
                          capture_output=True, text=True, timeout=60, env=env, check=True)
    return proc.stdout


async def test_reminders_cron_delivered_meanwhile_are_not_shown_again(store: Store) -> None:
    clock = Clock()
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await reminders_checked(app, pilot)
        app.clear_notifications()
        clock.now = NOW + timedelta(hours=21)
        # A check found the interview reminder on its own Store, as the worker does; cron shows it before
        # the app delivers: the result is stale, and the check made again finds nothing.
        found = Reminding(Store(store.path), ReminderRules(), local_zone()).find(clock.now)
        assert [r.text for r in found.reminders] == ["Interview in 2 h: Data analyst – Birch & Co"]
        assert "Interview in 2 h" in remind_notify(store, clock.now)
        assert app.reminder_watch.reminding.deliver_found(found) is None
        app.reminder_watch.check()
        await reminders_checked(app, pilot)
        assert reminder_messages(app) == []
        # Cron runs while a check is under way (the UI thread waits for it): still shown once, by cron.
        clock.now = NOW + timedelta(days=6, hours=-1)  # 09:00, 24 Nov + 5: "Deadline tomorrow" for Fjordbank
        app.reminder_watch.check()
        assert "Deadline tomorrow: Backend developer – Fjordbank" in remind_notify(store, clock.now)
        await reminders_checked(app, pilot)
        assert reminder_messages(app) == []


async def test_closing_the_app_during_a_check(store: Store) -> None:
    """The check waits for the lock when the app closes: it ends, marks nothing, and its Store is closed."""
    lock = store_lock(store.path, 5)
    app = JobtrackApp(store, now=Clock())
    lock.acquire()
    try:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            assert any(w.group == GROUP for w in app.workers)
            await pilot.press("ctrl+q")
            lock.release()
    finally:
        if lock.is_locked:
            lock.release()
    assert reminder_messages(app) == []
    assert state(store) == {}  # nothing marked shown that was not shown: the next start shows them
    again = JobtrackApp(Store(store.path), now=Clock())
    async with again.run_test(size=(100, 30), notifications=True) as pilot:
        await reminders_checked(again, pilot)
        assert set(reminder_messages(again)) == DUE_AT_START


async def test_snooze_only_postpones_an_upcoming_reminder(store: Store) -> None:
    """Issue 10: "In 1 hour" on a reminder due tomorrow 07:00 is tomorrow 08:00, never sooner."""
    app = JobtrackApp(store, now=Clock())
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await reminders_checked(app, pilot)
        app.action_reminders()
        await pilot.pause()
        upcoming = app.screen.reminders[3]
        assert upcoming.text == "Interview in 2 h: Data analyst – Birch & Co"
        await pilot.press("down", "down", "down", "s")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeDialog)
        await pilot.press("enter")  # "In 1 hour": an hour after it is due
        await pilot.pause()
        assert state(store)[upcoming.key]["snoozed"] == "2026-11-24T07:00:00+00:00"  # 08:00 in Copenhagen
        row = [r.key for r in app.screen.reminders].index(upcoming.key)
        app.screen.query_one(DataTable).move_cursor(row=row)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one(Input).focus()
        app.screen.query_one(Input).value = "i morgen kl. 7"  # before it is due: refused, nothing changes
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeDialog)
        assert "postpone" in str(app.screen.query_one("#snooze-error").render())
        assert state(store)[upcoming.key]["snoozed"] == "2026-11-24T07:00:00+00:00"
