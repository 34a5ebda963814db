"""The app paints its first screen from the list index and loads the store behind it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.app import list_index  # noqa: E402
from jobtrack.app.config import save_theme  # noqa: E402
from jobtrack.app.list_index import FirstScreen  # noqa: E402
from jobtrack.core.model import Posting  # noqa: E402
from jobtrack.store import Bundle, Store, StoreDamaged  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.screens.detail import DetailScreen  # noqa: E402

from tui_kit import clock, fill, titles  # noqa: E402

SORTED = ["Data analyst", "Backend developer", "Jurist [red]x[/red]"]


@pytest.fixture
def first(tmp_path: Path) -> FirstScreen:
    store = Store(tmp_path / "jobs.json")
    fill(store)
    save_theme("textual-light")  # in the test's own config file (conftest)
    list_index.refresh(store)
    found = list_index.load(store.path)
    assert found is not None
    return found


async def test_the_rows_are_on_screen_before_the_store_is_opened(tmp_path: Path, first: FirstScreen) -> None:
    seen: list[list[str]] = []

    def open_store() -> Store:
        seen.append(titles(app))
        return Store(tmp_path / "jobs.json")

    app = JobtrackApp(open_store, now=clock, first=first, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert seen == [SORTED]
        assert app.theme == "textual-light"
        assert titles(app) == SORTED
        await pilot.press("down", "enter")  # works on the store once it is open
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.posting_id == 1


async def test_a_store_that_moved_on_meanwhile_is_shown(tmp_path: Path, first: FirstScreen) -> None:
    Store(tmp_path / "jobs.json").add(Bundle(Posting("Added after the index", employer="Cron")))
    app = JobtrackApp(lambda: Store(tmp_path / "jobs.json"), now=clock, first=first, poll_interval=0.1, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.4)
        assert "Added after the index" in titles(app)


async def test_a_store_that_cannot_be_opened_stops_the_app_with_its_error(tmp_path: Path, first: FirstScreen) -> None:
    damage = StoreDamaged(tmp_path / "jobs.json", "is damaged (not valid jobtrack data)", None)

    def open_store() -> Store:
        raise damage

    app = JobtrackApp(open_store, now=clock, first=first, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert app.failure is damage
    assert app.return_code == 0 and not app.is_running
