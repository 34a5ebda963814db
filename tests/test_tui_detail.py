"""Pilot tests of the TUI against a real Store in tmp_path. The detail screen: every fact,
notes, contacts and events, changes made elsewhere."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from jobtrack.core.model import Event, EventKind, Status
from jobtrack.store.store import Store
from jobtrack.tui.app import JobtrackApp
from textual.widgets import Input, Select, Static, TextArea

from tui_kit import cells, clock, make_app, open_first_detail, shown, titles


async def test_detail_shows_everything_and_saves_notes(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        screen = app.screen
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
        await open_first_detail(app, pilot)
        await pilot.press("o", "c")
        await pilot.pause()
        assert opened == ["https://example.com/job/1"]
        assert copied == ["+4524810046"]


async def test_detail_lists_the_status_history(store: Store) -> None:
    """Rich's Text.rstrip works in place and returns None: the screen once showed "none" for every history."""
    store.set_status(1, Status.APPLIED, note="sent the CV", at=datetime(2026, 11, 3, 10, 0))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        lines = shown(app, "#history").splitlines()
        assert lines == ["2026-11-01 09:00  saved", "2026-11-03 10:00  applied  sent the CV"]


async def test_detail_follows_changes_made_elsewhere(store: Store, tmp_path: Path) -> None:
    app = JobtrackApp(store, now=clock, poll_interval=0.1)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        other = Store(tmp_path / "jobs.json")
        other.edit_posting(1, {"salary": "60.000 kr", "notes": "from cron"})
        other.add_event(Event(1, EventKind.INTERVIEW, day=date(2026, 12, 3), time=time(13, 0), label="Second round"))
        await pilot.pause(0.4)
        assert "60.000 kr" in shown(app, "#fields")
        assert app.screen.query_one("#notes", TextArea).text == "from cron"
        assert any("Second round" in row[1] for row in cells(app, "#events"))
        # Typing notes now writes the notes alone: the salary set elsewhere stays.
        notes = app.screen.query_one("#notes", TextArea)
        notes.focus()
        await pilot.press("end", "!")
        await pilot.press("escape", "escape")
        await pilot.pause()
        p = store.posting(1)
        assert (p.notes, p.salary) == ("from cron!", "60.000 kr")


async def test_notes_typed_while_changed_elsewhere_keep_both(store: Store, tmp_path: Path) -> None:
    app = JobtrackApp(store, now=clock, poll_interval=0.1)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        app.screen.query_one("#notes", TextArea).focus()
        await pilot.press("m", "i", "n", "e")
        Store(tmp_path / "jobs.json").edit_posting(1, {"notes": "theirs"})
        await pilot.pause(0.3)
        await pilot.press("escape", "escape")
        await pilot.pause()
        notes = store.posting(1).notes
        assert "mine" in notes and "theirs" in notes


async def test_detail_leaves_when_deleted_elsewhere(store: Store, tmp_path: Path) -> None:
    app = JobtrackApp(store, now=clock, poll_interval=0.1)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        Store(tmp_path / "jobs.json").delete_posting(1)
        await pilot.pause(0.4)
        assert app.screen.__class__.__name__ == "PostingsScreen"
        assert "Backend developer" not in titles(app)
        assert any("deleted elsewhere" in str(n.message) for n in app._notifications)


async def test_contact_add_edit_remove_in_detail(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no name yet
        await pilot.pause()
        assert "Name cannot be empty" in str(app.screen.query_one(".form-error").render())
        app.screen.query_one("#f-name", Input).value = "Lars Lund"
        app.screen.query_one("#f-email", Input).value = "ll@fjordbank.dk"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.name for c in store.contacts(1)] == ["Mette Holm", "Lars Lund"]
        assert cells(app, "#contacts")[1][:1] == ["Lars Lund"]
        # edit the second contact: focus the table, move down, enter
        app.screen.query_one("#contacts").focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#f-name", Input).value == "Lars Lund"
        app.screen.query_one("#f-phone", Input).value = "+45 30 45 64 05"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.contacts(1)[1].phone == "+4530456405"  # kept in E.164, as extracted numbers are
        # copy the highlighted contact's e-mail, then remove it
        copied: list[str] = []
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("m", "x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert copied == ["ll@fjordbank.dk"]
        assert [c.name for c in store.contacts(1)] == ["Mette Holm"]


async def test_event_add_edit_remove_in_detail(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#f-label", Input).value = "First interview"
        app.screen.query_one("#f-when", Input).value = "not a date"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "When:" in str(app.screen.query_one(".form-error").render())
        app.screen.query_one("#f-when", Input).value = "2/12/2026 9:30"
        app.screen.query_one("#f-place", Input).value = "Fjordbank HQ"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [event] = store.events(1)
        assert (event.kind, event.label, event.day, event.time, event.place) == (
            EventKind.INTERVIEW, "First interview", date(2026, 12, 2), time(9, 30), "Fjordbank HQ")
        assert cells(app, "#events")[0][1] == "First interview"
        app.screen.query_one("#events").focus()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#f-kind", Select).value = "test"
        app.screen.query_one("#f-when", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Remove the date 2026-12-02 09:30?" in str(app.screen.query_one(".dialog-title", Static).render())
        await pilot.press("y")  # emptying a date is asked about first
        await pilot.pause()
        [event] = store.events(1)
        assert (event.kind, event.day, event.time, event.place) == (EventKind.TEST, None, None, "Fjordbank HQ")
        assert cells(app, "#events")[0][0] == "no date yet"
        await pilot.press("x", "y")
        await pilot.pause()
        assert store.events(1) == []
