"""Pilot tests of the keys in forms: Enter goes on to the next field (from the last it saves),
ctrl+s saves from anywhere, Escape asks before throwing changes away and closes at once without any."""

from __future__ import annotations

from jobtrack.store.store import Store
from jobtrack.tui.screens.dialogs import ConfirmDialog
from jobtrack.tui.screens.edit import FormDialog
from textual.widgets import Input

from tui_kit import make_app, open_add, open_first_detail, read_pasted


async def test_enter_moves_to_the_next_field_and_saves_from_the_last(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 40)) as pilot:
        await open_first_detail(app, pilot)
        await pilot.press("n")  # a new contact: Name, Role, Organisation, Phone, E-mail, Reachable
        await pilot.pause()
        await pilot.press(*"Lars Lund", "enter")
        assert app.focused is not None and app.focused.id == "f-role"
        await pilot.press(*"Recruiter", "enter", "enter", "enter", "enter")
        assert isinstance(app.screen, FormDialog) and app.focused is not None and app.focused.id == "f-reachable"
        assert [c.name for c in store.contacts(1)] == ["Mette Holm"]  # nothing saved while moving on
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert [(c.name, c.role) for c in store.contacts(1)] == [("Mette Holm", "Team lead"), ("Lars Lund", "Recruiter")]


async def test_enter_in_the_review_form_moves_on_and_ctrl_s_saves(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        app.screen.query_one("#f-title", Input).focus()
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "f-employer"
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "f-department"
        assert len(store.postings()) == 3
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(store.postings()) == 4


async def test_escape_without_changes_closes_at_once(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PostingsScreen"
        await open_add(pilot)
        await pilot.press(*"https://example.com/job")  # an address only: nothing worth asking about
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PostingsScreen"


async def test_escape_asks_before_throwing_changes_away(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        await pilot.press("end", *" II")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: back to the form, the change still there
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-title", Input).value == "Backend developer II"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PostingsScreen"
        assert store.posting(1).title == "Backend developer"


async def test_escape_in_the_review_form_asks_once_a_field_was_changed(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        app.screen.query_one("#f-salary", Input).value = "50.000 kr"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # escape in the question means no
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AddDialog"
        assert app.screen.query_one("#f-salary", Input).value == "50.000 kr"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PostingsScreen" and len(store.postings()) == 3
