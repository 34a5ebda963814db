"""Smoke test: the real app in a real terminal (tmux, 80×24) shows postings and takes keys."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobtrack.app import list_index  # noqa: E402
from jobtrack.store.store import Store  # noqa: E402

from tui_kit import fill  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

# Generous: this bounds a wait for the screen, it is not a speed assertion.
PATIENCE = 60.0


class Tmux:
    """One detached tmux server on its own socket, so tests never meet each other."""

    def __init__(self, marker: Path) -> None:
        self.socket = f"jobtrack-test-{uuid.uuid4().hex[:12]}"
        self.marker = marker  # the app's exit code is written here

    def exit_code(self) -> str:
        give_up = time.monotonic() + PATIENCE
        while not self.marker.exists() and time.monotonic() < give_up:
            time.sleep(0.2)
        return self.marker.read_text().strip() if self.marker.exists() else "still running"

    def run(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False)
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "app")

    def wait_for(self, wanted: Callable[[str], bool], what: str) -> str:
        give_up = time.monotonic() + PATIENCE
        while time.monotonic() < give_up:
            text = self.screen()
            if wanted(text):
                return text
            time.sleep(0.2)
        pytest.fail(f"waited {PATIENCE:.0f}s for {what}; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "app", *keys)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    store = Store(tmp_path / "jobs.json")
    fill(store)
    with started(tmp_path) as t:
        yield t


@contextmanager
def started(tmp_path: Path) -> Iterator[Tmux]:
    """`jobtrack --db tmp_path/jobs.json` running in tmux, then the server gone."""
    t = Tmux(tmp_path / "exit-code")
    command = (
        f"{sys.executable} -m jobtrack --db {tmp_path / 'jobs.json'}; echo $? > {t.marker}; sleep 600"
    )
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(
        ["tmux", "-L", t.socket, "-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24",
         "-s", "app", "-e", "TERM=xterm-256color", "sh", "-c", command],
        check=True, env=env,
    )
    try:
        yield t
    finally:
        t.run("kill-server")


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
