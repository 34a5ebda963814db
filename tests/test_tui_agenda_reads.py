"""The agenda reads the records once per opening and per change, a big store's in a thread worker."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.store.store import Records, Store  # noqa: E402
from jobtrack.tui import app as app_module  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.screens import agenda  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import OptionList  # noqa: E402
from textual.widgets.option_list import Option  # noqa: E402

from tui_kit import clock, fill_agenda, titles  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "jobs.json")
    fill_agenda(s)
    return s


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The thread of every time the agenda turns the records into its panes."""
    made: list[threading.Thread] = []
    of = agenda.Read.of

    def counted(records: Records, *args: object) -> agenda.Read:
        made.append(threading.current_thread())
        return of(records, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(agenda.Read, "of", counted)
    return made


def week(app: JobtrackApp) -> list[str]:
    options = app.screen.query_one("#week", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_one_read_per_opening_whatever_the_panes_and_the_size_do(store: Store, reads: list[threading.Thread]) -> None:
    app = JobtrackApp(store, now=clock, remind=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("m", "p", "w")
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert len(reads) == 1
        assert week(app)[0] == "The next 7 days"
        await pilot.press("down", "enter", "escape")  # a posting opened and closed: nothing changed
        await settle(pilot)
        assert len(reads) == 1
        await pilot.press("escape", "w")  # opened again
        await settle(pilot)
        assert len(reads) == 2


async def test_a_change_is_read_again(store: Store, reads: list[threading.Thread]) -> None:
    app = JobtrackApp(store, now=clock, poll_interval=0.05, remind=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await settle(pilot)
        Store(store.path).edit_posting(2, {"employer": "Changed elsewhere"})
        for _ in range(100):
            await pilot.pause(0.05)
            if any("Changed elsewhere" in line for line in week(app)):
                break
        assert any("Changed elsewhere" in line for line in week(app)) and len(reads) == 2


async def test_a_big_store_is_read_in_a_worker_with_the_same_result(
    store: Store, reads: list[threading.Thread], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = JobtrackApp(store, now=clock, remind=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await settle(pilot)
        inline = week(app)
        await pilot.press("escape")
        monkeypatch.setattr(agenda, "IN_THREAD", 0)
        await pilot.press("w")
        await settle(pilot)
        assert reads[0] is threading.main_thread() and reads[1] is not threading.main_thread()
        assert week(app) == inline and len(reads) == 2


async def test_a_big_stores_list_follows_a_change_from_a_worker(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "IN_THREAD", 0)
    app = JobtrackApp(store, now=clock, poll_interval=0.05, remind=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        Store(store.path).edit_posting(2, {"title": "Renamed elsewhere"})
        for _ in range(100):
            await pilot.pause(0.05)
            if "Renamed elsewhere" in titles(app):
                break
        assert "Renamed elsewhere" in titles(app) and "Data analyst" not in titles(app)


async def test_the_week_arrives_in_chunks_whole_and_in_order(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    app = JobtrackApp(store, now=clock, remind=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w")
        await settle(pilot)
        whole = week(app)
        await pilot.press("escape")
        monkeypatch.setattr(agenda, "WEEK_CHUNK", 2)
        chunks: list[int] = []
        add = OptionList.add_options

        def counted(self: OptionList, options: Iterable[Option]) -> OptionList:
            added = list(options)
            if self.id == "week":
                chunks.append(len(added))
            return add(self, added)

        monkeypatch.setattr(OptionList, "add_options", counted)
        await pilot.press("w")
        for _ in range(len(whole)):
            await pilot.pause()
            if len(week(app)) == len(whole):
                break
        assert week(app) == whole
        assert max(chunks) == 2 and sum(chunks) >= len(whole)  # laid out two at a time
