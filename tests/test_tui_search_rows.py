"""A search narrows the postings table to the rows built before: no row is built or measured again per key."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.core.listing import Line  # noqa: E402
from jobtrack.core.model import Posting  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.screens import postings  # noqa: E402
from jobtrack.tui.screens.postings import PostingsScreen  # noqa: E402
from jobtrack.tui.widgets.progressive_table import ProgressiveTable  # noqa: E402
from rich.text import Text  # noqa: E402
from textual.pilot import Pilot  # noqa: E402

from tui_kit import NOW, clock, titles  # noqa: E402

COUNT = 300
LONG = "Needle Ltd, a very long employer name that sets the column's width"


@pytest.fixture
def many(tmp_path: Path) -> Store:
    store = Store(tmp_path / "jobs.json")
    store.add_many(
        Bundle(Posting(f"Role {i:03}", employer=LONG if i == 77 else ("Needle Ltd" if i % 7 == 0 else "Hay Inc"),
                       deadline=NOW.date() + timedelta(days=i + 1)))
        for i in range(COUNT)
    )
    return store


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The id of every posting whose row is built, in order."""
    built: list[int] = []
    build = postings.PostingRows.__call__

    def counted(self: postings.PostingRows, line: Line) -> tuple[str, list[Text]]:
        built.append(line.id)
        return build(self, line)

    monkeypatch.setattr(postings.PostingRows, "__call__", counted)
    return built


async def filled(pilot: Pilot[None], table: ProgressiveTable[Line]) -> None:
    for _ in range(COUNT):
        if not table.filling:
            return
        await pilot.pause()
    raise AssertionError(f"still filling: {table.row_count} rows")


async def test_typing_a_search_builds_no_row_again(many: Store, builds: list[int]) -> None:
    app = JobtrackApp(many, now=clock, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, PostingsScreen)
        await filled(pilot, screen.table)
        assert sorted(builds) == list(range(1, COUNT + 1))  # each row built once
        width = screen.table.columns[screen.table.ordered_columns[1].key].content_width
        builds.clear()
        await pilot.press("slash", *"needle")
        await filled(pilot, screen.table)
        needles = [f"Role {i:03}" for i in range(COUNT) if i % 7 == 0]
        assert titles(app) == needles
        assert screen.sub_title == f"{len(needles)} of {COUNT}  ·  search: needle"
        await pilot.press("backspace", "backspace", "escape")
        await filled(pilot, screen.table)
        assert titles(app) == [f"Role {i:03}" for i in range(COUNT)]
        assert builds == []  # every row put back as it was built
        assert screen.table.columns[screen.table.ordered_columns[1].key].content_width == width == len(LONG)


async def test_the_cursor_and_keys_work_on_narrowed_rows(many: Store, builds: list[int]) -> None:
    app = JobtrackApp(many, now=clock, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, PostingsScreen)
        await filled(pilot, screen.table)
        await pilot.press("slash", *"needle", "enter", "down", "down")
        await pilot.pause()
        assert screen.selected_id() == 15  # Role 014, the third needle
        await pilot.press("escape")  # the search is cleared: the cursor stays on its posting
        await filled(pilot, screen.table)
        assert screen.selected_id() == 15 and screen.table.cursor_row == 14
        assert str(screen.table.get_row(screen.table.coordinate_to_cell_key(screen.table.cursor_coordinate).row_key)[0]) == "Role 014"


async def test_a_change_on_disk_builds_the_rows_anew(many: Store, builds: list[int]) -> None:
    app = JobtrackApp(many, now=clock, poll_interval=0.05, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, PostingsScreen)
        await filled(pilot, screen.table)
        Store(many.path).edit_posting(1, {"title": "Role 000 renamed"})
        for _ in range(100):
            await pilot.pause(0.05)
            if titles(app)[:1] == ["Role 000 renamed"]:
                break
        await filled(pilot, screen.table)
        assert titles(app)[:2] == ["Role 000 renamed", "Role 001"]
        assert len(titles(app)) == COUNT
