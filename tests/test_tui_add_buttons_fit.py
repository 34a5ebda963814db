"""Pilot test: the Add dialog's buttons stay on a small screen (50×15), before and after a read."""

from __future__ import annotations

from jobtrack.store.store import Store
from textual.widgets import Button

from tui_kit import make_app, open_add, read_pasted


def buttons_on_screen(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The labels of the shown buttons, each marked when part of its box is off the screen."""
    screen = app.screen.region
    shown = [b for b in app.screen.query(".buttons Button").results(Button) if b.display]
    return [str(b.label) if screen.contains_region(b.region) else f"off screen: {b.label}" for b in shown]


async def test_the_add_dialogs_buttons_fit_at_50_by_15(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        await open_add(pilot)
        assert buttons_on_screen(app) == ["Read", "Save", "Cancel"]
        await read_pasted(app, pilot)
        assert buttons_on_screen(app) == ["Read", "Save", "Cancel"]
