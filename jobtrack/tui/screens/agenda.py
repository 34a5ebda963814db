"""The agenda: the weekly review, a month calendar and the pipeline picture.

The week pane lists the same rows as `jobtrack week` (`jobtrack.app.review`),
the pipeline pane draws the same numbers as `jobtrack stats`. Every entry
opens its posting. The screen follows the store like the postings screen.
Wide terminals show the three panes side by side; narrow ones one at a
time, chosen with tabs or w, m, p.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cached_property, partial
from itertools import islice

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Tab, Tabs
from textual.widgets.option_list import Option
from textual.worker import Worker, get_current_worker

from jobtrack.app.agenda import Entry, Review, review, span
from jobtrack.app.archive import active
from jobtrack.app.config import Config
from jobtrack.app.review import INDENT, Row, day_heading, entry_row, gap_before, rows
from jobtrack.core.countdown import urgency
from jobtrack.core.model import Contact, Event, Posting
from jobtrack.core.pipeline import Pipeline, pipeline
from jobtrack.store import StoreError
from jobtrack.store.store import POSTINGS, Records
from jobtrack.tui.base import InJobtrack, StoreWatch
from jobtrack.tui.threads import IN_THREAD, in_worker
from jobtrack.tui.widgets.month_grid import MonthGrid, add_months
from jobtrack.tui.widgets.pipeline_bars import PipelineBars

PANES = {"week": "#week", "month": "#grid", "pipeline": "#bars"}  # each pane's widget to focus
WIDEST = 100  # longer lines push the countdowns too far from what they count down to
WEEK_CHUNK = 100  # options laid out per turn of the event loop (~40 ms)
PAUSE = 0.001  # seconds between chunks: a turn of the event loop, for keys and paints
Loaded = tuple[list[Posting], list[Event], list[Contact]]


def _line_width(options: OptionList) -> int:
    """Lay lines out for the list's width, within reason; a list on a hidden tab has none yet."""
    width = options.content_size.width or options.screen.size.width - 4
    return min(max(width - 2, 40), WIDEST)


def by_day(records: Loaded, now: datetime, day: date) -> dict[date, list[Entry]]:
    """What falls on each day of the month of `day`."""
    first = day.replace(day=1)
    found: dict[date, list[Entry]] = {}
    for e in span(*records, now, first, add_months(first, 1)):
        found.setdefault(e.at.date(), []).append(e)
    return found


@dataclass(frozen=True)
class Read:
    """The records and what the three panes show of them, worked out together."""

    records: Loaded
    week: Review
    width: int
    lines: list[Row]
    month: tuple[int, int]
    by_day: dict[date, list[Entry]]
    bars: Pipeline

    @classmethod
    def of(cls, records: Records, now: datetime, width: int, day: date, config: Config) -> Read:
        """Archived postings left out, as everywhere unless asked for."""
        loaded = (*active(records.postings(), records.events()), records.contacts())
        week = review(*loaded, now, config=config)
        return cls(loaded, week, width, rows(week, width), (day.year, day.month), by_day(loaded, now, day),
                   pipeline(loaded[0], now))


class AgendaScreen(InJobtrack, Screen[None]):
    CSS_PATH = "agenda.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("w", "show_pane('week')", "Week"),
        Binding("m", "show_pane('month')", "Month"),
        Binding("p", "show_pane('pipeline')", "Pipeline"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._read_now: Read | None = None  # the records last read, and the panes made of them
        self._week_generation = 0  # the week's options still to come belong to this laying out
        self._month: tuple[int, int] | None = None
        self._today: date | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Tabs(*(Tab(name.title(), id=name) for name in PANES), id="panes-tabs")
        with Horizontal(id="panes"):
            with Vertical(id="week-pane"):
                yield Label("The week", classes="pane-title")
                yield OptionList(id="week", markup=False)
            with Vertical(id="side"):
                with Horizontal(id="month-pane"):
                    yield MonthGrid(self.jt.now(), id="grid")
                    with Vertical(id="day-pane"):
                        yield Label(id="day-title", markup=False)
                        yield OptionList(id="day", markup=False)
                with Vertical(id="pipeline-pane"):
                    yield Label("The pipeline", classes="pane-title")
                    yield PipelineBars(id="bars")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.add_class("-show-week")
        self.reload()
        self.query_one("#week", OptionList).focus()
        self.store_watch.start(self)

    def on_screen_resume(self) -> None:
        self.store_watch.poll()

    def on_resize(self) -> None:
        # Lines are laid out for the width of their list, known only after layout.
        self.call_after_refresh(self._lay_out)

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        name = event.tab.id or "week"
        for pane in PANES:
            self.set_class(pane == name, f"-show-{pane}")
        self._focus_pane(name)
        self.call_after_refresh(self._lay_out)

    def _focus_pane(self, name: str) -> None:
        widget = self.query_one(PANES[name])
        if widget.focusable:
            widget.focus()

    # -- data -----------------------------------------------------------------
    @cached_property
    def store_watch(self) -> StoreWatch:
        """Reload when any process saved, or when midnight passed."""
        return StoreWatch(self.jt, self.reload, also=lambda: self.jt.now().date() != self._today)

    def reload(self) -> None:
        """Read the records once per opening and per change. A big store is read in a
        thread worker (~2 s at 20,000 postings), from a copy of its tables taken here."""
        store = self.jt.store
        now = self.jt.now()
        self.store_watch.mark()
        self._today = now.date()
        self.sub_title = f"Agenda · {now:%a %d %b %Y}"
        records = store.records()
        read = partial(Read.of, records, now, _line_width(self.query_one("#week", OptionList)), self.query_one(MonthGrid).selected,
                       self.jt.settings())
        if len(records.tables[POSTINGS]) < IN_THREAD:
            self._show(read(), now)
        else:
            self.run_worker(partial(self._read, read, now), name="agenda", group="agenda", thread=True, exclusive=True)

    def _read(self, read: Callable[[], Read], now: datetime) -> None:
        """In the worker thread: only the copied records and immutable data are touched here."""
        worker = get_current_worker()
        try:
            with in_worker():
                found = read()
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, found, now, worker)

    def _show(self, read: Read, now: datetime, worker: Worker[None] | None = None) -> None:
        if worker is not None and worker.is_cancelled:
            return  # a newer read is on its way
        self._read_now = read
        self._set_week(read.lines, now)
        self._month = read.month
        self.query_one(MonthGrid).show(now, read.by_day)
        self._fill_day(now)
        self.query_one(PipelineBars).show(read.bars)

    def _lay_out(self) -> None:
        """The week again for its list's new width; the records are not read again."""
        read = self._read_now
        if read is None:
            return
        now = self.jt.now()
        width = _line_width(self.query_one("#week", OptionList))
        if width != read.width:
            self._read_now = replace(read, width=width, lines=rows(read.week, width))
            self._set_week(self._read_now.lines, now)
        self._fill_day(now)

    def _set_week(self, lines: list[Row], now: datetime) -> None:
        """The week's options: a few screenfuls now, the rest in chunks on a short timer.
        With thousands of postings waiting for an answer, laying them all out at once
        held the keys for seconds (~0.4 ms an option)."""
        self._week_generation += 1
        week = self.query_one("#week", OptionList)
        keep = week.highlighted
        options = self._week_options(lines, now)
        week.set_options(islice(options, max(WEEK_CHUNK, (keep or 0) + 1)))
        if keep is not None and keep < week.option_count and not week.get_option_at_index(keep).disabled:
            week.highlighted = keep
        self.set_timer(PAUSE, partial(self._more_week, options, self._week_generation))

    def _more_week(self, options: Iterator[Option], generation: int) -> None:
        if generation != self._week_generation:
            return  # the week was laid out anew meanwhile
        chunk = list(islice(options, WEEK_CHUNK))
        if chunk:
            self.query_one("#week", OptionList).add_options(chunk)
            self.set_timer(PAUSE, partial(self._more_week, options, generation))

    def _week_options(self, lines: list[Row], now: datetime) -> Iterator[Option]:
        previous: Row | None = None
        for index, row in enumerate(lines):
            if gap_before(row, previous):
                yield Option("", disabled=True)
            yield self._option(row, index, now)
            previous = row

    def _option(self, row: Row, index: int, now: datetime) -> Option:
        if row.kind in ("section", "day", "note"):
            style = {"section": "bold underline", "day": "bold", "note": "italic"}[row.kind]
            return Option(Text(row.lines[0], style=style), disabled=True)
        text = Text("\n".join(row.lines))
        if row.at is not None and row.at >= now:
            text.stylize(self.app.theme_variables.get(urgency(row.at, now), ""), 0, INDENT)
        return Option(text, id=f"{index}:{row.posting_id or ''}", disabled=row.posting_id is None)

    def _fill_month(self, now: datetime) -> None:
        """The month of the selected day, from the records read last, if it is another month."""
        grid = self.query_one(MonthGrid)
        day = grid.selected
        if self._read_now is not None and self._month != (day.year, day.month):
            self._month = (day.year, day.month)
            grid.show(now, by_day(self._read_now.records, now, day))
        self._fill_day(now)

    def _fill_day(self, now: datetime) -> None:
        grid = self.query_one(MonthGrid)
        day = grid.selected
        found = grid.by_day.get(day, [])
        self.query_one("#day-title", Label).update(day_heading(day, now))
        listing = self.query_one("#day", OptionList)
        width = _line_width(listing)
        options = [self._option(entry_row(e, width), n, now) for n, e in enumerate(found)]
        listing.set_options(options or [Option(Text("Nothing on this day.", style="italic"), disabled=True)])

    def on_month_grid_day_changed(self, event: MonthGrid.DayChanged) -> None:
        self._fill_month(self.jt.now())

    # -- actions --------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        posting_id = (event.option.id or "").partition(":")[2]
        if posting_id:
            from jobtrack.tui.screens.detail import DetailScreen

            self.app.push_screen(DetailScreen(int(posting_id)))

    def action_show_pane(self, name: str) -> None:
        tabs = self.query_one(Tabs)
        if tabs.active == name:
            self._focus_pane(name)
        else:
            tabs.active = name

    def action_back(self) -> None:
        self.dismiss(None)
