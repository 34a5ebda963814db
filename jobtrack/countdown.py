"""How long until a deadline or interview, in words, and how urgent it is.

Pure functions of a moment and "now", so the TUI, `jobtrack due` and
`jobtrack week` agree and tests can fix the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Literal

from jobtrack.model import Event, EventKind, Posting

Urgency = Literal["urgent", "soon", "later", "past"]

URGENT = timedelta(days=2)
SOON = timedelta(days=7)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def countdown(moment: datetime, now: datetime) -> str:
    """ "in 5 h", "today 12:00", "tomorrow 09:00", "3 days", "closed 2 days ago"."""
    if moment < now:
        days = (now.date() - moment.date()).days
        if days == 0:
            return f"closed today {moment:%H:%M}"
        if days == 1:
            return "closed yesterday"
        return f"closed {days} days ago"
    delta = moment - now
    if delta < timedelta(hours=1):
        return f"in {max(1, int(delta.total_seconds() // 60))} min"
    if delta < timedelta(hours=6):
        return f"in {int(delta.total_seconds() // 3600)} h"
    days = (moment.date() - now.date()).days
    if days == 0:
        return f"today {moment:%H:%M}"
    if days == 1:
        return f"tomorrow {moment:%H:%M}"
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


def next_interview(events: Iterable[Event], now: datetime) -> Event | None:
    """The first interview (or test, case, call) still to come."""
    upcoming = [
        e for e in events
        if e.kind is not EventKind.OTHER and (at := e.starts_at()) is not None and at >= now
    ]
    return min(upcoming, key=lambda e: e.starts_at() or now, default=None)


def next_moment(posting: Posting, events: Iterable[Event], now: datetime) -> datetime | None:
    """The nearest upcoming deadline or interview; None when nothing lies ahead.

    A deadline only counts while the posting is still being applied for
    (status saved); once applied, only interviews matter.
    """
    candidates: list[datetime] = []
    if not posting.status.is_finished:
        deadline = posting.deadline_at()
        if deadline is not None and deadline >= now and posting.status.value == "saved":
            candidates.append(deadline)
        event = next_interview(events, now)
        if event is not None and (at := event.starts_at()) is not None:
            candidates.append(at)
    return min(candidates, default=None)


def sort_key(posting: Posting, events: Iterable[Event], now: datetime) -> tuple[int, datetime, int]:
    """Nearest first; nothing ahead next; closed and finished postings last."""
    moment = next_moment(posting, events, now)
    if moment is not None:
        return (0, moment, posting.id or 0)
    if posting.status.is_finished or posting.is_closed(now):
        return (2, datetime.min, posting.id or 0)
    return (1, datetime.min, posting.id or 0)
