"""A form of typed fields, parsed exactly like the command line's field options.

Each field shows its label (marked when the value is a low-confidence guess),
an input, and the sentence it was found in. Values are parsed with
`jobtrack.cli.fields.parse_fields`, so "16/3 14:00" means the same here as
after `--deadline`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from jobtrack.cli.fields import Parser, fmt, parse_fields
from jobtrack.core.model import Contact, Event, EventKind, Evidence, Posting
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
}
CONTACT_LABELS = {
    "name": "Name", "role": "Role", "organisation": "Organisation", "phone": "Phone", "email": "E-mail",
    "reachable": "Reachable",
}
EVENT_LABELS = {"kind": "Kind", "label": "What", "when": "When", "end": "Ends", "place": "Place"}
# Placeholders: dim, italic (app.tcss) and worded as examples, so an empty field never reads as filled in.
HINTS = {
    "deadline": "e.g. 16/3 14:00, 2026-03-16, next friday", "when": "e.g. 16/3 14:00, mandag 10, next monday 10:00",
    "start_date": "e.g. 1/2 or 2027-02-01", "posted": "e.g. 28/11 or 2026-11-28", "tags": "e.g. python, remote",
    "end": "e.g. 14:30", "kind": "one of: " + ", ".join(k.value for k in EventKind),
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


def is_guess(evidence: Evidence | None) -> bool:
    return evidence is not None and evidence.confidence < LOW_CONFIDENCE


def field_label(name: str, evidence: Evidence | None) -> Label:
    if is_guess(evidence):
        return Label(Text(f"{name}  ? a guess, please check"), classes="guess")
    return Label(Text(name))


def evidence_line(evidence: Evidence | None) -> Static:
    sentence = clean_line(evidence.sentence) if evidence else ""
    return Static(Text(f"“{sentence}”" if sentence else "", style="italic dim"), classes="evidence")


class FieldForm(Vertical):
    """Inputs for `fields`; `values()` parses them, or shows what is wrong beside each field and returns None.

    Enter goes on to the next field; from the dialog's last field it bubbles up
    as a submit (the dialogs save). With `drop` (a button label) the form can
    be taken out of the dialog: it posts `Dropped` and the dialog decides.
    """

    class Dropped(Message):
        def __init__(self, form: FieldForm) -> None:
            super().__init__()
            self.form = form

    def __init__(
        self, fields: list[Field], parsers: dict[str, Parser], prefix: str = "f-",
        heading: str = "", evidence: Evidence | None = None, required: str = "", drop: str = "",
    ) -> None:
        super().__init__(classes="field-form")
        self.fields = fields
        self.parsers = parsers
        self.prefix = prefix
        self.heading = heading
        self.evidence = evidence
        self.required = required  # a field that may not be left empty
        self.drop = drop
        self.problems: list[str] = []  # the labels of the fields the last `values()` refused
        self._errors: dict[str, Static] = {}  # shown beside the fields they are about

    def compose(self) -> ComposeResult:
        if self.heading:
            yield field_label(self.heading, self.evidence).add_class("form-heading")
            if self.evidence is not None:
                yield evidence_line(self.evidence)
        if self.drop:
            yield Button(self.drop, classes="drop-form", compact=True)
        for f in self.fields:
            yield from self._field(f)

    def _field(self, f: Field) -> Iterator[Widget]:
        yield field_label(f.label, f.evidence)
        yield Input(f.value, placeholder=f.hint, id=f"{self.prefix}{f.name}")
        if f.evidence is not None:
            yield evidence_line(f.evidence)

    def field_input(self, name: str) -> Input:
        return self.query_one(f"#{self.prefix}{name}", Input)

    def raw(self) -> dict[str, str]:
        return {f.name: self.field_input(f.name).value.strip() for f in self.fields}

    def changed(self) -> dict[str, str]:
        """Only what the user touched, so a save never overwrites another process's change."""
        return {n: v for (n, v), f in zip(self.raw().items(), self.fields, strict=True) if v != f.value}

    def values(self, raw: dict[str, str] | None = None) -> dict[str, Any] | None:
        """`raw` (all fields when None) parsed; every field that does not parse says why beside it."""
        full = self.raw()
        raw = full if raw is None else raw
        errors = {name: "cannot be empty" for name in [self.required] if name and not full[name]}
        parsed: dict[str, Any] = {"day": None, "time": None} if raw.get("when") == "" else {}
        for name, text in raw.items():
            if name == "when" and not text:
                continue
            try:
                parsed |= parse_fields({name: text}, self.parsers)
            except ValueError as exc:
                errors.setdefault(name, str(exc).partition(": ")[2])
        self.show_errors(errors)
        return None if errors else parsed

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field (under its input); fields not named lose theirs."""
        labels = {f.name: f.label for f in self.fields}
        errors = {name: errors[name] for name in labels if name in errors}  # in the order of the form
        self.problems = [labels[name] for name in errors]
        for name in set(self._errors) - set(errors):
            self._errors.pop(name).remove()
        for name, why in errors.items():
            text = Text(f"{labels[name]} {why}" if why == "cannot be empty" else f"{labels[name]}: {why}")
            if name in self._errors:
                self._errors[name].update(text)
            else:
                self._errors[name] = Static(text, classes="form-error")
                self.mount(self._errors[name], after=self.field_input(name))

    def label_of(self, field: Input) -> Widget:
        return self.children[self.children.index(field) - 1]

    def first_problem(self) -> Input | None:
        named = [f for f in self.fields if f.label in self.problems]
        return self.field_input(named[0].name) if named else None

    def first_guess(self) -> tuple[Widget, Input] | None:
        """The first label marked "a guess" (the heading's counts for the form's first field) and its input."""
        if self.heading and is_guess(self.evidence) and self.fields:
            return self.query_one(".form-heading"), self.field_input(self.fields[0].name)
        for f in self.fields:
            if is_guess(f.evidence):
                field = self.field_input(f.name)
                return self.label_of(field), field
        return None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        fields = [w for w in self.screen.focus_chain
                  if not isinstance(w, Button) and any(isinstance(a, FieldForm) for a in w.ancestors)]
        if event.input in fields[:-1]:
            event.stop()
            fields[fields.index(event.input) + 1].focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("drop-form"):
            event.stop()
            self.post_message(self.Dropped(self))


def bring_up(label: Widget, field: Widget) -> None:
    """Scroll `label` to the top of its dialog and focus `field` (beneath it)."""
    label.scroll_visible(top=True, animate=False, immediate=True)
    field.focus(scroll_visible=False)


def parse_forms(forms: list[FieldForm], raws: list[dict[str, str]] | None = None) -> list[dict[str, Any]] | None:
    """Every form's values, or None when a field does not parse.

    All problems show at once: each beside its field, one notification naming
    them, and the first such field scrolled up and focused.
    """
    parsed = [form.values(raws[i] if raws else None) for i, form in enumerate(forms)]
    if all(values is not None for values in parsed):
        return cast("list[dict[str, Any]]", parsed)
    problems = [label for form in forms for label in form.problems]
    first = next(form for form in forms if form.problems)
    field = first.first_problem()
    if field is not None:
        first.call_after_refresh(bring_up, first.label_of(field), field)
    plural = "s need" if len(problems) > 1 else " needs"
    first.notify(f"{len(problems)} field{plural} a fix: {', '.join(problems)}", severity="error", markup=False)
    return None
