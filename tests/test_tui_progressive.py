"""Many postings: the first screenful at once, the rest in chunks, nothing lost or misplaced on the way."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.core.model import Posting  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.screens.postings import PostingsScreen  # noqa: E402
from jobtrack.tui.widgets.progressive_table import ProgressiveTable  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Input  # noqa: E402

from tui_kit import NOW, clock, titles  # noqa: E402

COUNT = 600


def deadline_in_days(i: int) -> int:
    """Every posting its own deadline, in an order unlike the order they were added."""
    return (i * 7919) % COUNT + 1


@pytest.fixture
def many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr(ProgressiveTable, "chunk", 10)  # many small chunks: the fill takes a while
    store = Store(tmp_path / "jobs.json")
    store.add_many(
        Bundle(Posting(f"Role {i:03}", employer="Needle Ltd" if i % 7 == 0 else "Hay Inc",
                       deadline=NOW.date() + timedelta(days=deadline_in_days(i))))
        for i in range(COUNT)
    )
    return store


def by_deadline(keep: range | list[int]) -> list[str]:
    return [f"Role {i:03}" for i in sorted(keep, key=deadline_in_days)]


def started(app: JobtrackApp) -> tuple[PostingsScreen, ProgressiveTable[Posting]]:
    """The screen right after start-up, while the rows below the first screenful are still coming."""
    screen = app.screen
    assert isinstance(screen, PostingsScreen)
    table = screen.table
    assert table.filling and 0 < table.row_count < COUNT
    return screen, table


async def until_filled(pilot: Pilot[None], table: ProgressiveTable[Posting]) -> None:
    for _ in range(COUNT):  # a step per pause at the least: a stalled fill fails, it does not hang
        if not table.filling:
            return
        await pilot.pause()
    raise AssertionError(f"still filling: {table.row_count} rows")


async def test_every_posting_arrives_in_order(many: Store) -> None:
    app = JobtrackApp(many, now=clock, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        _, table = started(app)
        assert titles(app) == by_deadline(range(COUNT))[: table.row_count]  # the nearest first
        await until_filled(pilot, table)
        assert titles(app) == by_deadline(range(COUNT))
        assert app.screen.sub_title == f"{COUNT} of {COUNT}"


async def test_search_typed_during_the_fill_covers_every_posting(many: Store) -> None:
    app = JobtrackApp(many, now=clock, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, table = started(app)
        screen.action_search()  # what `/` does, without waiting for the fill as a key press would
        screen.query_one("#search", Input).insert_text_at_cursor("needle")
        await until_filled(pilot, table)
        wanted = by_deadline([i for i in range(COUNT) if i % 7 == 0])
        assert titles(app) == wanted and len(wanted) > 80  # more than the first screenfuls
        assert screen.sub_title == f"{len(wanted)} of {COUNT}  ·  search: needle"


async def test_cursor_reaches_rows_not_added_yet(many: Store) -> None:
    app = JobtrackApp(many, now=clock, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, table = started(app)
        middle = by_deadline(range(COUNT))[300]
        ident = next(p.id for p in many.postings() if p.title == middle)
        assert ident is not None
        screen.select(ident)  # a jump from the palette or after an undo
        assert table.cursor_row == 300 and screen.selected_id() == ident
        await pilot.press("ctrl+end")
        await until_filled(pilot, table)
        assert table.cursor_row == COUNT - 1
        assert str(table.get_row_at(COUNT - 1)[0]) == by_deadline(range(COUNT))[-1]


async def test_change_on_disk_during_the_fill_keeps_the_cursor(many: Store) -> None:
    app = JobtrackApp(many, now=clock, poll_interval=0.05, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, table = started(app)
        order = by_deadline(range(COUNT))
        ident = next(p.id for p in many.postings() if p.title == order[200])
        assert ident is not None
        screen.select(ident)
        Store(many.path).edit_posting(ident, {"employer": "Changed elsewhere"})
        for _ in range(100):  # until the poll has reloaded the list
            if str(table.get_row_at(200)[1]) == "Changed elsewhere":
                break
            await pilot.pause(0.05)
        assert str(table.get_row_at(200)[1]) == "Changed elsewhere"
        assert table.cursor_row == 200 and screen.selected_id() == ident
        await until_filled(pilot, table)
        assert titles(app) == order and screen.selected_id() == ident
