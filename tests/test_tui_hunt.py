"""The hunt screen: reached by `h` and the palette, the same numbers as `stats --weeks`, snapshots."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.core.model import Posting, Status, StatusChange  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402

from tui_kit import fill, palette_choose, shown, snapshot_app  # noqa: E402

SIZES = [(80, 24), (160, 48)]


@pytest.fixture(autouse=True)
def target(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[hunt]\nweekly_target = 2\n", encoding="utf-8")
    monkeypatch.setenv("JOBTRACK_CONFIG", str(config))


def fill_hunt(store: Store) -> None:
    """The three postings of the other screens, and five weeks of applications before 23 November 2026."""
    fill(store)
    sent = [("Analyst", "job-board", datetime(2026, 10, 26, 9)), ("Planner", "job-board", datetime(2026, 10, 28, 9)),
            ("Designer", "network", datetime(2026, 11, 2, 9)), ("Tester", "recruiter", datetime(2026, 11, 4, 9)),
            ("Writer", "direct", datetime(2026, 11, 5, 9)), ("Coder", "network", datetime(2026, 11, 11, 9)),
            ("Teacher", "", datetime(2026, 11, 23, 8))]
    for n, (title, source, at) in enumerate(sent):
        history = [StatusChange(Status.SAVED, datetime(2026, 10, 20)), StatusChange(Status.APPLIED, at)]
        if n in (0, 2):
            history.append(StatusChange(Status.REJECTED if n == 0 else Status.INTERVIEWING, datetime(2026, 11, 12, 9)))
        store.add(Bundle(Posting(title, employer="Acme", source=source, status=history[-1].status, history=history,
                                 created=datetime(2026, 10, 20))))


async def test_h_opens_the_hunt_and_plus_shows_more_weeks(tmp_path: Path) -> None:
    app = snapshot_app(tmp_path, filler=fill_hunt)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HuntScreen"
        text = shown(app, "#hunt")
        assert "The hunt: 8 weeks, 05 Oct 2026 to 29 Nov 2026" in text
        assert "26 Oct 2026    2✓" in text and "02 Nov 2026    4✓" in text and "09 Nov 2026    1 " in text
        assert "target 2 a week, met in 2 of 8" in text
        assert "Time to first answer: median 13.5 days (2 answered of 8 sent)" in text
        await pilot.press("plus")
        await pilot.pause()
        assert "The hunt: 12 weeks" in shown(app, "#hunt")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PostingsScreen"


async def test_the_palette_offers_the_hunt(tmp_path: Path) -> None:
    app: JobtrackApp = snapshot_app(tmp_path, filler=fill_hunt)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        offered = await palette_choose(app, pilot, "hunt")
        assert offered and offered[0].startswith("The hunt")
        assert app.screen.__class__.__name__ == "HuntScreen"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_hunt_screen(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def open_hunt(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()

    assert snap_compare(snapshot_app(tmp_path, filler=fill_hunt), terminal_size=size, run_before=open_hunt)
