"""Pilot tests: a form shows every problem at once, each beside its field, and says so in one notification."""

from __future__ import annotations

from jobtrack.store.store import Store
from textual.widgets import Input, Static

from tui_kit import make_app, open_add, read_pasted


def error_beside(app, field_id: str) -> str:  # type: ignore[no-untyped-def]
    """The error shown right under the input `field_id`, or "" when none is."""
    field = app.screen.query_one(f"#{field_id}", Input)
    siblings = list(field.parent.children)
    after = siblings[siblings.index(field) + 1]
    return str(after.render()) if isinstance(after, Static) and after.has_class("form-error") else ""


async def test_every_bad_field_is_named_beside_it_and_in_one_notification(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#f-title", Input).value = ""
        dialog.query_one("#f-deadline", Input).value = "someday soon-ish"
        dialog.query_one("#f-positions", Input).value = "a few"
        dialog.query_one("#f-salary", Input).value = "55.000 kr"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and store.posting(1).salary == ""  # nothing saved
        assert error_beside(app, "f-title") == "Title cannot be empty"
        assert error_beside(app, "f-deadline").startswith("Deadline: cannot understand")
        assert error_beside(app, "f-positions").startswith("Positions: expected a whole number")
        assert error_beside(app, "f-salary") == ""
        [said] = [n.message for n in app._notifications]
        assert said == "3 fields need a fix: Title, Deadline, Positions"
        assert dialog.focused is dialog.query_one("#f-title")  # the first one, to start fixing
        # Fixed fields lose their error; the rest keep theirs, and a second notification says what is left.
        dialog.query_one("#f-title", Input).value = "Backend developer II"
        dialog.query_one("#f-positions", Input).value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (error_beside(app, "f-title"), error_beside(app, "f-positions")) == ("", "")
        assert error_beside(app, "f-deadline").startswith("Deadline: cannot understand")
        assert [n.message for n in app._notifications][-1] == "1 field needs a fix: Deadline"
        assert dialog.focused is dialog.query_one("#f-deadline")
        assert dialog.query_one("#f-deadline").region.y > 0 and dialog.query_one("#f-deadline").region.bottom <= 24
        dialog.query_one("#f-deadline", Input).value = "16/12 12:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        p = store.posting(1)
        assert app.screen is not dialog and (p.title, p.positions, p.salary) == ("Backend developer II", 2, "55.000 kr")


async def test_the_review_form_names_bad_fields_of_every_part_at_once(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        app.screen.query_one("#f-start_date", Input).value = "whenever"
        app.screen.query_one("#f-event-0-when", Input).value = "soonish"
        app.screen.query_one("#f-contact-0-email", Input).value = "not an address"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AddDialog" and len(store.postings()) == 3
        assert error_beside(app, "f-start_date").startswith("Start date:")
        assert error_beside(app, "f-event-0-when").startswith("When:")
        assert error_beside(app, "f-contact-0-email").startswith("E-mail:")
        assert [n.message for n in app._notifications] == ["3 fields need a fix: Start date, When, E-mail"]
        assert app.screen.focused is app.screen.query_one("#f-start_date")
