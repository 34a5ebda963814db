"""Map schema.org JobPosting dicts (JSON-LD) to facts.

Structured data is what the employer's system says on purpose, so it gets
high confidence; ISO strings go to dateutil's `isoparse` (its free-text
parser reads 2026-03-08 as 3 August with dayfirst).
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from dateutil.parser import isoparse

from jobtrack.extract.result import Fact
from jobtrack.extract.text import clean

CONF = 0.95


def _fact(value: Any, key: str) -> Fact[Any]:
    return Fact(value, f"JSON-LD {key}", CONF, None, None)


def _text(v: Any) -> str | None:
    if isinstance(v, list):
        v = next((x for x in v if x), None)
    if isinstance(v, dict):
        v = v.get("name") or v.get("@value")
    if v is None or isinstance(v, (dict, list)):
        return None
    s = clean(html.unescape(re.sub(r"<[^>]+>", " ", str(v))))
    return s or None


def _when(v: Any, tz: tzinfo | None = None) -> tuple[date | None, time | None]:
    """The day and time; a moment with an offset is moved into `tz` (the user's zone) when given."""
    s = _text(v)
    if not s:
        return None, None
    try:
        dt = isoparse(s)
    except (ValueError, OverflowError, TypeError):
        return None, None
    if isinstance(dt, datetime):
        t = dt.time().replace(second=0, microsecond=0, tzinfo=None)
        if len(s) <= 10 or t == time(0, 0):  # midnight where it was written: a day, not a moment
            # isoparse reads "T24:00" as the next day's midnight; it is the end of the day written
            return dt.date() - timedelta(days=1) if "T24:00" in s else dt.date(), None
        if tz is not None and dt.tzinfo is not None:
            dt = dt.astimezone(tz)
            t = dt.time().replace(second=0, microsecond=0, tzinfo=None)
        if t >= time(23, 59):  # 23:59(:59) is how job systems store "until the end of that day"
            return dt.date(), None
        return dt.date(), t
    return dt, None


def _number(v: Any) -> str | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"
    s = str(v).strip()
    try:
        f = float(s)
    except ValueError:
        return s or None
    return _number(f)


_PERIODS = {"YEAR": "per year", "MONTH": "per month", "WEEK": "per week", "DAY": "per day",
            "HOUR": "per hour"}


def salary(v: Any) -> str | None:
    """"DKK 675,000 – 700,000 per year" from a baseSalary MonetaryAmount."""
    if isinstance(v, list):
        v = next((x for x in v if isinstance(x, dict)), None)
    if not isinstance(v, dict):
        return _text(v)
    cur = _text(v.get("currency")) or ""
    val = v.get("value")
    unit = ""
    if isinstance(val, dict):
        unit = _text(val.get("unitText")) or ""
        lo, hi, one = _number(val.get("minValue")), _number(val.get("maxValue")), _number(val.get("value"))
    else:
        lo = hi = None
        one = _number(val)
    unit = unit or _text(v.get("unitText")) or ""
    if lo and hi and lo != hi:
        amount: str | None = f"{lo} – {hi}"
    else:
        amount = one or lo or hi
    if not amount:
        return None
    period = _PERIODS.get(unit.upper(), unit.lower())
    return clean(f"{cur} {amount} {period}")


def _address(v: Any) -> str | None:
    if isinstance(v, list):
        parts = [a for a in (_address(x) for x in v) if a]
        return "; ".join(dict.fromkeys(parts)) or None
    if not isinstance(v, dict):
        return _text(v)
    addr = v.get("address", v)
    if isinstance(addr, dict):
        bits = [_text(addr.get(k)) for k in ("streetAddress", "addressLocality", "addressRegion",
                                              "addressCountry")]
        locality = _text(addr.get("addressLocality"))
        return locality or ", ".join(b for b in bits if b) or None
    return _text(addr)


def facts(posting: dict[str, Any], tz: tzinfo | None = None) -> dict[str, Fact[Any]]:
    """Facts keyed like `Extraction` fields, from one JobPosting dict; times with an offset in `tz`."""
    out: dict[str, Fact[Any]] = {}
    if not isinstance(posting, dict):
        return out
    if t := _text(posting.get("title") or posting.get("name")):
        out["title"] = _fact(t, "title")
    if e := _text(posting.get("hiringOrganization")):
        out["employer"] = _fact(e, "hiringOrganization")
    d, t_ = _when(posting.get("validThrough"), tz)
    if d:
        out["deadline"] = _fact(d, "validThrough")
        if t_:  # none for a bare day: the text's own hour is used instead
            out["deadline_time"] = _fact(t_, "validThrough")
    d, _ = _when(posting.get("datePosted"))
    if d:
        out["posted"] = _fact(d, "datePosted")
    for key in ("jobStartDate", "startDate"):
        d, _ = _when(posting.get(key))
        if d:
            out["start_date"] = _fact(d, key)
            break
    if loc := _address(posting.get("jobLocation")):
        out["location"] = _fact(loc, "jobLocation")
    if s := salary(posting.get("baseSalary") or posting.get("estimatedSalary")):
        out["salary"] = _fact(s, "baseSalary")
    hours = [x for x in (_text(posting.get("employmentType")), _text(posting.get("workHours"))) if x]
    if hours:
        out["hours"] = _fact(", ".join(hours), "employmentType")
    n = posting.get("totalJobOpenings")
    if isinstance(n, int) and n > 1:
        out["positions"] = _fact(n, "totalJobOpenings")
    return out
