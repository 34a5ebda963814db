"""Issue 10: one rule for what is still ahead of a posting, and no invented clock times.

`due`, `week`, the reminders, the postings list and the detail screen all
agree: a deadline counts only until the user applies, a follow-up is not
due while an interview is booked, and a day without an hour gets no hour.
Today is Sunday 2026-11-29, 10:00 in Copenhagen.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from jobtrack.app import reminders as rm
from jobtrack.app.agenda import entries
from jobtrack.app.config import ReminderRules
from jobtrack.core.listing import Line
from jobtrack.core.model import Event, EventKind, Posting, Status, StatusChange
from jobtrack.store.store import Bundle, Store
from jobtrack.tui.app import JobtrackApp
from jobtrack.tui.screens.detail import DetailScreen
from jobtrack.tui.screens.postings import PostingRows
from jobtrack.tui.widgets.columns import Needs, layout
from rich.console import Console
from textual.widgets import DataTable, Static

NOW = datetime(2026, 11, 29, 10, 0)
TZ = ZoneInfo("Europe/Copenhagen")
RULES = ReminderRules()


def applied(ident: int = 1, days_ago: int = 20, **kw) -> Posting:  # type: ignore[no-untyped-def]
    at = NOW - timedelta(days=days_ago)
    return Posting("Chef", employer="Kommune", id=ident, status=Status.APPLIED, created=at,
                   history=[StatusChange(Status.APPLIED, at)], **kw)


def kinds(postings: list[Posting], events: list[Event], now: datetime = NOW) -> dict[str, str]:
    return {r.key.split("/")[1]: r.text for r in rm.candidates(postings, events, RULES, now, TZ)}


def test_deadlines_of_postings_applied_to_are_not_ahead() -> None:
    p = applied(deadline=date(2026, 12, 1))
    assert [e.kind for e in entries([p], [], [], NOW, 7)] == []
    assert kinds([p], []) == {"follow-up-14d": "No answer for 14 days: Chef – Kommune. Follow up?",
                              "follow-up-28d": "No answer for 28 days: Chef – Kommune. Follow up?"}  # the cadence's next
    saved = Posting("Kok", id=2, deadline=date(2026, 12, 1), created=NOW)
    assert [e.kind for e in entries([saved], [], [], NOW, 7)] == ["deadline"]


def test_no_follow_up_while_an_interview_is_booked() -> None:
    p = applied()
    interview = Event(1, EventKind.INTERVIEW, day=date(2026, 12, 3), time=time(10, 0), id=5)
    assert "follow-up-14d" not in kinds([p], [interview])
    assert "follow-up-14d" in kinds([p], [])


def test_an_interview_without_an_hour_gets_none() -> None:
    p = applied(days_ago=2)
    untimed = Event(1, EventKind.INTERVIEW, day=date(2026, 11, 30), id=5)
    assert kinds([p], [untimed], NOW - timedelta(hours=2)) == {"interview-1d": "Interview tomorrow: Chef – Kommune"}
    timed = Event(1, EventKind.INTERVIEW, day=date(2026, 11, 30), time=time(13, 0), id=6)
    assert set(kinds([p], [timed])) == {"interview-1d", "interview-2h"}
    [today] = entries([p], [Event(1, EventKind.INTERVIEW, day=date(2026, 11, 29), id=7)], [], NOW, 7)
    assert today.left == "today"


def test_the_list_keeps_an_untimed_interview_ahead_all_day() -> None:
    p = applied(days_ago=2)
    line = Line.of(p, [Event(1, EventKind.INTERVIEW, day=date(2026, 11, 29), id=7)])
    assert line.next_moment(NOW) is not None and line.sort_key(NOW)[0] == 0
    rows = PostingRows(NOW, {}, layout(80, Needs(4, 7)))
    cells = [str(c) for c in rows(line)[1]]
    assert cells[4] == "today"  # not "closed today 00:00"
    tomorrow = Line.of(p, [Event(1, EventKind.INTERVIEW, day=date(2026, 11, 30), id=7)])
    assert str(rows(tomorrow)[1][4]) == "tomorrow"  # not "tomorrow 00:00"
    deadline = Line.of(Posting("Kok", id=2, deadline=date(2026, 11, 30)), [])
    assert str(rows(deadline)[1][3]) == "tomorrow"  # not "tomorrow 23:59"


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JOBTRACK_DB": str(db), "JOBTRACK_NOW": NOW.isoformat(), "TZ": "Europe/Copenhagen",
           "JOBTRACK_CONFIG": str(db.with_name("none.toml"))}
    proc = subprocess.run([sys.executable, "-m", "jobtrack", *args], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_due_and_week_skip_deadlines_once_applied(tmp_path: Path) -> None:
    db = tmp_path / "jobtrack.json"
    _run(db, "add", "--title", "Chef", "--deadline", "1/12")
    _run(db, "add", "--title", "Kok", "--deadline", "2/12 12:00")
    assert _run(db, "due").stdout == "deadline: Chef in 2 days · deadline: Kok in 3 days\n"
    _run(db, "status", "1", "applied")
    assert _run(db, "due").stdout == "deadline: Kok in 3 days\n"
    week = json.loads(_run(db, "week", "--json").stdout)
    assert [e["title"] for d in week["days"] for e in d["entries"]] == ["Kok"], week["days"]
    _run(db, "add", "--title", "Smed", "--deadline", "30/11")
    assert "deadline 2026-11-30 (tomorrow)" in _run(db, "show", "3").stdout  # the day, no invented hour
    assert "Smed  " in _run(db, "list").stdout and "tomorrow 23:59" not in _run(db, "list").stdout


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "jobs.json")
    s.add(Bundle(Posting("Chef", employer="Kommune", deadline=date(2026, 11, 30), created=NOW)))
    s.add(Bundle(Posting("Kok", employer="Kantine", deadline=date(2026, 11, 30), deadline_time=time(23, 59),
                         created=NOW)))
    return s


def _fields(app: JobtrackApp) -> str:
    console = Console(width=200, file=io.StringIO())
    with console.capture() as capture:
        console.print(app.screen.query_one("#fields", Static).content)
    return capture.get()


async def test_detail_says_end_of_day_for_a_deadline_without_an_hour(store: Store) -> None:
    app = JobtrackApp(store, now=lambda: NOW, remind=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_posting(1)
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        shown = _fields(app)
        assert "2026-11-30 (end of day)" in shown and "23:59" not in shown
        app.open_posting(2)
        await pilot.pause()
        assert "2026-11-30 23:59" in _fields(app)  # the posting said 23:59: shown as it said
        assert app.screen.query_one(DataTable) is not None


async def test_detail_says_each_date_once_and_a_past_interview_was_not_closed(tmp_path: Path) -> None:
    """A far deadline is not followed by its own date again; an interview gone by is "… ago", as in `week`."""
    s = Store(tmp_path / "jobs.json")
    s.add(Bundle(Posting("Chef", employer="Kommune", deadline=date(2027, 3, 16), created=NOW),
                 events=[Event(0, EventKind.INTERVIEW, day=date(2026, 11, 20), time=time(10, 0))]))
    app = JobtrackApp(s, now=lambda: NOW, remind=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_posting(1)
        await pilot.pause()
        shown = _fields(app)
        assert "2027-03-16 (end of day)" in shown and shown.count("2027-03-16") == 1, shown
        when = str(app.screen.query_one("#events", DataTable).get_row_at(0)[0])
        assert when == "2026-11-20 10:00  (9 days ago)", when
