"""Forms in a modal dialog: edit a posting, or fill in a contact or an event."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from jobtrack.app import records
from jobtrack.tui.base import InJobtrack
from jobtrack.tui.widgets.form import Entry, FieldForm, parse_forms, posting_fields

# Fields that are a date the user relies on: emptying one (a slip of ctrl+k) is asked about first.
ASK_BEFORE_EMPTYING = {"deadline": "deadline", "when": "date"}


class FormDialog(InJobtrack, ModalScreen[dict[str, Any] | None]):
    """Returns the parsed values the user changed, or None when cancelled."""

    CSS_PATH = "edit.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close; asks first when something was changed"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, title: str, fields: list[Entry], required: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.form = FieldForm(fields, required=required)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll():
                yield self.form
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.form.query("Input, Select").first().focus()

    def action_save(self, confirmed: bool = False) -> None:
        raw = self.form.raw()
        parsed = parse_forms([self.form], [self.form.changed()])
        if parsed is None:
            return
        [values] = parsed
        emptied = [f for f in self.form.fields if f.name in ASK_BEFORE_EMPTYING and f.value and not raw[f.name]]
        if emptied and not confirmed:
            from jobtrack.tui.screens.dialogs import ConfirmDialog

            gone = emptied[0]
            question = f"Remove the {ASK_BEFORE_EMPTYING[gone.name]} {gone.value}?"
            self.app.push_screen(ConfirmDialog(question), lambda yes: self.action_save(confirmed=True) if yes else None)
            return
        if self.accept(values):
            self.dismiss(values)

    def accept(self, values: dict[str, Any]) -> bool:
        """Act on the values; False keeps the dialog open."""
        return True

    def action_cancel(self) -> None:
        """Closes at once when nothing was changed; else asks before the changes are thrown away."""
        if not self.form.changed():
            self.dismiss(None)
            return
        from jobtrack.tui.screens.dialogs import close_after_asking

        close_after_asking(self, "Throw away your changes?")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()


class EditDialog(FormDialog):
    """Every field of a posting; only the fields changed here are written."""

    def __init__(self, posting_id: int) -> None:
        self.posting_id = posting_id
        super().__init__("Edit posting", [], required="title")

    def compose(self) -> ComposeResult:
        self.form.fields = posting_fields(self.jt.store.posting(self.posting_id))
        yield from super().compose()

    def accept(self, values: dict[str, Any]) -> bool:
        if values:
            records.edit_posting(self.jt.store, self.posting_id, values)
            self.notify("Saved", timeout=2)
        return True
