"""Which reminders are due: pure functions of the records, the rules, the stored state and "now".

No store and no Textual here: `jobtrack remind` (cron), the TUI and the
calendar export all ask these functions, so they agree on every moment.

Times: the model keeps naive local wall times. Targets stay that way (they
name the reminder in its key); due times are computed in the user's zone
and kept in UTC, because Python compares two datetimes of the same zone by
their wall clock, which is wrong across a daylight-saving change.

- Whole days ("7d", "1d") are counted on the calendar: the same wall time
  N days earlier, or the morning hour for deadlines.
- Hours and minutes ("2h") are elapsed time: two real hours before.

The key of a reminder is `subject/rule/target`, e.g.
`posting-7/deadline-2d/2026-04-14T23:59`. Editing the deadline makes a new
target, so a new reminder; the old key is never produced again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta, timezone
from itertools import count
from typing import Any
from zoneinfo import ZoneInfo

from jobtrack.app.config import Offset, ReminderRules, parse_offset
from jobtrack.core.ahead import deadline_counts, heard_from
from jobtrack.core.countdown import countdown
from jobtrack.core.listing import posting_name
from jobtrack.core.model import Event, EventKind, Posting, Status
from jobtrack.core.sanitize import clean_line
from jobtrack.core.zones import aware

UTC = timezone.utc
# A deadline reminder whose morning hour falls after the deadline comes this long before it instead.
CLAMP = timedelta(hours=1)
# Follow-ups and own reminders missed for longer than this are no longer shown; state is pruned after it.
STALE = timedelta(days=30)
OWN = EventKind.FOLLOW_UP  # a dated follow-up event is a reminder the user set


@dataclass(frozen=True)
class Reminder:
    key: str
    kind: str  # "deadline", an appointment's EventKind value, "follow-up" or "reminder"
    subject: str  # "posting-7" or "event-3": what the reminder is about
    target: datetime  # naive local wall time of the deadline, appointment or follow-up
    due: datetime  # aware, UTC
    text: str
    posting: Posting | None = None
    event: Event | None = None
    expires: datetime | None = None  # aware UTC; None: see STALE
    known: datetime | None = None  # aware UTC: when the posting got its present form (see `due`)
    late: bool = False
    shown: bool = False
    snoozed: datetime | None = None  # aware UTC, while snoozed
    number: int | None = None  # as `remind list` shows it; kept in the state, so it does not move

    @property
    def group(self) -> tuple[str, str, datetime]:
        """Reminders of one deadline or appointment: only the latest due one is shown."""
        return (self.subject, self.kind, self.target)

    def local_due(self, tz: ZoneInfo) -> datetime:
        return (self.snoozed or self.due).astimezone(tz)


# -- timing -------------------------------------------------------------------


def trigger(target: datetime, offset: Offset, clock: time | None = None) -> timedelta:
    """How long before `target` (in wall time, as a calendar's alarm reads it) a rule falls due.

    Whole days keep the wall time of the target, or `clock` when given (a
    deadline reminder comes in the morning); if that is not before the
    target, the reminder comes an hour before it instead.
    """
    if offset.elapsed:
        return -offset.elapsed
    wall = datetime.combine(target.date() - timedelta(days=offset.days), clock or target.time())
    before = wall - target
    return before if clock is None or before < timedelta(0) else -CLAMP


def due_at(target: datetime, offset: Offset, tz: ZoneInfo, clock: time | None = None) -> datetime:
    """When the rule falls due, in UTC: elapsed hours in real time, days on the local calendar."""
    before = trigger(target, offset, clock)
    if offset.elapsed:
        return aware(target, tz).astimezone(UTC) + before
    return aware(target + before, tz).astimezone(UTC)


def applied_at(p: Posting) -> datetime:
    """When the application went out: the last change to "applied", else when it was saved."""
    moments = [h.at for h in p.history if h.status is Status.APPLIED]
    return max(moments) if moments else (p.updated or p.created)


@dataclass(frozen=True)
class _Window:
    """What `candidates` was asked for: reminders worth showing at `now` and due by `until`."""

    rules: ReminderRules
    tz: ZoneInfo
    now: datetime  # aware, UTC
    until: datetime  # aware, UTC

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(self.tz).replace(tzinfo=None)

    def expiry(self, target: datetime) -> datetime:
        return aware(target, self.tz).astimezone(UTC)

    def known(self, p: Posting | None) -> datetime | None:
        """Since when jobtrack could have shown reminders of `p`: its last edit or its creation."""
        moment = p and (p.updated or p.created)
        return aware(moment, self.tz).astimezone(UTC) if moment else None

    def keeps(self, due: datetime, expires: datetime | None) -> bool:
        return due <= self.until and self.now < (expires or due + STALE)

    def offsets(
        self, target: datetime, offsets: tuple[Offset, ...], clock: time | None = None
    ) -> list[tuple[Offset, datetime]]:
        """The rules of one target still to be made: those to come, and the latest already due.

        Earlier due ones are passed over for good (see `due`), so they are not even made.
        """
        dues = [(o, due_at(target, o, self.tz, clock)) for o in offsets]
        past = [d for _, d in dues if d <= self.now]
        return [(o, d) for o, d in dues if d > self.now or d == max(past)]

    def when(self, target: datetime, due: datetime, timed: bool = True) -> str:
        """The countdown as the reminder reads when shown: from now, or from its due time if later."""
        left = countdown(target, max(self.local_now, due.astimezone(self.tz).replace(tzinfo=None)), timed)
        return f"in {left}" if left[:1].isdigit() else left


def _deadlines(p: Posting, w: _Window) -> Iterator[Reminder]:
    target = p.deadline_at()
    if target is None or not deadline_counts(p.status):  # applied already, or finished
        return
    expires = w.expiry(target)
    if expires <= w.now:
        return
    name = posting_name(p) or "posting"
    for offset, due in w.offsets(target, w.rules.deadline, w.rules.morning):
        if w.keeps(due, expires):
            yield Reminder(
                key=f"posting-{p.id}/deadline-{offset.name}/{target.isoformat(timespec='minutes')}",
                kind="deadline", subject=f"posting-{p.id}", target=target, due=due,
                text=f"Deadline {w.when(target, due, p.deadline_time is not None)}: {name}", posting=p,
                expires=expires, known=w.known(p),
            )


def event_target(e: Event, rules: ReminderRules) -> datetime | None:
    """An appointment or own reminder without an hour counts from the morning of its day."""
    return None if e.day is None else datetime.combine(e.day, e.time or rules.morning)


def appointment_offsets(e: Event, rules: ReminderRules) -> tuple[Offset, ...]:
    """The appointment rules for `e`: "2 hours before" needs an hour, so a day without one gets whole days only."""
    return rules.appointment if e.time is not None else tuple(o for o in rules.appointment if not o.elapsed)


def _appointments(e: Event, p: Posting, w: _Window) -> Iterator[Reminder]:
    target = event_target(e, w.rules)
    if target is None or e.kind not in w.rules.appointment_kinds or p.status.is_finished:
        return
    expires = w.expiry(target)
    if expires <= w.now:
        return
    what = e.kind.value.replace("-", " ").capitalize()
    place = f" · {clean_line(e.place)}" if e.place.strip() else ""
    for offset, due in w.offsets(target, appointment_offsets(e, w.rules)):
        if w.keeps(due, expires):
            yield Reminder(
                key=f"event-{e.id}/{e.kind.value}-{offset.name}/{target.isoformat(timespec='minutes')}",
                kind=e.kind.value, subject=f"event-{e.id}", target=target, due=due,
                text=f"{what} {w.when(target, due, e.time is not None)}: {posting_name(p) or 'posting'}{place}",
                posting=p, event=e, expires=expires, known=w.known(p),
            )


def follow_ups(p: Posting, rules: ReminderRules, heard: set[int]) -> tuple[tuple[int, datetime], ...]:
    """The follow-up steps (days, moment) of an application still unanswered: the cadence, e.g. 7, 14 and 28 days after.

    None once an answer came: a status after "applied", or an appointment recorded (`jobtrack.core.ahead`).
    """
    if p.status is not Status.APPLIED or p.id in heard:
        return ()
    sent = applied_at(p).date()
    return tuple((d, datetime.combine(sent + timedelta(days=d), rules.morning)) for d in rules.follow_up_days)


def _follow_up(p: Posting, w: _Window, heard: set[int]) -> Iterator[Reminder]:
    """The steps of the cadence still to come, and the latest already due (as with a deadline's rules)."""
    steps = follow_ups(p, w.rules, heard)
    past = [w.expiry(target) for _, target in steps if w.expiry(target) <= w.now]
    for days, target in steps:
        due = w.expiry(target)
        if (due > w.now or due == max(past)) and w.keeps(due, None):
            yield Reminder(
                key=f"posting-{p.id}/follow-up-{days}d/{target.isoformat(timespec='minutes')}",
                kind="follow-up", subject=f"posting-{p.id}", target=target, due=due,
                text=f"No answer for {days} days: {posting_name(p) or 'posting'}. Follow up?", posting=p,
                known=w.known(p),
            )


def _own(e: Event, p: Posting | None, w: _Window) -> Iterator[Reminder]:
    target = event_target(e, w.rules)
    if e.kind is not OWN or target is None:
        return
    due = w.expiry(target)
    if w.keeps(due, None):
        about = posting_name(p)
        yield Reminder(
            key=f"event-{e.id}/reminder/{target.isoformat(timespec='minutes')}",
            kind="reminder", subject=f"event-{e.id}", target=target, due=due,
            text=f"Reminder: {clean_line(e.label) or 'follow up'}" + (f" ({about})" if about else ""),
            posting=p, event=e, known=w.known(p),
        )


def candidates(
    postings: Iterable[Posting],
    events: Iterable[Event],
    rules: ReminderRules,
    now: datetime,
    tz: ZoneInfo,
    ahead: timedelta | None = None,
) -> list[Reminder]:
    """The reminders the rules make that are still worth showing at `now`.

    Of the reminders of one deadline or appointment already due, only the
    latest is made: after a holiday "tomorrow" is shown, not "in 7 days".
    Only those due by `now + ahead` are made (all of them when `ahead` is
    None), so asking what is due now costs little however many postings there are.
    """
    at = aware(now, tz).astimezone(UTC)
    w = _Window(rules, tz, at, datetime.max.replace(tzinfo=UTC) if ahead is None else at + ahead)
    by_id = {p.id: p for p in postings}
    events = list(events)
    heard = heard_from(events)  # an appointment recorded: answered, no follow-up
    found: list[Reminder] = []
    for p in by_id.values():
        found += _deadlines(p, w)
        found += _follow_up(p, w, heard)
    for e in events:
        owner = by_id.get(e.posting_id)
        found += _own(e, owner, w)
        if owner is not None:
            found += _appointments(e, owner, w)
    return found


# -- state --------------------------------------------------------------------
# The state is one JSON dict kept in the store's meta under "reminders":
# {key: {"target": ISO, "shown": ISO, "dismissed": ISO, "snoozed": ISO, "n": "3"}}.
# Moments given to these functions are aware (`reminder_service` makes them so).

State = dict[str, dict[str, str]]
META_KEY = "reminders"


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _entry(state: State, r: Reminder) -> dict[str, str]:
    return {**state.get(r.key, {}), "target": r.target.isoformat(timespec="minutes")}


def due(made: Iterable[Reminder], state: State, rules: ReminderRules, now: datetime, tz: ZoneInfo) -> list[Reminder]:
    """What to deliver now: due, never shown (or back from a snooze), latest of each group."""
    now_utc = aware(now, tz).astimezone(UTC)
    latest: dict[tuple[str, str, datetime], Reminder] = {}
    for r in made:
        if r.due <= now_utc and (r.group not in latest or latest[r.group].due < r.due):
            latest[r.group] = r
    out = []
    for r in latest.values():
        entry = state.get(r.key, {})
        snoozed = _moment(entry.get("snoozed"))
        if entry.get("dismissed") or (snoozed is None and entry.get("shown")):
            continue
        if snoozed is not None and snoozed > now_utc:
            continue
        # Late means missed while nothing ran; not due before the posting was even added or changed.
        known = r.known if r.known is not None and r.known <= now_utc else r.due
        since = snoozed or max(r.due, known)
        out.append(replace(r, late=now_utc - since > rules.late_after))
    return sorted(out, key=lambda r: (r.due, r.key))


def pending(made: Iterable[Reminder], state: State, now: datetime, tz: ZoneInfo,
            ahead: timedelta = timedelta(days=7)) -> list[Reminder]:
    """For a list: due ones not dismissed (shown or not), snoozed ones, and those due within `ahead`."""
    now_utc = aware(now, tz).astimezone(UTC)
    made = list(made)
    latest: dict[tuple[str, str, datetime], datetime] = {}
    for r in made:
        if r.due <= now_utc:
            latest[r.group] = max(latest.get(r.group, r.due), r.due)
    out = []
    for r in made:
        entry = state.get(r.key, {})
        if entry.get("dismissed"):
            continue
        if r.due <= now_utc and r.due < latest[r.group]:
            continue  # an earlier reminder of the same deadline or appointment
        if r.due > now_utc + ahead:
            continue
        out.append(replace(r, shown=bool(entry.get("shown")), snoozed=_moment(entry.get("snoozed")),
                           number=_number(entry)))
    return sorted(out, key=lambda r: ((r.snoozed or r.due), r.key))


def _number(entry: dict[str, str]) -> int | None:
    n = entry.get("n", "")
    return int(n) if n.isdigit() else None


def number(state: State, listed: Iterable[Reminder]) -> State:
    """Give each listed reminder without a number the lowest one free.

    A number stays with its reminder until the state forgets it (`prune`), so
    `remind dismiss 2` acts on the reminder listed as 2 even after a snooze
    reordered the list.
    """
    taken = {n for entry in state.values() if (n := _number(entry)) is not None}
    out = dict(state)
    free = (n for n in count(1) if n not in taken)
    for r in listed:
        if _number(out.get(r.key, {})) is None:
            out[r.key] = {**_entry(out, r), "n": str(next(free))}
    return out


def mark_shown(state: State, shown: Iterable[Reminder], now: datetime) -> State:
    """Shown once: it does not come again (a snooze that came back is used up)."""
    out = dict(state)
    for r in shown:
        entry = _entry(out, r)
        entry.pop("snoozed", None)
        out[r.key] = {**entry, "shown": _stamp(now)}
    return out


def dismiss(state: State, r: Reminder, now: datetime) -> State:
    return {**state, r.key: {**_entry(state, r), "dismissed": _stamp(now)}}


def snooze(state: State, r: Reminder, until: datetime) -> State:
    """Show `r` again at `until`, which must be later than it is due now: a snooze only postpones."""
    if until <= (r.snoozed or r.due):
        raise ValueError(f"a snooze only postpones: {until:%a %d %b %H:%M} is not after "
                         f"{(r.snoozed or r.due).astimezone(until.tzinfo):%a %d %b %H:%M}, when it is due")
    return {**state, r.key: {**_entry(state, r), "snoozed": _stamp(until)}}


def prune(state: State, now: datetime) -> State:
    """Forget reminders whose target is long past: they can never be produced again."""
    limit = now.replace(tzinfo=None) - STALE  # targets are local wall times
    return {k: v for k, v in state.items() if datetime.fromisoformat(v.get("target", "9999-01-01")) >= limit}


def rekey(state: State, subjects: dict[str, str]) -> State:
    """The state with each key's subject ("posting-7") replaced as `subjects` says; others are dropped.

    Export names subjects by identity ("posting-<uid>") and import by the ids
    of the store it goes into, so shown and dismissed reminders stay so.
    """
    out: State = {}
    for key, entry in state.items():
        subject, _, rest = key.partition("/")
        if subject in subjects:
            out[f"{subjects[subject]}/{rest}"] = entry
    return out


def load_state(meta: dict[str, Any]) -> State:
    """The state from the store's meta; anything malformed is ignored rather than fatal."""
    raw = meta.get(META_KEY)
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, dict)}


def snooze_until(text: str, now: datetime, morning: time, due: datetime | None = None) -> datetime:
    """ "2h", "1d" or a typed date (at the morning hour when it has no time).

    A snooze only postpones: for a reminder not due yet (`due`, in `now`'s
    zone), durations count from when it is due and a date must be after it.
    """
    start = max(now, due) if due is not None else now
    try:
        return start + parse_offset(text).length()
    except ValueError:
        pass
    from jobtrack.lang.human_dates import parse_when  # the date parser loads the vocabulary: only when needed

    day, clock = parse_when(text, now.date())
    until = datetime.combine(day, clock or morning, tzinfo=now.tzinfo)
    if until <= now:
        raise ValueError(f"{text!r} is not in the future")
    if until <= start:
        raise ValueError(f"a snooze only postpones: {text!r} is not after {start:%a %d %b %H:%M}, when it is due")
    return until


def find(reminders: list[Reminder], wanted: str) -> Reminder:
    """A reminder by its key, or by the number `remind list` showed; ValueError if none."""
    for r in reminders:
        if r.key == wanted or wanted.isdigit() and r.number == int(wanted):
            return r
    raise ValueError(f"no reminder {wanted!r} (see `jobtrack remind list` for numbers and keys)")


__all__ = [
    "CLAMP", "META_KEY", "Reminder", "STALE", "State", "applied_at", "appointment_offsets", "candidates", "dismiss", "due",
    "due_at", "event_target", "find", "follow_ups", "load_state", "mark_shown", "number", "pending", "rekey", "prune",
    "snooze",
    "snooze_until", "trigger",
]
