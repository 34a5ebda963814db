"""How each command scales with the store: 1,000, 5,000 and 20,000 postings.

Run: .venv/bin/python bench/bench_scaling.py [--sizes 1000,5000,20000] [--only add,show] [--runs 5]

Every command runs as a real process (`python -m jobtrack`), as a user's
shell runs it, and the figure is the median of `--runs` runs. Beside them,
measured in the same run on the same store: `python -c pass` (what the
interpreter costs) and `json.load` of the store's main file (what reading
the data costs). Two targets (issue 17):

- one posting's work costs one posting: 20k/1k at most 1.5;
- a whole-store command is read at the speed of the data: at 20k at most
  1.5× `json.load`.

`due-cold` is the first `due` after a change (the change brings the due
index up to date when it was current); `due-noindex` has no index at all.

Each store is built once per run with `Store.add_many` (texts from real
postings, 1–2 contacts and 0–3 events each, dates around today) in a
temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from jobtrack.core.model import Event, EventKind  # noqa: E402
from jobtrack.store import Bundle, Store  # noqa: E402

from bench_due import ENV, around_today  # noqa: I001
from bench_store import REPO, make_bundles  # first: it puts this checkout's jobtrack on the path

ONE = "20k/1k <= 1.5"
WHOLE = "<= 1.5x json.load"


@dataclass
class Command:
    name: str
    target: str
    argv: Callable[[Path, int, int], list[str]]  # (store, size, run) -> arguments after `jobtrack --db STORE`
    before: Callable[[Path, int, int], list[str]] | None = None  # an untimed command run first
    drop: str = ""  # a file beside the store removed before each run (a derived index: a cold start)


def jobtrack(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "jobtrack", "--db", str(db), *args]


def varied_events(bundles: list[Bundle], seed: int = 7) -> list[Bundle]:
    """bench_store gives every posting two events; real ones have 0 to 3."""
    rng = random.Random(seed)
    for b in bundles:
        count = rng.randint(0, 3)
        if count == 3 and b.events:
            first = b.events[0]
            assert first.day is not None
            b.events.append(Event(0, EventKind.FOLLOW_UP, day=first.day + timedelta(days=10), label="opfølgning"))
        else:
            b.events = b.events[:count]
    return bundles


def build(folder: Path, n: int) -> Path:
    db = folder / "jobs.json"
    store = Store(db)
    store.add_many(varied_events(around_today(make_bundles(n))))
    store.close()  # the main file holds it all, as after any command
    return db


COMMANDS = [
    Command("add", ONE, lambda db, n, k: ["add", "--title", f"Bench {k}", "--employer", "Bench A/S"]),
    Command("edit", ONE, lambda db, n, k: ["edit", "2", "--notes", f"run {k}"]),
    Command("status", ONE, lambda db, n, k: ["status", "3", "interviewing" if k % 2 else "applied"]),
    Command("show", ONE, lambda db, n, k: ["show", "1", "--json"]),
    Command("rm", ONE, lambda db, n, k: ["rm", "--yes", str(n - k)]),
    Command("contact", ONE, lambda db, n, k: ["contact", "edit", "1", "--notes", f"run {k}"]),
    Command("event", ONE, lambda db, n, k: ["event", "edit", "1", "--label", f"run {k}"]),
    Command("list", WHOLE, lambda db, n, k: ["list", "--json"]),
    Command("week", WHOLE, lambda db, n, k: ["week", "--json"]),
    Command("remind", WHOLE, lambda db, n, k: ["remind", "--check"]),
    Command("stats", WHOLE, lambda db, n, k: ["stats"]),
    Command("due-cold", WHOLE, lambda db, n, k: ["due"], before=lambda db, n, k: ["edit", "4", "--notes", f"cold {k}"]),
    Command("due-noindex", WHOLE, lambda db, n, k: ["due"], drop="jobs.json.due"),
    Command("due-warm", "", lambda db, n, k: ["due"], before=lambda db, n, k: ["due"]),
]
BASELINES = ["python -c pass", "json.load"]


def run(cmd: list[str], ok: tuple[int, ...] = (0,)) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=REPO, env=ENV)
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed


def baseline(name: str, db: Path) -> list[str]:
    if name == "python -c pass":
        return [sys.executable, "-c", "pass"]
    return [sys.executable, "-c", f"import json; json.load(open({str(db)!r}, 'rb'))"]


def measure(db: Path, n: int, commands: list[Command], runs: int) -> dict[str, float]:
    """Median seconds per command; runs interleave, so a load change on the machine hits every command."""
    times: dict[str, list[float]] = {name: [] for name in [*BASELINES, *(c.name for c in commands)]}
    for c in commands:  # warm-up: page cache, .pyc files, the derived indexes
        run(jobtrack(db, *c.argv(db, n, 0)), ok=(0, 1))
    for k in range(1, runs + 1):
        for name in BASELINES:
            times[name].append(run(baseline(name, db)))
        for c in commands:
            if c.before:
                run(jobtrack(db, *c.before(db, n, k)))
            if c.drop:
                (db.parent / c.drop).unlink(missing_ok=True)
            times[c.name].append(run(jobtrack(db, *c.argv(db, n, k)), ok=(0, 1)))  # remind --check: 1 when nothing is due
    return {name: statistics.median(v) for name, v in times.items()}


def table(sizes: list[int], results: dict[int, dict[str, float]], commands: list[Command]) -> str:
    first, last = sizes[0], sizes[-1]
    head = f"| command (median ms) | {' | '.join(f'{n:,}' for n in sizes)} | {last:,}/{first:,} | vs json.load at {last:,} | target |"
    lines = [head, "|" + "---|" * (len(sizes) + 4)]
    for name in [*(c.name for c in commands), *BASELINES]:
        target = next((c.target for c in commands if c.name == name), "baseline")
        ms = [results[n][name] * 1000 for n in sizes]
        growth = ms[-1] / ms[0]
        vs_load = results[last][name] / results[last]["json.load"]
        cells = " | ".join(f"{m:,.0f}" for m in ms)
        lines.append(f"| {name} | {cells} | {growth:.2f} | {vs_load:.2f} | {target} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,5000,20000", help="comma-separated store sizes")
    ap.add_argument("--only", default="", help="comma-separated command names: " + ",".join(c.name for c in COMMANDS))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    wanted = set(filter(None, args.only.split(",")))
    unknown = wanted - {c.name for c in COMMANDS}
    if unknown:
        raise SystemExit(f"unknown commands: {', '.join(sorted(unknown))}")
    commands = [c for c in COMMANDS if not wanted or c.name in wanted]

    results: dict[int, dict[str, float]] = {}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="jobtrack-bench-scaling-") as tmp:
            t = time.perf_counter()
            db = build(Path(tmp), n)
            built = time.perf_counter() - t
            size_mb = db.stat().st_size / 1e6
            print(f"{n:,} postings: built in {built:.1f} s, main file {size_mb:.1f} MB; measuring…", file=sys.stderr)
            results[n] = measure(db, n, commands, args.runs)
    print(f"scaling: median of {args.runs} runs per command, python {sys.version.split()[0]} on {sys.platform}")
    print(table(sizes, results, commands))


if __name__ == "__main__":
    main()
