"""Pilot test: the detail screen's contacts and events tables fit their values again after
one changes, a shorter one included (a column used to keep its widest value's width)."""

from __future__ import annotations

from jobtrack.store.store import Store
from textual.widgets import DataTable, Input

from tui_kit import make_app, open_first_detail


def widths(app, selector: str) -> list[int]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(selector, DataTable)
    return [column.get_render_width(table) for column in table.columns.values()]


async def test_the_contacts_table_narrows_when_a_name_gets_shorter(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 40)) as pilot:
        await open_first_detail(app, pilot)  # Mette Holm, Team lead, +4524810046, mh@fjordbank.dk
        before = widths(app, "#contacts")
        app.screen.query_one("#contacts").focus()
        await pilot.press("enter")  # edit the contact in its form
        await pilot.pause()
        app.screen.query_one("#f-name", Input).value = "Al"
        app.screen.query_one("#f-role", Input).value = "Chief technology and people officer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.contacts(1)[0].name == "Al"
        after = widths(app, "#contacts")
        assert after[0] == len("Name") + 2 < before[0]  # the heading is now the widest: cell padding 1+1
        assert after[1] == len("Chief technology and people officer") + 2 > before[1]
        assert after[2:] == before[2:]
