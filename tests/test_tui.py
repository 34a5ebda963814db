"""Pilot tests of the TUI against a real Store in tmp_path."""

from __future__ import annotations

import sys
from datetime import date, datetime, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from textual.widgets import DataTable, Input, TextArea  # noqa: E402

from jobtrack.model import Contact, Event, EventKind, Posting, Status  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402

NOW = datetime(2026, 11, 23, 10, 0)


def clock() -> datetime:
    return NOW


def fill(store: Store) -> None:
    store.add(Bundle(
        Posting("Backend developer", employer="Fjordbank", deadline=date(2026, 11, 30),
                url="https://example.com/job/1", created=datetime(2026, 11, 1, 9, 0)),
        contacts=[Contact("Mette Holm", role="Team lead", phone="+4524810046", email="mh@fjordbank.dk")],
        text="We need a backend developer. [bold]not markup[/bold]",
    ))
    applied = store.add(Bundle(
        Posting("Data analyst", employer="Birch & Co", status=Status.APPLIED, created=datetime(2026, 11, 2, 9, 0)),
    ))
    assert applied.id is not None
    store.add_event(Event(applied.id, EventKind.INTERVIEW, day=date(2026, 11, 24), time=time(9, 0), label="First interview"))
    store.add(Bundle(
        Posting("Jurist [red]x[/red]", employer="Ember A/S", deadline=date(2026, 11, 1),
                created=datetime(2026, 10, 1, 9, 0)),
    ))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "jobs.json")
    fill(s)
    return s


def make_app(store: Store) -> JobtrackApp:
    return JobtrackApp(store, now=clock)


def titles(app: JobtrackApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


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


async def test_detail_shows_everything_and_saves_notes(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.__class__.__name__ == "DetailScreen"
        notes = screen.query_one("#notes", TextArea)
        notes.focus()
        await pilot.press("h", "i")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert store.posting(1).notes == "hi"
        assert app.screen.__class__.__name__ == "PostingsScreen"


async def test_detail_copy_phone_and_open_url(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(store)
    opened: list[str] = []
    copied: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: copied.append(text))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("o", "c")
        await pilot.pause()
        assert opened == ["https://example.com/job/1"]
        assert copied == ["+4524810046"]
