"""The TUI's Add goes through the same add use case as the CLI: a known address changes nothing unasked (issue 10, item 8)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from jobtrack.core.model import Posting
from jobtrack.store.store import Bundle, Store
from jobtrack.tui.app import JobtrackApp
from textual.widgets import Button, Input, Static

from httpserver import HTTPTestServer

PAGE = """<html><head><title>Platform Engineer</title></head><body><h1>Platform Engineer</h1>
<p>Northwind Systems is hiring a Platform Engineer for our Copenhagen office.</p>
<p>Salary: 50,000 DKK per month.</p>
<p>Apply by 15 December 2026.</p>
</body></html>"""


def clock() -> datetime:
    return datetime(2026, 11, 23, 10, 0)


async def read_url(app: JobtrackApp, pilot, url: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a")
    await pilot.pause()
    app.screen.query_one("#source", Input).value = url
    app.screen.action_read()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    for _ in range(40):
        await pilot.pause(0.05)
        if app.screen.query("#f-title"):
            return
    raise AssertionError("the add form did not appear")


async def test_adding_a_tracked_address_again_changes_nothing_until_update(
    tmp_path: Path, http_server: HTTPTestServer
) -> None:
    url = http_server.add("/job", PAGE.encode())
    store = Store(tmp_path / "jobs.json")
    store.add(Bundle(Posting("Platform Engineer", employer="Northwind Systems", url=url, salary="55,000 DKK (agreed)",
                             deadline=date(2026, 12, 1))))
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        await read_url(app, pilot, url)
        notice = str(app.screen.query_one("#add-known", Static).render())
        assert "Already tracked as #1" in notice
        assert "55,000 DKK (agreed)  →  50,000 DKK per month" in notice and "2026-12-01  →  2026-12-15" in notice
        await pilot.press("ctrl+s")
        await pilot.pause()
        [p] = store.postings()
        assert (p.salary, p.deadline) == ("55,000 DKK (agreed)", date(2026, 12, 1))
        update = app.screen.query_one("#update", Button)
        assert update.display and str(update.label) == "Update #1"
        await pilot.click("#update")
        await pilot.pause()
        [p] = store.postings()
        assert (p.salary, p.deadline) == ("50,000 DKK per month", date(2026, 12, 15))


async def test_another_address_is_a_new_posting_and_a_listing_is_flagged(tmp_path: Path, http_server: HTTPTestServer) -> None:
    url = http_server.add("/job", PAGE.encode())
    listing = http_server.add("/jobs/", b"<html><head><title>Index of /jobs/</title></head><body><h1>Index of /jobs/</h1>"
                                        b'<a href="a.pdf">a.pdf</a></body></html>')
    store = Store(tmp_path / "jobs.json")
    store.add(Bundle(Posting("Platform Engineer", employer="Northwind Systems", url=url + "?round=1")))
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        await read_url(app, pilot, url)
        assert not app.screen.query_one("#add-known", Static).display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [p.url for p in store.postings()] == [url + "?round=1", url]
        assert any("looks like #1" in n.message for n in app._notifications)
        await read_url(app, pilot, listing)
        assert "Nothing in it reads like a job posting" in str(app.screen.query_one("#add-known", Static).render())


async def test_saving_a_tracked_address_that_says_the_same_offers_no_update(tmp_path: Path, http_server: HTTPTestServer) -> None:
    """With nothing changed there is no Update button, so ctrl+s must not point at one."""
    url = http_server.add("/job", PAGE.encode())
    store = Store(tmp_path / "jobs.json")
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        await read_url(app, pilot, url)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await read_url(app, pilot, url)
        assert not app.screen.query_one("#update", Button).display
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = list(app._notifications)[-1].message
        assert said == "Already tracked as #1: the page says what is stored; nothing to save", said
        assert len(store.postings()) == 1
