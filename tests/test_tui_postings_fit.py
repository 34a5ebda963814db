"""The postings table at 80 columns and wider (issue 14): the columns that matter
fit, long titles end in "…", wider terminals show more, and the keys people expect."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from jobtrack.core.listing import lines_of
from jobtrack.core.model import Event, EventKind, Posting
from jobtrack.store.store import Bundle, Store
from jobtrack.tui.screens.postings import PostingsScreen
from jobtrack.tui.widgets.columns import PADDING, TITLE_LEAST, Needs, layout, when
from rich.text import Text
from textual.widgets import DataTable, Footer, Input
from textual.widgets._footer import FooterKey

from tui_kit import LONG_TITLE as LONG
from tui_kit import NOW, fill, fill_long, make_app, snapshot_app, titles

ESSENTIAL = ("title", "employer", "status", "deadline", "interview")


# -- widths: pure functions --------------------------------------------------------
def used(width: int, needs: Needs) -> int:
    return sum(w + PADDING for _, w in layout(width, needs).widths)


@pytest.mark.parametrize("width", [78, 98, 118, 158, 238])
def test_the_essential_columns_fit_and_the_title_takes_what_is_left(width: int) -> None:
    needs = Needs(title=len(LONG), employer=31, location=10, salary=18)
    columns = layout(width, needs)
    assert columns.keys[:5] == ESSENTIAL  # in their places at every width
    assert used(width, needs) <= width
    if columns.width("title") < len(LONG):
        assert width - used(width, needs) == 0  # a title cut short leaves no room unused


def test_wider_terminals_show_more() -> None:
    needs = Needs(title=len(LONG), employer=31, location=10, salary=18)
    narrow, wide = layout(78, needs), layout(158, needs)
    assert not narrow.dated and narrow.keys == ESSENTIAL
    assert narrow.width("employer") == 10  # shortened
    assert wide.dated and wide.keys == (*ESSENTIAL, "location", "salary")
    assert wide.width("employer") == 24 and wide.width("location") == 10 and wide.width("salary") == 18
    assert wide.width("title") >= 30


def test_short_texts_leave_the_room_unused_and_no_empty_extras() -> None:
    columns = layout(238, Needs(title=17, employer=9))
    assert columns.width("title") == 17 and columns.width("employer") == 10
    assert "location" not in columns.keys and "salary" not in columns.keys  # nobody has one


def test_a_very_narrow_terminal_keeps_every_essential_column() -> None:
    columns = layout(50, Needs(title=len(LONG), employer=31))
    assert columns.keys == ESSENTIAL and columns.width("title") == TITLE_LEAST


def test_needs_are_the_longest_texts() -> None:
    lines = lines_of([Posting("abc", employer="de", location="  "),
                      Posting("a", employer="defgh", location="Aarhus", salary="x")], [])
    assert Needs.of(lines) == Needs(3, 5, 6, 1)
    assert Needs.of([]) == Needs(0, 0)


def test_countdown_cells_with_and_without_their_dates() -> None:
    deadline = datetime(2027, 1, 15, 12, 0)
    assert when(deadline, NOW, True, dated=False) == "7 weeks"
    assert when(deadline, NOW, True, dated=True) == "7 weeks · 15 Jan 12:00"
    assert when(datetime(2026, 11, 24, 9, 0), NOW, True, dated=True) == "tomorrow 09:00 · 24 Nov"  # the hour once
    assert when(datetime(2026, 11, 30, 23, 59), NOW, False, dated=True) == "7 days · 30 Nov"  # no hour made up
    assert when(datetime(2026, 11, 1, 23, 59), NOW, False, dated=True) == "22 days ago · 1 Nov"
    assert when(datetime(2027, 6, 1, 23, 59), NOW, False, dated=True) == "2027-06-01"  # far: the date once


# -- the screen ---------------------------------------------------------------------
def table(app) -> DataTable[Text]:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#postings", DataTable)


def column_keys(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(c.key.value) for c in table(app).ordered_columns]


def row_of(app, title: str) -> dict[str, Text]:  # type: ignore[no-untyped-def]
    t = table(app)
    for i in range(t.row_count):
        row = t.get_row_at(i)
        if str(row[0]) == title:
            return dict(zip(column_keys(app), row, strict=True))
    raise AssertionError(title)


async def test_columns_are_worked_out_again_when_the_terminal_is_resized(tmp_path: Path) -> None:
    store = Store(tmp_path / "jobs.json")
    fill_long(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert column_keys(app) == list(ESSENTIAL)
        assert table(app).virtual_size.width <= 80
        long = row_of(app, LONG)
        assert long["deadline"].plain == "7 weeks" and long["title"].overflow == "ellipsis"
        await pilot.press("down")
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert column_keys(app) == [*ESSENTIAL, "location", "salary"]
        long = row_of(app, LONG)
        assert long["deadline"].plain == "7 weeks · 15 Jan 12:00"
        assert long["location"].plain == "Copenhagen" and long["salary"].plain == "DKK 55,000 a month"
        assert table(app).cursor_row == 1  # the cursor stays on its posting
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert column_keys(app) == list(ESSENTIAL)


async def test_both_moments_get_their_urgency_colour(tmp_path: Path) -> None:
    store = Store(tmp_path / "jobs.json")
    fill(store)
    # A deadline in 5 days (soon) and an interview tomorrow (urgent) on one posting.
    both = store.add(Bundle(Posting("Both", employer="Two A/S", deadline=date(2026, 11, 28))))
    assert both.id is not None
    store.add_event(Event(both.id, EventKind.INTERVIEW, day=date(2026, 11, 24), time=time(13, 0)))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        colours = app.theme_variables
        row = row_of(app, "Both")
        assert str(row["interview"].style) == colours["urgent"]
        assert str(row["deadline"].style) == colours["soon"]  # not only the nearest moment
        assert str(row_of(app, "Jurist [red]x[/red]")["deadline"].style) == "dim"  # gone by


async def test_text_from_the_web_is_never_markup(tmp_path: Path) -> None:
    store = Store(tmp_path / "jobs.json")
    store.add(Bundle(Posting("[b]Bold[/b] chef", employer="[red]Kro[/red]", location="[i]By[/i]", salary="[u]100[/u]")))
    app = make_app(store)
    async with app.run_test(size=(200, 24)) as pilot:
        await pilot.pause()
        row = row_of(app, "[b]Bold[/b] chef")
        assert [row[k].plain for k in ("employer", "location", "salary")] == ["[red]Kro[/red]", "[i]By[/i]", "[u]100[/u]"]


async def test_sort_by_key_and_by_header(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert titles(app) == ["Data analyst", "Backend developer", "Jurist [red]x[/red]"]
        await pilot.press("o")  # by title
        await pilot.pause()
        assert titles(app) == ["Backend developer", "Data analyst", "Jurist [red]x[/red]"]
        assert "by title" in app.screen.sub_title
        await pilot.press("O")  # the other way round
        await pilot.pause()
        assert titles(app) == ["Jurist [red]x[/red]", "Data analyst", "Backend developer"]
        # a click on the Employer header: by employer; clicked again, reversed
        x = table(app).ordered_columns[0].get_render_width(table(app)) + 2
        await pilot.click("#postings", offset=(x, 0))
        await pilot.pause()
        assert titles(app) == ["Data analyst", "Jurist [red]x[/red]", "Backend developer"]  # Birch, Ember, Fjordbank
        await pilot.click("#postings", offset=(x, 0))
        await pilot.pause()
        assert titles(app) == ["Backend developer", "Jurist [red]x[/red]", "Data analyst"]
        assert "by employer ↑" in app.screen.sub_title


async def test_vim_keys_home_and_end_move_between_rows(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        t = table(app)
        for keys, row in ((("j",), 1), (("j", "j"), 2), (("k",), 1), (("G",), 2), (("g",), 0), (("end",), 2), (("home",), 0)):
            await pilot.press(*keys)
            await pilot.pause()
            assert t.cursor_row == row, keys
        assert t.scroll_x == 0


async def test_q_quits_but_is_a_letter_in_the_search_box(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "q", "j", "g")
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "qjg"
        assert isinstance(app.screen, PostingsScreen) and app.is_running
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running


async def test_the_footer_shows_filter_agenda_and_quit_at_80_columns(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = [k for k in app.screen.query_one(Footer).query(FooterKey) if k.region.width]
        shown = {k.key for k in keys}
        assert {"f", "w", "ctrl+q", "a", "s", "question_mark"} <= shown
        assert all(k.region.right <= 80 for k in keys)


def test_postings_screen_with_a_long_title_at_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert len(LONG) == 77
    assert snap_compare(snapshot_app(tmp_path, filler=fill_long), terminal_size=(80, 24))


def test_postings_screen_with_a_long_title_wide(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(snapshot_app(tmp_path, filler=fill_long), terminal_size=(160, 30))

