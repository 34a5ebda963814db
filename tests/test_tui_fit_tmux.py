"""Issue 14 in a real terminal at 80×24: the countdown columns are on screen beside a
77-character title, q quits, and an "a" typed the moment the app starts opens Add."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobtrack.app import list_index  # noqa: E402
from jobtrack.store.store import Store  # noqa: E402

from tmux_kit import started  # noqa: E402
from tui_kit import fill_long  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def header(screen: str) -> str:
    return next(line for line in screen.splitlines() if "Title" in line)


def test_deadline_and_next_interview_are_on_screen_and_q_quits(tmp_path: Path) -> None:
    fill_long(Store(tmp_path / "jobs.json"))
    with started(tmp_path) as t:
        screen = t.wait_for(lambda s: "Senior software" in s, "the postings table")
        assert "Employer" in header(screen) and "Status" in header(screen)
        assert header(screen).rstrip().endswith("Deadline        Next interview")  # both whole, inside 80 columns
        long_row = next(line for line in screen.splitlines() if "Senior software" in line)
        assert "…" in long_row and "Nordisk" in long_row
        assert all(len(line) <= 80 for line in screen.splitlines())
        t.run("resize-window", "-t", "app", "-x", "160", "-y", "24")  # wider: more columns, the dates beside
        screen = t.wait_for(lambda s: "Location" in header(s), "the columns of a wide terminal")
        assert "· 15 Jan 12:00" in screen and "DKK 55,000 a month" in screen  # (the clock is the real one)
        t.keys("q")
        assert t.exit_code() == "0"


def test_a_typed_right_after_start_opens_add_and_q_in_a_field_is_a_letter(tmp_path: Path) -> None:
    store = Store(tmp_path / "jobs.json")
    fill_long(store)
    store.close()
    list_index.refresh(store)  # as any command leaves it: the first screen comes from the index, the store after
    with started(tmp_path) as t:
        t.keys("-l", "a")  # at once, before the app has drawn anything
        t.wait_for(lambda s: "Add a posting" in s, "the Add dialog")
        t.keys("Escape")
        t.wait_for(lambda s: "Add a posting" not in s and "Next interview" in s, "the postings again")
        t.keys("/")
        t.wait_for(lambda s: "Search title" in s, "the search box")
        t.keys("-l", "q")
        t.wait_for(lambda s: "search: q" in s, "q typed into the search")
        t.keys("Escape")
        t.wait_for(lambda s: "search: q" not in s and "Senior software" in s, "the search cleared")
        t.keys("q")
        assert t.exit_code() == "0"
