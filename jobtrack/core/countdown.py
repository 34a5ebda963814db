"""How long until a deadline or interview, in words, and how urgent it is.

Pure functions of a moment and "now", so the TUI, `jobtrack due` and
`jobtrack week` agree and tests can fix the clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

Urgency = Literal["urgent", "soon", "later", "past"]

URGENT = timedelta(days=2)
SOON = timedelta(days=7)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def countdown(moment: datetime, now: datetime, timed: bool = True) -> str:
    """ "in 5 h", "today 12:00", "tomorrow 09:00", "3 days", "closed 2 days ago".

    `timed=False`: the moment is a whole day (a deadline or interview given
    without an hour), so no hour is shown or counted: "today", "tomorrow".
    """
    days = (moment.date() - now.date()).days
    if moment < now if timed else days < 0:  # a whole day lasts until it is over
        if days == 0:
            return f"closed today {moment:%H:%M}"
        if days == -1:
            return "closed yesterday"
        return f"closed {-days} days ago"
    delta = moment - now
    if timed and delta < timedelta(hours=1):
        return f"in {max(1, int(delta.total_seconds() // 60))} min"
    if timed and delta < timedelta(hours=6):
        return f"in {int(delta.total_seconds() // 3600)} h"
    if days == 0:
        return f"today {moment:%H:%M}" if timed else "today"
    if days == 1:
        return f"tomorrow {moment:%H:%M}" if timed else "tomorrow"
    if days < 14:
        return _plural(days, "day")
    if days < 70:
        return _plural(days // 7, "week")
    return moment.strftime("%Y-%m-%d")


def urgency(moment: datetime | None, now: datetime) -> Urgency:
    """`urgent` within 2 days, `soon` within a week, `later` after, `past` when gone."""
    if moment is None:
        return "later"
    if moment < now:
        return "past"
    left = moment - now
    if left <= URGENT:
        return "urgent"
    if left <= SOON:
        return "soon"
    return "later"


def beside_date(left: str, moment: datetime) -> str:
    """`left` in brackets to follow the moment's date; nothing when it is only that date again (far ahead)."""
    return "" if left == moment.strftime("%Y-%m-%d") else f"({left})"
