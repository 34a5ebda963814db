"""The agenda screen driven by Pilot against a real Store with a fixed clock."""

from __future__ import annotations

import sys
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.core.model import Posting  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.widgets.month_grid import CELL, WEEK_COLUMN, MonthGrid  # noqa: E402
from textual.widgets import OptionList  # noqa: E402

from tui_kit import NOW, clock, fill_agenda  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "jobs.json")
    fill_agenda(s)
    return s


def shown(app: JobtrackApp, selector: str) -> list[str]:
    options = app.screen.query_one(selector, OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


PANES = ("#week-pane", "#month-pane", "#pipeline-pane")


def visible_panes(app: JobtrackApp) -> list[str]:
    return [pane for pane in PANES if app.screen.query_one(pane).display]


def on(app: JobtrackApp) -> str:
    """The name of the screen on top."""
    return type(app.screen).__name__


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*keys)
    await pilot.pause()


@asynccontextmanager
async def agenda(store: Store, size: tuple[int, int] = (100, 40), poll: float = 1.0):  # type: ignore[no-untyped-def]
    """The app at a fixed clock with the agenda opened by its key."""
    app = JobtrackApp(store, now=clock, poll_interval=poll)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await press(pilot, "w")
        yield app, pilot


async def test_w_opens_the_week_review(store: Store) -> None:
    async with agenda(store) as (app, pilot):
        assert on(app) == "AgendaScreen"
        lines = [line.rstrip() for text in shown(app, "#week") for line in text.splitlines()]
        assert lines[:3] == ["The next 7 days", "Tue 24 Nov 2026 (tomorrow)", "  09:00  interview  Data analyst – Birch & Co"]
        assert "                   First interview · Jette Hansen +4530456405" in lines
        assert not any("Backend developer" in line for line in lines)  # 30/11 is the eighth day
        waiting = lines.index("Waiting for an answer")
        assert lines[waiting + 1].startswith("  Sent a while ago – Acme") and lines[waiting + 1].endswith("applied 2 weeks ago · follow up in 10 days")
        past = lines.index("The week just past")
        assert lines[past + 1:] == [
            "  Fri 20 Nov  rejected     Nurse [b]nights[/b] – Region [i]Midt[/i]",
            "  Sat 21 Nov  added        Teacher – Viborg Skole",
        ]
        await press(pilot, "escape")
        assert on(app) == "PostingsScreen"


async def test_enter_on_a_week_entry_opens_its_posting(store: Store) -> None:
    async with agenda(store) as (app, pilot):
        await press(pilot, "down", "enter")
        assert on(app) == "DetailScreen"
        assert app.screen.posting_id == 2
        await press(pilot, "escape")
        assert on(app) == "AgendaScreen"


async def test_month_grid_moves_by_keyboard_and_lists_the_day(store: Store) -> None:
    async with agenda(store) as (app, pilot):
        await press(pilot, "m")
        grid = app.screen.query_one(MonthGrid)
        assert app.screen.query_one("#month-pane").display and not app.screen.query_one("#week-pane").display
        assert grid.has_focus and grid.selected == NOW.date()
        assert "November 2026" in str(grid.render())
        assert shown(app, "#day") == ["Nothing on this day."]

        await press(pilot, "right")
        assert grid.selected == date(2026, 11, 24)
        assert str(app.screen.query_one("#day-title").render()) == "Tue 24 Nov 2026 (tomorrow)"
        assert shown(app, "#day")[0].startswith("  09:00  interview  Data analyst – Birch & Co")

        await press(pilot, "pagedown")
        assert grid.selected == date(2026, 12, 24) and "December 2026" in str(grid.render())
        await press(pilot, "up", "up")
        assert grid.selected == date(2026, 12, 10)
        assert "deadline   Teacher – Viborg Skole" in shown(app, "#day")[0]
        await press(pilot, "left_square_bracket")
        assert grid.selected == date(2026, 11, 10)
        await press(pilot, "right_square_bracket", "down")
        assert grid.selected == date(2026, 12, 17)
        await press(pilot, "pageup", "down", "down", "left")
        assert grid.selected == date(2026, 11, 30)
        assert shown(app, "#day")[0].startswith("         deadline   Backend developer")
        await press(pilot, "t")
        assert grid.selected == NOW.date()


async def test_a_click_selects_a_day(store: Store) -> None:
    async with agenda(store) as (app, pilot):
        await press(pilot, "m")
        grid = app.screen.query_one(MonthGrid)
        # Thursday of the fifth week row: past the padding and the week column, three cells in.
        row = 2 + 4 * (1 + grid.gap)
        await pilot.click(MonthGrid, offset=(1 + WEEK_COLUMN + 3 * CELL + 1, row))
        await pilot.pause()
        assert grid.selected == date(2026, 11, 26)
        await pilot.click(MonthGrid, offset=(2, row))  # the week number is not a day
        await pilot.pause()
        assert grid.selected == date(2026, 11, 26)


async def test_enter_on_a_day_entry_opens_its_posting(store: Store) -> None:
    async with agenda(store) as (app, pilot):
        await press(pilot, "m", "right_square_bracket", "home", "pagedown", "up", "up", *["left"] * 6)
        assert app.screen.query_one(MonthGrid).selected == date(2026, 12, 3)
        await press(pilot, "tab", "down", "enter")
        assert on(app) == "DetailScreen"
        assert app.screen.posting_id == 6


async def test_pipeline_tab_shows_the_stats_numbers(store: Store) -> None:
    async with agenda(store) as (app, pilot):
        await press(pilot, "p")
        text = str(app.screen.query_one("#bars").render())
        counts = {line.split()[0]: line.split()[1] for line in text.splitlines()[2:10]}
        assert counts == {"saved": "2", "applied": "2", "interviewing": "0", "offer": "0", "accepted": "0",
                          "rejected": "1", "withdrawn": "0", "closed": "1"}
        assert "Answer rate: 1 of 3 applications answered (33%)" in text


async def test_wide_terminal_shows_all_panes_at_once(store: Store) -> None:
    async with agenda(store, (160, 48)) as (app, pilot):
        screen = app.screen
        assert visible_panes(app) == list(PANES)
        assert not screen.query_one("#panes-tabs").display
        await press(pilot, "m", "right")
        assert screen.query_one("#week-pane").display  # nothing hides in a wide terminal
        assert shown(app, "#day")[0].startswith("  09:00  interview  Data analyst – Birch & Co")


async def test_narrow_terminal_shows_one_pane_at_a_time(store: Store) -> None:
    async with agenda(store, (80, 24)) as (app, pilot):
        assert visible_panes(app) == ["#week-pane"]
        await press(pilot, "p")
        assert visible_panes(app) == ["#pipeline-pane"]
        await press(pilot, "m")
        assert visible_panes(app) == ["#month-pane"]


async def test_agenda_follows_changes_from_another_process(store: Store, tmp_path: Path) -> None:
    async with agenda(store, poll=0.2) as (app, pilot):
        await press(pilot, "m", "right", "right")
        assert shown(app, "#day") == ["Nothing on this day."]
        other = Store(tmp_path / "jobs.json")
        other.add(Bundle(Posting("Added [u]elsewhere[/u]", employer="Cron", deadline=date(2026, 11, 25))))
        await pilot.pause(0.6)
        assert shown(app, "#day")[0].startswith("         deadline   Added [u]elsewhere[/u]")
        added = next(text for text in shown(app, "#week") if "Added [u]elsewhere[/u] – Cron" in text)
        assert added.startswith("         deadline") and added.rstrip().endswith("in 2 days")
        assert "25◆" in str(app.screen.query_one(MonthGrid).render())


async def test_help_and_palette_know_the_agenda(store: Store) -> None:
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "question_mark")
        text = str(app.screen.query_one("#help-text").render())
        assert "Agenda (w)" in text and "Month after" in text
        await press(pilot, "escape", "ctrl+p")
        await pilot.press(*"agenda")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert on(app) == "AgendaScreen"
