"""Pilot tests: a failed read in the Add dialog says what happened in the app's words, without the
command line's advice, and offers the paste box where pasting the text gets round it."""

from __future__ import annotations

from pathlib import Path

from jobtrack.store.store import Store
from textual.widgets import Input

from httpserver import HTTPTestServer
from tui_kit import make_app, open_add, read_pasted, wait_form


async def test_a_failed_fetch_offers_the_paste_box(store: Store, http_server: HTTPTestServer) -> None:
    url = http_server.url("/gone")  # nothing added there: the server answers 404
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await pilot.press(*url, "enter")
        await wait_form(app, pilot)
        said = str(app.screen.query_one("#add-error").render())
        assert said == (f"Could not fetch {url}: the server answered 404 Not Found\n"
                        "Copy the posting's text from the page, paste it in the box above and press Read.")
        assert app.screen.focused is app.screen.query_one("#paste")
        await read_pasted(app, pilot)  # the address stays: Read takes the pasted text, as from that page
        assert app.screen.query_one("#f-url", Input).value == url
        await pilot.press("ctrl+s")
        await pilot.pause()
        [added] = [p for p in store.postings() if p.title == "Senior Backend Engineer"]
        assert added.url == url and len(http_server.requests) == 1  # fetched once, not again


async def test_a_mistyped_file_is_named_without_sending_the_user_to_paste(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await pilot.press(*str(tmp_path / "missing.html"), "enter")
        await wait_form(app, pilot)
        said = str(app.screen.query_one("#add-error").render())
        assert said == f"No such file: {tmp_path / 'missing.html'}"
        assert app.screen.focused is app.screen.query_one("#source", Input)  # to correct the path
