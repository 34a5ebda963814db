"""Benchmark `jobtrack due` as a shell prompt runs it, beside `python -c pass`.

Run: .venv/bin/python bench/bench_due.py [--postings 5000] [--runs 21]

Both commands run as real subprocesses, alternating, in the same run, so
the interpreter's own start-up is measured on the same machine at the same
moment and the difference is what jobtrack adds. The store is built once
with `Store.add_many` from the generator of bench_store.py, its dates moved
around today so that deadlines and interviews fall in `due`'s window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from jobtrack.store import Bundle, Store

from bench_store import REPO, make_bundles

TARGET_MS = 100.0


def around_today(bundles: list[Bundle]) -> list[Bundle]:
    """Move the generated dates (spring 2026) so that today falls among them and `due` has work."""
    shift = date.today() - date(2026, 3, 15)
    for b in bundles:
        p = b.posting
        p.deadline, p.posted, p.start_date = (d + shift if d else d for d in (p.deadline, p.posted, p.start_date))
        for e in b.events:
            e.day = e.day + shift if e.day else e.day
    return bundles


def build_store(folder: Path, n: int) -> Path:
    path = folder / "jobs.json"
    Store(path).add_many(around_today(make_bundles(n)))
    return path


# As installed: pip writes .pyc files, so a run must not compile from source.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=REPO, env=ENV)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    return elapsed


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # one warm-up each: page cache, .pyc files
        run_once(cmd)
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(run_once(cmd))
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--postings", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=21)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="jobtrack-bench-due-") as tmp:
        db = build_store(Path(tmp), args.postings)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "jobtrack due": [sys.executable, "-m", "jobtrack", "--db", str(db), "due"],
        }
        line = subprocess.run(commands["jobtrack due"], capture_output=True, text=True, check=True).stdout.strip()
        times = measure(commands, args.runs)
        rebuilt = []
        for _ in range(max(args.runs // 4, 3)):  # the first `due` after a change rebuilds its index
            (db.parent / f"{db.name}.due").unlink()
            rebuilt.append(run_once(commands["jobtrack due"]))

    base = statistics.median(times["python -c pass"]) * 1000
    due = statistics.median(times["jobtrack due"]) * 1000
    print(f"jobtrack due: {args.postings} postings, median of {args.runs} runs each (alternating)")
    print(f"python {sys.version.split()[0]} on {sys.platform}")
    print(f"output: {line}")
    print()
    for name, values in times.items():
        ms = sorted(v * 1000 for v in values)
        print(f"{name:<16} median {statistics.median(ms):7.1f} ms   min {ms[0]:7.1f} ms   max {ms[-1]:7.1f} ms")
    print()
    print(f"jobtrack adds    {due - base:7.1f} ms   ratio {due / base:5.2f}x python -c pass")
    print(f"due total        {due:7.1f} ms   target < {TARGET_MS:.0f} ms   {'OK' if due < TARGET_MS else 'MISSED'}")
    print(f"after a change   {statistics.median(rebuilt) * 1000:7.1f} ms   (reads the whole store once and rebuilds the due index)")


if __name__ == "__main__":
    main()
