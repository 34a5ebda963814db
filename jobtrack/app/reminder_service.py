"""Reminders against the store: deliver what is due, dismiss, snooze.

Each call is one store transaction (the inter-process lock is held from
reading the records to saving the state), so `jobtrack remind` from cron
and the TUI can run at the same time without showing a reminder twice or
losing a snooze. The timing itself is in `jobtrack.app.reminders`.

`find` and `deliver_found` split a delivery in two for the TUI: finding
what is due (reading every posting) on a Store of its own in a worker
thread, marking it shown on the app's Store in one short transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from jobtrack.app import reminders as rm
from jobtrack.app.archive import active
from jobtrack.app.config import ReminderRules
from jobtrack.core.model import Event, Posting
from jobtrack.core.zones import aware
from jobtrack.store import Store

if TYPE_CHECKING:
    from jobtrack.store.journal import Stamp

PENDING = timedelta(days=7)  # how far ahead lists look, and numbers from `remind list` refer to


class Readable(Protocol):
    """What finding reminders reads: a `Store`, or its records copied (`Store.records`)."""

    def stamp(self) -> Stamp: ...
    def meta(self) -> dict[str, Any]: ...
    def postings(self) -> list[Posting]: ...
    def events(self) -> list[Event]: ...


@dataclass(frozen=True)
class Found:
    """What was due at `now` in the store as it was at `stamp`."""

    now: datetime
    stamp: Stamp
    reminders: list[rm.Reminder]


@dataclass
class Reminding:
    """The store, the rules and the zone, so callers pass only "now"."""

    store: Store
    rules: ReminderRules
    tz: ZoneInfo
    archived: bool = False  # archived postings remind too (`remind list --all`)

    def _all(self, now: datetime, ahead: timedelta = timedelta(0), source: Readable | None = None) -> list[rm.Reminder]:
        source = source or self.store
        postings, events = source.postings(), source.events()
        if not self.archived:
            postings, events = active(postings, events)
        return rm.candidates(postings, events, self.rules, now, self.tz, ahead)

    def _at(self, moment: datetime) -> datetime:
        return aware(moment, self.tz)

    def _save(self, before: rm.State, after: rm.State) -> None:
        if after != before:
            self.store.set_meta(rm.META_KEY, after)

    def due(self, now: datetime, source: Readable | None = None) -> list[rm.Reminder]:
        """What is due now, without marking anything (for `--check`); in `source` if given."""
        state = rm.load_state((source or self.store).meta())
        return rm.due(self._all(now, source=source), state, self.rules, now, self.tz)

    def deliver(self, now: datetime, made: Iterable[rm.Reminder] | None = None) -> list[rm.Reminder]:
        """What is due now, marked shown in the same transaction so no one shows it again.

        `made`: the reminders to choose from, when found earlier (`deliver_found`);
        otherwise every one the store's records make.
        """
        now = self._at(now)
        with self.store.transaction():
            state = rm.load_state(self.store.meta())
            found = rm.due(self._all(now) if made is None else made, state, self.rules, now, self.tz)
            self._save(state, rm.prune(rm.mark_shown(state, found, now), now))
        return found

    def find(self, now: datetime, source: Readable | None = None) -> Found:
        """What is due now, without marking anything, and the version of the store it was
        read from: the store's, or `source`'s (its records copied to read in another thread)."""
        source = source or self.store
        stamp = source.stamp()  # before reading: newer data only makes the result look stale
        return Found(now, stamp, self.due(now, source))

    def deliver_found(self, found: Found) -> list[rm.Reminder] | None:
        """Deliver what `find` found, possibly on another Store of the same file; None if the store changed since.

        Compared under the lock, so a result read before a posting was edited or a
        reminder was shown, dismissed or snoozed (by cron, by the panel) is never
        delivered: the caller finds again. The state is read again all the same.
        """
        with self.store.transaction():
            if self.store.stamp() != found.stamp:
                return None
            return self.deliver(found.now, found.reminders)

    def pending(self, now: datetime, ahead: timedelta = PENDING) -> list[rm.Reminder]:
        state = rm.load_state(self.store.meta())
        return rm.pending(self._all(now, ahead), state, now, self.tz, ahead)

    def numbered(self, now: datetime) -> list[rm.Reminder]:
        """`pending`, each with a number of its own that later calls keep (see `reminders.number`)."""
        with self.store.transaction():
            state = rm.load_state(self.store.meta())
            found, numbered = self._numbered(now, state)
            self._save(state, numbered)
        return found

    def _numbered(self, now: datetime, state: rm.State) -> tuple[list[rm.Reminder], rm.State]:
        made = self._all(now, PENDING)
        numbered = rm.number(state, rm.pending(made, state, now, self.tz, PENDING))
        return rm.pending(made, numbered, now, self.tz, PENDING), numbered

    def change(self, now: datetime, wanted: str, how: Callable[[rm.State, rm.Reminder], rm.State]) -> rm.Reminder:
        """Apply `how` to the pending reminder `wanted` (a key or its number from `numbered`)."""
        now = self._at(now)
        with self.store.transaction():
            state = rm.load_state(self.store.meta())
            found, numbered = self._numbered(now, state)
            r = rm.find(found, wanted)
            self._save(state, how(numbered, r))
        return r

    def dismiss(self, now: datetime, wanted: str) -> rm.Reminder:
        return self.change(now, wanted, lambda state, r: rm.dismiss(state, r, self._at(now)))

    def snooze(self, now: datetime, wanted: str, until: str) -> tuple[rm.Reminder, datetime]:
        """Until a typed moment ("1h", "tomorrow", "16/3 14:00"), counted from when `wanted` is due if that is later."""
        chosen: list[datetime] = []

        def later(state: rm.State, r: rm.Reminder) -> rm.State:
            chosen.append(rm.snooze_until(until, self._at(now), self.rules.morning, r.local_due(self.tz)))
            return rm.snooze(state, r, chosen[0])

        return self.change(now, wanted, later), chosen[0]
