"""Small modal dialogs: status choice, confirmation, help."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from jobtrack.core.model import Status
from jobtrack.tui.commands import bindings_of, key_name


class StatusDialog(ModalScreen[Status | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: Status) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("New status", classes="dialog-title")
            yield OptionList(*[Option(s.value, id=s.value) for s in Status], id="statuses")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current in list(Status):  # a status a newer jobtrack wrote is none of these
            options.highlighted = list(Status).index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(list(Status)[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button("Yes", variant="error", id="yes")
                yield Button("No", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def close_after_asking(dialog: ModalScreen[Any], question: str) -> None:
    """Dismiss `dialog` (with None) once the user says yes to `question`; no keeps it open."""

    def answered(yes: bool | None) -> None:
        if yes:
            dialog.dismiss(None)

    dialog.app.push_screen(ConfirmDialog(question), answered)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        from jobtrack.tui.app import JobtrackApp
        from jobtrack.tui.screens.add import AddDialog
        from jobtrack.tui.screens.agenda import AgendaScreen
        from jobtrack.tui.screens.detail import DetailScreen
        from jobtrack.tui.screens.edit import FormDialog
        from jobtrack.tui.screens.postings import PostingsScreen
        from jobtrack.tui.screens.reminders import RemindersScreen
        from jobtrack.tui.widgets.month_grid import MonthGrid

        text = Text()
        for heading, owner in (
            ("Postings", PostingsScreen),
            ("Posting details", DetailScreen),
            ("Agenda (w)", AgendaScreen),
            ("Month calendar", MonthGrid),
            ("Reminders (r)", RemindersScreen),
            ("Add dialog", AddDialog),
            ("Edit forms", FormDialog),
            ("Confirmations", ConfirmDialog),
            ("Everywhere", JobtrackApp),
        ):
            text.append(f"{heading}\n", style="bold")
            for b in bindings_of(owner):
                text.append(f"  {key_name(b):<12}", style="bold")
                text.append(f"{b.description}\n")
            text.append("\n")
        text.append("  ctrl+p      ", style="bold")
        text.append("Command palette: every action, themes, jump to a posting by title or employer\n")
        with Vertical(classes="dialog help"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(text, id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
