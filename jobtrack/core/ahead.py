"""What is still ahead for a posting: the one rule that `due`, `week`, the
reminders, the calendar and the postings list (its order and colours) share.

- A deadline counts only while the posting is still being applied for
  (status saved): once applied, it is behind the user.
- A moment with an hour is ahead until it comes; a day without an hour (an
  interview "on 3 December", a deadline with no time) lasts the whole day
  and never gets an hour made up for it.
- A posting with an appointment (`model.APPOINTMENTS`) booked ahead
  is not waiting for an answer. One with any appointment recorded, ahead,
  past or not dated yet, has had an answer: its follow-ups stop and it is
  not ghosted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from jobtrack.core.model import APPOINTMENTS, END_OF_DAY, Event, Status


def deadline_counts(status: Status) -> bool:
    """A posting's deadline still matters: nothing was sent yet."""
    return status is Status.SAVED


def is_ahead(at: datetime, timed: bool, now: datetime) -> bool:
    """Still to come at `now`; a day without an hour lasts until the day is over."""
    return at >= now if timed else at.date() >= now.date()


def booked(events: Iterable[Event], now: datetime) -> set[int]:
    """Ids of the postings with an appointment still ahead."""
    return {e.posting_id for e in events
            if e.kind in APPOINTMENTS and (at := e.starts_at()) is not None and is_ahead(at, e.time is not None, now)}


def heard_from(events: Iterable[Event]) -> set[int]:
    """Ids of the postings with an appointment recorded: the employer answered."""
    return {e.posting_id for e in events if e.kind in APPOINTMENTS}


def last_moment(day: date, clock: time | None) -> datetime:
    """Until when a day-and-maybe-hour is ahead: the hour, or the end of a day given without one."""
    return datetime.combine(day, clock or END_OF_DAY)
