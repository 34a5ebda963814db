"""Pilot tests of the review form after a read: it starts at the first field marked "a guess",
an event can be dropped before saving, and empty fields show examples that do not read as values."""

from __future__ import annotations

from datetime import date

from jobtrack.store.store import Store
from textual.widgets import Input, TextArea

from tui_kit import make_app, open_add, read_guessy, read_pasted


async def test_the_review_form_starts_at_the_first_guess(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await read_guessy(app, pilot)
        dialog = app.screen
        deadline = dialog.query_one("#f-deadline", Input)
        assert dialog.focused is deadline
        body = dialog.query_one("#add-body").region
        label = deadline.parent.children[deadline.parent.children.index(deadline) - 1]
        assert "a guess" in str(label.render())
        assert label.region.y == body.y  # scrolled up to the top of the dialog's body, the input below it
        assert body.contains_region(deadline.region)


async def test_without_guesses_the_form_starts_at_the_title(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        await pilot.pause()
        title = app.screen.query_one("#f-title", Input)
        assert app.screen.focused is title
        assert app.screen.query_one("#add-body").region.contains_region(title.region)


async def test_an_event_dropped_in_the_review_form_is_not_saved(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await read_guessy(app, pilot)
        dialog = app.screen
        assert len(dialog.query(".event-form")) == 1
        dialog.query_one("#f-deadline", Input).value = "15/12/2026"
        dialog.query_one("#f-priority", Input).focus()  # the posting's last field: tab goes on to the button
        await pilot.press("tab")
        assert dialog.focused is dialog.query_one(".event-form .drop-form")
        await pilot.press("enter")
        await pilot.pause()
        assert not dialog.query(".event-form") and not dialog.query("#f-event-0-when")
        assert dialog.focused is dialog.query_one("#f-contact-0-name")  # on to what came after the event
        assert [n.message for n in app._notifications] == ["Dropped Interviews (week 2); it will not be saved"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        [added] = [p for p in store.postings() if p.title == "Backend Engineer"]
        assert added.deadline == date(2026, 12, 15)
        assert store.events(added.id) == []
        assert [c.name for c in store.contacts(added.id)] == ["Ole Hansen"]


async def test_dropping_an_event_counts_as_a_change_escape_asks_about(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await read_guessy(app, pilot)
        app.screen.query_one("#paste", TextArea).clear()  # only the dropped event is left to lose
        app.screen.query_one(".event-form .drop-form").scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        await pilot.click(".event-form .drop-form")
        await pilot.pause()
        assert not app.screen.query(".event-form")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmDialog"


async def test_placeholders_read_as_examples_not_values(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await read_guessy(app, pilot)
        empty = [i for i in app.screen.query(".field-form Input").results(Input) if not i.value and i.placeholder]
        assert {i.id for i in empty} >= {"f-start_date", "f-posted", "f-tags"}
        for field in empty:
            assert field.placeholder.startswith(("e.g. ", "one of: ")), field.placeholder
            style = field.get_component_rich_style("input--placeholder")
            assert style.italic and style.color != field.rich_style.color  # dim and slanted, unlike a value


async def test_a_save_typed_right_after_dropping_an_event_saves_without_it(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await read_guessy(app, pilot)
        app.screen.query_one(".event-form .drop-form").focus()
        await pilot.press("enter", "enter", "ctrl+s")  # the second enter lands on the contact's name: next field
        await pilot.pause()
        [added] = [p for p in store.postings() if p.title == "Backend Engineer"]
        assert store.events(added.id) == [] and [c.name for c in store.contacts(added.id)] == ["Ole Hansen"]
