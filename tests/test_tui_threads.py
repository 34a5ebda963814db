"""Workers pause the cyclic collector and take the GIL for shorter turns; the last one out puts both back."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from jobtrack.tui.threads import in_worker  # noqa: E402


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
        with in_worker():
            first_in.set()
            assert second_in.wait(5)
        first_out.set()

    def second() -> None:
        assert first_in.wait(5)
        with in_worker():
            second_in.set()
            assert first_out.wait(5)
            during.append(gc.isenabled())  # the first one out did not resume it under our feet

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert during == [False] and gc.isenabled()


def test_a_in_worker_before_stays_paused(collector: None) -> None:
    gc.disable()  # as `run_app` starts the app
    with in_worker():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_gil_comes_back_sooner_while_a_worker_runs(collector: None) -> None:
    before = sys.getswitchinterval()
    with in_worker():
        assert sys.getswitchinterval() == pytest.approx(0.001)
    assert sys.getswitchinterval() == before
