"""Checking the rows of a store file that parses: every value this version needs.

A file can be valid JSON and still hold a row no command can use: a date
2026-13-45, a history entry with no status, a row that is a number, a key
that is not an id, a schema that is not a version. Such a store is refused
like a damaged one (never written, so no new backup keeps the bad row),
with one line naming the row and the field, and a backup counts as good
only if its rows pass too, so `restore` leads back to before the damage.

What a newer jobtrack may write is not damage: fields this version does
not know are kept, and so is a status or event kind it does not know, as
long as it looks like one (`model.stored`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields
from typing import Any

from jobtrack.core.model import (
    Contact,
    Event,
    EventKind,
    Posting,
    Status,
    contact_from_dict,
    event_from_dict,
    posting_from_dict,
)

Check = Callable[[Any], bool]


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _list_of(check: Check) -> Check:
    return lambda v: isinstance(v, list) and all(check(x) for x in v)


# Values the model takes without converting them, so only a check of their type catches a wrong one.
_PLAIN: dict[str, tuple[Check, str]] = {
    "str": (lambda v: isinstance(v, str), "text"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "int": (_is_int, "a whole number"),
    "int | None": (lambda v: v is None or _is_int(v), "a whole number"),
    "list[str]": (_list_of(lambda v: isinstance(v, str)), "a list of texts"),
    "list[int]": (_list_of(_is_int), "a list of ids"),
}
_CONVERTED = {
    "date | None": "a date (YYYY-MM-DD)",
    "time | None": "a time (HH:MM)",
    "ClockTime | None": "a time (HH:MM)",
    "datetime": "a date and time (YYYY-MM-DDTHH:MM:SS)",
    "datetime | None": "a date and time (YYYY-MM-DDTHH:MM:SS)",
    "Status": f"a status ({', '.join(s.value for s in Status)})",
    "list[StatusChange]": "a list of status changes, each with a status and a date and time",
    "list[Attachment]": "a list of attached files, each with a name, a SHA-256 and a size",
    "dict[str, Evidence]": "evidence (each with a sentence)",
    "EventKind": f"an event kind ({', '.join(k.value for k in EventKind)})",
}


class _Table:
    def __init__(self, what: str, cls: type, load: Callable[[dict[str, Any]], object], least: dict[str, Any]) -> None:
        self.what, self.load, self.least = what, load, least
        types = {f.name: str(f.type) for f in fields(cls)}
        self.plain = {name: _PLAIN[t] for name, t in types.items() if t in _PLAIN}
        self.expected = {name: _CONVERTED.get(t, "valid") for name, t in types.items()}

    def plain_problem(self, key: str, row: Any) -> str | None:
        """The quick part: the key, the row's shape and the values taken as they are."""
        name = f"{self.what} {key}"
        if not (key.isascii() and key.isdigit()):
            return f"{self.what}s has a row under the key {_short(key)}, which is not an id"
        if not isinstance(row, dict):
            return f"{name} is {_short(row)}, not a record"
        for field, value in row.items():
            plain = self.plain.get(field)
            if plain and not plain[0](value):
                return f"{name}: {field} {_short(value)} is not {plain[1]}"
        return None

    def problem(self, key: str, row: Any) -> str | None:
        name = f"{self.what} {key}"
        plain = self.plain_problem(key, row)
        if plain or self._loads({**row, "id": int(key)}):
            return plain
        for field, value in row.items():
            if field in self.expected and not self._loads({**self.least, field: value}):
                return f"{name}: {field} {_short(value)} is not {self.expected[field]}"
        missing = [f for f in self.least if f not in row]
        return f"{name} has no {missing[0]}" if missing else f"{name} cannot be read"

    def _loads(self, row: dict[str, Any]) -> bool:
        try:
            self.load(row)
        except (ValueError, TypeError, KeyError, AttributeError):
            return False
        return True


TABLES = {
    "postings": _Table("posting", Posting, posting_from_dict, {"title": ""}),
    "contacts": _Table("contact", Contact, contact_from_dict, {"name": ""}),
    "events": _Table("event", Event, event_from_dict, {"posting_id": 0, "kind": "other"}),
}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def meta_problems(tables: dict[str, Any]) -> Iterator[str]:
    for key, row in tables.get("meta", {}).items():
        if not isinstance(row, dict):
            yield f"meta row {_short(key)} is {_short(row)}, not a record"
            continue
        if "schema" in row and not (_is_int(row["schema"]) and row["schema"] >= 0):
            yield f"meta: schema {_short(row['schema'])} is not a version number"
        ids = row.get("next_ids", {})
        if not (isinstance(ids, dict) and all(_is_int(n) and n >= 1 for n in ids.values())):
            yield f"meta: next_ids {_short(ids)} is not a table of ids"


def problems(tables: dict[str, Any]) -> Iterator[str]:
    """Each row this version cannot use, as 'posting 3: deadline '2026-13-45' is not a date (YYYY-MM-DD)'."""
    yield from meta_problems(tables)
    for name, table in TABLES.items():
        for key, row in tables.get(name, {}).items():
            problem = table.problem(key, row)
            if problem:
                yield problem


def plain_problems(tables: dict[str, Any]) -> Iterator[str]:
    """What every load checks (a fifth of the cost of `problems`): enough that
    no value of the wrong type reaches a command; dates and statuses are
    checked as each row is read, and all of it before the first save."""
    yield from meta_problems(tables)
    for name, table in TABLES.items():
        for key, row in tables.get(name, {}).items():
            problem = table.plain_problem(key, row)
            if problem:
                yield problem


def first_problem(tables: dict[str, Any]) -> str | None:
    return next(problems(tables), None)
