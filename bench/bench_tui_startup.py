"""Benchmark TUI start-up: process start until the postings table shows its rows.

Run: .venv/bin/python bench/bench_tui_startup.py [--postings 5000] [--runs 7]

Each run is a fresh `python` subprocess driving the app headless (laid out
and rendered, nothing written to a terminal); the jobtrack child runs what
`jobtrack --db PATH` runs: the command line, the store, the app. It notes two
moments, counted from just before the parent starts the process (wall clock,
shared by both):

- first screen: the first frame in which the table draws itself holding (and
  having measured) as many rows as it can show, or all of them if fewer.
  jobtrack sorts every posting first, so these are the right rows, the ones
  the user looks at first. It sorts them from the list index beside the
  store (`jobtrack/app/list_index.py`), which every jobtrack command leaves
  fresh, and loads the store itself after this first paint.
- all rows: every row is in the table. jobtrack adds the rows below the
  first screenful in chunks after the first paint, keys working meanwhile.

The baseline is a minimal Textual app (one DataTable with 3 rows) measured
the same way in the same run, so the ratio does not depend on the machine.
The ratio the issue asks about (aim: at most 1.5x) is jobtrack's first
screen to the minimal app's first screen. A bare DataTable filled with as
many rows as the store holds shows what Textual's table alone costs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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

    moments = _timed(Minimal, rows)
    Minimal().run()
    print(json.dumps(moments))


class _Terminal:
    """A standard stream that says it is a terminal."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def child_jobtrack(db: Path, rows: int) -> None:
    """What `jobtrack --db PATH` runs: the command line, the store, the app."""
    from jobtrack.__main__ import main as jobtrack_main
    from jobtrack.tui.app import JobtrackApp

    moments = _timed(JobtrackApp, rows)
    # `jobtrack` with no command opens the app only on a terminal; the headless run stands in for one
    sys.stdin, sys.stdout = _Terminal(sys.stdin), _Terminal(sys.stdout)  # type: ignore[assignment]
    jobtrack_main(["--db", str(db)])
    print(json.dumps(moments))


def _timed(app_class: type, rows: int) -> dict[str, float]:
    """Make `app_class.run` headless; the dict gets the wall-clock moments of the
    first painted screenful and of the last row."""
    from textual.app import App
    from textual.geometry import Region
    from textual.pilot import Pilot
    from textual.strip import Strip
    from textual.widgets import DataTable

    moments: dict[str, float] = {}
    render_lines = DataTable.render_lines

    def note(table: DataTable[object]) -> None:
        visible = table.size.height - table.header_height
        for moment, count in (("first", min(rows, visible)), ("all", rows)):
            # Added and measured, not just added: the virtual height counts the header too.
            measured = table.row_count >= count and table.virtual_size.height > count
            if moment not in moments and visible > 0 and measured:
                moments[moment] = time.time()

    def painted(table: DataTable[object], crop: Region) -> list[Strip]:
        """The table drawing its lines for a frame: what a terminal would show next."""
        lines = render_lines(table, crop)
        note(table)
        return lines

    async def until_filled(pilot: Pilot[None]) -> None:
        while "all" not in moments:
            tables = pilot.app.screen.query(DataTable)
            if tables:
                note(tables.first())  # the last rows may land below the screen: no frame shows them
            await pilot.pause()
        pilot.app.exit()

    def run(app: App[None]) -> None:
        App.run(app, headless=True, size=(120, 40), auto_pilot=until_filled)

    DataTable.render_lines = painted  # type: ignore[method-assign]
    app_class.run = run
    return moments


def build_store(folder: Path, n: int) -> Path:
    """The store as any jobtrack command leaves it: with a fresh list index beside it."""
    from jobtrack.app import list_index
    from jobtrack.store.store import Store

    from bench_store import make_bundles

    db = folder / "jobs.json"
    store = Store(db)
    store.add_many(make_bundles(n))
    store.close()
    list_index.refresh(store)
    return db


# As installed: pip writes .pyc files, so a run must not compile from source.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def time_child(args: list[str]) -> dict[str, float]:
    """Seconds from starting the process to its first screen and to its last row."""
    start = time.time()
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True, env=ENV).stdout
    moments = json.loads(out.strip().splitlines()[-1])
    return {k: v - start for k, v in moments.items()}


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

    n = str(args.postings)
    children = {
        "minimal": ["--child", "minimal", "--postings", "3"],
        "table": ["--child", "minimal", "--postings", n],
        "jobtrack": ["--child", "jobtrack", "--postings", n],
    }
    runs: dict[str, list[dict[str, float]]] = {k: [] for k in children}
    with tempfile.TemporaryDirectory() as tmp:
        print(f"building a store with {n} postings…", flush=True)
        children["jobtrack"] += ["--db", str(build_store(Path(tmp), args.postings))]
        time_child(children["minimal"])  # warm the file cache
        for _ in range(args.runs):
            for name, child in children.items():
                runs[name].append(time_child(child))

    def median(name: str, moment: str) -> float:
        return statistics.median(r[moment] for r in runs[name]) * 1000

    m = median("minimal", "first")
    print(f"medians over {args.runs} runs, from process start (ms)   first screen   all rows")
    print(f"minimal Textual app, DataTable of 3 rows          {m:12.0f} {median('minimal', 'all'):10.0f}")
    t_first, t_all = median("table", "first"), median("table", "all")
    print(f"bare DataTable of {n:>5} rows, filled at once      {t_first:12.0f} {t_all:10.0f}")
    o_first, o_all = median("jobtrack", "first"), median("jobtrack", "all")
    print(f"jobtrack, {n:>5} postings in the store             {o_first:12.0f} {o_all:10.0f}")
    print(f"first screen: jobtrack / minimal app = {o_first / m:.2f}x (aim: at most 1.50x)")
    print(f"all rows:     jobtrack / minimal app = {o_all / m:.2f}x, / bare {n}-row table = {o_all / t_all:.2f}x")


if __name__ == "__main__":
    main()
