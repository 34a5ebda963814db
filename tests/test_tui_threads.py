"""Workers pause the cyclic collector while they build, and the last one out resumes it as it was."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.tui.threads import collector_paused  # noqa: E402


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_overlapping_workers_resume_the_collector_when_the_last_ends(collector: None) -> None:
    gc.enable()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    during: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            assert second_in.wait(5)
        first_out.set()

    def second() -> None:
        assert first_in.wait(5)
        with collector_paused():
            second_in.set()
            assert first_out.wait(5)
            during.append(gc.isenabled())  # the first one out did not resume it under our feet

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert during == [False] and gc.isenabled()


def test_a_collector_paused_before_stays_paused(collector: None) -> None:
    gc.disable()  # as `run_app` starts the app
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
