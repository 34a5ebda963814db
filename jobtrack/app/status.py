"""Moving a posting along the pipeline, now or on a day the user states.

"I applied on the 27th" is common: the application went out before the
posting was tracked, or the status was set a day late. A stated day goes
into the history at its place in time (its moment is the start of that
day, and the entry says when it was recorded), so the report and the
follow-up reminders count from the day the user gave. The current status
is the last entry's: a backdated change never undoes a later step, and
goes after a "saved" recorded later (tracking a posting is not a step).
"""

from __future__ import annotations

from datetime import date, datetime, time

from jobtrack.core.model import Posting, Status, StatusChange
from jobtrack.store import Store


class FutureDay(ValueError):
    """A status change dated after today."""


def change_status(store: Store, ident: int, status: Status, now: datetime, note: str = "",
                  on: date | None = None) -> Posting:
    """`status` now, or on the day `on`. Stated again for the latest change of the same
    status ("applied" set today, sent yesterday), the day moves that change instead."""
    if on is None:
        return store.set_status(ident, status, note, at=now)
    if on > now.date():
        raise FutureDay(f"{on.isoformat()} is after today: a status change is dated on the day it happened")
    with store.transaction():
        p = store.posting(ident)
        history = list(p.history)
        if history and history[-1].status is status:
            last = history.pop()
            note = note or last.note
        change = StatusChange(status, datetime.combine(on, time(0, 0)), note, recorded=now)
        place = len(history)
        while place and history[place - 1].at.date() > on and history[place - 1].status is not Status.SAVED:
            place -= 1  # before later steps; a later "saved" is when it was tracked, not a step after this one
        history.insert(place, change)
        return store.edit_posting(ident, {"history": history, "status": history[-1].status})

