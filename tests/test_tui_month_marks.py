"""Pilot test: the month grid marks every kind of moment on a day, a deadline (◆ after the day)
and an interview or call (● before it), both when both fall on the same day."""

from __future__ import annotations

from datetime import date, time

from jobtrack.core.model import Event, EventKind
from jobtrack.store.store import Store
from jobtrack.tui.app import JobtrackApp
from jobtrack.tui.widgets.month_grid import MonthGrid

from tui_kit import clock


async def test_a_deadline_and_an_interview_on_one_day_show_both_marks(store: Store) -> None:
    # Backend developer (#1) has its deadline on 30/11; Data analyst (#2) an interview on 24/11.
    store.add_event(Event(1, EventKind.INTERVIEW, day=date(2026, 11, 30), time=time(10, 0), label="On the deadline day"))
    store.add_event(Event(2, EventKind.CALL, day=date(2026, 11, 20), label="A call, past"))
    app = JobtrackApp(store, now=clock, remind=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w", "m")
        await pilot.pause()
        lines = str(app.screen.query_one(MonthGrid).render()).splitlines()
        week = {line.split()[0]: line for line in lines[2:] if line.strip()[:2].isdigit()}
        assert week["49"].rstrip().endswith("●30◆")  # both: the deadline and the interview
        assert "●24 " in week["48"]  # the interview alone
        assert "●20 " in week["47"]  # a past call is still marked
        assert week["44"].rstrip().endswith(" 1◆")  # a deadline alone (Jurist, 1/11)
