"""Add a posting: read a URL, a file or pasted text, check what was understood, save.

Saving goes through `intake.add_posting`, as `jobtrack add` does: a posting
already tracked from the same address is shown beside what its page says now
and changes only when the user presses Update.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, LoadingIndicator, Static, TextArea
from textual.worker import Worker, get_current_worker

from jobtrack.core.document import Document
from jobtrack.core.model import Posting, replace_fields
from jobtrack.core.sanitize import clean_line
from jobtrack.ingest.errors import SourceError
from jobtrack.store.store import Bundle
from jobtrack.tui.base import InJobtrack
from jobtrack.tui.widgets.form import FieldForm, bring_up, contact_fields, event_fields, parse_forms, posting_fields

if TYPE_CHECKING:
    from jobtrack.extract.result import Extraction


class AddDialog(InJobtrack, ModalScreen[int | None]):
    """Returns the new posting's id, or None when cancelled."""

    CSS_PATH = "add.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel",
                tooltip="Stop reading; pressed again (or when idle) close the dialog, asking first when something was changed"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.bundle: Bundle | None = None
        self.known: Posting | None = None  # the posting already tracked from this address
        self.reading: Worker[None] | None = None
        self.dropped = 0  # events taken out of the review form
        self.unread = ""  # an address that could not be read: Read takes the pasted text instead

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Add a posting", classes="dialog-title")
            with VerticalScroll(id="add-body"):
                yield Label("URL or file path")
                yield Input(placeholder="https://… or ~/Downloads/job.pdf", id="source")
                yield Label("…or paste the posting text")
                yield TextArea(id="paste")
                yield Static("", id="add-error", markup=False)
                yield Static("", id="add-status", markup=False)
                yield Static("", id="add-known", markup=False)
                yield LoadingIndicator(id="loading")
                yield Vertical(id="form")
            with Horizontal(classes="buttons"):
                yield Button("Read", variant="primary", id="read")
                yield Button("Save", variant="success", id="save", disabled=True)
                yield Button("Update", variant="warning", id="update")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.show_reading(None)
        self.query_one("#add-error").display = False
        self.query_one("#add-known").display = self.query_one("#update").display = False
        self.query_one("#source", Input).focus()

    # -- reading --------------------------------------------------------------
    def action_read(self) -> None:
        """Reads the address, or the pasted text when there is no address or the address could not be read."""
        source = self.query_one("#source", Input).value.strip()
        pasted = self.query_one("#paste", TextArea).text
        if not source and not pasted.strip():
            self.show_error("Give a URL or a file path, or paste the text")
            return
        self.query_one("#add-error").display = False
        if pasted.strip() and source == self.unread:  # the text of the page that would not load
            address = source if source.startswith(("http://", "https://")) else ""
            self.show_reading("Reading the pasted text…")
            self.reading = self.read("", pasted, address)
            return
        self.show_reading(f"Reading {source}…  (escape stops)" if source else "Reading the pasted text…")
        self.reading = self.read(source, pasted)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def read(self, source: str, pasted: str, address: str = "") -> None:
        """`source` read (fetched), or else `pasted`: as from `address`, a page's URL, when given."""
        from jobtrack.core.zones import local_zone
        from jobtrack.extract import extract
        from jobtrack.ingest.documents import load_source

        worker = get_current_worker()
        try:
            doc = load_source(source) if source else Document(text=pasted, source=address or "pasted text")
            extraction = extract(doc, as_of=self.jt.now().date(), tz=local_zone())
        except SourceError as exc:  # says what happened; whether pasting gets round it is ours to offer
            if not worker.is_cancelled:
                said = str(exc)
                self.app.call_from_thread(self.show_error, said[:1].upper() + said[1:], exc.paste_helps, source)
            return
        except Exception as exc:  # noqa: BLE001 - any failure is shown, the dialog stays open
            if not worker.is_cancelled:
                self.app.call_from_thread(self.show_error, f"Could not read it: {exc}", True, source)
            return
        if not worker.is_cancelled:
            # mypy cannot solve Textual's `T | Awaitable[T]` callback type for a coroutine function.
            self.app.call_from_thread(self.show_form, extraction, doc)  # type: ignore[arg-type]

    def show_reading(self, message: str | None) -> None:
        """The progress line and spinner while a worker reads; None hides them."""
        status = self.query_one("#add-status", Static)
        status.update(Text(clean_line(message or "")))
        status.display = self.query_one("#loading").display = message is not None

    def show_error(self, message: str, paste: bool = False, unread: str = "") -> None:
        """What went wrong; with `paste`, the paste box is offered (and focused) as the way round it,
        and text pasted there is read next instead of `unread` (the address that failed)."""
        self.unread = unread if paste else ""
        self.show_reading(None)
        error = self.query_one("#add-error", Static)
        advice = "\nCopy the posting's text from the page, paste it in the box above and press Read." if paste else ""
        error.update(Text(clean_line(message) + advice))
        error.display = True
        if paste:
            self.query_one("#paste", TextArea).focus()

    async def show_form(self, extraction: Extraction, doc: Document) -> None:
        from jobtrack.app.intake import bundle_from_extraction, understood

        self.show_reading(None)
        bundle = bundle_from_extraction(extraction, doc)
        self.bundle = bundle
        self.show_known(bundle, understood(extraction))
        form = self.query_one("#form", Vertical)
        await form.remove_children()
        forms = [FieldForm(posting_fields(bundle.posting), "f-", "The posting")]
        forms += [
            FieldForm(event_fields(e), f"f-event-{i}-", f"Event {i + 1}", e.evidence.get("event"),
                      drop="Drop this event").add_class("event-form")
            for i, e in enumerate(bundle.events)
        ]
        forms += [
            FieldForm(contact_fields(c), f"f-contact-{i}-", f"Contact {i + 1} (empty the name to leave it out)",
                      c.evidence.get("contact"))
            for i, c in enumerate(bundle.contacts)
        ]
        check = Label("Check what was understood, edit it, then save", classes="dialog-title")
        await form.mount_all([check, *forms])
        self.query_one("#save", Button).disabled = False
        self.dropped = 0
        # Checking starts at the first guess, else at the top of the form: scrolled up and focused.
        start = next((found for f in forms if (found := f.first_guess()) is not None), None)
        self.call_after_refresh(bring_up, *(start or (check, self.query_one("#f-title", Input))))

    async def on_field_form_dropped(self, message: FieldForm.Dropped) -> None:
        """An event the user does not want saved: out of the bundle and the form (awaited, so a
        save right after sees the forms and the events alike)."""
        form, forms = message.form, list(self.query(".event-form"))
        if self.bundle is None or form not in forms:  # pressed twice: dropped already
            return
        gone = self.bundle.events.pop(forms.index(form))
        self.dropped += 1
        chain = self.focus_chain  # the focus goes on to what comes after the form, not back to the top
        after = [w for w in chain[chain.index(form.query_one(".drop-form")):] if form not in w.ancestors]
        await form.remove()
        if after:
            after[0].focus()
        self.notify(f"Dropped {clean_line(gone.label or gone.kind.value)}; it will not be saved", timeout=3, markup=False)

    def show_known(self, bundle: Bundle, understood: bool) -> None:
        """Says when the address is tracked already, with what its page says now beside what is stored."""
        from jobtrack.app.changes import compare
        from jobtrack.app.intake import same_source

        store = self.jt.store
        self.known = known = same_source(store, bundle)
        lines = [] if understood else ["Nothing in it reads like a job posting: check it before you save."]
        update = self.query_one("#update", Button)
        update.display = False
        if known is not None and known.id is not None:
            changes = compare(store.bundle(known.id), bundle)
            lines.append(f"Already tracked as #{known.id}: {clean_line(known.title)}.")
            lines += changes.lines() or ["The page says what is stored."]
            lines.append("Update takes the page's version; Cancel keeps yours." if changes else "")
            update.label = f"Update #{known.id}"
            update.display = bool(changes)
        self.query_one("#save", Button).display = known is None
        notice = self.query_one("#add-known", Static)
        notice.update(Text("\n".join(lines).strip()))
        notice.display = bool(lines)

    # -- saving ---------------------------------------------------------------
    def edited_bundle(self) -> Bundle | None:
        """The bundle with the form's values, or None when a field does not parse (the form says which)."""
        bundle = self.bundle
        if bundle is None:
            return None
        parsed = parse_forms(list(self.query(FieldForm)))
        if parsed is None:
            return None
        posting_values, *rest = parsed
        posting_values["title"] = posting_values.get("title") or bundle.posting.title
        replace_fields(bundle.posting, posting_values)
        events, contacts = rest[: len(bundle.events)], rest[len(bundle.events):]
        bundle.events = [replace_fields(e, v) for e, v in zip(bundle.events, events, strict=True)]
        bundle.contacts = [replace_fields(c, v) for c, v in zip(bundle.contacts, contacts, strict=True) if v.get("name")]
        return bundle

    def action_save(self) -> None:
        from jobtrack.app.intake import add_posting

        if self.bundle is None:
            self.action_read()
            return
        if self.known is not None:
            offer = ("Update takes the page's version, Cancel keeps yours" if self.query_one("#update", Button).display
                     else "the page says what is stored; nothing to save")
            self.notify(f"Already tracked as #{self.known.id}: {offer}", markup=False)
            return
        bundle = self.edited_bundle()
        if bundle is None:
            return
        result = add_posting(self.jt.store, bundle)
        saved = result.posting
        like = f" (looks like #{result.looks_like.id}: the same title and employer)" if result.looks_like else ""
        self.notify(f"Added {clean_line(saved.title)}{like}" if result.outcome == "added"
                    else f"Already tracked as #{saved.id}: nothing changed", markup=False)
        self.dismiss(saved.id)

    def action_update(self) -> None:
        from jobtrack.app.intake import add_posting

        bundle = self.edited_bundle()
        if bundle is None:
            return
        result = add_posting(self.jt.store, bundle, update=True)
        taken = ", ".join(result.changes.names()) or "nothing changed"
        self.notify(f"Updated #{result.posting.id}: {taken}", markup=False)
        self.dismiss(result.posting.id)

    def action_cancel(self) -> None:
        """Stops a read under way and keeps the dialog, to paste the text instead; else closes."""
        if self.reading is not None and self.reading.is_running:
            self.reading.cancel()  # a fetch in flight ends at its timeout; its result is dropped
            self.show_error("Stopped reading.", paste=True, unread=self.query_one("#source", Input).value.strip())
            return
        if not self.edited():
            self.dismiss(None)
            return
        from jobtrack.tui.screens.dialogs import close_after_asking

        close_after_asking(self, "Throw away what you pasted and changed?")

    def edited(self) -> bool:
        """Pasted text, a changed field or a dropped event: work that closing would throw away."""
        forms_changed = any(form.changed() for form in self.query(FieldForm))
        return bool(self.query_one("#paste", TextArea).text.strip()) or forms_changed or self.dropped > 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "source":
            self.action_read()
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"read": self.action_read, "save": self.action_save, "update": self.action_update}
        actions.get(event.button.id or "", self.action_cancel)()
