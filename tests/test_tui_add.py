"""Pilot tests of the TUI against a real Store in tmp_path. The Add dialog: pasted text and
URLs read into the review form, failures kept in the dialog."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from jobtrack.store.store import Store
from rich.text import Text
from textual.widgets import Input, Static

from httpserver import HTTPTestServer
from tui_kit import POSTING_TEXT, make_app, open_add, read_pasted, titles, wait_form


async def test_add_by_pasted_text(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        title = app.screen.query_one("#f-title", Input)
        assert "Backend Engineer" in title.value
        title.value = "Backend Engineer (edited)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PostingsScreen"
        added = [p for p in store.postings() if p.title == "Backend Engineer (edited)"]
        assert added and added[0].deadline == date(2026, 12, 15)
        assert POSTING_TEXT.strip() in store.text(added[0].id or 0).strip()
        assert "Backend Engineer (edited)" in titles(app)
        # the detail screen marks each fact in the text where it was found
        app.open_posting(added[0].id or 0)
        await pilot.pause()
        text = app.screen.query_one("#text", Static).content
        assert isinstance(text, Text)
        marked = {text.plain[span.start:span.end] for span in text.spans if span.style == "reverse"}
        assert any("15 December 2026" in m for m in marked)
        assert any("24 81 00 46" in m for m in marked)


async def test_add_form_edits_every_fact_with_evidence(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        form = app.screen
        assert form.query_one("#f-deadline", Input).value == "2026-12-15"
        assert form.query_one("#f-event-0-when", Input).value == "2027-01-07"
        assert form.query_one("#f-contact-0-phone", Input).value.replace(" ", "").endswith("24810046")
        evidence = [str(w.render()) for w in form.query(".evidence")]
        assert any("Apply by 15 December 2026" in e for e in evidence)
        form.query_one("#f-location", Input).value = "Aarhus"
        form.query_one("#f-hours", Input).value = "37 hours"
        form.query_one("#f-event-0-when", Input).value = "8/1/2027 10:00"
        form.query_one("#f-contact-0-role", Input).value = "Hiring manager"
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = store.postings()[-1]
        assert (added.location, added.hours) == ("Aarhus", "37 hours")
        assert added.evidence["deadline"].sentence
        [event] = store.events(added.id)
        assert (event.day, event.time) == (date(2027, 1, 8), time(10, 0))
        [contact] = store.contacts(added.id)
        assert (contact.name, contact.role) == ("Anna Berg", "Hiring manager")


async def test_add_form_reports_a_bad_date_and_keeps_the_form(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        app.screen.query_one("#f-start_date", Input).value = "whenever"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AddDialog"
        assert "Start date:" in str(app.screen.query_one(".form-error").render())
        assert len(store.postings()) == 3


async def test_add_failed_fetch_keeps_dialog_open(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await pilot.press(*str(tmp_path / "missing.html"), "enter")
        await wait_form(app, pilot)
        error = app.screen.query_one("#add-error")
        assert error.display
        assert str(error.render()).startswith("No such file: ")
        assert app.screen.__class__.__name__ == "AddDialog"
        # paste instead, and go on
        app.screen.query_one("#source", Input).value = ""
        await read_pasted(app, pilot)
        assert app.screen.query("#f-title")


async def test_add_by_url(store: Store, http_server: HTTPTestServer) -> None:
    html = "<html><head><title>Platform Engineer</title></head><body><h1>Platform Engineer</h1>"
    html += "".join(f"<p>{line}</p>" for line in POSTING_TEXT.splitlines() if line) + "</body></html>"
    url = http_server.add("/job", html.encode(), headers=[("Content-Type", "text/html; charset=utf-8")])
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        app.screen.query_one("#source", Input).value = url
        app.screen.action_read()  # type: ignore[attr-defined]
        await wait_form(app, pilot)
        assert app.screen.query("#f-title"), str(app.screen.query_one("#add-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = store.postings()[-1]
        assert added.url == url
        assert added.deadline == date(2026, 12, 15)


async def test_escape_stops_a_slow_fetch_and_keeps_the_dialog(store: Store, http_server: HTTPTestServer) -> None:
    url = http_server.add("/slow", b"<html><body><h1>Slow job</h1></body></html>", delay=3.0)
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        app.screen.query_one("#source", Input).value = url
        app.screen.action_read()  # type: ignore[attr-defined]
        await pilot.pause()
        status = app.screen.query_one("#add-status", Static)
        assert status.display and "Reading http://127.0.0.1" in str(status.render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AddDialog"  # still open, to paste instead
        assert not status.display
        assert "Stopped reading" in str(app.screen.query_one("#add-error").render())
        await read_pasted(app, pilot)  # pasting works after the stop
        assert app.screen.query("#f-title")
        await pilot.press("escape", "y")  # the pasted text is thrown away only when the user says so
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PostingsScreen"
        assert len(store.postings()) == 3  # nothing was saved
