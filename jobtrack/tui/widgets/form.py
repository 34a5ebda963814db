"""A form built from field declarations, parsed exactly like the command line's options.

Each field shows its label (marked when the value is a low-confidence guess),
an input (a pick list for a field with choices), the sentence it was found
in, and beneath the input what is wrong with it, if anything. Values are parsed with `jobtrack.app.fields.parse_fields`, so
"16/3 14:00" means the same here as after `--deadline`.
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
from textual.widgets import Button, Input, Label, Select, Static

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
        self, fields: list[Entry], prefix: str = "f-", heading: str = "", evidence: Evidence | None = None,
        required: str = "", drop: str = "",
    ) -> None:
        super().__init__(classes="field-form")
        self.fields = fields
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

    def _field(self, f: Entry) -> Iterator[Widget]:
        yield field_label(f.label, f.evidence)
        yield self._input(f)
        if f.evidence is not None:
            yield evidence_line(f.evidence)

    def _input(self, f: Entry) -> Widget:
        """A pick list for a field with choices (one stored by a newer jobtrack is offered too), else a text input."""
        ident = f"{self.prefix}{f.name}"
        if f.field.kind not in (Kind.CHOICE, Kind.LANGUAGE):
            # Placeholders are worded as examples (and dim, in app.tcss): an empty field never reads as filled in.
            return Input(f.value, placeholder=f"e.g. {f.field.example}" if f.field.example else "", id=ident)
        offered = list(dict.fromkeys([*choices(f.field), *([f.value] if f.value else [])]))
        blank = f.field.empty() in ("", None)
        return Select([(c, c) for c in offered], prompt="none", value=f.value or Select.NULL, allow_blank=blank, id=ident)

    def field_input(self, name: str) -> Widget:
        return self.query_one(f"#{self.prefix}{name}")

    def _typed(self, f: Entry) -> str:
        widget = self.field_input(f.name)
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
        """`raw` (all fields when None) parsed; every field that does not parse says why beside it."""
        full = self.raw()
        raw = full if raw is None else raw
        errors = {name: "cannot be empty" for name in [self.required] if name and not full[name]}
        declared = [f.field for f in self.fields]
        parsed: dict[str, Any] = {}
        for name, text in raw.items():
            try:
                parsed |= parse_fields({name: text}, declared)
            except FieldError as exc:
                errors.setdefault(exc.field, str(exc))
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

    def label_of(self, field: Widget) -> Widget:
        return self.children[self.children.index(field) - 1]

    def first_problem(self) -> Widget | None:
        named = [f for f in self.fields if f.label in self.problems]
        return self.field_input(named[0].name) if named else None

    def first_guess(self) -> tuple[Widget, Widget] | None:
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
