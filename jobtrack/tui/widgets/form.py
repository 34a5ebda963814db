"""A form built from field declarations, parsed exactly like the command line's options.

Each field shows its label (marked when the value is a low-confidence guess),
an input (a pick list for a field with choices), and the sentence it was
found in. Values are parsed with `jobtrack.app.fields.parse_fields`, so
"16/3 14:00" means the same here as after `--deadline`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from jobtrack.app.fields import choices, parse_fields
from jobtrack.core.fields import Field, FieldError, Kind, typed
from jobtrack.core.model import CONTACT_FIELDS, EVENT_FIELDS, POSTING_FIELDS, Contact, Event, Evidence, Posting
from jobtrack.core.sanitize import clean_line

LOW_CONFIDENCE = 0.6


@dataclass
class Entry:
    """One input of a form: the declared field, the value it starts with, and where that value was found."""

    field: Field
    value: str
    evidence: Evidence | None = None

    @property
    def name(self) -> str:
        return self.field.name

    @property
    def label(self) -> str:
        return self.field.label


def entries(record: Posting | Contact | Event, declared: list[Field]) -> list[Entry]:
    return [Entry(f, typed(record, f), record.evidence.get(f.key)) for f in declared if f.form]


def posting_fields(p: Posting) -> list[Entry]:
    return entries(p, POSTING_FIELDS)


def contact_fields(c: Contact) -> list[Entry]:
    return entries(c, CONTACT_FIELDS)


def event_fields(e: Event) -> list[Entry]:
    return entries(e, EVENT_FIELDS)


def field_label(name: str, evidence: Evidence | None) -> Label:
    if evidence is not None and evidence.confidence < LOW_CONFIDENCE:
        return Label(Text(f"{name}  ? a guess, please check"), classes="guess")
    return Label(Text(name))


def evidence_line(evidence: Evidence | None) -> Static:
    sentence = clean_line(evidence.sentence) if evidence else ""
    return Static(Text(f"“{sentence}”" if sentence else "", style="italic dim"), classes="evidence")


class FieldForm(Vertical):
    """Inputs for `fields`; `values()` parses them, or shows what is wrong and returns None."""

    def __init__(self, fields: list[Entry], prefix: str = "f-", heading: str = "", evidence: Evidence | None = None) -> None:
        super().__init__(classes="field-form")
        self.fields = fields
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

    def _field(self, f: Entry) -> Iterator[Widget]:
        yield field_label(f.label, f.evidence)
        yield self._input(f)
        if f.evidence is not None:
            yield evidence_line(f.evidence)

    def _input(self, f: Entry) -> Widget:
        """A pick list for a field with choices (one stored by a newer jobtrack is offered too), else a text input."""
        ident = f"{self.prefix}{f.name}"
        if f.field.kind not in (Kind.CHOICE, Kind.LANGUAGE):
            return Input(f.value, placeholder=f.field.help, id=ident)
        offered = list(dict.fromkeys([*choices(f.field), *([f.value] if f.value else [])]))
        blank = f.field.empty() in ("", None)
        return Select([(c, c) for c in offered], prompt="none", value=f.value or Select.NULL, allow_blank=blank, id=ident)

    def _typed(self, f: Entry) -> str:
        widget = self.query_one(f"#{self.prefix}{f.name}")
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        assert isinstance(widget, Input)
        return widget.value.strip()

    def raw(self) -> dict[str, str]:
        return {f.name: self._typed(f) for f in self.fields}

    def changed(self) -> dict[str, str]:
        """Only what the user touched, so a save never overwrites another process's change."""
        return {n: v for (n, v), f in zip(self.raw().items(), self.fields, strict=True) if v != f.value}

    def values(self, raw: dict[str, str] | None = None) -> dict[str, Any] | None:
        raw = self.raw() if raw is None else raw
        try:
            parsed = parse_fields(raw, [f.field for f in self.fields])
        except FieldError as exc:
            label = next((f.label for f in self.fields if f.name == exc.field), exc.field)
            self.show_error(f"{label}: {exc}")
            if self.query(f"#{self.prefix}{exc.field}"):
                self.query_one(f"#{self.prefix}{exc.field}").focus()
            return None
        self.show_error("")
        return parsed

    def show_error(self, message: str) -> None:
        error = self.query_one(".form-error", Static)
        error.update(message)
        error.display = bool(message)
