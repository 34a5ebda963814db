"""A month as a calendar grid: ISO weeks, Monday first, marked days, a keyboard cursor."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from jobtrack.app.agenda import Entry
from jobtrack.core.countdown import urgency
from jobtrack.core.model import END_OF_DAY

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
WEEK_COLUMN = 4  # " 48 "
CELL = 4  # "●24◆": a day between its marks, an event's before it and a deadline's after it
TITLE_LINES = 2  # the month's name and the weekday names
RANKS = ("urgent", "soon", "later", "past")
DEADLINE_MARK = "◆"
EVENT_MARK = "●"


def add_months(day: date, months: int) -> date:
    """The same day of another month, or its last day when the month is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def weeks_of(day: date) -> list[list[date]]:
    """The Monday-first weeks that hold `day`'s month, each as seven dates."""
    first = day.replace(day=1)
    start = first - timedelta(days=first.weekday())
    end = add_months(first, 1)
    weeks: list[list[date]] = []
    while start < end:
        weeks.append([start + timedelta(days=i) for i in range(7)])
        start += timedelta(days=7)
    return weeks


class MonthGrid(Widget, can_focus=True):
    """Arrows move the day, PageUp/PageDown or [ ] the month, t or Home go to today."""

    DEFAULT_CSS = """
    MonthGrid {
        width: 36;
        height: auto;
        padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("left", "move(-1)", "Day before", show=False),
        Binding("right", "move(1)", "Day after", show=False),
        Binding("up", "move(-7)", "Week before", show=False),
        Binding("down", "move(7)", "Week after", show=False),
        Binding("pageup,left_square_bracket", "month(-1)", "Month before", key_display="PgUp/["),
        Binding("pagedown,right_square_bracket", "month(1)", "Month after", key_display="PgDn/]"),
        Binding("t,home", "today", "Today", key_display="t"),
    ]

    selected: reactive[date] = reactive(date.min)

    class DayChanged(Message):
        """The selected day moved (perhaps into another month)."""

        def __init__(self, grid: MonthGrid, day: date) -> None:
            super().__init__()
            self.grid = grid
            self.day = day

        @property
        def control(self) -> MonthGrid:
            return self.grid

    def __init__(self, now: datetime, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.now = now
        self.by_day: dict[date, list[Entry]] = {}
        self.set_reactive(MonthGrid.selected, now.date())

    # -- data ---------------------------------------------------------------
    def show(self, now: datetime, by_day: dict[date, list[Entry]]) -> None:
        """New marks and a new "today" (the clock moves, the store changes)."""
        self.now = now
        self.by_day = by_day
        self.refresh(layout=True)

    def watch_selected(self, old: date, new: date) -> None:
        self.refresh(layout=(old.year, old.month) != (new.year, new.month))
        self.post_message(self.DayChanged(self, new))

    # -- actions ------------------------------------------------------------
    def action_move(self, days: int) -> None:
        self.selected += timedelta(days=days)

    def action_month(self, months: int) -> None:
        self.selected = add_months(self.selected, months)

    def action_today(self) -> None:
        self.selected = self.now.date()

    def on_click(self, event: events.Click) -> None:
        day = self._day_at(event.x - self.styles.padding.left, event.y)
        if day is not None:
            self.selected = day

    # -- drawing ------------------------------------------------------------
    @property
    def gap(self) -> int:
        """A blank line between weeks when there is room for it."""
        room = self.parent.size.height if isinstance(self.parent, Widget) else 0
        return 1 if room >= TITLE_LINES + 2 * len(weeks_of(self.selected)) + 3 else 0

    def _day_at(self, x: int, y: int) -> date | None:
        row, rest = divmod(y - TITLE_LINES, 1 + self.gap)
        column = (x - WEEK_COLUMN) // CELL
        weeks = weeks_of(self.selected)
        if rest or not (0 <= row < len(weeks)) or not (0 <= column < 7) or x < WEEK_COLUMN:
            return None
        day = weeks[row][column]
        return day if day.month == self.selected.month else None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        weeks = len(weeks_of(self.selected))
        return TITLE_LINES + weeks + (weeks - 1) * self.gap + 2

    def _tone(self, day: date) -> str | None:
        found = self.by_day.get(day, [])
        if not found:
            return None
        # An event without a time lasts its whole day, like a deadline without an hour.
        ends = [e.at if e.timed or e.is_deadline else datetime.combine(e.at.date(), END_OF_DAY) for e in found]
        return min((urgency(at, self.now) for at in ends), key=RANKS.index)

    def _day_style(self, day: date, tone: str | None) -> str:
        colours = self.app.theme_variables
        past = tone == "past" or (tone is None and day < self.now.date())
        style = "dim" if past else colours.get(tone, "") if tone else ""
        if day == self.now.date():
            style += " bold underline"
        if day == self.selected:
            style += " reverse" if self.has_focus else " underline"
        return style.strip()

    def render(self) -> Text:
        width = WEEK_COLUMN + 7 * CELL
        out = Text(no_wrap=True, overflow="crop")
        out.append(f"{self.selected:%B %Y}".center(width).rstrip() + "\n", style="bold")
        out.append("Wk".rjust(WEEK_COLUMN - 1) + " ", style="dim")
        out.append("".join(name.rjust(CELL - 1) + " " for name in WEEKDAYS) + "\n", style="bold")
        for index, week in enumerate(weeks_of(self.selected)):
            if index and self.gap:
                out.append("\n")
            out.append(f"{week[0].isocalendar().week:>{WEEK_COLUMN - 1}} ", style="dim")
            for day in week:
                if day.month != self.selected.month:
                    out.append(" " * CELL)
                    continue
                found = self.by_day.get(day, [])
                event = EVENT_MARK if any(not e.is_deadline for e in found) else " "
                deadline = DEADLINE_MARK if any(e.is_deadline for e in found) else " "
                out.append(f"{event}{day.day:>2}{deadline}", style=self._day_style(day, self._tone(day)))
            out.append("\n")
        out.append("\n")
        out.append(f"{DEADLINE_MARK} deadline  {EVENT_MARK} interview, call…", style="dim")
        return out
