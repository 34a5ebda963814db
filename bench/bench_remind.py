"""How quick `jobtrack remind` is for cron, beside `python -c pass` measured in the same run;
and how long a reminder check in the TUI holds up its UI thread: the check in a thread worker
beside the same check run on the UI thread (as it was), measured in the same run.

Run: .venv/bin/python bench/bench_remind.py [--postings 5000] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from jobtrack.app import reminders as rm  # noqa: E402
from jobtrack.app.config import ReminderRules  # noqa: E402
from jobtrack.core.model import Event, EventKind, Posting, Status  # noqa: E402
from jobtrack.store import Bundle, Store  # noqa: E402

NOW = datetime(2026, 4, 7, 9, 30)


def fill(store: Store, n: int) -> None:
    rng = random.Random(7)
    bundles = []
    for i in range(n):
        status = rng.choice([Status.SAVED, Status.SAVED, Status.APPLIED, Status.REJECTED])
        p = Posting(f"Job {i}", employer=f"Employer {i % 97}", status=status, created=datetime(2026, 3, 1),
                    deadline=date(2026, 4, 1) + timedelta(days=rng.randint(0, 60)))
        events = [Event(0, EventKind.INTERVIEW, p.deadline + timedelta(days=10), dtime(10, 0))] if i % 5 == 0 else []
        bundles.append(Bundle(p, events=events))
    store.add_many(bundles)


def timed(command: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class Stalls:
    """The longest gap between the UI loop's turns: how long a key would wait."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.running = True

    async def watch(self) -> None:
        while self.running:
            start = time.perf_counter()
            await asyncio.sleep(0.001)
            self.longest = max(self.longest, time.perf_counter() - start)


async def ui_stalls(db: Path, runs: int) -> tuple[float, float, float]:
    """Longest UI stall: idle, a check in the worker, the same check on the UI thread (median of `runs`)."""
    from jobtrack.tui.app import JobtrackApp

    app = JobtrackApp(Store(db), now=lambda: NOW, remind=False)
    async with app.run_test(headless=True) as pilot:
        await pilot.pause()
        watch = app.reminder_watch
        watch.reminding.deliver(NOW)  # mark what is due shown: every check after does the same work

        async def stall(check: str) -> float:
            stalls = Stalls()
            ticker = asyncio.create_task(stalls.watch())
            await asyncio.sleep(0.05)
            if check == "worker":
                watch.check()
                await app.workers.wait_for_complete()
            elif check == "ui":
                watch.reminding.deliver(NOW)
            await asyncio.sleep(0.05)
            stalls.running = False
            await ticker
            return stalls.longest

        found: dict[str, list[float]] = {"idle": [], "worker": [], "ui": []}
        for _ in range(runs):
            for check, stalls in found.items():
                stalls.append(await stall(check))
    return statistics.median(found["idle"]), statistics.median(found["worker"]), statistics.median(found["ui"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "jobtrack.json"
        store = Store(db)
        fill(store, args.postings)
        env = {**os.environ, "JOBTRACK_DB": str(db), "JOBTRACK_CONFIG": str(Path(folder) / "none.toml"),
               "JOBTRACK_NOW": NOW.isoformat(), "TZ": "Europe/Copenhagen"}
        postings, events = store.postings(), store.events()
        start = time.perf_counter()
        from jobtrack.core.zones import local_zone

        made = rm.candidates(postings, events, ReminderRules(), NOW, local_zone(), timedelta(0))
        due = rm.due(made, {}, ReminderRules(), NOW, local_zone())
        pure = time.perf_counter() - start
        baseline = timed([sys.executable, "-c", "pass"], env, args.runs)
        check = timed([sys.executable, "-m", "jobtrack", "remind", "--check"], env, args.runs)
        first = timed([sys.executable, "-m", "jobtrack", "remind"], env, 1)  # marks everything shown
        again = timed([sys.executable, "-m", "jobtrack", "remind"], env, args.runs)
        os.environ.update(JOBTRACK_CONFIG=env["JOBTRACK_CONFIG"], TZ=env["TZ"])
        idle, worker, ui = asyncio.run(ui_stalls(db, args.runs))
    print(f"{args.postings} postings, {len(made)} reminders due by now, {len(due)} due at {NOW:%Y-%m-%d %H:%M}")
    print(f"timing in process:      {pure * 1000:7.1f} ms")
    print(f"python -c pass:         {baseline * 1000:7.1f} ms")
    print(f"jobtrack remind --check {check * 1000:7.1f} ms  ({check / baseline:.1f}x baseline)")
    print(f"jobtrack remind (first) {first * 1000:7.1f} ms  (prints and saves)")
    print(f"jobtrack remind (again) {again * 1000:7.1f} ms  ({again / baseline:.1f}x baseline)")
    print(f"TUI check, longest UI stall: idle {idle * 1000:.1f} ms, check in a worker {worker * 1000:.1f} ms, "
          f"on the UI thread {ui * 1000:.1f} ms  ({ui / worker:.0f}x the worker's)")


if __name__ == "__main__":
    main()
