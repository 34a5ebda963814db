"""What is coming up, what waits for an answer, what just happened.

Pure functions of the records and "now", shared by `jobtrack due`,
`jobtrack week`, the agenda screen and anything else that wants an agenda. Countdown texts come
from `jobtrack.core.countdown` so every view words them the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from jobtrack.app.config import Config
from jobtrack.app.ghosting import Chase, chases
from jobtrack.core import clock
from jobtrack.core.ahead import booked, deadline_counts, is_ahead
from jobtrack.core.countdown import countdown
from jobtrack.core.model import APPOINTMENTS, Contact, Event, Posting, Status
from jobtrack.core.sanitize import clean_line

# Events of postings that ended this way are not worth showing any more.
DROPPED = frozenset({Status.REJECTED, Status.WITHDRAWN})


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


def span(
    postings: Iterable[Posting],
    events: Iterable[Event],
    contacts: Iterable[Contact],
    now: datetime,
    first: date,
    end: date,
) -> list[Entry]:
    """Every deadline and dated event on the days `first` ≤ day < `end`, past ones too.

    Deadlines count until the posting is applied for (a closed one shows as
    missed, see `jobtrack.core.ahead`); events count unless their posting was
    rejected or withdrawn.
    """
    by_id = {p.id: p for p in postings}
    people = contacts_by_posting(contacts)
    found: list[Entry] = []

    for p in by_id.values():
        at = p.deadline_at()
        if at is None or not deadline_counts(p.status) or not (first <= at.date() < end):
            continue
        timed = p.deadline_time is not None
        found.append(Entry("deadline", at, timed, p, left=countdown(at, now, timed)))

    for e in events:
        at = e.starts_at()
        if at is None or not (first <= at.date() < end):
            continue
        owner = by_id.get(e.posting_id)
        if owner is not None and owner.status in DROPPED:
            continue
        found.append(Entry(e.kind.value, at, e.time is not None, owner, e, people.get(e.posting_id, []), event_left(at, e.time is not None, now)))

    found.sort(key=_sort_key)
    return found


def event_left(at: datetime, timed: bool, now: datetime) -> str:
    """How far off an event is; one gone by is "… ago" (it was held, not closed)."""
    if is_ahead(at, timed, now):
        return countdown(at, now, timed)
    if at.date() < now.date():
        return ago(at.date(), now.date())
    return "earlier today"


def entries(
    postings: Iterable[Posting],
    events: Iterable[Event],
    contacts: Iterable[Contact],
    now: datetime,
    days: int,
) -> list[Entry]:
    """Deadlines still open and dated events from now until `days` days from today."""
    end = now.date() + timedelta(days=max(days, 1))
    return [e for e in span(postings, events, contacts, now, now.date(), end) if is_ahead(e.at, e.timed, now)]


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


def _days(n: int) -> str:
    if n < 14:
        return "1 day" if n == 1 else f"{n} days"
    return f"{n // 7} weeks"


def ago(day: date, today: date) -> str:
    """ "today", "yesterday", "5 days ago", "3 weeks ago"."""
    n = (today - day).days
    if n <= 0:
        return "today"
    if n == 1:
        return "yesterday"
    return f"{_days(n)} ago"


def with_in(left: str) -> str:
    """ "3 days" reads better as "in 3 days" in a sentence."""
    return f"in {left}" if left[:1].isdigit() else left


def deadline_label(p: Posting) -> str:
    """A deadline in `due`'s one short line: title and place. Running text names a posting with `listing.posting_name`."""
    label = clean_line(p.title) or "posting"
    if p.location:
        label += f" ({clean_line(p.location)})"
    return label


def event_label(e: Entry) -> str:
    """An event in `due`'s one short line: who it is with (the employer), else the title."""
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
    now = now or clock.now()
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


# --- the weekly review: what is waiting, what just happened ------------------

@dataclass
class Waiting:
    """An application with no answer yet, and since when."""

    posting: Posting
    step: str  # "applied", or the kind of the last appointment ("interview")
    since: datetime
    chase: Chase | None = None  # no answer at all yet: the follow-up cadence, ghosted or not


@dataclass
class Happening:
    """Something in the week just past: a status change, an event, a missed deadline."""

    at: datetime
    what: str  # "added", "applied", "rejected", …, an EventKind value, or "closed"
    posting: Posting | None
    event: Event | None = None
    note: str = ""


@dataclass
class Review:
    """The three parts of `jobtrack week` and of the agenda screen."""

    now: datetime
    days: int
    coming: list[AgendaItem]
    waiting: list[Waiting]
    past: list[Happening]


def reached_at(p: Posting, status: Status) -> datetime | None:
    """When the posting last moved to `status`, from its history."""
    return max((h.at for h in p.history if h.status is status), default=None)


def waiting(postings: Iterable[Posting], events: Iterable[Event], now: datetime,
            config: Config | None = None) -> list[Waiting]:
    """Applications waiting for an answer, longest first.

    An applied or interviewing posting waits once nothing is booked ahead:
    since its last appointment, or else since it reached its status. One
    never answered carries its follow-up cadence (`jobtrack.app.ghosting`).
    """
    postings, events = list(postings), list(events)
    chased = chases(postings, events, now, config or Config())
    ahead = booked(events, now)
    held: dict[int | None, list[tuple[datetime, str]]] = {}
    for e in events:
        if e.kind in APPOINTMENTS and (at := e.starts_at()) is not None:
            held.setdefault(e.posting_id, []).append((at, e.kind.value))
    found: list[Waiting] = []
    for p in postings:
        if p.status not in (Status.APPLIED, Status.INTERVIEWING) or p.id in ahead:
            continue
        times = sorted(held.get(p.id, []))
        if times:
            found.append(Waiting(p, times[-1][1], times[-1][0]))
        else:
            found.append(Waiting(p, p.status.value, reached_at(p, p.status) or p.updated or p.created,
                                 chased.get(p.id) if p.id is not None else None))
    found.sort(key=lambda w: (w.since, w.posting.id or 0))
    return found


def past_week(postings: Iterable[Posting], events: Iterable[Event], now: datetime, days: int = 7) -> list[Happening]:
    """What was sent and what happened in the last `days` days, oldest first."""
    start = now - timedelta(days=days)
    by_id = {p.id: p for p in postings}
    found: list[Happening] = []
    for p in by_id.values():
        for h in p.history:
            if start <= h.at <= now:
                what = "added" if h.status is Status.SAVED else h.status.value
                found.append(Happening(h.at, what, p, note=h.note))
        at = p.deadline_at()
        if p.is_closed(now) and at is not None and start <= at:
            found.append(Happening(at, "closed", p))
    for e in events:
        at = e.starts_at()
        if at is None or at.date() < start.date():
            continue
        if not is_ahead(at, e.time is not None, now):
            found.append(Happening(at, e.kind.value, by_id.get(e.posting_id), e))
    found.sort(key=lambda h: (h.at, h.posting.id if h.posting and h.posting.id else 0))
    return found


def review(
    postings: Iterable[Posting],
    events: Iterable[Event],
    contacts: Iterable[Contact],
    now: datetime,
    days: int = 7,
    config: Config | None = None,
) -> Review:
    """The coming `days` days, what waits for an answer, and the week just past."""
    postings, events = list(postings), list(events)
    return Review(
        now,
        days,
        upcoming(postings, events, contacts, now, days),
        waiting(postings, events, now, config),
        past_week(postings, events, now),
    )
