"""The main screen: every posting, what comes next first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from jobtrack.core.countdown import countdown, urgency
from jobtrack.core.listing import Line, in_order
from jobtrack.core.model import Status
from jobtrack.core.sanitize import clean_line
from jobtrack.tui.widgets.progressive_table import ProgressiveTable

if TYPE_CHECKING:
    from jobtrack.store import Bundle
    from jobtrack.tui.app import JobtrackApp

FILTERS: list[Status | None] = [None, *Status]

EMPTY_HELP = (
    "No postings yet.\n\n"
    "Press  a  to add one from a URL, a file or pasted text,\n"
    "or run  jobtrack add URL  in a shell."
)


@dataclass
class PostingRows:
    """Builds a posting's row when the table needs it: texts worked out once, no markup parsed."""

    now: datetime
    colours: dict[str, str]

    def __call__(self, line: Line) -> tuple[str, list[Text]]:
        now = self.now
        found = line.next_interview(now)
        interview = found[0] if found else None
        moment = line.next_moment(now)
        tone = urgency(moment, now)
        style = self.colours.get(tone, "") if tone != "past" else "dim"
        finished = line.status.is_finished or line.is_closed(now)
        return str(line.id), [
            Text(clean_line(line.title), style="dim" if finished else "bold"),
            Text(clean_line(line.employer)),
            Text(line.display_status(now)),
            Text(countdown(line.deadline, now, line.deadline_timed) if line.deadline else "",
                 style=style if moment == line.deadline else ""),
            Text(countdown(found[0], now, found[1]) if found else "", style=style if interview and moment == interview else ""),
        ]


class PostingsScreen(Screen[None]):
    CSS_PATH = "postings.tcss"
    # The table takes the first keys: a hidden search box must never get them ("a" adds, "/" searches).
    AUTO_FOCUS = "#postings"
    BINDINGS = [
        Binding("enter", "open", "Open", show=False),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("s", "status", "Status"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo", show=False),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("f", "filter", "Filter", show=False),
        Binding("r", "app.reminders", "Reminders"),
        Binding("w", "agenda", "Agenda", show=False),
        Binding("escape", "clear_search", "Clear search", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter_index = 0
        self.undo_stack: list[Bundle] = []
        self._stamp: Any = None
        self._order: dict[int, int] = {}  # posting id -> row index, rows added or still to come
        self._sorted: list[Line] = []  # every posting's line, in order, as of the last reload

    @property
    def jt(self) -> JobtrackApp:
        return cast("JobtrackApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search title or employer", id="search")
        table: ProgressiveTable[Line] = ProgressiveTable(id="postings")
        table.add_column("Title", key="title")
        table.add_column("Employer", key="employer")
        table.add_column("Status", key="status")
        table.add_column("Deadline", key="deadline")
        table.add_column("Next interview", key="interview")
        yield table
        yield Static(EMPTY_HELP, id="empty", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.table.focus()
        self.set_interval(self.jt.poll_interval, self.poll)

    # -- data -----------------------------------------------------------------
    def poll(self) -> None:
        if self.jt.store_open and self.jt.lines()[0] != self._stamp:
            self.reload()

    @property
    def table(self) -> ProgressiveTable[Line]:
        return self.query_one("#postings", ProgressiveTable)

    def selected_id(self) -> int | None:
        table = self.table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def reload(self) -> None:
        self._stamp, lines = self.jt.lines()
        now = self.jt.now()
        self._sorted = in_order(lines, now)
        self._show(PostingRows(now, self.app.theme_variables))

    def _show(self, rows: PostingRows | None = None) -> None:
        """The sorted lines that match the filter and the search: with `rows`, built
        anew; without, a search typed or a filter changed, from the rows built before."""
        lines = self._sorted
        table = self.table
        keep = self.selected_id()
        query = self.query_one("#search", Input).value
        wanted = FILTERS[self.filter_index]
        shown = [line for line in lines if line.matches(wanted, query)]
        self._order = {line.id: i for i, line in enumerate(shown)}
        cursor = self._order.get(keep) if keep is not None else None
        if rows is None:
            table.narrow(shown, cursor)
        else:
            table.fill(shown, rows, cursor)
        empty = not lines
        self.query_one("#empty").display = empty
        table.display = not empty
        parts = [f"{len(shown)} of {len(lines)}"]
        if wanted is not None:
            parts.append(f"status: {wanted.value}")
        if query:
            parts.append(f"search: {clean_line(query)}")
        self.sub_title = "  ·  ".join(parts)

    def select(self, ident: int) -> None:
        """Put the cursor on a posting, adding rows up to it if the table is still filling."""
        index = self._order.get(ident)
        if index is not None:
            self.table.add_through(index)
            self.table.move_cursor(row=index)

    # -- actions --------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        ident = self.selected_id()
        if ident is not None:
            self.open_posting(ident)

    def open_posting(self, ident: int) -> None:
        from jobtrack.tui.screens.detail import DetailScreen

        self.select(ident)
        self.app.push_screen(DetailScreen(ident), lambda _: self.reload())

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        search.display = False
        self.table.focus()
        self._show()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.table.focus()

    def action_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        wanted = FILTERS[self.filter_index]
        self.notify(f"Showing {wanted.value if wanted else 'all'}", timeout=2)
        self._show()

    def action_agenda(self) -> None:
        from jobtrack.tui.screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(), lambda _: self.reload())

    def action_status(self) -> None:
        ident = self.selected_id()
        if ident is None:
            return
        from jobtrack.tui.screens.dialogs import StatusDialog

        current = self.jt.store.posting(ident).status

        def chosen(status: Status | None) -> None:
            if status is not None:
                self.jt.store.set_status(ident, status)
                self.notify(f"Status: {status.value}", timeout=2)
                self.reload()

        self.app.push_screen(StatusDialog(current), chosen)

    def action_delete(self) -> None:
        ident = self.selected_id()
        if ident is None:
            return
        from jobtrack.tui.screens.dialogs import ConfirmDialog

        title = self.jt.store.posting(ident).title

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.undo_stack.append(self.jt.store.delete_posting(ident))
                self.notify(f"Deleted {clean_line(title)}. Press u to undo.", markup=False)
                self.reload()

        self.app.push_screen(ConfirmDialog(f"Delete “{clean_line(title)}”?"), confirmed)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo", severity="warning", timeout=2)
            return
        posting = self.jt.store.restore(self.undo_stack.pop())
        self.notify(f"Restored {clean_line(posting.title)}", markup=False)
        self.reload()
        self.select(posting.id or 0)

    def action_edit(self) -> None:
        ident = self.selected_id()
        if ident is None:
            return
        from jobtrack.tui.screens.edit import EditDialog

        self.app.push_screen(EditDialog(ident), lambda _: self.reload())

    def action_add(self) -> None:
        from jobtrack.tui.screens.add import AddDialog

        def added(ident: int | None) -> None:
            self.reload()
            if ident is not None:
                self.select(ident)

        self.app.push_screen(AddDialog(), added)
