"""Edit a posting's main fields in a modal form."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Any, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from jobtrack.dates import parse_when

if TYPE_CHECKING:
    from jobtrack.tui.app import JobtrackApp


def deadline_text(day: date | None, at: time | None) -> str:
    if day is None:
        return ""
    return f"{day.isoformat()} {at:%H:%M}" if at else day.isoformat()


class EditDialog(ModalScreen[bool]):
    """Returns True when something was saved."""

    CSS_PATH = "edit.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, posting_id: int) -> None:
        super().__init__()
        self.posting_id = posting_id

    @property
    def jt(self) -> JobtrackApp:
        return cast("JobtrackApp", self.app)

    def compose(self) -> ComposeResult:
        p = self.jt.store.posting(self.posting_id)
        with Vertical(classes="dialog"):
            yield Label("Edit posting", classes="dialog-title")
            with VerticalScroll():
                yield Label("Title")
                yield Input(p.title, id="title")
                yield Label("Employer")
                yield Input(p.employer, id="employer")
                yield Label("Deadline (2026-03-16, 16/3 14:00, next friday; empty for none)")
                yield Input(deadline_text(p.deadline, p.deadline_time), id="deadline")
                yield Static("", id="deadline-error", classes="error", markup=False)
                yield Label("Salary")
                yield Input(p.salary, id="salary")
                yield Label("URL")
                yield Input(p.url, id="url")
                yield Label("Notes")
                yield TextArea(p.notes, id="notes")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def changes(self) -> dict[str, Any] | None:
        """The parsed form, or None after showing what is wrong."""
        error = self.query_one("#deadline-error", Static)
        raw = self.query_one("#deadline", Input).value.strip()
        day: date | None = None
        at: time | None = None
        if raw:
            try:
                day, at = parse_when(raw, self.jt.now().date())
            except ValueError as exc:
                error.update(str(exc))
                error.display = True
                self.query_one("#deadline", Input).focus()
                return None
        error.display = False
        title = self.query_one("#title", Input).value.strip()
        if not title:
            error.update("A posting needs a title")
            error.display = True
            return None
        return {
            "title": title,
            "employer": self.query_one("#employer", Input).value.strip(),
            "deadline": day,
            "deadline_time": at,
            "salary": self.query_one("#salary", Input).value.strip(),
            "url": self.query_one("#url", Input).value.strip(),
            "notes": self.query_one("#notes", TextArea).text,
        }

    def action_save(self) -> None:
        changes = self.changes()
        if changes is not None:
            self.jt.store.edit_posting(self.posting_id, changes)
            self.notify("Saved", timeout=2)
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
