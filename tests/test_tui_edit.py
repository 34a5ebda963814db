"""Pilot tests of the TUI against a real Store in tmp_path. The edit dialog: bad values are
refused and named, good ones saved."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from jobtrack.store.store import Store
from textual.widgets import Input

from tui_kit import make_app


async def test_edit_with_bad_then_good_deadline(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#f-title", Input).value = "Senior backend developer"
        dialog.query_one("#f-deadline", Input).value = "someday soon-ish"
        dialog.query_one("#f-salary", Input).value = "55.000 kr"
        dialog.query_one("#f-tags", Input).value = "python, remote"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        error = dialog.query_one(".form-error")
        assert error.display
        assert "Deadline: cannot understand" in str(error.render())
        assert dialog.focused is dialog.query_one("#f-deadline")
        # Meanwhile another process changes a field this form does not touch.
        Store(tmp_path / "jobs.json").edit_posting(1, {"location": "Aarhus"})
        dialog.query_one("#f-deadline", Input).value = "2026-12-01 12:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not dialog
        p = store.posting(1)
        assert (p.title, p.deadline, p.deadline_time, p.salary, p.tags, p.location) == (
            "Senior backend developer", date(2026, 12, 1), time(12, 0), "55.000 kr", ["python", "remote"], "Aarhus")


async def test_edit_refuses_an_empty_title(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        app.screen.query_one("#f-title", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Title cannot be empty" in str(app.screen.query_one(".form-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert store.posting(1).title == "Backend developer"
