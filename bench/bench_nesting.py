"""Benchmark HTML reading on hostile nesting: the time must grow linearly.

Run: .venv/bin/python bench/bench_nesting.py [--sizes 0.1,1,10] [--patterns table,div]

Each pattern (tables inside tables, lists inside lists, JSON-LD arrays
inside arrays, microdata items inside items, …) is built at each size in
MB, up to the 10 MB fetch cap, and read with `document_from_bytes` (the
path a fetched page takes: decode, parse, walk, JSON-LD, microdata).
The baseline, measured in the same run at the same sizes, is a flat page
of ordinary paragraphs. Two figures per row:
  growth = seconds at this size / seconds at the previous size, divided by
           the size ratio (1.0 = linear, 10 = quadratic over a 10x step)
  x flat = seconds / the flat baseline's seconds at the same size
Target: every page at 10 MB within 10 s and growth below 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from jobtrack.ingest.documents import document_from_bytes  # noqa: E402
from jobtrack.ingest.errors import SourceError  # noqa: E402

MB = 1024 * 1024
TARGET_SECONDS = 10.0
TARGET_GROWTH = 2.0


FILLER = "Ansøgningsfrist 14. april. "


def nested(open_: str, close: str, inner: str = "x") -> Callable[[int], str]:
    """`open_` (and a short sentence per element) repeated, then `close` repeated.

    The sentence keeps a 10 MB page under the element limit, so the page is
    read, not refused: this is the nesting the limit does not catch.
    """
    level = open_ + FILLER * 2 * open_.count("<")

    def build(size: int) -> str:
        n = max(1, size // (len(level) + len(close)))
        return f"<html><body>{level * n}{inner}{close * n}</body></html>"

    return build


def repeated(unit: str) -> Callable[[int], str]:
    """`unit` repeated to about `size` bytes (flat or never closed)."""

    def build(size: int) -> str:
        return f"<html><body>{unit * max(1, size // len(unit))}</body></html>"

    return build


def json_ld(open_: str, close: str) -> Callable[[int], str]:
    """A JobPosting whose one property nests `open_` … `close`."""

    def build(size: int) -> str:
        n = max(1, size // (len(open_) + len(close)))
        data = '{"@type": "JobPosting", "title": "Udvikler", "x": ' + open_ * n + "1" + close * n + "}"
        return f'<html><head><script type="application/ld+json">{data}</script></head><body><p>Job</p></body></html>'

    return build


def dense(unit: str) -> Callable[[int], str]:
    """`unit` repeated without text between: over the element limit at 10 MB."""
    return repeated(unit)


FLAT = repeated("<p>Ansøgningsfristen er 14. april 2026 kl. 12.00, skriv til os.</p>\n")
PATTERNS: dict[str, Callable[[int], str]] = {
    "table": nested("<table><tr><td>", "</td></tr></table>"),
    "div": nested("<div>", "</div>"),
    "ul-li": nested("<ul><li>", "</li></ul>"),
    "span": nested("<span>", "</span>"),
    "b-unclosed": repeated(f"<b>{FILLER * 2}"),
    "a-unclosed": repeated(f"<a href=x>{FILLER * 2}"),
    "p-unclosed": repeated(f"<p>{FILLER * 2}"),
    "dl": nested("<dl><dt>t</dt><dd>", "</dd></dl>"),
    "pre": nested("<pre>a\n", "</pre>"),
    "cookie-div": nested('<div class="cookie">', "</div>"),
    "sidebar-div": nested('<div class="sidebar">', "</div>"),
    "main": nested('<div role="main">', "</div>", "x" * 300),
    "footer": nested("<footer>", "</footer>"),
    "form": nested("<form><div>", "</div></form>"),
    "svg": nested("<svg><g>", "</g></svg>"),
    "microdata": nested('<div itemscope itemtype="https://schema.org/JobPosting" itemprop="x">', "</div>"),
    "microdata-props": nested('<div itemprop="x" itemscope itemtype="https://schema.org/Thing">', "</div>"),
    "json-ld-arrays": json_ld("[", "]"),
    "json-ld-objects": json_ld('{"a": ', "}"),
    "comment-open": repeated("<!--x"),
    "tag-unclosed": repeated("<a x"),
    "misnested": repeated(f"<b><i><p>{FILLER * 6}</b></i></p>"),
    "wide-table": repeated(f"<table><tr><td>{FILLER * 4}</td><td>{FILLER * 4}</td></tr></table>"),
    "dense-p": dense("<p>x"),
    "dense-div": dense("<div>"),
}


def measure(build: Callable[[int], str], size: int, repeat: int) -> tuple[float, str]:
    """Best seconds of `repeat` reads of the page, and "ok" or the one-line error it gave."""
    raw = build(size).encode()
    best = float("inf")
    outcome = "ok"
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            document_from_bytes(raw, "text/html; charset=utf-8", "bench")
        except SourceError as exc:
            outcome = f"refused: {str(exc).removeprefix('bench').lstrip(': ')[:44]}"
        best = min(best, time.perf_counter() - started)
    return best, outcome


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.1,1,10", help="page sizes in MB, comma-separated, rising")
    ap.add_argument("--patterns", default=",".join(PATTERNS), help="which patterns, comma-separated")
    ap.add_argument("--repeat", type=int, default=2, help="reads per page; the best counts")
    args = ap.parse_args()
    sizes = [int(float(s) * MB) for s in args.sizes.split(",")]
    chosen = {name: PATTERNS[name] for name in args.patterns.split(",")}
    flat = [measure(FLAT, size, args.repeat)[0] for size in sizes]
    head = f"{'pattern':<17}" + "".join(f"{s / MB:>8.1f} MB" for s in sizes) + f"{'growth':>9}{'x flat':>9}  outcome"
    print(head)
    print("-" * len(head))
    print(f"{'flat (baseline)':<17}" + "".join(f"{t:>9.2f}s" for t in flat) + f"{_growth(flat, sizes):>9.2f}{1:>9.1f}")
    worst_time = worst_growth = 0.0
    for name, build in chosen.items():
        runs = [measure(build, size, args.repeat) for size in sizes]
        times = [t for t, _ in runs]
        read = all(outcome == "ok" for _, outcome in runs[-2:])
        growth = _growth(times, sizes) if read else 0.0
        worst_time, worst_growth = max(worst_time, times[-1]), max(worst_growth, growth)
        cells = "".join(f"{t:>9.2f}s" for t in times)
        shown = f"{growth:>9.2f}" if read else f"{'-':>9}"
        print(f"{name:<17}{cells}{shown}{times[-1] / flat[-1]:>9.1f}  {runs[-1][1]}")
    print()
    print("growth = time ratio between the two largest sizes / their size ratio (1 = linear);")
    print("         '-' when the largest page is refused (too many elements), which is quick by design")
    print("x flat = time at the largest size / the flat page's time at that size")
    met = worst_time <= TARGET_SECONDS and worst_growth <= TARGET_GROWTH
    print(f"slowest {worst_time:.2f} s (target <= {TARGET_SECONDS:.0f} s), worst growth {worst_growth:.2f} "
          f"(target <= {TARGET_GROWTH:.0f}): {'met' if met else 'NOT met'}")
    return 0 if met else 1


def _growth(times: list[float], sizes: list[int]) -> float:
    """Time ratio of the two largest sizes over their size ratio."""
    if len(times) < 2 or times[-2] <= 0:
        return 1.0
    return (times[-1] / times[-2]) / (sizes[-1] / sizes[-2])


if __name__ == "__main__":
    raise SystemExit(main())
