"""Snapshot at 80×24 of the Add dialog's review form right after a read: scrolled to the first
field marked "a guess" (here the deadline), with the evidence under it and examples in the empty fields."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.widgets import TextArea  # noqa: E402

from tui_kit import snapshot_app, wait_form  # noqa: E402

GUESSY_TEXT = """Backend Engineer
Join our team in Aarhus. Salary around 45.000 kr.
Send your application before 15/12.
Interviews probably in week 2.
Contact: Ole Hansen 24 81 00 46
"""


def test_review_form_after_a_read(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def read(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("a")
        await pilot.pause()
        pilot.app.screen.query_one("#paste", TextArea).load_text(GUESSY_TEXT)
        pilot.app.screen.action_read()
        await wait_form(pilot.app, pilot)
        await pilot.pause()

    assert snap_compare(snapshot_app(tmp_path), terminal_size=(80, 24), run_before=read)
