"""Add a posting: read a URL, a file or pasted text, check what was understood, save."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, LoadingIndicator, Static, TextArea
from textual.worker import get_current_worker

from jobtrack.dates import parse_when
from jobtrack.document import Document
from jobtrack.model import Evidence
from jobtrack.sanitize import clean_line
from jobtrack.store.store import Bundle
from jobtrack.tui.screens.edit import deadline_text

if TYPE_CHECKING:
    from jobtrack.extract.result import Extraction
    from jobtrack.tui.app import JobtrackApp

LOW_CONFIDENCE = 0.6


def _label(name: str, evidence: Evidence | None) -> Label:
    if evidence is not None and evidence.confidence < LOW_CONFIDENCE:
        return Label(Text(f"{name}  ? a guess, please check"), classes="guess")
    return Label(Text(name))


def _evidence(evidence: Evidence | None) -> Static:
    sentence = clean_line(evidence.sentence) if evidence else ""
    return Static(Text(f"“{sentence}”" if sentence else "", style="italic dim"), classes="evidence")


class AddDialog(ModalScreen[int | None]):
    """Returns the new posting's id, or None when cancelled."""

    CSS_PATH = "add.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.bundle: Bundle | None = None

    @property
    def jt(self) -> JobtrackApp:
        return cast("JobtrackApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Add a posting", classes="dialog-title")
            with VerticalScroll(id="add-body"):
                yield Label("URL or file path")
                yield Input(placeholder="https://… or ~/Downloads/job.pdf", id="source")
                yield Label("…or paste the posting text")
                yield TextArea(id="paste")
                yield Static("", id="add-error", markup=False)
                yield LoadingIndicator(id="loading")
                yield Vertical(id="form")
            with Horizontal(classes="buttons"):
                yield Button("Read", variant="primary", id="read")
                yield Button("Save", variant="success", id="save", disabled=True)
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#loading").display = False
        self.query_one("#add-error").display = False
        self.query_one("#source", Input).focus()

    # -- reading --------------------------------------------------------------
    def action_read(self) -> None:
        source = self.query_one("#source", Input).value.strip()
        pasted = self.query_one("#paste", TextArea).text
        if not source and not pasted.strip():
            self.show_error("Give a URL or a file path, or paste the text")
            return
        self.query_one("#add-error").display = False
        self.query_one("#loading").display = True
        self.read(source, pasted)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def read(self, source: str, pasted: str) -> None:
        from jobtrack.documents import load_source
        from jobtrack.extract import extract

        worker = get_current_worker()
        try:
            doc = load_source(source) if source else Document(text=pasted, source="pasted text")
            extraction = extract(doc, as_of=self.jt.now().date())
        except Exception as exc:  # noqa: BLE001 - any failure is shown, the dialog stays open
            if not worker.is_cancelled:
                self.app.call_from_thread(self.show_error, f"Could not read it: {exc}")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_form, extraction, doc)

    def show_error(self, message: str) -> None:
        self.query_one("#loading").display = False
        error = self.query_one("#add-error", Static)
        error.update(Text(clean_line(message) + "\nYou can paste the text instead."))
        error.display = True

    async def show_form(self, extraction: Extraction, doc: Document) -> None:
        from jobtrack.services import bundle_from_extraction

        self.query_one("#loading").display = False
        bundle = bundle_from_extraction(extraction, doc)
        self.bundle = bundle
        p = bundle.posting
        form = self.query_one("#form", Vertical)
        await form.remove_children()
        ev = p.evidence
        widgets: list[Widget] = [
            Label("What was understood (edit before saving)", classes="dialog-title"),
            _label("Title", ev.get("title")), Input(p.title, id="f-title"), _evidence(ev.get("title")),
            _label("Employer", ev.get("employer")), Input(p.employer, id="f-employer"), _evidence(ev.get("employer")),
            _label("Deadline", ev.get("deadline")),
            Input(deadline_text(p.deadline, p.deadline_time), id="f-deadline"), _evidence(ev.get("deadline")),
        ]
        for i, e in enumerate(bundle.events):
            evidence = e.evidence.get("event")
            widgets += [
                _label(f"{e.kind.value.capitalize()}: {clean_line(e.label)}", evidence),
                Input(deadline_text(e.day, e.time), placeholder="no date yet", id=f"f-event-{i}"),
                _evidence(evidence),
            ]
        for i, c in enumerate(bundle.contacts):
            evidence = c.evidence.get("contact")
            widgets += [
                _label("Contact: name | role | phone | e-mail", evidence),
                Input(" | ".join((c.name, c.role, c.phone, c.email)), id=f"f-contact-{i}"),
                _evidence(evidence),
            ]
        widgets.append(Static("", id="form-error", markup=False))
        await form.mount_all(widgets)
        self.query_one("#save", Button).disabled = False
        self.query_one("#f-title", Input).focus()

    # -- saving ---------------------------------------------------------------
    def _when(self, input_id: str) -> tuple[object, object] | None:
        raw = self.query_one(input_id, Input).value.strip()
        if not raw:
            return (None, None)
        try:
            return parse_when(raw, self.jt.now().date())
        except ValueError as exc:
            error = self.query_one("#form-error", Static)
            error.update(str(exc))
            error.display = True
            self.query_one(input_id, Input).focus()
            return None

    def action_save(self) -> None:
        bundle = self.bundle
        if bundle is None:
            self.action_read()
            return
        p = bundle.posting
        p.title = self.query_one("#f-title", Input).value.strip() or p.title
        p.employer = self.query_one("#f-employer", Input).value.strip()
        when = self._when("#f-deadline")
        if when is None:
            return
        p.deadline, p.deadline_time = when  # type: ignore[assignment]
        for i, e in enumerate(bundle.events):
            when = self._when(f"#f-event-{i}")
            if when is None:
                return
            e.day, e.time = when  # type: ignore[assignment]
        contacts = []
        for i, c in enumerate(bundle.contacts):
            parts = [s.strip() for s in self.query_one(f"#f-contact-{i}", Input).value.split("|")]
            parts += [""] * (4 - len(parts))
            if not any(parts):
                continue
            c.name, c.role, c.phone, c.email = parts[:4]
            contacts.append(c)
        bundle.contacts = contacts
        saved = self.jt.store.add(bundle)
        self.notify(f"Added {clean_line(saved.title)}", markup=False)
        self.dismiss(saved.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "source":
            self.action_read()
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"read": self.action_read, "save": self.action_save}.get(event.button.id or "", self.action_cancel)()
