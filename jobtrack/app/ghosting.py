"""Who never answered: the follow-up cadence of an application and the ghosted suggestion.

Derived, never stored: an application is ghosted when its status is still
"applied", no appointment was recorded and `hunt.ghosted_after_days` have
passed since it was sent. A flag and not a status of its own, because it is
a suggestion that the clock makes and a late answer unmakes; the status
stays what the user said (set "rejected" or "withdrawn" to close it), and
the pipeline counts are not split by a guess. The cadence is the one the
follow-up reminders use (`reminders.follow_ups`), so both say the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from jobtrack.app.config import Config
from jobtrack.app.reminders import applied_at, follow_ups
from jobtrack.core.ahead import heard_from
from jobtrack.core.countdown import countdown
from jobtrack.core.model import Event, Posting, Status

# A follow-up step reads "follow up now" in the week's review this long; then the next step is named.
DUE_FOR = timedelta(days=3)


@dataclass(frozen=True)
class Chase:
    """Where one unanswered application stands."""

    posting: Posting
    applied: datetime
    due: datetime | None  # the latest follow-up step already due, if less than DUE_FOR ago
    next: datetime | None  # the next step to come
    ghosted: bool

    def note(self, now: datetime) -> str:
        """ "ghosted?", "follow up now", "follow up in 3 days", or ""."""
        if self.ghosted:
            return "ghosted?"
        if self.due is not None:
            return "follow up now"
        if self.next is not None:
            left = countdown(self.next, now, False)
            return f"follow up {'in ' + left if left[:1].isdigit() else left}"
        return ""


def is_ghosted(applied: date, today: date, config: Config) -> bool:
    days = config.hunt.ghosted_after_days
    return bool(days) and (today - applied).days >= days


def chases(postings: Iterable[Posting], events: Iterable[Event], now: datetime, config: Config) -> dict[int, Chase]:
    """Every application still waiting for a first answer, by posting id."""
    heard = heard_from(events)
    out: dict[int, Chase] = {}
    for p in postings:
        if p.status is not Status.APPLIED or p.id is None or p.id in heard:
            continue
        steps = [moment for _, moment in follow_ups(p, config.reminders, heard)]
        sent = applied_at(p)
        passed = [s for s in steps if s <= now]
        due = passed[-1] if passed and now - passed[-1] < DUE_FOR else None
        coming = next((s for s in steps if s > now), None)
        out[p.id] = Chase(p, sent, due, coming, is_ghosted(sent.date(), now.date(), config))
    return out


__all__ = ["Chase", "chases", "is_ghosted"]
