"""One posting with everything attached: fields, contacts, events, notes, text."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Label, Static, TextArea

from jobtrack.countdown import countdown
from jobtrack.model import Posting
from jobtrack.sanitize import clean_line, clean_text

if TYPE_CHECKING:
    from jobtrack.tui.app import JobtrackApp


class DetailScreen(Screen[None]):
    CSS_PATH = "detail.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("o", "open_url", "Open URL"),
        Binding("c", "copy_phone", "Copy phone"),
        Binding("e", "edit", "Edit"),
        Binding("s", "status", "Status"),
    ]

    def __init__(self, posting_id: int) -> None:
        super().__init__()
        self.posting_id = posting_id
        self._save_timer: Timer | None = None

    @property
    def jt(self) -> JobtrackApp:
        return cast("JobtrackApp", self.app)

    @property
    def posting(self) -> Posting:
        return self.jt.store.posting(self.posting_id)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static(id="fields")
            yield Label("Contacts", classes="heading")
            yield Static(id="contacts")
            yield Label("Events", classes="heading")
            yield Static(id="events")
            yield Label("Status history", classes="heading")
            yield Static(id="history")
            yield Label("Notes (saved as you type)", classes="heading")
            yield TextArea(self.posting.notes, id="notes", soft_wrap=True)
            yield Label("Posting text", classes="heading")
            yield Static(id="text")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_fields()
        self.query_one("#detail").focus()

    def refresh_fields(self) -> None:
        store = self.jt.store
        p = self.posting
        now = self.jt.now()
        self.sub_title = clean_line(p.title)
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        deadline = p.deadline_at()
        rows: list[tuple[str, str]] = [
            ("Title", p.title), ("Employer", p.employer), ("Department", p.department),
            ("Location", p.location), ("Status", p.display_status(now)),
            ("Deadline", f"{deadline:%Y-%m-%d %H:%M}  ({countdown(deadline, now)})" if deadline else ""),
            ("Salary", p.salary), ("Hours", p.hours), ("Start", p.start_date.isoformat() if p.start_date else ""),
            ("Posted", p.posted.isoformat() if p.posted else ""), ("URL", p.url), ("Language", p.language),
            ("Tags", ", ".join(p.tags)), ("Added", f"{p.created:%Y-%m-%d}"),
        ]
        for name, value in rows:
            if value or name in {"Title", "Status", "Deadline"}:
                grid.add_row(name, Text(clean_line(value) or "none", style="" if value else "dim"))
        self.query_one("#fields", Static).update(grid)

        contacts = store.contacts(self.posting_id)
        if contacts:
            table = Table("Name", "Role", "Phone", "E-mail", box=None, header_style="bold", pad_edge=False)
            for c in contacts:
                table.add_row(*(Text(clean_line(v)) for v in (c.name, c.role, c.phone, c.email)))
            self.query_one("#contacts", Static).update(table)
        else:
            self.query_one("#contacts", Static).update(Text("none", style="dim"))

        events = sorted(store.events(self.posting_id), key=lambda e: (e.starts_at() is None, e.starts_at() or now))
        if events:
            table = Table("When", "What", "Place", box=None, header_style="bold", pad_edge=False)
            for e in events:
                at = e.starts_at()
                when = f"{at:%Y-%m-%d %H:%M}  ({countdown(at, now)})" if at else "no date yet"
                table.add_row(Text(when), Text(clean_line(e.label or e.kind.value)), Text(clean_line(e.place)))
            self.query_one("#events", Static).update(table)
        else:
            self.query_one("#events", Static).update(Text("none", style="dim"))

        history = Text()
        for h in p.history:
            history.append(f"{h.at:%Y-%m-%d %H:%M}  ", style="dim")
            history.append(h.status.value)
            if h.note:
                history.append(f"  {clean_line(h.note)}")
            history.append("\n")
        self.query_one("#history", Static).update(history.rstrip() or Text("none", style="dim"))
        text = clean_text(store.text(self.posting_id))
        self.query_one("#text", Static).update(Text(text) if text else Text("none", style="dim"))

    # -- notes ----------------------------------------------------------------
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "notes":
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.5, self.save_notes)

    def save_notes(self) -> None:
        notes = self.query_one("#notes", TextArea).text
        if notes != self.posting.notes:
            self.jt.store.edit_posting(self.posting_id, {"notes": notes})

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

    def action_copy_phone(self) -> None:
        phones = [c.phone for c in self.jt.store.contacts(self.posting_id) if c.phone]
        if phones:
            self.app.copy_to_clipboard(phones[0])
            self.notify(f"Copied {phones[0]}", markup=False, timeout=2)
        else:
            self.notify("No phone number to copy", severity="warning", timeout=2)

    def action_edit(self) -> None:
        from jobtrack.tui.screens.edit import EditDialog

        self.save_notes()

        def done(_: object) -> None:
            self.query_one("#notes", TextArea).load_text(self.posting.notes)
            self.refresh_fields()

        self.app.push_screen(EditDialog(self.posting_id), done)

    def action_status(self) -> None:
        from jobtrack.tui.screens.dialogs import StatusDialog

        def chosen(status: object) -> None:
            if status is not None:
                from jobtrack.model import Status

                self.jt.store.set_status(self.posting_id, cast(Status, status))
                self.refresh_fields()

        self.app.push_screen(StatusDialog(self.posting.status), chosen)
