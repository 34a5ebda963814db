"""Deadlines and dated events as an iCalendar (RFC 5545) file.

UIDs are built from the records' identities (`posting-<uid>-deadline@jobtrack`,
`event-<uid>@jobtrack`), which survive export, import and a move to another
machine, so importing a newer export into a calendar updates the old
entries instead of adding copies.

Texts go out without control characters (a calendar shows them in places
no one checks); what cannot be written at all (a URL with a line break, a
date a calendar cannot hold) is left out with a warning, never the whole file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, timezone
from functools import partial
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar
from icalendar import Event as VEvent

from jobtrack.app.config import Offset, ReminderRules, load_config
from jobtrack.app.reminders import OWN, appointment_offsets, event_target, trigger
from jobtrack.core.listing import posting_name
from jobtrack.core.model import Event, Posting, Status
from jobtrack.core.sanitize import clean_line, clean_text
from jobtrack.core.zones import local_zone

DROPPED = frozenset({Status.REJECTED, Status.WITHDRAWN})
DEFAULT_LENGTH = timedelta(hours=1)


def _alarm(offset: timedelta, text: str) -> Alarm:
    """`offset` from the event's start (negative: before), as the calendar reads it."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", offset)
    return alarm


def _alarms(
    ev: VEvent, target: datetime, start: datetime, offsets: tuple[Offset, ...], text: str, clock: time | None = None
) -> None:
    """One VALARM per rule, at the moment `jobtrack remind` would show it.

    Whole days become nominal days (a calendar keeps the wall time across a
    daylight-saving change), hours stay exact: the same reading as the rules.
    """
    for offset in offsets:
        ev.add_component(_alarm(target + trigger(target, offset, clock) - start, text))


def _deadline(p: Posting, tz: ZoneInfo, stamp: datetime, rules: ReminderRules, warnings: list[str]) -> VEvent:
    ev = VEvent()
    ev.add("uid", f"posting-{p.uid}-deadline@jobtrack")
    ev.add("dtstamp", stamp)
    summary = clean_line(f"Deadline: {posting_name(p)}")
    ev.add("summary", summary)
    assert p.deadline is not None  # only postings with a deadline get here
    if p.deadline_time is not None:
        # A moment, not a block of time: without an end some programs (khal)
        # assume an hour and let a 23:59 deadline spill into the next day.
        ev.add("dtstart", datetime.combine(p.deadline, p.deadline_time, tzinfo=tz))
        ev.add("duration", timedelta(0))
    else:
        _all_day(ev, p.deadline)
    if clean_line(p.location):
        ev.add("location", clean_line(p.location))
    if p.url and any(c.isspace() or not c.isprintable() for c in p.url):
        warnings.append(f"#{p.id}: its URL holds spaces or control characters; the calendar entry has no URL")
    elif p.url:
        ev.add("url", p.url)
    ev.add("transp", "TRANSPARENT")
    ev.add("categories", ["jobtrack", "deadline"])
    target = p.deadline_at()
    if p.status is Status.SAVED and target is not None:  # once applied, no need to be reminded to apply
        start = target if p.deadline_time is not None else datetime.combine(target.date(), time(0, 0))
        _alarms(ev, target, start, rules.deadline, summary, rules.morning)
    return ev


def _all_day(ev: VEvent, day: date) -> None:
    """A whole-day entry: DTEND is the day after (RFC 5545 3.6.1), which every calendar reads right."""
    ev.add("dtstart", day)
    ev.add("dtend", day + timedelta(days=1))


def _event(e: Event, p: Posting | None, tz: ZoneInfo, stamp: datetime, rules: ReminderRules) -> VEvent:
    assert e.day is not None
    ev = VEvent()
    ev.add("uid", f"event-{e.uid}@jobtrack")
    ev.add("dtstamp", stamp)
    kind = e.kind.value.replace("-", " ").capitalize()
    name = posting_name(p)
    summary = f"{kind}: {name}" if name else kind
    if e.label:
        summary += f" ({e.label.strip()})"
    summary = clean_line(summary)
    ev.add("summary", summary)
    if e.time is not None:
        start = datetime.combine(e.day, e.time, tzinfo=tz)
        end = datetime.combine(e.day, e.end, tzinfo=tz) if e.end and e.end > e.time else start + DEFAULT_LENGTH
        ev.add("dtstart", start)
        ev.add("dtend", end)
    else:
        _all_day(ev, e.day)
    if clean_line(e.place):
        ev.add("location", clean_line(e.place))
    if clean_text(e.notes).strip():
        ev.add("description", clean_text(e.notes))
    ev.add("categories", ["jobtrack", e.kind.value])
    target = event_target(e, rules)
    start = datetime.combine(e.day, e.time or time(0, 0))
    if target is not None and e.kind is OWN:
        _alarms(ev, target, start, (Offset(),), summary)
    elif target is not None and p is not None and not p.status.is_finished and e.kind in rules.appointment_kinds:
        _alarms(ev, target, start, appointment_offsets(e, rules), summary)
    return ev


def build_calendar(
    postings: Iterable[Posting],
    events: Iterable[Event],
    now: datetime,
    tz: ZoneInfo | None = None,
    rules: ReminderRules | None = None,
    warnings: list[str] | None = None,
) -> bytes:
    """One VEVENT per deadline (of postings still open) and per dated event.

    Alarms follow `rules`, by default those of the user's config file. What
    had to be left out is described, one line each, in `warnings`.
    """
    warnings = warnings if warnings is not None else []
    rules = rules or load_config().reminders
    tz = tz or local_zone()
    stamp = (now if now.tzinfo else now.replace(tzinfo=tz)).astimezone(timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//jobtrack//jobtrack//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "jobtrack")
    by_id = {p.id: p for p in postings}
    last = date(2038, 1, 1)  # the default end of generated VTIMEZONE rules
    entries: list[tuple[date, Callable[[], VEvent], str]] = []
    for p in sorted(by_id.values(), key=lambda p: p.id or 0):
        if p.deadline is not None and not p.status.is_finished:
            entries.append((p.deadline, partial(_deadline, p, tz, stamp, rules, warnings), f"#{p.id}: the deadline"))
    for e in sorted(events, key=lambda e: e.id or 0):
        owner = by_id.get(e.posting_id)
        if e.day is not None and (owner is None or owner.status not in DROPPED):
            entries.append((e.day, partial(_event, e, owner, tz, stamp, rules), f"event e{e.id}: the day"))
    for day, build, what in entries:
        try:  # everything that can overflow before anything is added
            horizon = day + timedelta(days=366)
            entry = build()
        except OverflowError:
            warnings.append(f"{what} {day} is beyond what a calendar can hold; left out")
            continue
        cal.add_component(entry)
        last = max(last, horizon)
    cal.add_missing_timezones(last_date=last)
    return cal.to_ical()


__all__ = ["build_calendar", "local_zone"]
