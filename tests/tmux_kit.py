"""Driving the real app in a real terminal: a detached tmux server per test, 80×24."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

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
