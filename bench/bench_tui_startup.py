"""Benchmark TUI start-up: process start until the postings table is filled.

Run: .venv/bin/python bench/bench_tui_startup.py [--postings 5000] [--runs 7]

Each run is a fresh `python` subprocess driving the app headless; it exits as
soon as the table holds every row, and the parent times the whole process
(interpreter start, imports, store load, first fill). The baseline is a
minimal Textual app (one DataTable with a few rows) measured the same way in
the same run, so the ratio does not depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def child_minimal(rows: int) -> None:
    """The baseline: the least a Textual app with a filled table does.

    With 3 rows it is the issue's yardstick; with as many rows as the store
    holds (five columns of Text, like ours) it shows what Textual's DataTable
    itself costs, apart from jobtrack's own work.
    """
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table: DataTable[Text] = self.query_one(DataTable)
            table.add_columns("Title", "Employer", "Status", "Deadline", "Next interview")
            for i in range(rows):
                cells = (f"Backend developer ({i})", "Fjordbank", "applied", f"{i % 90} days", "")
                table.add_row(*(Text(c) for c in cells), key=str(i))

    _run_until_filled(Minimal(), rows)


def child_jobtrack(db: Path, rows: int) -> None:
    from jobtrack.store.store import Store
    from jobtrack.tui.app import JobtrackApp

    _run_until_filled(JobtrackApp(Store(db)), rows)


def _run_until_filled(app: object, rows: int) -> None:
    from textual.app import App
    from textual.pilot import Pilot
    from textual.widgets import DataTable

    assert isinstance(app, App)

    async def until_filled(pilot: Pilot[None]) -> None:
        while True:
            tables = pilot.app.screen.query(DataTable)
            # Laid out, not just added: the virtual height counts the header too.
            if tables and tables.first().virtual_size.height > rows:
                break
            await pilot.pause()
        pilot.app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=until_filled)


def build_store(folder: Path, n: int) -> Path:
    from bench_store import make_bundles

    from jobtrack.store.store import Store

    db = folder / "jobs.json"
    Store(db).add_many(make_bundles(n))
    return db


def time_child(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, *args], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=["minimal", "jobtrack"], help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "minimal":
        child_minimal(args.postings)
        return
    if args.child == "jobtrack":
        child_jobtrack(args.db, args.postings)
        return

    with tempfile.TemporaryDirectory() as tmp:
        print(f"building a store with {args.postings} postings…", flush=True)
        db = build_store(Path(tmp), args.postings)
        n = str(args.postings)
        runs: dict[str, list[float]] = {"minimal": [], "table": [], "jobtrack": []}
        time_child(["--child", "minimal", "--postings", "3"])  # warm the file cache
        for _ in range(args.runs):
            runs["minimal"].append(time_child(["--child", "minimal", "--postings", "3"]))
            runs["table"].append(time_child(["--child", "minimal", "--postings", n]))
            runs["jobtrack"].append(time_child(["--child", "jobtrack", "--db", str(db), "--postings", n]))
    m, t, o = (statistics.median(runs[k]) for k in ("minimal", "table", "jobtrack"))
    print(f"minimal Textual app, DataTable of 3 rows   median {m * 1000:6.0f} ms over {args.runs} runs")
    print(f"minimal Textual app, DataTable of {n:>5} rows median {t * 1000:6.0f} ms")
    print(f"jobtrack, {n} postings in the store        median {o * 1000:6.0f} ms")
    print(f"ratio to the 3-row app {o / m:.2f}x (aim: at most 1.50x); to the {n}-row table {o / t:.2f}x")


if __name__ == "__main__":
    main()
