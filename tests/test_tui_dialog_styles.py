"""Pilot tests: a dialog's size is its own. Textual applies every screen's stylesheet
app-wide once loaded, so a dialog must look the same before and after the others were opened."""

from __future__ import annotations

from jobtrack.store.store import Store
from textual.geometry import Size

from tui_kit import make_app

# How each dialog is opened from the postings screen (on the first row, where the cursor stays).
OPENERS = {
    "add": ("a",),
    "edit": ("e",),
    "status": ("s",),
    "confirm": ("d",),
    "help": ("question_mark",),
}


async def dialog_size(app, pilot, name: str) -> Size:  # type: ignore[no-untyped-def]
    """Open the dialog, measure its box, close it again with escape."""
    await pilot.press(*OPENERS[name])
    await pilot.pause()
    size = app.screen.query_one(".dialog").outer_size
    await pilot.press("escape")
    await pilot.pause()
    assert app.screen.__class__.__name__ == "PostingsScreen"
    return size


async def test_each_dialog_keeps_its_size_after_the_others_were_opened(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        first = {name: await dialog_size(app, pilot, name) for name in OPENERS}
        again = {name: await dialog_size(app, pilot, name) for name in OPENERS}
        assert again == first
        assert first["status"].width < first["edit"].width < first["add"].width  # each its own size
        assert first["status"] == Size(60, 15)  # as tall as its choices, not the edit dialog's 90%


async def test_the_status_dialog_after_the_edit_dialog_is_the_same_size(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 48)) as pilot:
        await pilot.pause()
        before = await dialog_size(app, pilot, "status")
        await dialog_size(app, pilot, "edit")
        await dialog_size(app, pilot, "add")
        assert await dialog_size(app, pilot, "status") == before
