"""Pilot tests of the TUI against a real Store in tmp_path. Help and the command palette:
every binding offered, postings to jump to."""

from __future__ import annotations

from jobtrack.store.store import Store
from jobtrack.tui.app import JobtrackApp
from jobtrack.tui.commands import bindings_of, key_name
from jobtrack.tui.screens.add import AddDialog
from jobtrack.tui.screens.detail import DetailScreen
from jobtrack.tui.screens.edit import FormDialog
from jobtrack.tui.screens.postings import PostingsScreen

from tui_kit import make_app, open_first_detail, palette_choose, shown


async def test_help_lists_every_binding(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_detail(app, pilot)
        await pilot.press("question_mark")  # works on every screen, not only the list
        await pilot.pause()
        text = shown(app, "#help-text")
        for owner in (PostingsScreen, DetailScreen, AddDialog, FormDialog, JobtrackApp):
            for b in bindings_of(owner):
                assert f"{key_name(b):<12}{b.description}" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)


async def test_palette_offers_every_binding_of_the_screen(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for opened in (False, True):
            if opened:
                await open_first_detail(app, pilot)
            offered = {c.title for c in app.get_system_commands(app.screen)}
            for owner in (app.screen, app):
                for b in bindings_of(owner):
                    assert b.action == "quit" or b.description in offered, b
        assert {"New contact", "New event", "Copy e-mail", "Open URL"} <= offered
        # a palette command runs the screen's action
        await palette_choose(app, pilot, "New contact")
        assert isinstance(app.screen, FormDialog)


async def test_palette_jumps_to_a_posting(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        offered = await palette_choose(app, pilot, "birch")
        assert any("Data analyst – Birch & Co" in o for o in offered)
        assert isinstance(app.screen, DetailScreen) and app.screen.posting_id == 2
        # from one detail screen to another: the list stays underneath
        offered = await palette_choose(app, pilot, "jurist red")
        assert "Jurist [red]x[/red] – Ember A/S" in offered[0]  # shown as typed, not as markup
        assert isinstance(app.screen, DetailScreen) and app.screen.posting_id == 3
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PostingsScreen)


async def test_palette_offers_the_next_postings_before_anything_is_typed(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        offered = await palette_choose(app, pilot, "")
        postings = [o.splitlines()[0] for o in offered if " – " in o]
        assert postings == ["Data analyst – Birch & Co", "Backend developer – Fjordbank", "Jurist [red]x[/red] – Ember A/S"]
