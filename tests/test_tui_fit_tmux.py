"""Issue 14 in a real terminal at 80×24: the countdown columns are on screen beside a
77-character title, q quits, and an "a" typed the moment the app starts opens Add."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobtrack.store.store import Store  # noqa: E402

from tmux_kit import started  # noqa: E402
from tui_kit import fill_long  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_deadline_and_next_interview_are_on_screen_and_q_quits(tmp_path: Path) -> None:
    fill_long(Store(tmp_path / "jobs.json"))
    with started(tmp_path) as t:
        screen = t.wait_for(lambda s: "Senior software" in s, "the postings table")
        header = next(line for line in screen.splitlines() if "Title" in line)
        assert "Employer" in header and "Status" in header
        assert header.rstrip().endswith("Deadline        Next interview")  # both whole, inside 80 columns
        long_row = next(line for line in screen.splitlines() if "Senior software" in line)
        assert "…" in long_row and "Nordisk" in long_row and "saved" in long_row
        assert all(len(line) <= 80 for line in screen.splitlines())
        t.keys("q")
        assert t.exit_code() == "0"


def test_a_typed_right_after_start_opens_add_and_q_in_a_field_is_a_letter(tmp_path: Path) -> None:
    fill_long(Store(tmp_path / "jobs.json"))
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
