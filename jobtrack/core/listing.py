"""What the postings list knows of each posting, and the order it shows them in.

A `Line` holds only what the list draws and sorts by: a posting's names,
place and pay, status (and when a finished one ended), deadline and the start of
each interview. Lines are built from the store, or read back from the list
index (`list_index.py`) so that the TUI can paint its first screen before
the store is loaded; ordering and countdowns work on lines alone, so both
sources give the same screen.

The orders (`SORTS`, `in_order`) and the status filters (`FILTERS`) are pure
functions of lines and "now", shared by the TUI and `jobtrack list`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jobtrack.core import clock
from jobtrack.core.ahead import deadline_counts, last_moment
from jobtrack.core.model import APPOINTMENTS, Event, Posting, Status, closed
from jobtrack.core.sanitize import clean_line

STATUSES = {s.value: s for s in Status}  # a lookup: `Status(value)` is slow for thousands of lines
CLOSED = "closed"  # what the Status column says of a posting whose deadline passed before it was applied for
# What the list can be narrowed to: any, or one word of the Status column.
FILTERS: tuple[str | None, ...] = (None, *(s.value for s in Status), CLOSED)


def posting_name(p: Posting | Line | None) -> str:
    """A posting named in running text, "Chef – Viborg Kommune": the one name reminders,
    calendars, the week, the palette and the command line's confirmations give it."""
    if p is None:
        return ""
    return " – ".join(x for x in (clean_line(p.title), clean_line(p.employer)) if x)


@dataclass(slots=True)
class Line:
    id: int
    title: str
    employer: str
    location: str
    salary: str
    status: Status
    finished_at: datetime | None  # a finished posting's last status change (or when it was saved); None while live
    deadline: datetime | None  # the last moment to apply
    deadline_timed: bool  # False: a day without an hour, shown without one
    # The dated interviews, tests, cases and calls, earliest first: until when each is
    # ahead (its start, or the end of a day given without an hour) and whether it has an hour.
    interviews: tuple[tuple[datetime, bool], ...]
    archived: bool = False  # shown only when the list is asked for archived postings

    @classmethod
    def of(cls, posting: Posting, events: Iterable[Event]) -> Line:
        return cls(
            posting.id or 0,
            posting.title,
            posting.employer,
            posting.location,
            posting.salary,
            posting.status,
            # An import may bring an offset: moved to local wall time, as every moment the list compares.
            clock.wall(posting.history[-1].at if posting.history else posting.created) if posting.status.is_finished else None,
            posting.deadline_at(),
            posting.deadline_time is not None,
            tuple(sorted((last_moment(e.day, e.time), e.time is not None)
                         for e in events if e.kind in APPOINTMENTS and e.day is not None)),
            posting.archived,
        )

    def next_interview(self, now: datetime) -> tuple[datetime, bool] | None:
        """The first interview (or test, case, call) still ahead, and whether it has an hour."""
        index = bisect_left(self.interviews, (now, False))
        return self.interviews[index] if index < len(self.interviews) else None

    def is_closed(self, now: datetime) -> bool:
        return closed(self.status, self.deadline, now)

    def display_status(self, now: datetime) -> str:
        return CLOSED if self.is_closed(now) else self.status.value

    def ended(self, now: datetime) -> datetime | None:
        """When a closed or finished posting stopped being ahead: the deadline it missed, or its last status change."""
        if self.finished_at is not None:
            return self.finished_at
        return self.deadline if self.is_closed(now) else None

    def next_moment(self, now: datetime) -> datetime | None:
        """The nearest deadline or interview still ahead (`jobtrack.core.ahead`); None when nothing is."""
        if self.status.is_finished:
            return None
        found = self.next_interview(now)
        interview = found[0] if found else None
        deadline = self.deadline
        if not deadline_counts(self.status) or deadline is None or deadline < now:
            return interview
        return deadline if interview is None else min(deadline, interview)

    def sort_key(self, now: datetime) -> tuple[int, datetime, int]:
        """Nearest first; nothing ahead next; closed and finished postings last, the latest to end first."""
        moment = self.next_moment(now)
        if moment is not None:
            return (0, moment, self.id)
        ended = self.ended(now)
        if ended is not None:
            return (2, datetime.max - (ended - datetime.min), self.id)  # the mirror image: later sorts first
        return (1, datetime.min, self.id)

    def shows_as(self, wanted: str | None, now: datetime) -> bool:
        """The Status column says `wanted` ("closed" included); any posting does if None."""
        return wanted is None or self.display_status(now) == wanted

    def matches(self, query: str) -> bool:
        """Every word of `query` is in the title or employer."""
        hay = f"{self.title} {self.employer}".casefold()
        return all(word in hay for word in query.casefold().split())

    def to_json(self) -> list[Any]:
        return [self.id, self.title, self.employer, self.location, self.salary, self.status.value, self.finished_at,
                self.deadline, self.deadline_timed, self.interviews, self.archived]

    @classmethod
    def from_json(cls, row: list[Any]) -> Line:
        """Raises KeyError, TypeError or ValueError on a row that is not a line."""
        ident, title, employer, location, salary, status, finished_at, deadline, timed, interviews, archived = row
        return cls(
            int(ident),
            str(title),
            str(employer),
            str(location),
            str(salary),
            STATUSES[status],
            datetime.fromisoformat(finished_at) if finished_at else None,
            datetime.fromisoformat(deadline) if deadline else None,
            bool(timed),
            tuple((datetime.fromisoformat(at), bool(t)) for at, t in interviews) if interviews else (),
            bool(archived),
        )


def lines_of(postings: Iterable[Posting], events: Iterable[Event]) -> list[Line]:
    """One line per posting, its events found by posting id."""
    by_posting: dict[int, list[Event]] = {}
    for event in events:
        by_posting.setdefault(event.posting_id, []).append(event)
    return [Line.of(p, by_posting.get(p.id or 0, ())) for p in postings]


# -- orders ---------------------------------------------------------------------
# The Status column's words in the order of the pipeline; a finished posting comes after a live one.
STATUS_ORDER = {name: i for i, name in enumerate(
    ["saved", "applied", "interviewing", "offer", "accepted", CLOSED, "rejected", "withdrawn"])}

# A key of a line, or None when the line has nothing to sort by there (it goes last, either way round).
SortKey = Callable[[Line, datetime], Any]


def _text(value: str) -> str | None:
    return value.casefold() if value.strip() else None


def _interview(line: Line, now: datetime) -> datetime | None:
    found = line.next_interview(now)
    return found[0] if found else None


SORTS: dict[str, SortKey] = {
    "next": lambda line, now: line.sort_key(now),  # what comes next first: the list's own order
    "title": lambda line, now: _text(line.title),
    "employer": lambda line, now: _text(line.employer),
    "status": lambda line, now: STATUS_ORDER.get(line.display_status(now), len(STATUS_ORDER)),
    "deadline": lambda line, now: line.deadline,
    "interview": _interview,
    "location": lambda line, now: _text(line.location),
    "salary": lambda line, now: _text(line.salary),
}


def in_order(lines: Iterable[Line], now: datetime, by: str = "next", reverse: bool = False) -> list[Line]:
    """The lines sorted by `SORTS[by]`, ties in the list's own order; lines with nothing there go last.

    Raises KeyError for a sort that is not in `SORTS`."""
    if by == "next":
        return sorted(lines, key=lambda line: line.sort_key(now), reverse=reverse)
    key = SORTS[by]
    keyed = [(key(line, now), line.sort_key(now), line) for line in lines]
    present = sorted((k for k in keyed if k[0] is not None), key=lambda k: k[1])
    present.sort(key=lambda k: k[0], reverse=reverse)  # stable: ties stay in the list's own order
    missing = sorted((k for k in keyed if k[0] is None), key=lambda k: k[1])
    return [k[2] for k in present + missing]
