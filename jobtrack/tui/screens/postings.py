"""The main screen: every posting, what comes next first."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from jobtrack.app import records
from jobtrack.core.ahead import deadline_counts
from jobtrack.core.countdown import urgency
from jobtrack.core.listing import FILTERS, SORTS, Line, in_order
from jobtrack.core.model import Status
from jobtrack.core.sanitize import clean_line
from jobtrack.tui.base import InJobtrack, StoreWatch
from jobtrack.tui.widgets.columns import LABELS, Layout, Needs, layout, when
from jobtrack.tui.widgets.progressive_table import ProgressiveTable

if TYPE_CHECKING:
    from jobtrack.store import Bundle, Store

SEARCH_PAUSE = 0.15  # seconds of no typing before the texts are searched

EMPTY_HELP = (
    "No postings yet.\n\n"
    "Press  a  to add one from a URL, a file or pasted text,\n"
    "or run  jobtrack add URL  in a shell."
)
SORT_NAMES = {"next": "what comes next", "interview": "next interview"}  # the others are named by their column


@dataclass
class PostingRows:
    """Builds a posting's row when the table needs it: texts worked out once, no markup parsed."""

    now: datetime
    colours: dict[str, str]
    layout: Layout

    def tone(self, moment: datetime | None) -> str:
        """A moment's urgency colour; dim once it is behind."""
        tone = urgency(moment, self.now)
        return "dim" if tone == "past" else self.colours.get(tone, "")

    def __call__(self, line: Line) -> tuple[str, list[Text]]:
        cells = [self.cell(key, line) for key in self.layout.keys]
        for text in cells:
            text.no_wrap, text.overflow = True, "ellipsis"
        return str(line.id), cells

    def cell(self, key: str, line: Line) -> Text:
        now = self.now
        match key:
            case "title":
                return Text(clean_line(line.title), style="dim" if line.status.is_finished or line.is_closed(now) else "bold")
            case "status":
                return Text(line.display_status(now))
            case "deadline":
                if line.deadline is None:
                    return Text()
                counts = deadline_counts(line.status)  # once applied for, the deadline is behind the user
                return Text(when(line.deadline, now, line.deadline_timed, self.layout.dated),
                            style=self.tone(line.deadline) if counts else "dim")
            case "interview":
                found = line.next_interview(now)
                if found is None:
                    return Text()
                return Text(when(found[0], now, found[1], self.layout.dated),
                            style="dim" if line.status.is_finished else self.tone(found[0]))
        return Text(clean_line(getattr(line, key)))  # employer, location, salary: text as it came


class PostingsTable(ProgressiveTable[Line]):
    """Home and End go to the first and last posting (a DataTable scrolls sideways with them)."""

    BINDINGS = [
        Binding("home", "scroll_top", "First posting", show=False),
        Binding("end", "scroll_bottom", "Last posting", show=False),
    ]


class PostingsScreen(InJobtrack, Screen[None]):
    CSS_PATH = "postings.tcss"
    # The table takes the first keys: a hidden search box must never get them ("a" adds, "/" searches).
    AUTO_FOCUS = "#postings"
    # Letters act outside a text field only: in the search box, q and j are letters.
    # The footer shows what fits in 80 columns; help (?) and the palette (ctrl+p) list every key.
    BINDINGS = [
        Binding("enter", "open", "Open", show=False),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit", show=False),
        Binding("s", "status", "Status"),
        Binding("d", "delete", "Delete", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("f", "filter(1)", "Filter", tooltip="Show the next status only: saved, applied, …, closed, all"),
        Binding("F", "filter(-1)", "Filter back", show=False, key_display="shift+f"),
        Binding("o", "sort(1)", "Sort", show=False, tooltip="Order by the next column (or click a column's header)"),
        Binding("O", "reverse", "Reverse order", show=False, key_display="shift+o"),
        Binding("w", "agenda", "Agenda"),
        Binding("r", "app.reminders", "Reminders"),
        Binding("A", "archived", "Archived", show=False, key_display="A", tooltip="Show archived postings too, or hide them"),
        Binding("h", "hunt", "The hunt", show=False, tooltip="Applications per week against the target, answers, sources"),
        Binding("j", "move('cursor_down')", "Next posting", show=False),
        Binding("k", "move('cursor_up')", "Previous posting", show=False),
        Binding("g", "move('scroll_top')", "First posting", show=False, key_display="g, home"),
        Binding("G", "move('scroll_bottom')", "Last posting", show=False, key_display="G, end"),
        Binding("q", "app.quit", "Quit", show=False),  # the footer has ctrl+q
        Binding("escape", "clear_search", "Clear search", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter_index = 0
        self.archived = False  # archived postings shown as well
        self.sort_by = "next"
        self.sort_reverse = False
        self.undo_stack: list[Bundle] = []
        self._needs: tuple[Any, Needs] | None = None  # the lines' longest texts, and which lines they are of
        self._layout: Layout | None = None
        self._order: dict[int, int] = {}  # posting id -> row index, rows added or still to come
        # The search's own store, read in a worker thread: the app's store is not shared across threads.
        self._search_store: Store | None = None
        self._search_lock = threading.Lock()
        self._found: tuple[str, frozenset[int]] = ("", frozenset())  # a query and what the full search found
        self._sorted: list[Line] = []  # every posting's line, in the chosen order, as of the last reload

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search title, employer, text, notes, contacts, tags", id="search")
        yield PostingsTable(id="postings")
        yield Static(EMPTY_HELP, id="empty", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.table.focus()
        self.store_watch.start(self)

    # -- data -----------------------------------------------------------------
    @cached_property
    def store_watch(self) -> StoreWatch:
        return StoreWatch(self.jt, self.reload)

    @property
    def table(self) -> ProgressiveTable[Line]:
        return self.query_one("#postings", ProgressiveTable)

    def selected_id(self) -> int | None:
        table = self.table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def layout_for(self, lines: list[Line]) -> Layout:
        """The columns for the terminal's width (the table spans it) and the longest texts of `lines`."""
        if self._needs is None or self._needs[0] is not lines:
            self._needs = (lines, Needs.of(lines))
        scrollbar = self.table.styles.scrollbar_size_vertical  # kept free, so rows coming never reflow the columns
        return layout(self.app.size.width - scrollbar, self._needs[1])

    def on_resize(self) -> None:
        _, lines = self.jt.lines()
        if self.layout_for(lines) != self._layout:
            self.reload()

    def reload(self) -> None:
        """Every line again, in the chosen order, with the columns that fit; the rows built anew."""
        stamp, lines = self.jt.lines()
        self.store_watch.mark(stamp)
        now = self.jt.now()
        self._sorted = in_order(lines, now, self.sort_by, self.sort_reverse)
        keep = self.selected_id()  # before the columns change: clearing them empties the table
        columns = self.layout_for(lines)
        if columns != self._layout:
            self._layout = columns
            self.table.clear(columns=True)
            for key, width in columns.widths:
                self.table.add_column(Text(LABELS[key]), width=width, key=key)
        self._show(PostingRows(now, self.app.theme_variables, columns), keep)

    def _show(self, rows: PostingRows | None = None, keep: int | None = None) -> None:
        """The sorted lines that match the filter and the search: with `rows`, built
        anew; without, a search typed or a filter changed, from the rows built before."""
        lines = self._sorted
        table = self.table
        now = self.jt.now()
        keep = self.selected_id() if keep is None else keep
        wanted = FILTERS[self.filter_index]
        query = self.query_one("#search", Input).value
        found = self._found[1] if query and self._found[0] == query else frozenset()
        shown = [line for line in lines if (self.archived or not line.archived) and line.shows_as(wanted, now)
                 and (line.matches(query) or line.id in found)]
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
            parts.append(f"status: {wanted}")
        if self.sort_by != "next" or self.sort_reverse:
            name = SORT_NAMES.get(self.sort_by, self.sort_by)
            parts.append(f"by {name}{' ↑' if self.sort_reverse else ''}")
        if query:
            parts.append(f"search: {clean_line(query)}")
        if self.archived:
            parts.append("archived too")
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
        """The list's columns match at once; texts, notes, contacts and tags a moment later."""
        if event.input.id == "search":
            self._show()
            if event.value.strip() and self.jt.store_open:  # while it loads, the columns are searched
                self.search_everywhere(self.jt.store.path, event.value)

    @work(thread=True, exclusive=True, group="search")
    def search_everywhere(self, db: Path, query: str) -> None:
        from textual.worker import get_current_worker

        from jobtrack.app.search import search
        from jobtrack.store import Store, StoreError

        worker = get_current_worker()
        time.sleep(SEARCH_PAUSE)
        with self._search_lock:
            if worker.is_cancelled:
                return
            try:
                if self._search_store is None:
                    self._search_store = Store(db)
                ids = frozenset(h.id for h in search(self._search_store, query, self.jt.now(), with_snippets=False))
            except (StoreError, OSError):
                return  # the list itself says what is wrong with the store
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_found, query, ids)

    def _show_found(self, query: str, ids: frozenset[int]) -> None:
        self._found = (query, ids)
        if self.query_one("#search", Input).value == query:
            self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.table.focus()

    def action_filter(self, step: int) -> None:
        """The next (or, step -1, the previous) status the Status column can show, then all again."""
        self.filter_index = (self.filter_index + step) % len(FILTERS)
        wanted = FILTERS[self.filter_index]
        self.notify(f"Showing {wanted or 'all'}", timeout=2)
        self._show()

    def action_archived(self) -> None:
        """Show archived postings too, or hide them again (`jobtrack archive` puts them away)."""
        self.archived = not self.archived
        self.notify("Showing archived postings too" if self.archived else "Archived postings hidden", timeout=2)
        self.reload()

    def action_sort(self, step: int) -> None:
        """Order by the next column shown, after the last back to what comes next."""
        assert self._layout is not None
        choices = ["next", *(key for key in self._layout.keys if key in SORTS)]
        now = choices.index(self.sort_by) if self.sort_by in choices else 0
        self.sort_by, self.sort_reverse = choices[(now + step) % len(choices)], False
        self.reload()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.reload()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A header clicked orders by its column; clicked again, the other way round."""
        key = str(event.column_key.value)
        if key in SORTS:
            self.sort_reverse = not self.sort_reverse if key == self.sort_by else False
            self.sort_by = key
            self.reload()

    async def action_move(self, action: str) -> None:
        """j, k, g and G: the table's own moves, on keys a text field takes as letters."""
        await self.table.run_action(action)

    def action_agenda(self) -> None:
        from jobtrack.tui.screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(), lambda _: self.reload())

    def action_hunt(self) -> None:
        from jobtrack.tui.screens.hunt import HuntScreen

        self.app.push_screen(HuntScreen(), lambda _: self.reload())

    def action_status(self) -> None:
        ident = self.selected_id()
        if ident is None:
            return
        from jobtrack.tui.screens.dialogs import StatusDialog

        current = self.jt.store.posting(ident).status

        def chosen(status: Status | None) -> None:
            if status is not None:
                records.set_status(self.jt.store, ident, status)
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
                self.undo_stack.append(records.delete_posting(self.jt.store, ident))
                self.notify(f"Deleted {clean_line(title)}. Press u to undo.", markup=False)
                self.reload()

        self.app.push_screen(ConfirmDialog(f"Delete “{clean_line(title)}”?"), confirmed)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo", severity="warning", timeout=2)
            return
        posting = records.restore_posting(self.jt.store, self.undo_stack.pop())
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
