"""One posting with everything attached: fields, contacts, events, notes, text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cached_property
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Label, Static, TextArea

from jobtrack.app import records
from jobtrack.app.agenda import event_left
from jobtrack.app.countdowns import interview_left
from jobtrack.app.pay import pay_of, pay_text
from jobtrack.core.countdown import beside_date, countdown
from jobtrack.core.fields import typed
from jobtrack.core.listing import Line
from jobtrack.core.model import POSTING_FIELDS, Contact, Event, EventKind, Evidence, Posting, Status
from jobtrack.core.sanitize import clean_line, clean_text
from jobtrack.store.errors import NotFound
from jobtrack.tui.base import InJobtrack, StoreWatch
from jobtrack.tui.widgets.form import Entry, contact_fields, event_fields

FACT_STYLE = "reverse"


def highlight_facts(raw: str, evidence: Iterable[Evidence]) -> Text:
    """The posting text with each extracted fact marked where it was found.

    Offsets are used while they still point into the text (cleaning removed
    nothing); otherwise the evidence sentence is looked up.
    """
    text = clean_text(raw)
    shown = Text(text)
    offsets_hold = text == raw
    for ev in evidence:
        if offsets_hold and ev.start is not None and ev.end is not None and 0 <= ev.start < ev.end <= len(text):
            shown.stylize(FACT_STYLE, ev.start, ev.end)
        elif ev.sentence and (at := text.find(ev.sentence)) >= 0:
            shown.stylize(FACT_STYLE, at, at + len(ev.sentence))
    return shown


def event_when(e: Event, now: datetime) -> str:
    """"2026-11-24 09:00  (tomorrow 09:00)"; no clock time when none was given."""
    at = e.starts_at()
    if at is None:
        return "no date yet"
    day = f"{at:%Y-%m-%d %H:%M}" if e.time else f"{at:%Y-%m-%d}"
    return f"{day}  {beside_date(event_left(at, e.time is not None, now), at)}".rstrip()


class DetailScreen(InJobtrack, Screen[None]):
    CSS_PATH = "detail.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("o", "open_url", "Open URL"),
        Binding("c", "copy_phone", "Copy phone", show=False),
        Binding("m", "copy_email", "Copy e-mail", show=False),
        Binding("e", "edit", "Edit"),
        Binding("s", "status", "Status"),
        Binding("n", "new_contact", "New contact", show=False),
        Binding("i", "new_event", "New event", show=False),
        Binding("enter", "edit_row", "Edit contact/event", show=False),
        Binding("x", "remove_row", "Remove contact/event", show=False),
    ]

    def __init__(self, posting_id: int) -> None:
        super().__init__()
        self.posting_id = posting_id
        self._save_timer: Timer | None = None
        self._notes_base = ""  # the notes as last read from or written to the store
        self._gone = False

    @property
    def posting(self) -> Posting:
        return self.jt.store.posting(self.posting_id)

    def compose(self) -> ComposeResult:
        self._notes_base = self.posting.notes
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static(id="fields")
            yield Label("Contacts  (n new · enter edit · x remove · c copy phone · m copy e-mail)", classes="heading")
            contacts: DataTable[Text] = DataTable(cursor_type="row", id="contacts", show_cursor=False)
            contacts.add_columns("Name", "Role", "Phone", "E-mail")
            yield contacts
            yield Label("Events  (i new · enter edit · x remove)", classes="heading")
            events: DataTable[Text] = DataTable(cursor_type="row", id="events", show_cursor=False)
            events.add_columns("When", "What", "Place")
            yield events
            yield Label("Attached files  (enter opens · jobtrack attach ID FILE adds)", classes="heading",
                        id="attachments-heading")
            attached: DataTable[Text] = DataTable(cursor_type="row", id="attachments", show_cursor=False)
            attached.add_columns("What", "File", "Size", "Added")
            yield attached
            yield Label("Status history", classes="heading")
            yield Static(id="history")
            yield Label("Notes (saved as you type)", classes="heading")
            yield TextArea(self._notes_base, id="notes", soft_wrap=True)
            yield Label("Posting text", classes="heading")
            yield Static(id="text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_fields()
        self.query_one("#detail").focus()
        self.store_watch.start(self)

    # -- following the store --------------------------------------------------
    @cached_property
    def store_watch(self) -> StoreWatch:
        return StoreWatch(self.jt, self.store_changed)

    def store_changed(self) -> None:
        try:
            notes = self.posting.notes
        except NotFound:
            self.gone()
            return
        if notes != self._notes_base:
            self.notes_changed_elsewhere(notes)
        self.refresh_fields()

    def gone(self) -> None:
        """Deleted by another process: say so and go back, once nothing is on top of us."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self.store_watch.mark()
        if not self._gone:
            self.notify("This posting was deleted elsewhere", severity="warning")
        self._gone = True
        if self.is_current:
            self.dismiss(None)

    def on_screen_resume(self) -> None:
        if self._gone:
            self.dismiss(None)

    def notes_changed_elsewhere(self, notes: str) -> None:
        """Take their notes; if we were typing too, keep ours and put theirs below, saved."""
        area = self.query_one("#notes", TextArea)
        ours = area.text
        self._notes_base = notes
        if ours == notes:
            return
        if self._save_timer is None:
            area.load_text(notes)
            return
        merged = f"{ours}\n\n--- changed elsewhere meanwhile ---\n{notes}"
        area.load_text(merged)
        self.notify("The notes were changed elsewhere too: both versions are kept", severity="warning")

    def refresh_fields(self) -> None:
        store = self.jt.store
        self.store_watch.mark()
        try:
            p = self.posting
        except NotFound:
            self.gone()
            return
        now = self.jt.now()
        self.sub_title = clean_line(p.title)
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        deadline = p.deadline_at()
        events = store.events(self.posting_id)
        when, left = interview_left(Line.of(p, events), now)
        special = {
            "status": p.display_status(now),
            "deadline": f"{p.deadline_text()}  {beside_date(countdown(deadline, now, p.deadline_time is not None), deadline)}".rstrip()
            if deadline else "",
        }
        for f in POSTING_FIELDS:
            value = special[f.name] if f.name in special else typed(p, f)
            if f.shown and (value or f.name in {"title", "status", "deadline"}):
                grid.add_row(f.label, Text(clean_line(value) or "none", style="" if value else "dim"))
            if f.name == "salary" and (pay := pay_of(p)):
                grid.add_row("Pay", Text(clean_line(pay_text(pay))))
            if f.name == "deadline" and when:
                grid.add_row("Next interview", Text(clean_line(f"{when} ({left})")))
        grid.add_row("Added", Text(f"{p.created:%Y-%m-%d}"))
        self.query_one("#fields", Static).update(grid)

        contacts = self._table("#contacts")
        for c in store.contacts(self.posting_id):
            contacts.add_row(*(Text(clean_line(v)) for v in (c.name, c.role, c.phone, c.email)), key=str(c.id))

        files = self._table("#attachments")
        for n, a in enumerate(p.attachments, 1):
            files.add_row(Text(clean_line(a.kind) or "file"), Text(clean_line(a.name)), Text(f"{a.size:,} bytes"),
                          Text(f"{a.added:%Y-%m-%d}"), key=str(n))
        for selector in ("#attachments", "#attachments-heading"):
            self.query_one(selector).display = bool(p.attachments)  # no empty section for the many without

        table = self._table("#events")
        for e in sorted(events, key=lambda e: (e.starts_at() is None, e.starts_at() or now)):
            table.add_row(Text(event_when(e, now)), Text(clean_line(e.label or e.kind.value)), Text(clean_line(e.place)), key=str(e.id))

        history = Text()
        for h in p.history:
            history.append(f"{h.when():<16}  ", style="dim")
            history.append(h.status.value)
            if h.note:
                history.append(f"  {clean_line(h.note)}")
            history.append("\n")
        history.rstrip()  # in place: Text.rstrip returns None
        self.query_one("#history", Static).update(history or Text("none", style="dim"))
        evidence = [*p.evidence.values()]
        records: list[Contact | Event] = [*store.contacts(self.posting_id), *store.events(self.posting_id)]
        for record in records:
            evidence += record.evidence.values()
        text = highlight_facts(store.text(self.posting_id), evidence)
        self.query_one("#text", Static).update(text if text else Text("none", style="dim"))

    def _table(self, selector: str) -> DataTable[Text]:
        """Empty the table, keeping the cursor on the same row where it can.

        The columns go too and come back as wide as their headings: a column
        keeps the width of the widest value it ever held, so a value made
        shorter would leave it wide."""
        table: DataTable[Text] = self.query_one(selector, DataTable)
        row = table.cursor_row
        headings = [column.label for column in table.columns.values()]
        table.clear(columns=True)
        table.add_columns(*headings)
        table.call_after_refresh(table.move_cursor, row=row)
        return table

    def on_descendant_focus(self) -> None:
        for table in self.query(DataTable):
            table.show_cursor = table.has_focus

    # -- notes ----------------------------------------------------------------
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "notes" or event.text_area.text == self._notes_base:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.5, self.save_notes)

    def save_notes(self) -> None:
        """Writes the notes field alone, to the freshest copy: other fields changed elsewhere stay."""
        self._save_timer = None
        notes = self.query_one("#notes", TextArea).text
        if notes == self._notes_base:
            return
        try:
            records.save_notes(self.jt.store, self.posting_id, notes)
        except NotFound:
            self.gone()
            return
        self._notes_base = notes
        self.store_watch.mark()

    # -- actions --------------------------------------------------------------
    def action_back(self) -> None:
        if self.focused is not None and self.focused.id == "notes":
            self.query_one("#detail").focus()
            return
        self.save_notes()
        self.dismiss(None)

    def action_open_url(self) -> None:
        url = self.posting.url
        if url:
            self.app.open_url(url)
            self.notify(f"Opening {clean_line(url)}", markup=False, timeout=2)
        else:
            self.notify("This posting has no URL", severity="warning", timeout=2)

    def _chosen_contacts(self) -> list[Contact]:
        """The highlighted contact when the contacts table has focus, else all of them."""
        contacts = self.jt.store.contacts(self.posting_id)
        chosen = self._selected("#contacts")
        return [c for c in contacts if c.id == chosen] or contacts

    def _copy(self, values: list[str], what: str) -> None:
        if values:
            self.app.copy_to_clipboard(values[0])
            self.notify(f"Copied {values[0]}", markup=False, timeout=2)
        else:
            self.notify(f"No {what} to copy", severity="warning", timeout=2)

    def action_copy_phone(self) -> None:
        self._copy([c.phone for c in self._chosen_contacts() if c.phone], "phone number")

    def action_copy_email(self) -> None:
        self._copy([c.email for c in self._chosen_contacts() if c.email], "e-mail address")

    def action_edit(self) -> None:
        from jobtrack.tui.screens.edit import EditDialog

        self.save_notes()
        self.app.push_screen(EditDialog(self.posting_id), lambda _: self.refresh_fields())

    def action_status(self) -> None:
        from jobtrack.tui.screens.dialogs import StatusDialog

        def chosen(status: Status | None) -> None:
            if status is not None:
                records.set_status(self.jt.store, self.posting_id, status)
                self.refresh_fields()

        self.app.push_screen(StatusDialog(self.posting.status), chosen)

    # -- contacts and events --------------------------------------------------
    def _selected(self, selector: str) -> int | None:
        table = self.query_one(selector, DataTable)
        if not table.has_focus or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def _form(
        self, title: str, fields: list[Entry], required: str,
        save: Callable[[dict[str, Any]], object],
    ) -> None:
        from jobtrack.tui.screens.edit import FormDialog

        def done(values: dict[str, Any] | None) -> None:
            if values:
                save(values)
                self.refresh_fields()

        self.app.push_screen(FormDialog(title, fields, required=required), done)

    def action_new_contact(self) -> None:
        store = self.jt.store
        self._form(
            "New contact", contact_fields(Contact("")), "name",
            lambda v: records.add_contact(store, self.posting_id, v),
        )

    def action_new_event(self) -> None:
        store = self.jt.store
        blank = Event(self.posting_id, EventKind.INTERVIEW)
        self._form(
            "New event", event_fields(blank), "kind",
            lambda v: records.add_event(store, self.posting_id, {"kind": blank.kind, **v}),
        )

    def action_edit_row(self) -> None:
        store = self.jt.store
        if (contact_id := self._selected("#contacts")) is not None:
            self._form("Edit contact", contact_fields(store.contact(contact_id)), "name",
                       lambda v: records.edit_contact(store, contact_id, v))
        elif (event_id := self._selected("#events")) is not None:
            self._form("Edit event", event_fields(store.event(event_id)), "kind",
                       lambda v: records.edit_event(store, event_id, v))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id == "attachments":
            self.open_attachment(event.cursor_row + 1)
            return
        self.action_edit_row()

    def open_attachment(self, number: int) -> None:
        """With the system's program for the file (`app.attachments.open_file`)."""
        from jobtrack.app.attachments import AttachError, chosen, open_file

        try:
            a = chosen(self.posting, number)
            open_file(self.jt.store, a)
        except (AttachError, OSError) as exc:
            self.notify(clean_line(str(exc)), severity="error", markup=False)
            return
        self.notify(f"Opening {clean_line(a.name)}", markup=False, timeout=2)

    def action_remove_row(self) -> None:
        from jobtrack.tui.screens.dialogs import ConfirmDialog

        store = self.jt.store
        remove: Callable[[], object]
        if (contact_id := self._selected("#contacts")) is not None:
            name = store.contact(contact_id).name
            question, remove = f"Remove the contact “{clean_line(name)}”?", lambda: records.remove_contact(store, contact_id, self.posting_id)
        elif (event_id := self._selected("#events")) is not None:
            event = store.event(event_id)
            question, remove = f"Remove “{clean_line(event.label or event.kind.value)}”?", lambda: records.remove_event(store, event_id)
        else:
            self.notify("Select a contact or an event first (tab moves there)", severity="warning", timeout=2)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                remove()
                self.refresh_fields()

        self.app.push_screen(ConfirmDialog(question), confirmed)
