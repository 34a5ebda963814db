"""What people type into a field, parsed by the field's kind.

The command line's options, the TUI forms and spreadsheet cells all parse
here, so "16/3 14:00" means the same after `--deadline`, in the form and in
a CSV. Errors are `FieldError`s that name the field as data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, time
from typing import Any

from jobtrack.core import values
from jobtrack.core.fields import Field, FieldError, Kind

MAX_WHOLE = 1_000_000  # priorities and counts of positions; far below what the store can hold


def _whole(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise ValueError(f"expected a whole number, got {text!r}") from None
    if abs(number) > MAX_WHOLE:
        raise ValueError(f"expected a whole number from -{MAX_WHOLE:,} to {MAX_WHOLE:,}, got {text[:30]!r}")
    return number


# The date parsers load the extraction vocabulary, so they are imported when a
# date is typed, not for every command (`jobtrack due` runs on every prompt).
def _when(text: str, past: bool) -> tuple[date, time | None]:
    from jobtrack.lang.human_dates import parse_when

    return parse_when(text, past=past)


def parse_day(text: str, past: bool = False) -> date:
    """A date as typed; without a year, the nearest one ahead, or behind when `past`."""
    from jobtrack.lang.human_dates import parse_date

    return parse_date(text, past=past)


def _time(text: str) -> time:
    from jobtrack.lang.human_dates import parse_time

    return parse_time(text)


_SIMPLE: dict[Kind, Callable[[str], Any]] = {
    Kind.TEXT: str, Kind.NOTES: str, Kind.URL: values.url, Kind.LANGUAGE: values.language,
    Kind.PHONE: values.phone, Kind.EMAIL: values.email, Kind.TAGS: values.tags, Kind.WHOLE: _whole, Kind.TIME: _time,
}
# Kinds whose empty text means "none" (the field's empty value) rather than an empty string.
_EMPTY_IS_NONE = frozenset({Kind.WHOLE, Kind.DATE, Kind.PAST_DATE, Kind.TIME, Kind.CHOICE})


def _choice(f: Field, text: str) -> Any:
    """One of the field's choices, in any case; words may be spaced as people type them ("job board")."""
    word = text.strip().lower()
    if word not in f.options():
        word = "-".join(word.split())
    if word not in f.options():
        raise ValueError(f"unknown {f.name} {text.strip()!r} (choose from {', '.join(f.options())})")
    return f.choices(word) if isinstance(f.choices, type) else word


def parse(f: Field, text: str) -> dict[str, Any]:
    """The attributes `text` sets: a date typed with a time fills both the day and the time. Raises ValueError."""
    if f.kind in _EMPTY_IS_NONE and not text.strip():
        return {f.key: f.empty(), **({f.time: None} if f.time else {})}
    if f.kind in (Kind.DATE, Kind.PAST_DATE):
        past = f.kind is Kind.PAST_DATE
        if f.time:
            day, clock = _when(text, past)
            return {f.key: day, f.time: clock}
        return {f.key: parse_day(text, past)}
    if f.kind is Kind.CHOICE:
        return {f.key: _choice(f, text)}
    return {f.key: _SIMPLE[f.kind](text)}


def parse_fields(raw: dict[str, str], fields: Iterable[Field]) -> dict[str, Any]:
    """Typed values by field name → parsed values by attribute; the first bad one raises FieldError.

    A time given on its own ("--deadline-time") wins over one typed with the date.
    """
    by_name = {f.name: f for f in fields}
    unknown = [name for name in raw if name not in by_name]
    if unknown:
        raise FieldError(unknown[0], "not a field here")
    out: dict[str, Any] = {}
    for name in sorted(raw, key=lambda n: not by_name[n].time):
        try:
            out.update(parse(by_name[name], raw[name]))
        except ValueError as exc:
            raise FieldError(name, str(exc)) from None
    return out


def choices(f: Field) -> tuple[str, ...]:
    """What a pick list offers: the declared choices, or the languages jobtrack reads."""
    if f.kind is Kind.LANGUAGE:
        from jobtrack.lang.lexicon import languages

        return languages()
    return f.options()
