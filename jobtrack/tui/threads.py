"""Reading the store's records in thread workers: from what size, and with the collector out of the way.

Model objects made from every row take ~1.4 s at 20,000 postings: too long
for the event loop, so screens read a big store's records (`Store.records`)
in a thread worker. A small store is read in the loop: at once, and what a
key changed is on screen when the key is handled.

While a worker runs (`in_worker`), two process-wide settings change. The
collector runs in whichever thread allocates past its threshold and holds
the GIL while it walks, so a worker's collection stalls the event loop as
long as one in the loop would: it is paused. And a thread that wants the
GIL asks for it after the switch interval, 5 ms by default: the event loop
asks after 1 ms (half the loop's lag behind a worker, measured). The first
worker in changes them, the last one out puts them back.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

IN_THREAD = 2000  # postings from which records are read in a thread worker (~0.15 s in the loop)
SWITCH = 0.001  # seconds a thread waits for the GIL before it asks, while workers run

@dataclass
class _Pause:
    lock: threading.Lock = field(default_factory=threading.Lock)
    workers: int = 0  # running in `in_worker`
    resume: bool = False  # the collector ran before the first of them
    switch: float = 0.005  # the switch interval before the first of them


_PAUSE = _Pause()


@contextmanager
def in_worker() -> Iterator[None]:
    """Around a worker's work: the collector paused while it builds many objects (a
    Store of its own was ~1 million at 20,000 postings, and walking them held the
    event loop ~0.7 s; they go by reference counting when dropped), the GIL handed
    back sooner."""
    with _PAUSE.lock:
        if not _PAUSE.workers:
            _PAUSE.resume, _PAUSE.switch = gc.isenabled(), sys.getswitchinterval()
            gc.disable()
            sys.setswitchinterval(SWITCH)
        _PAUSE.workers += 1
    try:
        yield
    finally:
        with _PAUSE.lock:
            _PAUSE.workers -= 1
            if not _PAUSE.workers:
                sys.setswitchinterval(_PAUSE.switch)
                if _PAUSE.resume:
                    gc.enable()
