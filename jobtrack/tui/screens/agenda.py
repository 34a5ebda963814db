"""The agenda: the weekly review, a month calendar and the pipeline picture.

The week pane lists the same rows as `jobtrack week` (`jobtrack.app.review`),
the pipeline pane draws the same numbers as `jobtrack stats`. Every entry
opens its posting. The screen follows the store like the postings screen.
Wide terminals show the three panes side by side; narrow ones one at a
time, chosen with tabs or w, m, p.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Tab, Tabs
from textual.widgets.option_list import Option

from jobtrack.app.agenda import Entry, review, span
from jobtrack.app.archive import active
from jobtrack.app.config import Config
from jobtrack.app.review import INDENT, Row, day_heading, entry_row, gap_before, rows
from jobtrack.core.countdown import urgency
from jobtrack.core.model import Contact, Event, Posting
from jobtrack.core.pipeline import pipeline
from jobtrack.tui.base import InJobtrack, StoreWatch
from jobtrack.tui.widgets.month_grid import MonthGrid, add_months
from jobtrack.tui.widgets.pipeline_bars import PipelineBars

PANES = {"week": "#week", "month": "#grid", "pipeline": "#bars"}  # each pane's widget to focus
WIDEST = 100  # longer lines push the countdowns too far from what they count down to


def _line_width(options: OptionList) -> int:
    """Lay lines out for the list's width, within reason; a list on a hidden tab has none yet."""
    width = options.content_size.width or options.screen.size.width - 4
    return min(max(width - 2, 40), WIDEST)


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
        self._records: tuple[list[Posting], list[Event], list[Contact]] = ([], [], [])
        self._month: tuple[int, int] | None = None
        self._today: date | None = None
        self._config = Config()

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
        self.reload()

    def on_resize(self) -> None:
        # Lines are laid out for the width of their list, known only after layout.
        self.call_after_refresh(self.reload)

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        name = event.tab.id or "week"
        for pane in PANES:
            self.set_class(pane == name, f"-show-{pane}")
        self._focus_pane(name)
        self.call_after_refresh(self.reload)

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
        store = self.jt.store
        self.store_watch.mark()
        now = self.jt.now()
        self._today = now.date()
        self._records = (*active(store.postings(), store.events()), store.contacts())
        self._config = self.jt.settings()
        self.sub_title = f"Agenda · {now:%a %d %b %Y}"
        self._fill_week(now)
        self._month = None
        self._fill_month(now)
        self.query_one(PipelineBars).show(pipeline(self._records[0], now))

    def _fill_week(self, now: datetime) -> None:
        week = self.query_one("#week", OptionList)
        width = _line_width(week)
        keep = week.highlighted
        options: list[Option] = []
        previous: Row | None = None
        for index, row in enumerate(rows(review(*self._records, now, config=self._config), width)):
            if gap_before(row, previous):
                options.append(Option("", disabled=True))
            options.append(self._option(row, index, now))
            previous = row
        week.set_options(options)
        if keep is not None and keep < week.option_count and not week.get_option_at_index(keep).disabled:
            week.highlighted = keep

    def _option(self, row: Row, index: int, now: datetime) -> Option:
        if row.kind in ("section", "day", "note"):
            style = {"section": "bold underline", "day": "bold", "note": "italic"}[row.kind]
            return Option(Text(row.lines[0], style=style), disabled=True)
        text = Text("\n".join(row.lines))
        if row.at is not None and row.at >= now:
            text.stylize(self.app.theme_variables.get(urgency(row.at, now), ""), 0, INDENT)
        return Option(text, id=f"{index}:{row.posting_id or ''}", disabled=row.posting_id is None)

    def _fill_month(self, now: datetime) -> None:
        grid = self.query_one(MonthGrid)
        day = grid.selected
        if self._month != (day.year, day.month):
            self._month = (day.year, day.month)
            first = day.replace(day=1)
            by_day: dict[date, list[Entry]] = {}
            for e in span(*self._records, now, first, add_months(first, 1)):
                by_day.setdefault(e.at.date(), []).append(e)
            grid.show(now, by_day)
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
