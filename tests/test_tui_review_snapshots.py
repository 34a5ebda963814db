"""Snapshot at 80×24 of the Add dialog's review form right after a read: scrolled to the first
field marked "a guess" (here the deadline), with the evidence under it and examples in the empty fields."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui_kit import read_guessy, snapshot_app  # noqa: E402


def test_review_form_after_a_read(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def read(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await read_guessy(pilot.app, pilot)

    assert snap_compare(snapshot_app(tmp_path), terminal_size=(80, 24), run_before=read)
