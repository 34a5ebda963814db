"""Reading the store's records in thread workers: from what size, and with the collector out of the way.

Model objects made from every row take ~1.4 s at 20,000 postings: too long
for the event loop, so screens read a big store's records (`Store.records`)
in a thread worker. A small store is read in the loop: at once, and what a
key changed is on screen when the key is handled.

The collector runs in whichever thread allocates past its threshold and
holds the GIL while it walks, so a worker's collection stalls the event
loop as long as one in the loop would. A pause is process-wide: the first
worker in pauses the collector, the last one out resumes it if it ran before.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

IN_THREAD = 2000  # postings from which records are read in a thread worker (~0.15 s in the loop)

@dataclass
class _Pause:
    lock: threading.Lock = field(default_factory=threading.Lock)
    workers: int = 0  # running with the collector paused
    resume: bool = False  # it ran before the first of them


_PAUSE = _Pause()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector waits while a worker builds many objects (a Store of its own:
    ~1 million at 20,000 postings): it would walk them all, holding the GIL and so
    the event loop (~0.7 s). They go by reference counting when dropped; what
    the app keeps is walked by later collections, a generation at a time."""
    with _PAUSE.lock:
        if not _PAUSE.workers:
            _PAUSE.resume = gc.isenabled()
            gc.disable()
        _PAUSE.workers += 1
    try:
        yield
    finally:
        with _PAUSE.lock:
            _PAUSE.workers -= 1
            if not _PAUSE.workers and _PAUSE.resume:
                gc.enable()
