"""Benchmark `jobtrack search` over 5,000 postings with their texts, beside `grep -ci`.

Run: .venv/bin/python bench/bench_search.py [--postings 5000] [--runs 7]

The first search builds the per-shard word lines (`app/search.py`), and is
timed on its own; the runs after it use them, as every search does until a
text changes (then only that shard's line is rebuilt).

The store comes from the generator of bench_store.py (texts of 3-4 kB each);
every 50th text also names "Kubernetes", so one query is rare and one
("kollega") is in most Danish texts. The baseline is `grep -ci WORD` over
the same texts written one posting per line (so it counts the postings
that hold the word, the question `search` answers; over the shards, one
line each, grep could stop at the first match in a shard), run in the same
loop, alternating, so a busy machine slows both. Three figures per query: `jobtrack search` as a subprocess (what a
user waits for, the interpreter's start included), the `search` use case in
this process (what the TUI's worker spends), and `grep -ci`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from jobtrack.app.search import search
from jobtrack.core import clock
from jobtrack.store import Store
from jobtrack.store.texts import TextShards

from bench_due import run_once
from bench_store import make_bundles

QUERIES = ("kubernetes", "kollega", "kollega kubernetes")
TARGET = 3.0  # times grep


def build_store(folder: Path, n: int) -> Path:
    path = folder / "jobs.json"
    bundles = make_bundles(n)
    for i, b in enumerate(bundles):
        if i % 50 == 0:
            b.text += " Erfaring med Kubernetes er et plus."
    store = Store(path)
    store.add_many(bundles)
    store.close()
    return path


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--postings", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    jobtrack = str(Path(sys.executable).with_name("jobtrack"))
    with tempfile.TemporaryDirectory(prefix="jobtrack-bench-search-") as tmp:
        db = build_store(Path(tmp), args.postings)
        shards = TextShards(db).shards()
        flat = Path(tmp) / "texts.txt"  # one posting's text per line
        flat.write_text("".join(" ".join(t.split()) + "\n" for s in shards for t in TextShards.read(s).values()),
                        encoding="utf-8")
        size = flat.stat().st_size
        print(f"{args.postings} postings, texts {size / 1e6:.1f} MB in {len(shards)} shards (machine shared: ratios, not seconds)")
        store = Store(db)
        now = clock.now()
        cold = timed(partial(search, store, QUERIES[0], now))
        print(f"first search, building the word lines of every shard: {cold * 1000:.0f} ms")
        env_db = ["--db", str(db)]
        worst = 0.0
        for query in QUERIES:
            word = query.split()[0]
            cli = [jobtrack, *env_db, "search", *query.split()]
            grep = ["grep", "-ci", word, str(flat)]
            found = len(search(store, query, now))
            assert found, query  # `search` exits 1 when nothing is found
            times: dict[str, list[float]] = {"cli": [], "in-process": [], "grep": []}
            run_once(cli)  # warm-up: page cache, .pyc files
            for _ in range(args.runs):
                times["cli"].append(run_once(cli))
                times["in-process"].append(timed(partial(search, store, query, now)))
                times["grep"].append(run_once(grep))
            med = {k: statistics.median(v) for k, v in times.items()}
            ratio_cli, ratio_in = med["cli"] / med["grep"], med["in-process"] / med["grep"]
            worst = max(worst, ratio_cli)
            print(f"{query!r:22} {found:>5} found   jobtrack search {med['cli'] * 1000:7.1f} ms ({ratio_cli:4.1f}× grep)   "
                  f"in process {med['in-process'] * 1000:7.1f} ms ({ratio_in:4.1f}× grep)   grep -ci {med['grep'] * 1000:6.1f} ms")
        print(f"worst `jobtrack search` / `grep -ci`: {worst:.1f}× (aim: within {TARGET:.0f}×)")


if __name__ == "__main__":
    main()
