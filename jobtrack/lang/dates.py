"""Find date and clock-time spans in text, then build real dates.

dateutil reads "kl. 24.00" as the year 2024, ignores weekday names and
gives up on sentences with two dates, so spans are found with patterns
built from the vocabulary, and dates are built here: day-first numbers,
written months in every language, lists ("den 1. og 2. september"),
weekday agreement, and the year taken from the posting's other dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import cache

from jobtrack.lang import lexicon

END_OF_DAY = time(23, 59)
_YEAR = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class DateSpan:
    """A date as written: maybe several days of one month, maybe no year."""

    start: int
    end: int
    days: tuple[int, ...]
    month: int
    year: int | None = None
    weekday: int | None = None
    ends_range: bool = False  # "1. januar 2026 til 31. december 2027": the second date


@dataclass(frozen=True)
class TimeSpan:
    start: int
    end: int
    value: time


@dataclass(frozen=True)
class DateFact:
    """A resolved date span: real dates, and how sure the year is."""

    start: int
    end: int
    dates: tuple[date, ...]
    confidence: float
    year_inferred: bool = False
    span: DateSpan | None = field(default=None, compare=False)

    @property
    def first(self) -> date:
        return self.dates[0]


@dataclass(frozen=True)
class _Patterns:
    dates: re.Pattern[str]
    weekday_before: re.Pattern[str]
    week_before: re.Pattern[str]
    times: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    noon: frozenset[str]
    midnight: frozenset[str]
    time_heads: frozenset[str]
    until: re.Pattern[str]


@cache
def patterns(langs: tuple[str, ...] | None = None) -> _Patterns:
    """Date and time patterns built from the vocabularies (all by default)."""
    months = lexicon.table("months", langs)
    weekdays = lexicon.table("weekdays", langs)
    month = lexicon.alternation(months) + r"(?!\w)\.?"
    conj = lexicon.alternation(lexicon.words("dates.conjunction", langs) + [",", "-", "–", "&", "/"])
    art = lexicon.alternation(lexicon.words("dates.article", langs))
    nth = lexicon.alternation(lexicon.words("dates.day_suffix", langs))  # "12th"
    of = lexicon.alternation(lexicon.words("dates.of", langs))  # "12th of March"
    day = rf"[0-3]?\d(?!\d){nth}?\.?"
    wd = lexicon.alternation(weekdays)
    # a listed day may bring its weekday: "Tues 9 & Wed 10 February", "den 12. og onsdag den 13."
    # "12th, 13th, and 14th": a comma may come before the word that joins the last day
    join = rf"(?:\s{{0,3}}{conj}){{1,2}}\s{{0,3}}"
    daylist = rf"(?P<days>{day}(?:{join}(?:{wd}\.?,?\s+)?(?:{art}\s+)?{day}){{0,6}})"
    dayfirst = rf"(?<![\w.,:/-]){daylist}\s+(?:{of}\s+)?(?P<mon>{month})(?:,?\s+(?P<year>{_YEAR})(?![\d]|[.:]\d))?"
    monthfirst = (rf"(?<!\w)(?P<mon2>{month})[ \t]+(?P<days2>[0-3]?\d(?!\d){nth}?"
                  rf"(?:{join}[0-3]?\d(?!\d){nth}?){{0,6}})(?!\d|[.:]\d)"
                  rf"(?:,?\s+(?P<year2>{_YEAR})(?![\d]|[.:]\d))?")
    iso = rf"(?<![\d.-])(?P<iy>{_YEAR})-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)(?![\d-])"
    numeric = (r"(?<![\w./:,-])(?P<nd>[0-3]?\d)(?P<sep>[./-])(?P<nm>[01]?\d)(?P=sep)"
               r"(?P<ny>(?:19|20)?\d{2})(?!\w|[./-]\d)")
    # "14-Oct-2020", "14/oct/20": a written month between numbers
    dashed = (rf"(?<![\w./:,-])(?P<xd>[0-3]?\d)(?P<xs>[-/])(?P<xm>{month})(?P=xs)"
              rf"(?P<xy>(?:19|20)?\d{{2}})(?![\w/-])")
    slash = r"(?<![\w./:,-])(?P<sd>[0-3]?\d)/(?P<sm>[01]?\d)(?![\w/]|[.,]\d)"
    dates = re.compile("|".join(f"(?:{p})" for p in (iso, numeric, dashed, dayfirst, monthfirst, slash)),
                       re.IGNORECASE)
    weekday_before = re.compile(rf"(?<!\w)(?P<wd>{wd})\.?,?\s+(?:{art}\s+)?$", re.IGNORECASE)
    prefix = lexicon.words("time.prefix", langs)
    noon = frozenset(lexicon.words("time.noon", langs))
    midnight = frozenset(lexicon.words("time.midnight", langs))
    hm = r"(?P<{h}>[0-2]?\d)(?:[.:](?P<{m}>[0-5]\d))?"
    parts = []
    if prefix:
        parts.append(rf"(?<!\w){lexicon.alternation(prefix)}\s*" + hm.format(h="h1", m="m1")
                     + r"(?![\d.,]\d)")
    # "11:59pm" before "11:59": a 12-hour time is read with its am/pm
    parts.append(r"(?<![\w.:])(?P<h3>1[0-2]|0?[1-9])(?:[.:](?P<m3>[0-5]\d))?[ \t]*"
                 r"(?P<ap>[ap])\.?m\b\.?")
    parts.append(r"(?<![\w.:])(?P<h2>[01]?\d|2[0-4]):(?P<m2>[0-5]\d)(?!\d)")
    if noon | midnight:
        parts.append(r"(?<!\w)(?:12[ \t]*)?(?P<word>" + lexicon.alternation(noon | midnight)
                     + r")(?!\w)")
    times = re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)
    week_before = re.compile(r"(?<!\w)" + lexicon.alternation(lexicon.words("cues.week", langs))
                             + r"\s*$", re.IGNORECASE)
    until = re.compile(r"\s*(?:[-–—]|" + lexicon.alternation(lexicon.words("dates.until", langs))
                       + r")\s*$", re.IGNORECASE)
    return _Patterns(dates, weekday_before, week_before, times, months, weekdays, noon, midnight,
                     lexicon.heads(list(prefix) + list(noon) + list(midnight)), until)


def _month(name: str, p: _Patterns) -> int | None:
    return p.months.get(name.casefold().rstrip("."))


def _days(s: str) -> tuple[int, ...]:
    """Days of a list; a short range ("1.-3.") is every day in it."""
    nums = [int(n) for n in re.findall(r"\d+", s)]
    if len(nums) == 2 and re.search(r"\d\.?\s*[-–]\s*\d", s) and 0 < nums[1] - nums[0] <= 6:
        return tuple(range(nums[0], nums[1] + 1))
    return tuple(nums)


def find_dates(text: str, langs: tuple[str, ...] | None = None) -> list[DateSpan]:
    """Every date-like span in `text`, with the weekday written before it."""
    p = patterns(langs)
    out: list[DateSpan] = []
    for m in lexicon.scan(p.dates, text, lexicon.heads(p.months), digits=True):
        g = m.groupdict()
        days: tuple[int, ...]
        year: int | None = None
        if g["iy"]:
            days, month, year = (int(g["id"]),), int(g["im"]), int(g["iy"])
        elif g["nd"]:
            y = int(g["ny"])
            days, month, year = (int(g["nd"]),), int(g["nm"]), (y + 2000 if y < 100 else y)
        elif g["xd"]:
            y = int(g["xy"])
            days, month, year = (int(g["xd"]),), _month(g["xm"], p) or 0, (y + 2000 if y < 100 else y)
        elif g["sd"]:
            days, month = (int(g["sd"]),), int(g["sm"])
        elif g["days"]:
            days, month = _days(g["days"]), _month(g["mon"], p) or 0
            year = int(g["year"]) if g["year"] else None
        else:
            days, month = _days(g["days2"]), _month(g["mon2"], p) or 0
            year = int(g["year2"]) if g["year2"] else None
        if len(days) > 1 and p.week_before.search(text, max(0, m.start() - 12), m.start()):
            days = days[1:]  # "week 12, on 17 and 18 March": 12 is a week
        if not days or not 1 <= month <= 12 or any(not 1 <= d <= 31 for d in days):
            continue
        start = m.start()
        weekday = None
        wm = p.weekday_before.search(text, max(0, start - 25), start)
        if wm:
            weekday = p.weekdays.get(wm.group("wd").casefold().rstrip("."))
            start = wm.start()
        ends_range = bool(out) and start - out[-1].end <= 12 and \
            p.until.match(text, out[-1].end, start) is not None
        out.append(DateSpan(start, m.end(), days, month, year, weekday, ends_range))
    return out


def find_times(text: str, langs: tuple[str, ...] | None = None) -> list[TimeSpan]:
    """Clock times: "kl. 12.00", "15:00", "5 pm", "noon"; "kl. 24.00" is 23:59."""
    p = patterns(langs)
    out = []
    for m in lexicon.scan(p.times, text, p.time_heads, digits=True):
        g = m.groupdict()
        if g.get("word"):
            w = g["word"].casefold()
            value = END_OF_DAY if w in p.midnight else time(12, 0)
        else:
            h = g.get("h1") or g.get("h2") or g["h3"]
            mi = g.get("m1") or g.get("m2") or g.get("m3") or "0"
            hour, minute = int(h), int(mi)
            if g.get("ap"):
                hour = hour % 12 + (12 if g["ap"].lower() == "p" else 0)
            if hour == 24 and minute == 0:
                value = END_OF_DAY
            elif hour < 24 and minute < 60:
                value = time(hour, minute)
            else:
                continue
        out.append(TimeSpan(m.start(), m.end(), value))
    return out


def _build(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _valid_days(span: DateSpan, year: int) -> tuple[date, ...] | None:
    built = tuple(_build(year, span.month, d) for d in span.days)
    if any(b is None for b in built):
        return None
    return built  # type: ignore[return-value]


def resolve(spans: list[DateSpan], as_of: date | None = None) -> list[DateFact]:
    """Real dates for the spans; impossible dates are dropped, not guessed.

    A span without a year takes it from the nearest span that has one (the
    year that puts it closest to that date, so December and January work),
    and must agree with its weekday. With no year anywhere, it is the next
    occurrence on or after `as_of` (today when not given).
    """
    explicit: list[tuple[int, date]] = []
    out: list[DateFact | None] = []
    for s in spans:
        if s.year is None:
            out.append(None)
            continue
        built = _valid_days(s, s.year)
        if built is None:
            out.append(None)
            continue
        conf = 0.95 if s.weekday is None or built[0].weekday() == s.weekday else 0.5
        if not s.ends_range:  # the end of a contract says little about when to apply
            explicit.append((s.start, built[0]))
        out.append(DateFact(s.start, s.end, built, conf, False, s))
    base = as_of or date.today()
    for i, s in enumerate(spans):
        if s.year is not None:
            continue
        if explicit:
            pos, ref = min(explicit, key=lambda e: abs(e[0] - s.start))
            cands = [b for y in (ref.year - 1, ref.year, ref.year + 1)
                     if (b := _valid_days(s, y)) is not None]
            fitting = [b for b in cands if s.weekday is None or b[0].weekday() == s.weekday]
            if fitting:
                best = min(fitting, key=lambda b: abs((b[0] - ref).days))
                out[i] = DateFact(s.start, s.end, best, 0.8, True, s)
            elif cands:
                best = min(cands, key=lambda b: abs((b[0] - ref).days))
                out[i] = DateFact(s.start, s.end, best, 0.3, True, s)
            continue
        # the next two occurrences; the stated weekday picks between them, and one that fits
        # neither is a slip: years later would be further off than the weekday is wrong
        upcoming = [b for y in range(base.year, base.year + 6)
                    if (b := _valid_days(s, y)) is not None and b[0] >= base][:2]
        fitting = [b for b in upcoming if s.weekday is None or b[0].weekday() == s.weekday]
        if fitting:
            out[i] = DateFact(s.start, s.end, fitting[0], 0.6 if s.weekday is not None else 0.5, True, s)
        elif upcoming:
            out[i] = DateFact(s.start, s.end, upcoming[0], 0.3, True, s)
    return [f for f in out if f is not None]


def base_day(as_of: date | None, posted: date | None, deadline: date | None) -> date | None:
    """The day a yearless date follows when the text has no year: publication, if known.

    JSON-LD's datePosted, or half a year before its validThrough, beats the
    day the posting is read, which may be long after it closed.
    """
    known = posted if posted is not None else deadline - timedelta(days=183) if deadline else None
    if known is not None and (as_of is None or known <= as_of):
        return known
    return as_of


def next_occurrence(month: int, day: int, after: date) -> date | None:
    """The first `day`/`month` on or after `after` (None for an impossible day)."""
    for y in range(after.year, after.year + 5):
        d = _build(y, month, day)
        if d is not None and d >= after:
            return d
    return None


def week_monday(year: int, week: int) -> date | None:
    """The Monday of an ISO week, for "uge 12" / "week 12"."""
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


__all__ = ["DateSpan", "TimeSpan", "DateFact", "find_dates", "find_times", "resolve",
           "next_occurrence", "week_monday", "END_OF_DAY", "timedelta"]
