"""Dates and times as people type them: "16/3 14:00", "16. marts 2026",
"March 16", "mandag 10", "next monday 10:00", "i morgen kl. 9",
"uge 31", "after week 31".

The words come from the extraction vocabulary, so a language added there
is understood here too. Errors are `ValueError`s with a message for the user.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta

from jobtrack.core import clock
from jobtrack.lang import lexicon
from jobtrack.lang.dates import DateSpan, find_dates, find_times, week_monday

_DAY_NUMBER = re.compile(r"(?<![\d:.])(\d{1,2})\.?(?![\d:])")
# "14:00" or "14.00" alone; never the "16.03" of a date such as 16.03.2026.
_BARE_CLOCK = re.compile(r"(?<![\d./-])([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d|[./-]\d)")
# "16/3 2026", as people write it: the year after a space.
_SPACED_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2}) ((?:19|20)\d\d)(?![\d:.])")


def _weekday_hour(text: str) -> re.Match[str] | None:
    """ "mandag 10", "next friday 9": a weekday and a bare hour, as an interview time is typed.

    The number ends the text and carries no day-of-month marks ("mandag den 10.").
    """
    names = "|".join(sorted(map(re.escape, lexicon.table("weekdays")), key=len, reverse=True))
    return re.search(rf"(?<!\w)(?:{names})\s+([01]?\d|2[0-3])\s*$", text, re.I)


def _build(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(text: str) -> tuple[date, time | None] | None:
    try:
        if len(text) == 10:
            return date.fromisoformat(text), None
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.date(), moment.time().replace(second=0, microsecond=0)


def _weekday(text: str) -> int | None:
    names = lexicon.table("weekdays")
    for word in re.findall(r"\w+", text.casefold()):
        if word in names:
            return names[word]
    return None


def _relative(text: str) -> int | None:
    folded = " ".join(text.casefold().split())
    for phrase, offset in sorted(lexicon.table("relative").items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded):
            return offset
    return None


def _week(text: str, today: date, past: bool) -> date | None:
    """ "uge 31", "week 31" → its Monday; "after week 31" → the Monday of week 32.

    The week is the next one with that number that has not ended yet, or
    for a past field the last one that has begun.
    """
    names = "|".join(re.escape(w) for w in lexicon.words("cues.week"))
    after = lexicon.alternation(lexicon.words("dates.after"))  # once that week is over
    m = re.search(rf"(?<!\w)(?:({after})\s+)?(?:{names})\.?\s*(\d{{1,2}})(?!\d)", text, re.I)
    if not m:
        return None
    number = int(m.group(2))
    for year in (today.year, today.year - 1) if past else (today.year, today.year + 1):
        monday = week_monday(year, number)
        if monday is not None and (monday <= today if past else monday + timedelta(days=6) >= today):
            return monday + timedelta(days=7) if m.group(1) else monday
    raise ValueError(f"there is no week {number}")


def _day_of(text: str, today: date, weekday: int | None, past: bool) -> date | None:
    """A weekday, maybe with a day of the month: the next day that fits both (the last, for a past field)."""
    number = _DAY_NUMBER.search(text)
    for offset in range(0, -400, -1) if past else range(1, 400):
        day = today + timedelta(days=offset)
        if weekday is not None and day.weekday() != weekday:
            continue
        if number and day.day != int(number.group(1)):
            continue
        return day
    return None


# A weekday written with a day and month picks the year among this many after
# (or, for a past field, before) the present one.
NEAR_YEARS = 2


def _on(span: DateSpan, today: date, past: bool) -> date | None:
    """The day a written date means: its year if given, else the nearest in the field's direction.

    A weekday written with it never moves the day: it only picks the year,
    and one that fits no near year (or not the given year) is an error.
    None when the day exists in no year (31/2).
    """
    wanted = span.weekday
    if span.year is not None:
        years = [span.year]
    else:
        step = -1 if past else 1
        years = [today.year + step * k for k in range(NEAR_YEARS + 1 if wanted is not None else 9)]
    possible = [d for y in years if (d := _build(y, span.month, span.days[0])) is not None
                and (span.year is not None or (d <= today if past else d >= today))]
    if not possible:
        return None
    fitting = [d for d in possible if wanted is None or d.weekday() == wanted]
    if fitting:
        return fitting[0]
    weekday, first = calendar.day_name[wanted or 0], possible[0]
    if span.year is not None:
        return _refuse(f"{first.day} {first:%B %Y} is a {first:%A}, not a {weekday}")
    years_named = f"{min(d.year for d in possible)}–{max(d.year for d in possible)}"
    return _refuse(f"{first.day} {first:%B} is not a {weekday} in {years_named}: give the year")


def _refuse(message: str) -> date:
    raise ValueError(message)


# A clock time as typed ("25:00", "kl. 31"), valid or not: checked so that a
# bad hour is an error instead of being dropped from the date.
_CLOCKISH = re.compile(r"(?<![\d./-])(\d{1,2}):(\d{2})(?!\d)")


def _check_clocks(text: str) -> None:
    prefixes = "|".join(re.escape(w) for w in lexicon.words("time.prefix"))
    found = list(_CLOCKISH.finditer(text))
    if prefixes:
        found += re.finditer(rf"(?<!\w)(?:{prefixes})\s*(\d{{1,2}})(?:[.:](\d{{2}}))?(?![\d.:])", text, re.I)
    for m in found:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if not (hour < 24 and minute < 60 or (hour, minute) == (24, 0)):
            raise ValueError(f"there is no time {m.group().strip()!r} on a clock (try 14:00)")


def parse_when(text: str, today: date | None = None, past: bool = False) -> tuple[date, time | None]:
    """The day, and the time if one was given; raises ValueError when unsure.

    A date without a year is the nearest one on or after `today` (the
    clock's day when not given), or on or before it when `past` (a posted
    date, the start of a report).
    """
    text = text.strip()
    today = today or clock.today()
    if not text:
        raise ValueError("no date given")
    if (iso := _iso(text)) is not None:
        return iso
    _check_clocks(text)
    text = _SPACED_YEAR.sub(r"\1/\2/\3", text)
    times = find_times(text)
    at = times[0].value if times else None
    if at is None and (m := _BARE_CLOCK.search(text)):
        at = time(int(m.group(1)), int(m.group(2)))
    if at is None and (m := _weekday_hour(text)):
        at = time(int(m.group(1)))
        text = text[: m.start(1)]  # the hour is no day of the month
    without_times = text
    for t in reversed(times):
        without_times = without_times[: t.start] + " " + without_times[t.end :]
    if (monday := _week(without_times, today, past)) is not None:
        return monday, at
    for span in find_dates(without_times):
        if (day := _on(span, today, past)) is not None:
            return day, at
    if (offset := _relative(without_times)) is not None:
        return today + timedelta(days=offset), at
    weekday = _weekday(without_times)
    if weekday is not None:
        found = _day_of(without_times, today, weekday, past)
        if found is not None:
            return found, at
    raise ValueError(f"cannot understand the date {text!r} (try 2026-03-16, 16/3 14:00 or 16. marts 2026)")


def parse_date(text: str, today: date | None = None, past: bool = False) -> date:
    return parse_when(text, today, past)[0]


def parse_time(text: str) -> time:
    text = text.strip()
    times = find_times(text) or find_times(f"kl. {text}")
    if times:
        return times[0].value
    raise ValueError(f"cannot understand the time {text!r} (try 14:00)")
