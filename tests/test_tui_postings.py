"""Pilot tests of the TUI against a real Store in tmp_path. The postings screen: order,
search, filters, status changes, delete and undo."""

from __future__ import annotations

from pathlib import Path

from jobtrack.core.model import Posting, Status
from jobtrack.store.store import Bundle, Store
from jobtrack.tui.app import JobtrackApp
from textual.widgets import DataTable

from tui_kit import clock, make_app, titles


async def test_postings_sorted_by_next_moment(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert titles(app) == ["Data analyst", "Backend developer", "Jurist [red]x[/red]"]
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[4]) == "tomorrow 09:00"
        assert str(table.get_row_at(1)[3]) == "7 days"
        assert str(table.get_row_at(2)[2]) == "closed"


async def test_empty_store_explains_how_to_add(tmp_path: Path) -> None:
    app = make_app(Store(tmp_path / "empty.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        empty = app.screen.query_one("#empty")
        assert empty.display
        assert "jobtrack add URL" in str(empty.render())


async def test_external_change_is_noticed(store: Store, tmp_path: Path) -> None:
    app = JobtrackApp(store, now=clock, poll_interval=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        other = Store(tmp_path / "jobs.json")
        other.add(Bundle(Posting("Added elsewhere", employer="Cron")))
        await pilot.pause(0.6)
        assert "Added elsewhere" in titles(app)


async def test_status_change(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "s")
        await pilot.pause()
        await pilot.press("down", "enter")  # saved -> applied
        await pilot.pause()
        assert store.posting(1).status is Status.APPLIED
        await pilot.press("s", "escape")
        await pilot.pause()
        assert store.posting(1).status is Status.APPLIED


async def test_delete_and_undo(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(store.postings()) == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert [p.id for p in store.postings()] == [2, 3]
        assert "Backend developer" not in titles(app)
        await pilot.press("u")
        await pilot.pause()
        assert store.posting(1).title == "Backend developer"
        assert store.contacts(1)[0].name == "Mette Holm"
        assert "Backend developer" in titles(app)


async def test_search_filters_as_you_type(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash", "f", "j", "o")
        await pilot.pause()
        assert titles(app) == ["Backend developer"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(titles(app)) == 3


async def test_filter_cycles_statuses(store: Store) -> None:
    """The filters are the words of the Status column: "saved" leaves out a closed posting, "closed" has it."""
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f")  # saved
        await pilot.pause()
        assert titles(app) == ["Backend developer"]
        await pilot.press("f")  # applied
        await pilot.pause()
        assert titles(app) == ["Data analyst"]
        await pilot.press("F", "F")  # back past saved to all
        await pilot.pause()
        assert len(titles(app)) == 3
        await pilot.press("F")  # backwards from all: the last filter, closed
        await pilot.pause()
        assert titles(app) == ["Jurist [red]x[/red]"]
        assert "status: closed" in app.screen.sub_title
        await pilot.press("f")
        await pilot.pause()
        assert len(titles(app)) == 3
