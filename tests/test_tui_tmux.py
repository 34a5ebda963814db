"""Smoke test: the real app in a real terminal (tmux, 80×24) shows postings and takes keys."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobtrack.app import list_index  # noqa: E402
from jobtrack.store.store import Store  # noqa: E402

from tmux_kit import Tmux, started  # noqa: E402
from tui_kit import fill  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    store = Store(tmp_path / "jobs.json")
    fill(store)
    with started(tmp_path) as t:
        yield t


def test_app_shows_postings_and_takes_keys(tmux: Tmux) -> None:
    screen = tmux.wait_for(lambda s: "Backend developer" in s, "the postings table")
    assert "Data analyst" in screen
    assert "Fjordbank" in screen

    tmux.keys("/")
    # The search box has focus once the footer drops the table's keys.
    tmux.wait_for(lambda s: "Search title" in s and "Add" not in s.splitlines()[-1], "the search box")
    tmux.keys("-l", "fjord")
    screen = tmux.wait_for(lambda s: "Data analyst" not in s, "the search to narrow the table")
    assert "Backend developer" in screen

    tmux.keys("Enter")  # leave the search box for the table: the footer shows the table's keys again
    tmux.wait_for(lambda s: "Add" in s.splitlines()[-1], "the table to have the focus")
    tmux.keys("Enter")  # open the only posting left
    screen = tmux.wait_for(lambda s: "Contacts" in s, "the detail screen")
    assert "Mette Holm" in screen

    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Contacts" not in s and "Backend developer" in s, "the postings again")

    tmux.keys("C-q")
    assert tmux.exit_code() == "0"


def test_a_store_damaged_behind_its_list_index_gives_one_line(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    store = Store(db)
    fill(store)
    store.close()
    list_index.refresh(store)
    before = os.stat(db)
    with open(db, "r+b") as f:  # in place: same file, same size, same time, so the index still fits
        f.write(b"\0" * before.st_size)
    os.utime(db, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert list_index.load(db) is not None
    with started(tmp_path) as t:
        assert t.exit_code() == "1"
        screen = t.screen()
        assert "jobtrack: the store" in screen and "is damaged" in screen
        assert "Traceback" not in screen


def test_keys_typed_at_start_go_where_the_user_expects(tmp_path: Path) -> None:
    """Issue 10: typed before the first screen is ready, "a" opens Add and "/lego chef" searches."""
    fill(Store(tmp_path / "jobs.json"))
    with started(tmp_path) as t:
        t.keys("-l", "a")  # at once, before the app has drawn anything
        t.wait_for(lambda s: "Add a posting" in s, "the Add dialog")
        assert "search: a" not in t.screen()
    with started(tmp_path) as t:
        t.keys("-l", "/lego chef")
        screen = t.wait_for(lambda s: "search: lego chef" in s, "the search")
        assert "Edit posting" not in screen
