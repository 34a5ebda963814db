"""A form of typed fields, parsed exactly like the command line's field options.

Each field shows its label (marked when the value is a low-confidence guess),
an input, and the sentence it was found in. Values are parsed with
`jobtrack.cli.fields.parse_fields`, so "16/3 14:00" means the same here as
after `--deadline`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from jobtrack.cli.fields import Parser, fmt, parse_fields
from jobtrack.core.model import SOURCES, Contact, Event, EventKind, Evidence, Posting
from jobtrack.core.sanitize import clean_line

LOW_CONFIDENCE = 0.6


@dataclass
class Field:
    name: str  # a key parse_fields understands ("title", "deadline", "when", …)
    label: str
    value: str
    evidence: Evidence | None = None
    hint: str = ""


POSTING_LABELS = {
    "title": "Title", "employer": "Employer", "department": "Department", "location": "Location",
    "deadline": "Deadline", "start_date": "Start date", "posted": "Posted", "salary": "Salary", "hours": "Hours",
    "positions": "Positions", "url": "URL", "language": "Language", "tags": "Tags", "priority": "Priority",
    "source": "Source",
}
CONTACT_LABELS = {
    "name": "Name", "role": "Role", "organisation": "Organisation", "phone": "Phone", "email": "E-mail",
    "reachable": "Reachable",
}
EVENT_LABELS = {"kind": "Kind", "label": "What", "when": "When", "end": "Ends", "place": "Place"}
HINTS = {
    "deadline": "2026-03-16, 16/3 14:00, next friday; empty for none", "when": "16/3 14:00, mandag 10, next monday 10:00",
    "start_date": "a date", "posted": "a date", "tags": "comma-separated", "end": "14:30",
    "kind": " | ".join(k.value for k in EventKind), "source": " | ".join(SOURCES),
}


def when_text(day: Any, at: Any) -> str:
    """A day and an optional time as one string parse_when reads back."""
    return f"{fmt(day)} {fmt(at)}".strip() if day else ""


def _fields(labels: dict[str, str], values: dict[str, str], evidence: dict[str, Evidence]) -> list[Field]:
    return [Field(n, label, values[n], evidence.get(n), HINTS.get(n, "")) for n, label in labels.items()]


def posting_fields(p: Posting) -> list[Field]:
    values = {n: fmt(getattr(p, n)) for n in POSTING_LABELS if n != "deadline"}
    values["deadline"] = when_text(p.deadline, p.deadline_time)
    return _fields(POSTING_LABELS, values, p.evidence)


def contact_fields(c: Contact) -> list[Field]:
    return _fields(CONTACT_LABELS, {n: fmt(getattr(c, n)) for n in CONTACT_LABELS}, c.evidence)


def event_fields(e: Event) -> list[Field]:
    values = {n: fmt(getattr(e, n)) for n in EVENT_LABELS if n != "when"}
    values["when"] = when_text(e.day, e.time)
    evidence = {("when" if k == "day" else k): v for k, v in e.evidence.items()}
    return _fields(EVENT_LABELS, values, evidence)


def field_label(name: str, evidence: Evidence | None) -> Label:
    if evidence is not None and evidence.confidence < LOW_CONFIDENCE:
        return Label(Text(f"{name}  ? a guess, please check"), classes="guess")
    return Label(Text(name))


def evidence_line(evidence: Evidence | None) -> Static:
    sentence = clean_line(evidence.sentence) if evidence else ""
    return Static(Text(f"“{sentence}”" if sentence else "", style="italic dim"), classes="evidence")


class FieldForm(Vertical):
    """Inputs for `fields`; `values()` parses them, or shows what is wrong and returns None."""

    def __init__(
        self, fields: list[Field], parsers: dict[str, Parser], prefix: str = "f-",
        heading: str = "", evidence: Evidence | None = None,
    ) -> None:
        super().__init__(classes="field-form")
        self.fields = fields
        self.parsers = parsers
        self.prefix = prefix
        self.heading = heading
        self.evidence = evidence

    def compose(self) -> ComposeResult:
        if self.heading:
            yield field_label(self.heading, self.evidence).add_class("form-heading")
            if self.evidence is not None:
                yield evidence_line(self.evidence)
        for f in self.fields:
            yield from self._field(f)
        yield Static("", classes="form-error", markup=False)

    def _field(self, f: Field) -> Iterator[Widget]:
        yield field_label(f.label, f.evidence)
        yield Input(f.value, placeholder=f.hint, id=f"{self.prefix}{f.name}")
        if f.evidence is not None:
            yield evidence_line(f.evidence)

    def raw(self) -> dict[str, str]:
        return {f.name: self.query_one(f"#{self.prefix}{f.name}", Input).value.strip() for f in self.fields}

    def changed(self) -> dict[str, str]:
        """Only what the user touched, so a save never overwrites another process's change."""
        return {n: v for (n, v), f in zip(self.raw().items(), self.fields, strict=True) if v != f.value}

    def values(self, raw: dict[str, str] | None = None) -> dict[str, Any] | None:
        raw = self.raw() if raw is None else raw
        cleared = {"day": None, "time": None} if raw.get("when") == "" else {}
        try:
            parsed = parse_fields({n: v for n, v in raw.items() if not (n == "when" and not v)}, self.parsers)
        except ValueError as exc:
            option, _, why = str(exc).partition(": ")
            name = option.lstrip("-").replace("-", "_")
            label = next((f.label for f in self.fields if f.name == name), name)
            self.show_error(f"{label}: {why}")
            if self.query(f"#{self.prefix}{name}"):
                self.query_one(f"#{self.prefix}{name}", Input).focus()
            return None
        self.show_error("")
        return {**cleared, **parsed}

    def show_error(self, message: str) -> None:
        error = self.query_one(".form-error", Static)
        error.update(message)
        error.display = bool(message)
