"""What is coming up: deadlines and dated events, grouped by day.

Pure functions of the records and "now", shared by `jobtrack due`,
`jobtrack week` and anything else that wants an agenda. Countdown texts come
from `jobtrack.countdown` so every view words them the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from jobtrack.countdown import countdown
from jobtrack.model import Contact, Event, EventKind, Posting, Status
from jobtrack.sanitize import clean_line

# Events of postings that ended this way are not worth showing any more.
DROPPED = frozenset({Status.REJECTED, Status.WITHDRAWN})
# Event kinds that are appointments (the rest are reminders or notes).
APPOINTMENTS = frozenset({EventKind.INTERVIEW, EventKind.TEST, EventKind.CASE, EventKind.CALL})


@dataclass
class Entry:
    """One deadline or one event on a day."""

    kind: str  # "deadline" or an EventKind value
    at: datetime
    timed: bool  # False for a deadline without an hour or an event without a time
    posting: Posting | None
    event: Event | None = None
    contacts: list[Contact] = field(default_factory=list)
    left: str = ""  # the countdown text, e.g. "3 days", "tomorrow 10:00"

    @property
    def is_deadline(self) -> bool:
        return self.kind == "deadline"


@dataclass
class AgendaItem:
    """One day of the agenda with its entries, earliest first."""

    day: date
    entries: list[Entry] = field(default_factory=list)


def _sort_key(e: Entry) -> tuple[datetime, int, int]:
    # Untimed events sort first in their day, deadlines without an hour last.
    return (e.at if e.timed or e.is_deadline else datetime.combine(e.at.date(), time.min), e.is_deadline, e.posting.id if e.posting and e.posting.id else 0)


def contacts_by_posting(contacts: Iterable[Contact]) -> dict[int, list[Contact]]:
    """One pass over the contacts instead of one per event (thousands of postings)."""
    out: dict[int, list[Contact]] = {}
    for c in contacts:
        for pid in c.posting_ids:
            out.setdefault(pid, []).append(c)
    return out


def entries(
    postings: Iterable[Posting],
    events: Iterable[Event],
    contacts: Iterable[Contact],
    now: datetime,
    days: int,
) -> list[Entry]:
    """Deadlines still open and dated events from now until `days` days from today."""
    by_id = {p.id: p for p in postings}
    people = contacts_by_posting(contacts)
    end = now.date() + timedelta(days=max(days, 1))
    found: list[Entry] = []

    for p in by_id.values():
        at = p.deadline_at()
        if at is None or p.status.is_finished or p.is_closed(now):
            continue
        if now <= at and at.date() < end:
            found.append(Entry("deadline", at, p.deadline_time is not None, p, left=countdown(at, now)))

    for e in events:
        at = e.starts_at()
        if at is None or not (now.date() <= at.date() < end):
            continue
        if e.time is not None and at < now:
            continue
        p = by_id.get(e.posting_id)
        if p is not None and p.status in DROPPED:
            continue
        left = countdown(at, now) if e.time is not None else _day_word(at.date(), now.date())
        found.append(Entry(e.kind.value, at, e.time is not None, p, e, people.get(e.posting_id, []), left))

    found.sort(key=_sort_key)
    return found


def upcoming(
    postings: Iterable[Posting],
    events: Iterable[Event],
    contacts: Iterable[Contact],
    now: datetime,
    days: int = 7,
) -> list[AgendaItem]:
    """The coming `days` days (today included) that have something on them."""
    out: list[AgendaItem] = []
    for entry in entries(postings, events, contacts, now, days):
        if not out or out[-1].day != entry.at.date():
            out.append(AgendaItem(entry.at.date()))
        out[-1].entries.append(entry)
    return out


def _day_word(day: date, today: date) -> str:
    n = (day - today).days
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    return f"{n} days"


def with_in(left: str) -> str:
    """ "3 days" reads better as "in 3 days" in a sentence."""
    return f"in {left}" if left[:1].isdigit() else left


def deadline_label(p: Posting) -> str:
    label = clean_line(p.title) or "posting"
    if p.location:
        label += f" ({clean_line(p.location)})"
    return label


def event_label(e: Entry) -> str:
    p = e.posting
    if p is None:
        return clean_line(e.event.label if e.event else "") or "(unknown posting)"
    return clean_line(p.employer) or clean_line(p.title) or "posting"


def due_line(
    postings: Iterable[Posting],
    events: Iterable[Event],
    contacts: Iterable[Contact] = (),
    now: datetime | None = None,
    days: int = 7,
    limit: int = 3,
) -> str:
    """One short line: "deadline: Chef (Viborg) in 3 days · interview: Acme tomorrow 10:00"."""
    now = now or datetime.now()
    found = entries(postings, events, contacts, now, days)
    if not found:
        return f"nothing due in the next {days} days"
    parts = []
    for e in found[:limit]:
        what = deadline_label(e.posting) if e.is_deadline and e.posting else event_label(e)
        parts.append(f"{e.kind}: {what} {with_in(e.left)}")
    if len(found) > limit:
        parts.append(f"+{len(found) - limit} more")
    return " · ".join(parts)
