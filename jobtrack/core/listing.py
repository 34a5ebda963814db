"""What the postings list knows of each posting, and the order it shows them in.

A `Line` holds only what the list draws and sorts by: a posting's names,
status, deadline and the start of each interview. Lines are built from the
store, or read back from the list index (`list_index.py`) so that the TUI
can paint its first screen before the store is loaded; ordering and
countdowns work on lines alone, so both sources give the same screen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jobtrack.core.ahead import deadline_counts, last_moment
from jobtrack.core.model import APPOINTMENTS, Event, Posting, Status, closed
from jobtrack.core.sanitize import clean_line

STATUSES = {s.value: s for s in Status}  # a lookup: `Status(value)` is slow for thousands of lines


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
    status: Status
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
            posting.status,
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
        return "closed" if self.is_closed(now) else self.status.value

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
        """Nearest first; nothing ahead next; closed and finished postings last."""
        moment = self.next_moment(now)
        if moment is not None:
            return (0, moment, self.id)
        if self.status.is_finished or self.is_closed(now):
            return (2, datetime.min, self.id)
        return (1, datetime.min, self.id)

    def matches(self, status: Status | None, query: str) -> bool:
        """Of `status` (any if None), with every word of `query` in the title or employer."""
        if status is not None and self.status is not status:
            return False
        hay = f"{self.title} {self.employer}".casefold()
        return all(word in hay for word in query.casefold().split())

    def to_json(self) -> list[Any]:
        return [self.id, self.title, self.employer, self.status.value, self.deadline, self.deadline_timed,
                self.interviews, self.archived]

    @classmethod
    def from_json(cls, row: list[Any]) -> Line:
        """Raises KeyError, TypeError or ValueError on a row that is not a line."""
        ident, title, employer, status, deadline, timed, interviews, archived = row
        return cls(
            int(ident),
            str(title),
            str(employer),
            STATUSES[status],
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


def in_order(lines: Iterable[Line], now: datetime) -> list[Line]:
    return sorted(lines, key=lambda line: line.sort_key(now))
