"""Snapshots of the main screens and dialogs at a fixed clock and size."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402

from tui_kit import read_pasted, snapshot_app  # noqa: E402

SIZES = [(80, 24), (160, 48)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_postings_screen(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(snapshot_app(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_detail_screen(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def open_detail(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("down", "enter")
        await pilot.pause()

    assert snap_compare(snapshot_app(tmp_path), terminal_size=size, run_before=open_detail)


def test_empty_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(snapshot_app(tmp_path, filler=lambda store: None), terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_edit_dialog(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def open_edit(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("down", "e")
        await pilot.pause()

    assert snap_compare(snapshot_app(tmp_path), terminal_size=size, run_before=open_edit)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_add_dialog_with_result(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def paste_and_scroll(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("a")
        await pilot.pause()
        await read_pasted(pilot.app, pilot)
        screen = pilot.app.screen
        screen.query_one("#add-body").scroll_to_widget(screen.query_one("#form"), top=True, animate=False)
        await pilot.pause()

    assert snap_compare(snapshot_app(tmp_path), terminal_size=size, run_before=paste_and_scroll)
