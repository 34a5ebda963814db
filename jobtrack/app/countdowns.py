"""The countdowns the list shows, as values for JSON and plain text.

The same texts as the TUI's columns (`core.countdown`): a deadline and the
next interview (or test, case, call) still ahead, each with when it is and
how long is left, and the urgency of whichever comes first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jobtrack.core.countdown import countdown, urgency
from jobtrack.core.listing import Line


def moment_text(at: datetime, timed: bool) -> str:
    """ISO: a day and time, or only the day for a moment given without an hour."""
    return at.isoformat(timespec="minutes") if timed else at.date().isoformat()


def interview_left(line: Line, now: datetime) -> tuple[str, str]:
    """The next interview still ahead as (when, how long is left); ("", "") when none is."""
    found = line.next_interview(now)
    if found is None:
        return "", ""
    at, timed = found
    return (f"{at:%Y-%m-%d %H:%M}" if timed else f"{at:%Y-%m-%d}"), countdown(at, now, timed)


def countdown_fields(line: Line, now: datetime) -> dict[str, Any]:
    """`deadline_left`, `next_interview`, `next_interview_left` and `urgency` (of the nearest)."""
    found = line.next_interview(now)
    moment = line.next_moment(now)
    return {
        "deadline_left": countdown(line.deadline, now, line.deadline_timed) if line.deadline else None,
        "next_interview": moment_text(*found) if found else None,
        "next_interview_left": countdown(found[0], now, found[1]) if found else None,
        "urgency": urgency(moment, now) if moment else None,
    }
