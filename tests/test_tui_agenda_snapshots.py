"""Snapshots of the agenda screen's three tabs at a fixed clock and size."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402

from tui_kit import fill_agenda, snapshot_app  # noqa: E402

SIZES = [(80, 24), (160, 48)]


def make(tmp_path: Path) -> JobtrackApp:
    return snapshot_app(tmp_path, filler=fill_agenda)


def keys(*pressed: str):  # type: ignore[no-untyped-def]
    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await pilot.press("w", *pressed)
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_agenda_week(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make(tmp_path), terminal_size=size, run_before=keys("down"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_agenda_month(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make(tmp_path), terminal_size=size, run_before=keys("m", "right"))


def test_agenda_pipeline(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make(tmp_path), terminal_size=(80, 24), run_before=keys("p"))
