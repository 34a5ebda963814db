"""Snapshots at 80×24 of each dialog opened first and opened after all the others: the two
must look the same (Textual keeps a stylesheet once loaded, so a dialog's rules must not reach another)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402

from tui_kit import snapshot_app  # noqa: E402

# From the postings screen: the keys that open each dialog (on the first row) and those that go back.
DIALOGS = {
    "add": (("a",), ("escape",)),
    "edit": (("e",), ("escape",)),
    "status": (("s",), ("escape",)),
    "confirm": (("d",), ("escape",)),
    "help": (("question_mark",), ("escape",)),
    "snooze": (("r", "s"), ("escape", "escape")),
}


@pytest.mark.parametrize("visited", [False, True], ids=["first", "after-the-others"])
@pytest.mark.parametrize("name", list(DIALOGS))
def test_dialog(snap_compare, tmp_path: Path, name: str, visited: bool) -> None:  # type: ignore[no-untyped-def]
    async def open_it(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        for other, (keys, back) in DIALOGS.items():
            if visited and other != name:
                await pilot.press(*keys)
                await pilot.pause()
                await pilot.press(*back)
                await pilot.pause()
        await pilot.press(*DIALOGS[name][0])
        await pilot.pause()

    assert snap_compare(snapshot_app(tmp_path), terminal_size=(80, 24), run_before=open_it)


@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_stored_pictures_before_and_after_are_the_same(name: str) -> None:
    """Guards the pictures themselves: regenerated after a leak, the pair would differ."""
    folder = Path(__file__).parent / "__snapshots__" / Path(__file__).stem
    first, after = (folder / f"test_dialog[{name}-{when}].svg" for when in ("first", "after-the-others"))
    assert first.read_bytes() == after.read_bytes()
