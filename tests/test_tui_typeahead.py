"""Issue 10: keys typed faster than the screen follows are handled in order.

Over ssh, or from a fast typist, keys arrive in one burst. These tests post
them to the app with no pause between them (Pilot's `press` waits after
each key, which would hide the problem) and look at what was saved.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.core.model import Event, EventKind, Posting, Status  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.screens.add import AddDialog  # noqa: E402
from jobtrack.tui.screens.detail import DetailScreen  # noqa: E402
from jobtrack.tui.screens.dialogs import ConfirmDialog  # noqa: E402
from jobtrack.tui.screens.edit import FormDialog  # noqa: E402
from jobtrack.tui.screens.postings import PostingsScreen  # noqa: E402
from textual import events  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Input  # noqa: E402

NOW = datetime(2026, 11, 29, 10, 0)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "jobs.json")
    s.add(Bundle(Posting("Chef", employer="Kommune", deadline=date(2026, 12, 10), created=NOW)))
    lego = s.add(Bundle(Posting("Lego chef", employer="Billund", status=Status.APPLIED, created=NOW)))
    assert lego.id is not None
    s.add_event(Event(lego.id, EventKind.INTERVIEW, day=date(2026, 12, 3), time=time(10, 0)))
    return s


def burst(app: JobtrackApp, *keys: str) -> None:
    """Keys as a terminal delivers them: all at once. Longer strings are typed letter by letter,
    except key names ("tab", "ctrl+s")."""
    for key in keys:
        named = len(key) > 1 and (key.isalpha() and key.islower() and key in {"tab", "enter", "escape"}
                                  or key.startswith("ctrl+"))
        for k in [key] if named else list(key):
            name = {" ": "space", "/": "slash", "-": "minus"}.get(k, k)
            app.post_message(events.Key(name, k if len(k) == 1 else None))


async def settle(pilot: Pilot[None]) -> None:
    """Until every key sent is handled (a few seconds at most on a busy machine)."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause(0.03)
        if not app._typed and not app._key_out:  # type: ignore[attr-defined]
            break
    await pilot.pause()


def app_on(store: Store) -> JobtrackApp:
    return JobtrackApp(store, now=lambda: NOW, remind=False)


async def open_posting(app: JobtrackApp, pilot: Pilot[None], ident: int) -> None:
    await settle(pilot)
    assert isinstance(app.screen, PostingsScreen)
    app.screen.select(ident)
    await settle(pilot)


async def open_detail(app: JobtrackApp, pilot: Pilot[None], ident: int) -> None:
    await open_posting(app, pilot, ident)
    assert isinstance(app.screen, PostingsScreen)
    app.screen.action_open()
    await settle(pilot)
    assert isinstance(app.screen, DetailScreen)


async def test_a_typed_ahead_deadline_is_saved(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_posting(app, pilot, 1)
        burst(app, "e", "tab", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "2027-01-10", "ctrl+s")
        await settle(pilot)
        assert store.posting(1).deadline == date(2027, 1, 10)
        assert isinstance(app.screen, PostingsScreen)


async def test_a_replaced_deadline_is_saved_in_one_burst(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_posting(app, pilot, 1)
        for attempt in range(4):
            await pilot.press("e")
            await settle(pilot)
            assert isinstance(app.screen, FormDialog)
            app.screen.query_one("#f-deadline", Input).focus()
            await settle(pilot)
            burst(app, "ctrl+a", "ctrl+k", f"2027-03-0{attempt + 1}", "ctrl+s")
            await settle(pilot)
            assert store.posting(1).deadline == date(2027, 3, attempt + 1)


async def test_emptying_a_deadline_asks_first(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_posting(app, pilot, 1)
        burst(app, "e", "tab", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert store.posting(1).deadline == date(2026, 12, 10)
        burst(app, "n")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog) and store.posting(1).deadline == date(2026, 12, 10)
        burst(app, "ctrl+s", "y")
        await settle(pilot)
        assert store.posting(1).deadline is None and isinstance(app.screen, PostingsScreen)


async def test_emptying_an_interview_day_asks_first(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_detail(app, pilot, 2)
        app.screen.query_one("#events").focus()
        await settle(pilot)
        burst(app, "enter", "tab", "tab", "ctrl+a", "ctrl+k", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert [e.day for e in store.events()] == [date(2026, 12, 3)]


async def test_a_fast_contact_entry_keeps_its_fields_apart(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_detail(app, pilot, 1)
        burst(app, "n", "Jette Hansen", "tab", "Leder", "ctrl+s")
        await settle(pilot)
        assert [(c.name, c.role) for c in store.contacts()] == [("Jette Hansen", "Leder")]


async def test_keys_typed_at_start_go_where_the_user_expects(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(100, 40)) as pilot:
        burst(app, "a")
        await settle(pilot)
        assert isinstance(app.screen, AddDialog)
    app = app_on(store)
    async with app.run_test(size=(100, 40)) as pilot:
        burst(app, "/lego chef")
        await settle(pilot)
        assert isinstance(app.screen, PostingsScreen)
        search = app.screen.query_one("#search", Input)
        assert search.value == "lego chef" and search.has_focus
        assert app.screen.sub_title.endswith("search: lego chef")
