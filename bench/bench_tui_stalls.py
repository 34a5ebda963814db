"""Benchmark the TUI's longest event-loop stall in each situation, and its peak memory.

Run: .venv/bin/python bench/bench_tui_stalls.py [--postings 20000] [--store DIR]

A stall is time the event loop spends away from its tasks: keys typed
meanwhile wait, the screen does not repaint. A probe task sleeps 5 ms in a
loop inside the real app (`App.run_test`, headless, 120x40) and notes how
late each wake-up is; the worst lateness within a situation is its longest
stall. The app starts as `jobtrack` starts it (`run_app`): collector paused,
the first screen from the list index, the store loaded after the first paint.

Situations, in this order, each from its first step until the app is quiet:
start (from making the app until the first rows are painted), the store loading after the first
paint (until every row is in), idle for two seconds, a reminder check
(worker and delivery, and what the store change it makes triggers), each
keystroke of a search (`/` and a word; the worst and the first), clearing
the search, opening a posting and going back, opening the agenda (`w`) and
going back (each twice: the first time imports and styles the screen too). The baseline is a minimal Textual app (header, table of three
rows, footer) starting and idling in its own process in the same run, so
the figures read as multiples of what the machine does anyway. Work done
in thread workers shows too: the event loop waits for the GIL (a C call
such as parsing the store's file holds it throughout), the longer the
busier the machine.

Peak memory (VmHWM, or ru_maxrss where there is no /proc) is printed beside the size of the store's own data
(the main file and journal, the posting texts being read one at a time).
Each child runs in a fresh process on a copy of one store, so a run's
changes (reminders marked shown) never reach the next.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
for folder in (REPO, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

NOW = datetime(2026, 3, 2, 10, 0)  # inside the bench store's deadlines and interviews: reminders fall due
TICK = 0.005
SIZE = (120, 40)
IDLE = 2.0
QUIET = 0.3  # seconds without a stall that say a step is over
PATIENCE = 30.0  # the longest a step may take before the bench gives up on it
WORD = "udvikler"


def maxrss_mb() -> float:
    """This process's peak resident memory. On Linux from /proc: `ru_maxrss` keeps
    the peak of the process image before `exec`, the parent's that built the store."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
    kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return kib / 1024


class Probe:
    """Sleeps TICK in a loop and records how late each wake-up came."""

    def __init__(self) -> None:
        self.wakes: list[tuple[float, float]] = []  # (when, how late)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            after = time.perf_counter()
            self.wakes.append((after, after - before - TICK))

    def worst(self, start: float, end: float) -> float:
        return max((late for at, late in self.wakes if start < at <= end), default=0.0)

    async def quiet(self, condition: Callable[[], bool] = lambda: True) -> None:
        """Until `condition` holds and no stall longer than 10 ms came for QUIET seconds."""
        give_up = time.perf_counter() + PATIENCE
        while time.perf_counter() < give_up:
            await asyncio.sleep(0.05)
            now = time.perf_counter()
            if condition() and self.worst(now - QUIET, now) < 0.010:
                return


class Situations:
    """Each situation's window (start, end) on the perf_counter clock."""

    def __init__(self, probe: Probe) -> None:
        self.probe = probe
        self.windows: dict[str, list[tuple[float, float]]] = {}

    async def time(self, name: str, step: Callable[[], Awaitable[object]], settle: Callable[[], bool] = lambda: True) -> None:
        start = time.perf_counter()
        await step()
        await self.probe.quiet(settle)
        self.windows.setdefault(name, []).append((start, time.perf_counter()))

    def result(self) -> dict[str, list[float]]:
        return {name: [self.probe.worst(a, b) * 1000 for a, b in spans] for name, spans in self.windows.items()}


async def drive_jobtrack(db: Path) -> dict[str, Any]:
    from jobtrack.app import list_index
    from jobtrack.store import Store
    from jobtrack.tui.app import JobtrackApp
    from jobtrack.tui.screens.agenda import AgendaScreen
    from jobtrack.tui.screens.detail import DetailScreen
    from jobtrack.tui.screens.postings import PostingsScreen
    from jobtrack.tui.widgets.progressive_table import ProgressiveTable

    gc.disable()  # as `run_app` starts the app: the collector paused, the list index read before the loop runs
    first = list_index.load(db)
    assert first is not None, "the bench store needs a fresh list index"
    probe = Probe()
    probe.start()
    await asyncio.sleep(TICK * 2)
    spans = Situations(probe)
    start = time.perf_counter()
    app = JobtrackApp(lambda: Store(db), now=lambda: NOW, first=first, remind=False)

    def table() -> ProgressiveTable[Any] | None:
        screen = app.screen if app.screen_stack else None
        return screen.table if isinstance(screen, PostingsScreen) and screen.is_mounted else None

    def painted() -> bool:
        t = table()
        return t is not None and t.row_count > 0 and t.virtual_size.height > 0

    def loaded() -> bool:
        """The store open, every row in, no worker running (what a step set off is over)."""
        t = table()
        working = any(w.is_running for w in app.workers)
        return app._store is not None and t is not None and not t.filling and not working

    async with app.run_test(size=SIZE) as pilot:
        while not painted():
            await asyncio.sleep(0)
        spans.windows["start"] = [(start, time.perf_counter())]
        loading = time.perf_counter()
        await probe.quiet(loaded)
        spans.windows["store loads after the first paint"] = [(loading, time.perf_counter())]

        await spans.time("idle", lambda: asyncio.sleep(IDLE))

        async def remind() -> None:
            app.reminder_watch.check()
            await app.workers.wait_for_complete()
            await pilot.pause(app.poll_interval * 1.5)  # the delivery's store change reaches the postings screen

        await spans.time("reminder check", remind, loaded)

        await spans.time("search: /", lambda: pilot.press("slash"))
        for letter in WORD:
            await spans.time("search: a keystroke", partial(pilot.press, letter), loaded)
        await spans.time("search cleared (escape)", lambda: pilot.press("escape"), loaded)

        for again in ("", ", again"):  # the first time imports and styles the screen too
            await spans.time(f"open a posting (enter){again}", lambda: pilot.press("enter"), lambda: isinstance(app.screen, DetailScreen))
            await spans.time(f"back from the posting{again}", lambda: pilot.press("escape"), loaded)
        for again in ("", ", again"):
            await spans.time(f"open the agenda (w){again}", lambda: pilot.press("w"), lambda: isinstance(app.screen, AgendaScreen))
            await spans.time(f"back from the agenda{again}", lambda: pilot.press("escape"), loaded)
        rows = table().row_count if table() else 0  # type: ignore[union-attr]
    return {"stalls": spans.result(), "rows": rows, "peak_rss": maxrss_mb()}


async def drive_minimal() -> dict[str, Any]:
    from bench_tui_startup import minimal_app
    from textual.widgets import DataTable

    probe = Probe()
    probe.start()
    await asyncio.sleep(TICK * 2)
    spans = Situations(probe)
    start = time.perf_counter()
    app = minimal_app()
    async with app.run_test(size=SIZE) as pilot:
        while not (app.screen.query(DataTable) and app.screen.query_one(DataTable).virtual_size.height > 3):
            await asyncio.sleep(0)
        spans.windows["start"] = [(start, time.perf_counter())]
        await pilot.pause(0.5)
        await spans.time("idle", lambda: asyncio.sleep(IDLE))
    return {"stalls": spans.result(), "peak_rss": maxrss_mb()}


def prepare(source: Path, folder: Path) -> Path:
    """A copy of the bench store with a list index of its own (a copy is another version of the file)."""
    from jobtrack.app import list_index
    from jobtrack.store import Store

    shutil.copytree(source, folder, dirs_exist_ok=True)
    db = folder / "jobs.json"
    for derived in folder.glob("jobs.json.*"):
        if derived.is_file() and derived.suffix in (".list", ".due"):
            derived.unlink()
    store = Store(db)
    list_index.refresh(store)
    return db


def run_child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"child {args} failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def data_size(db: Path) -> int:
    journal = db.with_name(db.name + ".journal")
    return db.stat().st_size + (journal.stat().st_size if journal.exists() else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=20000)
    parser.add_argument("--store", type=Path, help="a folder to keep the built store in and reuse")
    parser.add_argument("--child", choices=["jobtrack", "minimal"], help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = asyncio.run(drive_jobtrack(args.db) if args.child == "jobtrack" else drive_minimal())
        print(json.dumps(result))
        return

    from bench_tui_startup import build_store

    with tempfile.TemporaryDirectory(prefix="jobtrack-stalls-") as tmp:
        source = args.store or Path(tmp) / "source"
        if not (source / "jobs.json").exists():
            print(f"building a store with {args.postings} postings…", flush=True)
            source.mkdir(parents=True, exist_ok=True)
            build_store(source, args.postings)
        db = prepare(source, Path(tmp) / "run")
        minimal = run_child(["--child", "minimal"])
        ours = run_child(["--child", "jobtrack", "--db", str(db)])
        size = data_size(db) / 1e6

    base = minimal["stalls"]["idle"][0]
    print(f"longest event-loop stall, {ours['rows']} postings shown, {SIZE[0]}x{SIZE[1]} headless (ms)")
    print(f"{'situation':40} {'longest':>9} {'/ idle minimal':>15}")
    print(f"{'minimal app (header, table, footer), idle':40} {base:9.1f} {1:15.1f}x")
    start = minimal["stalls"]["start"][0]
    print(f"{'minimal app, start':40} {start:9.1f} {start / max(base, 0.1):15.1f}x")
    for name, values in ours["stalls"].items():
        worst = max(values)
        print(f"{name:40} {worst:9.1f} {worst / max(base, 0.1):15.1f}x")
        if len(values) > 1:
            print(f"{'  first of ' + str(len(values)):40} {values[0]:9.1f}")
    rss = ours["peak_rss"]
    print()
    print(f"peak RSS: jobtrack {rss:.0f} MB, minimal app {minimal['peak_rss']:.0f} MB; "
          f"the store's data {size:.1f} MB (main file and journal): {rss / size:.1f}x (aim: at most 4x)")


if __name__ == "__main__":
    main()
