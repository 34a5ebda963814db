"""Pilot test: an event gone by reads "… ago" on the detail screen, never "closed" (the word of a
deadline that passed); a deadline that passed still reads "closed …"."""

from __future__ import annotations

from datetime import date, time

from jobtrack.core.model import Event, EventKind
from jobtrack.store.store import Store

from tui_kit import cells, make_app, shown


async def test_past_events_read_ago_and_past_deadlines_closed(store: Store) -> None:
    store.add_event(Event(3, EventKind.INTERVIEW, day=date(2026, 11, 20), time=time(10, 0), label="Held"))
    store.add_event(Event(3, EventKind.CALL, day=date(2026, 11, 22), label="Called back"))
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.open_posting(3)  # Jurist: its deadline (1/11) has passed
        await pilot.pause()
        whens = [row[0] for row in cells(app, "#events")]
        assert whens == ["2026-11-20 10:00  (3 days ago)", "2026-11-22  (yesterday)"]
        assert "closed 22 days ago" in shown(app, "#fields")
