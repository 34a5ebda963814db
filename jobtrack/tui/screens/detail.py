"""One posting with everything attached: fields, contacts, events, notes, text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Label, Static, TextArea

from jobtrack.app.agenda import event_left
from jobtrack.app.pay import pay_of, pay_text
from jobtrack.cli.fields import CONTACT_FIELDS, EVENT_FIELDS, Parser
from jobtrack.core.countdown import beside_date, countdown
from jobtrack.core.model import Contact, Event, EventKind, Evidence, Posting, Status
from jobtrack.core.sanitize import clean_line, clean_text
from jobtrack.store.errors import NotFound
from jobtrack.tui.widgets.form import Field, contact_fields, event_fields

if TYPE_CHECKING:
    from jobtrack.tui.app import JobtrackApp


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


class DetailScreen(Screen[None]):
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
        self._stamp: Any = None
        self._notes_base = ""  # the notes as last read from or written to the store
        self._gone = False

    @property
    def jt(self) -> JobtrackApp:
        return cast("JobtrackApp", self.app)

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
        self.set_interval(self.jt.poll_interval, self.poll)

    # -- following the store --------------------------------------------------
    def poll(self) -> None:
        if self.jt.store.stamp() == self._stamp:
            return
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
        self._stamp = self.jt.store.stamp()
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
        self._stamp = store.stamp()
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
        rows: list[tuple[str, str]] = [
            ("Title", p.title), ("Employer", p.employer), ("Department", p.department),
            ("Location", p.location), ("Status", p.display_status(now)),
            ("Deadline", f"{p.deadline_text()}  {beside_date(countdown(deadline, now, p.deadline_time is not None), deadline)}".rstrip()
             if deadline else ""),
            ("Salary", p.salary), ("Pay", pay_text(pay) if (pay := pay_of(p)) else ""), ("Hours", p.hours), ("Start", p.start_date.isoformat() if p.start_date else ""),
            ("Posted", p.posted.isoformat() if p.posted else ""), ("URL", p.url), ("Language", p.language),
            ("Tags", ", ".join(p.tags)), ("Added", f"{p.created:%Y-%m-%d}"),
        ]
        for name, value in rows:
            if value or name in {"Title", "Status", "Deadline"}:
                grid.add_row(name, Text(clean_line(value) or "none", style="" if value else "dim"))
        self.query_one("#fields", Static).update(grid)

        contacts = self._table("#contacts")
        for c in store.contacts(self.posting_id):
            contacts.add_row(*(Text(clean_line(v)) for v in (c.name, c.role, c.phone, c.email)), key=str(c.id))

        events = self._table("#events")
        for e in sorted(store.events(self.posting_id), key=lambda e: (e.starts_at() is None, e.starts_at() or now)):
            events.add_row(Text(event_when(e, now)), Text(clean_line(e.label or e.kind.value)), Text(clean_line(e.place)), key=str(e.id))

        history = Text()
        for h in p.history:
            history.append(f"{h.at:%Y-%m-%d %H:%M}  ", style="dim")
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
        """Empty the table, keeping the cursor on the same row where it can."""
        table: DataTable[Text] = self.query_one(selector, DataTable)
        row = table.cursor_row
        table.clear()
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
            self.jt.store.edit_posting(self.posting_id, {"notes": notes})
        except NotFound:
            self.gone()
            return
        self._notes_base = notes
        self._stamp = self.jt.store.stamp()

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
                self.jt.store.set_status(self.posting_id, status)
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
        self, title: str, fields: list[Field], parsers: dict[str, Parser], required: str,
        save: Callable[[dict[str, Any]], object],
    ) -> None:
        from jobtrack.tui.screens.edit import FormDialog

        def done(values: dict[str, Any] | None) -> None:
            if values:
                save(values)
                self.refresh_fields()

        self.app.push_screen(FormDialog(title, fields, parsers, required=required), done)

    def action_new_contact(self) -> None:
        store = self.jt.store
        self._form(
            "New contact", contact_fields(Contact("")), CONTACT_FIELDS, "name",
            lambda v: store.add_contact(Contact(**{"name": "", **v}, posting_ids=[self.posting_id])),
        )

    def action_new_event(self) -> None:
        store = self.jt.store
        blank = Event(self.posting_id, EventKind.INTERVIEW)
        self._form(
            "New event", event_fields(blank), EVENT_FIELDS, "kind",
            lambda v: store.add_event(Event(**{"posting_id": self.posting_id, "kind": blank.kind, **v})),
        )

    def action_edit_row(self) -> None:
        store = self.jt.store
        if (contact_id := self._selected("#contacts")) is not None:
            self._form("Edit contact", contact_fields(store.contact(contact_id)), CONTACT_FIELDS, "name",
                       lambda v: store.edit_contact(contact_id, v))
        elif (event_id := self._selected("#events")) is not None:
            self._form("Edit event", event_fields(store.event(event_id)), EVENT_FIELDS, "kind",
                       lambda v: store.edit_event(event_id, v))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_row()

    def action_remove_row(self) -> None:
        from jobtrack.tui.screens.dialogs import ConfirmDialog

        store = self.jt.store
        remove: Callable[[], object]
        if (contact_id := self._selected("#contacts")) is not None:
            name = store.contact(contact_id).name
            question, remove = f"Remove the contact “{clean_line(name)}”?", lambda: self._remove_contact(contact_id)
        elif (event_id := self._selected("#events")) is not None:
            event = store.event(event_id)
            question, remove = f"Remove “{clean_line(event.label or event.kind.value)}”?", lambda: store.delete_event(event_id)
        else:
            self.notify("Select a contact or an event first (tab moves there)", severity="warning", timeout=2)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                remove()
                self.refresh_fields()

        self.app.push_screen(ConfirmDialog(question), confirmed)

    def _remove_contact(self, ident: int) -> None:
        """A contact shared with other postings is only unlinked from this one."""
        store = self.jt.store
        others = [pid for pid in store.contact(ident).posting_ids if pid != self.posting_id]
        if others:
            store.edit_contact(ident, {"posting_ids": others})
        else:
            store.delete_contact(ident)
