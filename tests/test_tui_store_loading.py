"""The store loads in a thread behind the first screen: keys work meanwhile, and what needs the store waits for it."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.app import list_index  # noqa: E402
from jobtrack.app.list_index import FirstScreen  # noqa: E402
from jobtrack.store import Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.screens.detail import DetailScreen  # noqa: E402
from jobtrack.tui.screens.postings import PostingsScreen  # noqa: E402

from tui_kit import clock, fill, titles  # noqa: E402


@pytest.fixture
def first(tmp_path: Path) -> FirstScreen:
    store = Store(tmp_path / "jobs.json")
    fill(store)
    list_index.refresh(store)
    found = list_index.load(store.path)
    assert found is not None
    return found


async def test_a_search_works_while_the_store_loads(tmp_path: Path, first: FirstScreen) -> None:
    release = threading.Event()
    opened: list[str] = []

    def open_store() -> Store:
        assert threading.current_thread() is not threading.main_thread()
        assert release.wait(10)
        opened.append(threading.current_thread().name)
        return Store(tmp_path / "jobs.json")

    app = JobtrackApp(open_store, now=clock, first=first, poll_interval=0.05, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"fjord")
        await pilot.pause(0.2)  # polls came and went: none waited for the store
        assert titles(app) == ["Backend developer"] and not opened and not app.store_open
        release.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if app.store_open:
                break
        assert opened and app.store.posting(1).title == "Backend developer"


async def test_a_key_that_needs_the_store_waits_for_it(tmp_path: Path, first: FirstScreen) -> None:
    release = threading.Event()

    def open_store() -> Store:
        assert release.wait(10)
        return Store(tmp_path / "jobs.json")

    app = JobtrackApp(open_store, now=clock, first=first, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PostingsScreen) and not app.store_open
        threading.Timer(0.3, release.set).start()
        await pilot.press("down", "enter")  # the detail screen reads the posting: it waits for the load
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.sub_title == "Backend developer"
