"""The one clock every command and screen reads: `$JOBTRACK_NOW` when set, else the system's.

`$JOBTRACK_NOW` (an ISO date-time) moves everything at once, `list`, `show`
and the TUI as much as `due` and `remind`, so a script or a test sees one
consistent day. Moments are naive local wall times, as the model keeps them.
"""

from __future__ import annotations

import os
from datetime import date, datetime

NOW_ENV = "JOBTRACK_NOW"
# Years a fixed clock may name: far enough from the ends of `datetime` that
# "in ten years" and "a year ago" can still be counted.
NOW_YEARS = (1900, 9000)


def now() -> datetime:
    """Local wall time to the second; a `$JOBTRACK_NOW` with an offset is moved to the local zone.

    Raises ValueError naming the variable when it is not an ISO date-time.
    """
    fixed = os.environ.get(NOW_ENV)
    if not fixed:
        return datetime.now().replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(fixed)
    except ValueError:
        raise ValueError(f"${NOW_ENV} is {fixed!r}, not an ISO date-time such as 2026-04-14T09:00") from None
    if not NOW_YEARS[0] <= moment.year <= NOW_YEARS[1]:
        raise ValueError(f"${NOW_ENV} is {fixed!r}: the year must be from {NOW_YEARS[0]} to {NOW_YEARS[1]}")
    return wall(moment).replace(microsecond=0)


def wall(moment: datetime) -> datetime:
    """A moment as local wall time without a zone, as jobtrack compares moments (one with an offset is moved)."""
    if moment.tzinfo is None:
        return moment
    from jobtrack.core.zones import local_zone

    return moment.astimezone(local_zone()).replace(tzinfo=None)


def today() -> date:
    return now().date()
