"""What a field is: one declaration from which every part of jobtrack builds its share.

The declarations themselves sit beside the records in `jobtrack.core.model`
(`POSTING_FIELDS`, `CONTACT_FIELDS`, `EVENT_FIELDS`). From them come the
store's encoding, the command-line options, the TUI forms and detail rows,
the spreadsheet columns and the JSON export. This module knows how each
`Kind` of value is stored and shown; parsing what people type is in
`jobtrack.app.fields`, because dates as people type them need the language
wing above this one. See docs/fields.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import Any, TypeVar

from jobtrack.core.values import fmt


class Kind(StrEnum):
    """How a value is typed, stored and shown."""

    TEXT = "text"  # one line
    NOTES = "notes"  # many lines
    URL = "url"
    LANGUAGE = "language"  # a code such as "da"; the known ones are offered as choices
    PHONE = "phone"
    EMAIL = "email"
    WHOLE = "whole"  # a whole number
    TAGS = "tags"  # a list of words, typed with commas
    DATE = "date"  # a day to come; with `time` set, "16/3 14:00" fills both
    PAST_DATE = "past date"  # a day already lived: "28/11" on 29 November is yesterday
    TIME = "time"
    CHOICE = "choice"  # one of `choices`


@dataclass(frozen=True)
class Field:
    """One user-facing field of a posting, contact or event."""

    name: str  # what people type: the CLI option (--start-date), the form input, and the JSON key
    kind: Kind
    label: str  # in forms and the detail screen
    help: str = ""  # the CLI option's help
    choices: tuple[str, ...] | type[StrEnum] = ()  # for Kind.CHOICE
    default: Any = None  # the value of a record that has none; None means the kind's own empty value
    attr: str = ""  # the record's attribute (and JSON key) when it is not `name`: the event's "when" is `day`
    time: str = ""  # a date typed with a time keeps the time in this attribute ("deadline_time")
    csv: str | None = ""  # the spreadsheet column: "" is `name`, None leaves the field out
    extracted: bool = False  # found in postings by the extractor, with evidence under `key`
    updatable: bool = False  # a new reading of the page (`add --update`) may change it
    option: bool = True  # a CLI option of add and edit
    form: bool = True  # an input of the TUI forms
    shown: bool = True  # a row of the detail screen and of `jobtrack show`
    example: str = ""  # what a user might type: the form's placeholder, shown as "e.g. …"

    @property
    def key(self) -> str:
        return self.attr or self.name

    @property
    def column(self) -> str | None:
        return self.name if self.csv == "" else self.csv

    @property
    def keys(self) -> tuple[str, ...]:
        """The attributes the field sets: a date typed with a time sets two."""
        return (self.key, self.time) if self.time else (self.key,)

    @property
    def option_name(self) -> str:
        return "--" + self.name.replace("_", "-")

    def empty(self) -> Any:
        """The value of a record that has none (a fresh list each time)."""
        if self.default is not None or self.kind in (Kind.WHOLE, Kind.DATE, Kind.PAST_DATE, Kind.TIME):
            return self.default
        return [] if self.kind is Kind.TAGS else ""

    def options(self) -> tuple[str, ...]:
        return tuple(str(c) for c in self.choices)


class FieldError(ValueError):
    """A value that does not fit its field; `field` is the field's name, the message says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


# --- values on records ---------------------------------------------------------
# A field whose record has no attribute of that name keeps its value in the
# record's `extra`, so a declaration alone is a whole field.


def get(record: Any, f: Field) -> Any:
    if f.key in record.__dataclass_fields__:
        return getattr(record, f.key)
    return record.extra.get(f.key, f.empty())


def read(record: Any, key: str) -> Any:
    """An attribute by name, or the value of a declared field kept in `extra` (None when it has none)."""
    return getattr(record, key) if key in record.__dataclass_fields__ else record.extra.get(key)


def put(record: Any, key: str, value: Any) -> None:
    if key in record.__dataclass_fields__:
        setattr(record, key, value)
    else:
        record.extra[key] = value


def typed(record: Any, f: Field) -> str:
    """The value as a user types it: what the form shows and the parsers read back."""
    value = get(record, f)
    if f.time:
        return f"{fmt(value)} {fmt(getattr(record, f.time))}".strip() if value else ""
    return fmt(value)


# --- the store's encoding ----------------------------------------------------------

E = TypeVar("E", bound=StrEnum)
_WORD = re.compile(r"[a-z][a-z-]*")


def stored(cls: type[E], value: Any) -> E:
    """A status or kind read from the store. One a newer jobtrack wrote (a lower-case
    word this version does not know) is kept as it is, so it is shown and saved back;
    anything else raises ValueError. `cls(value)`, for what users type, stays strict."""
    try:
        return cls(value)
    except ValueError:
        if not isinstance(value, str) or not _WORD.fullmatch(value):
            raise
    member = str.__new__(cls, value)
    member._value_, member._name_ = value, value.upper()
    return member


def _day(v: Any) -> date | None:
    return date.fromisoformat(v) if v else None


def _clock(v: Any) -> time | None:
    return time.fromisoformat(v) if v else None


def decoders(f: Field) -> list[tuple[str, Any]]:
    """(JSON key, function from the JSON value) for each attribute the field keeps that JSON cannot hold as it is."""
    out: list[tuple[str, Any]] = []
    if f.kind in (Kind.DATE, Kind.PAST_DATE):
        out.append((f.key, _day))
    if f.kind is Kind.TIME:
        out.append((f.key, _clock))
    if f.time:
        out.append((f.time, _clock))
    if f.kind is Kind.CHOICE and isinstance(f.choices, type):
        enum, default = f.choices, f.default
        out.append((f.key, lambda v: stored(enum, v or default)))
    return out
