"""Many reminders due at once: a few notifications and one that says how many more, all of them marked shown and listed."""

from __future__ import annotations

import sys
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.core.model import Posting  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.screens.reminders import AT_ONCE, GROUP, RemindersScreen  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import DataTable  # noqa: E402
from textual.worker import WorkerCancelled  # noqa: E402

from tui_kit import NOW  # noqa: E402

COUNT = AT_ONCE + 3


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JOBTRACK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("TZ", "Europe/Copenhagen")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "jobs.json")
    s.add_many(Bundle(Posting(f"Role {i}", employer="Fjordbank", deadline=date(2026, 11, 30), created=datetime(2026, 11, 1, 9, 0)))
               for i in range(COUNT))
    return s


async def checked(app: JobtrackApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    while running := [w for w in app.workers if w.group == GROUP and w.is_running and not w.is_cancelled]:
        with suppress(WorkerCancelled):
            await app.workers.wait_for_complete(running)
        await pilot.pause()


async def test_a_few_notifications_and_how_many_more(store: Store) -> None:
    app = JobtrackApp(store, now=lambda: NOW)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await checked(app, pilot)
        titles = [n.title for n in app._notifications]
        assert titles.count("Reminder") == AT_ONCE
        assert [n.message for n in app._notifications if n.title == "Reminders"] == ["and 3 more due now: press r to see them all"]
        marked = Store(store.path).meta()["reminders"].values()
        assert len([r for r in marked if "shown" in r]) == COUNT  # every one delivered: none comes again
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RemindersScreen)
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)].count("shown") == COUNT
