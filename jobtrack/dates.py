"""Dates and times as people type them: "16/3 14:00", "16. marts 2026",
"March 16", "mandag 10", "next monday 10:00", "i morgen kl. 9",
"uge 31", "after week 31".

The words come from the extraction vocabulary, so a language added there
is understood here too. Errors are `ValueError`s with a message for the user.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from jobtrack.extract import lexicon
from jobtrack.extract.dates import find_dates, find_times, resolve, week_monday

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


def _week(text: str, today: date) -> date | None:
    """ "uge 31", "week 31" → its Monday; "after week 31" → the Monday of week 32.

    The week is the next one with that number that has not ended yet.
    """
    names = "|".join(re.escape(w) for w in lexicon.words("cues.week"))
    after = lexicon.alternation(lexicon.words("dates.after"))  # once that week is over
    m = re.search(rf"(?<!\w)(?:({after})\s+)?(?:{names})\.?\s*(\d{{1,2}})(?!\d)", text, re.I)
    if not m:
        return None
    number = int(m.group(2))
    for year in (today.year, today.year + 1):
        monday = week_monday(year, number)
        if monday is not None and monday + timedelta(days=6) >= today:
            return monday + timedelta(days=7) if m.group(1) else monday
    raise ValueError(f"there is no week {number}")


def _day_of(text: str, today: date, weekday: int | None) -> date | None:
    """A weekday, maybe with a day of the month: the next day that fits both."""
    number = _DAY_NUMBER.search(text)
    for offset in range(1, 400):
        day = today + timedelta(days=offset)
        if weekday is not None and day.weekday() != weekday:
            continue
        if number and day.day != int(number.group(1)):
            continue
        return day
    return None


def parse_when(text: str, today: date | None = None) -> tuple[date, time | None]:
    """The day, and the time if one was given; raises ValueError when unsure."""
    text = text.strip()
    today = today or date.today()
    if not text:
        raise ValueError("no date given")
    if (iso := _iso(text)) is not None:
        return iso
    text = _SPACED_YEAR.sub(r"\1/\2/\3", text)
    times = find_times(text)
    clock = times[0].value if times else None
    if clock is None and (m := _BARE_CLOCK.search(text)):
        clock = time(int(m.group(1)), int(m.group(2)))
    if clock is None and (m := _weekday_hour(text)):
        clock = time(int(m.group(1)))
        text = text[: m.start(1)]  # the hour is no day of the month
    without_times = text
    for t in reversed(times):
        without_times = without_times[: t.start] + " " + without_times[t.end :]
    if (monday := _week(without_times, today)) is not None:
        return monday, clock
    facts = resolve(find_dates(without_times), as_of=today)
    if facts:
        return facts[0].first, clock
    if (offset := _relative(without_times)) is not None:
        return today + timedelta(days=offset), clock
    weekday = _weekday(without_times)
    if weekday is not None:
        day = _day_of(without_times, today, weekday)
        if day is not None:
            return day, clock
    raise ValueError(f"cannot understand the date {text!r} (try 2026-03-16, 16/3 14:00 or 16. marts 2026)")


def parse_date(text: str, today: date | None = None) -> date:
    return parse_when(text, today)[0]


def parse_time(text: str) -> time:
    text = text.strip()
    times = find_times(text) or find_times(f"kl. {text}")
    if times:
        return times[0].value
    raise ValueError(f"cannot understand the time {text!r} (try 14:00)")
