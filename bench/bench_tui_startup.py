"""Benchmark TUI start-up: process start until the first rows reach a real terminal.

Run: .venv/bin/python bench/bench_tui_startup.py [--sizes 1000 5000 20000] [--runs 5] [--keep DIR]

Each run starts `jobtrack --db PATH` (the installed console script) in a
pseudo-terminal of 120x40 (the `pty` module), reads what it writes to the
screen, strips the escape sequences and notes the moment the first posting
row appears ("Title (123)": the bench's titles end in their number). Then
it presses ctrl+q and waits for the process to end, outside the timing
(the store is closed and its list index brought up to date, as after any
use). Counted from just before the fork.

- warm: the list index beside the store is fresh, as every jobtrack
  command leaves it; the first screen is painted from it and the store
  loads behind it.
- cold: no list index (deleted before the run): the store is loaded before
  the first paint.

The baseline is a minimal Textual app (a header, a DataTable of three rows,
a footer) started and timed the same way in the same run, so the ratio does
not depend on the machine. The issue's aim: warm at most 1.5x the minimal
app. Runs alternate between the apps, so a load change hits them alike.
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

COLUMNS, LINES = 120, 40
ROW = re.compile(r"\w \(\d+\)")  # a bench posting's title, or a row of the minimal app
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|[()][0-9A-Za-z]|[=>78DEHMNOc])")
PATIENCE = 120.0  # seconds a run may take to show its rows


def minimal_app() -> App[None]:
    """The baseline of the start-up and the stall benches: a header, a table of three rows and a footer.
    Textual is imported here, so that a child process pays for it inside what is timed."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    class Minimal(App[None]):
        BINDINGS = [("ctrl+q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table: DataTable[str] = self.query_one(DataTable)
            table.add_columns("Title", "Employer", "Status", "Deadline", "Next interview")
            for i in range(3):
                table.add_row(f"Backend developer ({i})", "Fjordbank", "applied", f"{i} days", "", key=str(i))

    return Minimal()


def child_minimal() -> None:
    minimal_app().run()


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


def make_warm(db: Path) -> None:
    from jobtrack.app import list_index
    from jobtrack.store.store import Store

    if list_index.load(db) is None:
        list_index.refresh(Store(db))


def make_cold(db: Path) -> None:
    from jobtrack.app import list_index

    list_index.index_path(db).unlink(missing_ok=True)


def first_rows(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from the fork to the first row on the terminal; the process is ended after."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child, on the pseudo-terminal
        import fcntl
        import termios

        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        os.execve(argv[0], argv, env)
    seen = b""
    shown: float | None = None
    try:
        while shown is None and time.perf_counter() - start < PATIENCE:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                break  # the child ended
            if not chunk:
                break
            seen += chunk
            if ROW.search(ESCAPES.sub("", seen.decode("utf-8", "replace"))):
                shown = time.perf_counter() - start
        if shown is None:
            raise SystemExit(f"no rows from {argv}:\n{ESCAPES.sub('', seen.decode('utf-8', 'replace'))[-2000:]}")
        os.write(fd, b"\x11")  # ctrl+q
        _wait(pid, fd)
    finally:
        os.close(fd)
    return shown


def _wait(pid: int, fd: int) -> None:
    """Read on (a child blocked on a full terminal never ends) until it ends; kill it after a while."""
    give_up = time.perf_counter() + 60
    while time.perf_counter() < give_up:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 1 << 16)
            except OSError:
                pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="a folder to keep the built stores in and reuse")
    parser.add_argument("--child", choices=["minimal"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_minimal()
        return

    script = Path(sys.executable).parent / "jobtrack"
    jobtrack = [str(script)] if script.exists() else [sys.executable, "-m", "jobtrack"]
    with tempfile.TemporaryDirectory(prefix="jobtrack-startup-") as tmp:
        home = Path(tmp) / "home"
        (home / "config").mkdir(parents=True)
        # As installed: pip writes .pyc files, so a run must not compile from source.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES), XDG_CONFIG_HOME=str(home / "config"))
        keep = args.keep or Path(tmp) / "stores"
        stores: dict[int, Path] = {}
        for n in args.sizes:
            folder = keep / f"store{n}"
            if not (folder / "jobs.json").exists():
                print(f"building a store with {n} postings…", flush=True)
                folder.mkdir(parents=True, exist_ok=True)
                build_store(folder, n)
            stores[n] = folder / "jobs.json"

        minimal = [sys.executable, str(Path(__file__).resolve()), "--child", "minimal"]
        first_rows(minimal, env)  # warm the file cache
        times: dict[str, list[float]] = {}
        for _ in range(args.runs):
            times.setdefault("minimal", []).append(first_rows(minimal, env))
            for n, db in stores.items():
                for mode, prepare in (("warm", make_warm), ("cold", make_cold)):
                    prepare(db)
                    times.setdefault(f"{mode} {n}", []).append(first_rows([*jobtrack, "--db", str(db)], env))
                make_warm(db)

    def median(name: str) -> float:
        return statistics.median(times[name]) * 1000

    base = median("minimal")
    print(f"medians over {args.runs} runs: process start to the first rows in a {COLUMNS}x{LINES} pseudo-terminal (ms)")
    print(f"minimal Textual app (header, table of 3 rows, footer)   {base:7.0f}")
    print(f"{'postings':>10} {'warm':>8} {'/ minimal':>10} {'cold':>8} {'/ minimal':>10}")
    for n in stores:
        warm, cold = median(f"warm {n}"), median(f"cold {n}")
        print(f"{n:>10} {warm:8.0f} {warm / base:9.2f}x {cold:8.0f} {cold / base:9.2f}x")
    print("aim: warm at most 1.50x the minimal app")


if __name__ == "__main__":
    main()
