"""Command-line options for model fields, and parsing what people type into them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from jobtrack.core import clock, values
from jobtrack.core.model import Posting, Status
from jobtrack.core.sanitize import clean_line
from jobtrack.core.values import fmt as fmt  # re-exported: the forms and listings show values with it

Parser = Callable[[str], Any]


# The date parser loads the extraction vocabulary, so it is imported when a
# date is typed, not for every command (`jobtrack due` runs on every prompt).
def parse_date(text: str) -> date:
    from jobtrack.lang.human_dates import parse_date

    return parse_date(text)


def parse_past_date(text: str) -> date:
    """A day already lived (posted): "28/11" on 29 November is yesterday, not next year."""
    from jobtrack.lang.human_dates import parse_date

    return parse_date(text, past=True)


def parse_time(text: str) -> time:
    from jobtrack.lang.human_dates import parse_time

    return parse_time(text)


def parse_when(text: str) -> tuple[date, time | None]:
    from jobtrack.lang.human_dates import parse_when

    return parse_when(text)


MAX_WHOLE = 1_000_000  # priorities and counts of positions; far below what the store can hold


def _int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise ValueError(f"expected a whole number, got {text!r}") from None
    if abs(number) > MAX_WHOLE:
        raise ValueError(f"expected a whole number from -{MAX_WHOLE:,} to {MAX_WHOLE:,}, got {text[:30]!r}")
    return number


def _optional(parser: Parser) -> Parser:
    """An empty string clears the field."""
    return lambda text: None if text.strip() == "" else parser(text)


POSTING_FIELDS: dict[str, Parser] = {
    "title": str, "employer": str, "department": str, "location": str, "url": values.url, "language": values.language,
    "deadline_time": _optional(parse_time), "posted": _optional(parse_past_date), "start_date": _optional(parse_date),
    "salary": str, "hours": str, "positions": _optional(_int), "tags": values.tags, "priority": _int, "notes": str,
    "source": values.source,
}
CONTACT_FIELDS: dict[str, Parser] = {
    "name": str, "role": str, "organisation": str, "phone": values.phone, "email": values.email, "reachable": str, "notes": str,
}
EVENT_FIELDS: dict[str, Parser] = {
    "kind": values.event_kind, "label": str, "place": str, "notes": str, "end": _optional(parse_time),
}


def add_field_options(parser: argparse.ArgumentParser, fields: dict[str, Parser], extra: tuple[str, ...] = ()) -> None:
    for name in (*fields, *extra):
        parser.add_argument(f"--{name.replace('_', '-')}", dest=f"f_{name}", metavar="VALUE")


def given(args: argparse.Namespace, names: list[str]) -> dict[str, str]:
    return {n: v for n in names if (v := getattr(args, f"f_{n}", None)) is not None}


def parse_fields(raw: dict[str, str], fields: dict[str, Parser]) -> dict[str, Any]:
    """Parse typed values; a date with a time ("16/3 14:00") fills both fields."""
    out: dict[str, Any] = {}
    for name, text in raw.items():
        try:
            if name == "deadline":
                day, clock = parse_when(text) if text.strip() else (None, None)
                out["deadline"], out["deadline_time"] = day, clock
                continue
            if name == "when":
                out["day"], out["time"] = parse_when(text)
                continue
            out[name] = fields[name](text)
        except ValueError as exc:
            raise ValueError(f"--{name.replace('_', '-')}: {exc}") from None
    if "deadline" in raw and "deadline_time" in raw:
        out["deadline_time"] = fields["deadline_time"](raw["deadline_time"])
    return out


def status_arg(text: str) -> Status:
    try:
        return Status(text.lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown status {text!r} (choose from {', '.join(s.value for s in Status)})"
        ) from None


def summary(p: Posting, now: datetime | None = None) -> str:
    """A posting on one line, as `add`, `show` and `edit` confirm it."""
    from jobtrack.core.countdown import beside_date, countdown

    now = now or clock.now()
    parts = [clean_line(p.title)]
    if p.employer:
        parts.append(f"at {clean_line(p.employer)}")
    at = p.deadline_at()
    if at:
        parts += ["—", "deadline", at.date().isoformat()]
        parts += [fmt(p.deadline_time)] if p.deadline_time else []
        parts += [beside_date(countdown(at, now, p.deadline_time is not None), at)]
    return " ".join(part for part in parts if part)
