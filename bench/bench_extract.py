"""Benchmark posting extraction: postings per second on one core.

Run: .venv/bin/python bench/bench_extract.py [--seconds 3]

Measures `jobtrack.extract.extract` on
  (a) text postings: ../shared/postings/*/posting.txt (falls back to
      tests/fixtures/extract/*/posting.* when that folder is absent), and
  (b) HTML fixtures (tests/fixtures/extract/*/posting.html and
      tests/fixtures/pages/*.html): HTML->text plus extract together, and
      extract alone on the already converted documents.
Each measure is compared with a "trivial scan" of the same documents: the
text lowercased and one date regex run over it with finditer. Extraction is
single-threaded, so the figures are for one core. Target: >= 100 postings/s.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from jobtrack.core.document import Document  # noqa: E402
from jobtrack.extract import extract  # noqa: E402
from jobtrack.ingest.documents import document_from_bytes, load_source  # noqa: E402

SHARED_POSTINGS = REPO.parent / "shared" / "postings"
FIXTURES = REPO / "tests" / "fixtures"
AS_OF = date(2026, 1, 15)  # fixed, so runs are comparable
TARGET = 100.0
_DATE = re.compile(r"\d{1,2}\. \w+ \d{4}")


def text_documents() -> tuple[str, list[Document]]:
    """The text postings, and where they came from."""
    paths = sorted(SHARED_POSTINGS.glob("*/posting.txt")) if SHARED_POSTINGS.is_dir() else []
    if paths:
        where = f"{SHARED_POSTINGS} ({len(paths)} posting.txt)"
    else:
        print(f"note: {SHARED_POSTINGS} is absent or has no posting.txt; using tests/fixtures/extract instead")
        paths = sorted(p for p in (FIXTURES / "extract").glob("*/posting.*") if p.suffix != ".pdf")
        where = f"tests/fixtures/extract ({len(paths)} postings)"
    return where, [load_source(str(p)) for p in paths]


def html_sources() -> list[tuple[bytes, str]]:
    """Raw bytes and names of the HTML fixtures."""
    paths = sorted((FIXTURES / "extract").glob("*/posting.html")) + sorted((FIXTURES / "pages").glob("*.html"))
    return [(p.read_bytes(), str(p)) for p in paths]


def trivial_scan(doc: Document) -> int:
    """The baseline: lowercase the text and run one regex over it."""
    return sum(1 for _ in _DATE.finditer(doc.text.lower()))


def rate(items: Sequence[object], work: Callable[[object], object], seconds: float) -> tuple[float, int]:
    """Items per second, running whole passes over `items` for ~`seconds`."""
    for item in items:  # warm-up: imports, regex compilation, caches
        work(item)
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for item in items:
            work(item)
        done += len(items)
        now = time.perf_counter()
        if now >= deadline:
            return done / (now - start), done


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="time per measure (default 3)")
    args = ap.parse_args()

    where, texts = text_documents()
    raw_html = html_sources()
    html_docs = [document_from_bytes(raw, "text/html", name) for raw, name in raw_html]
    print(f"text postings: {where}")
    print(f"HTML postings: {len(raw_html)} files from tests/fixtures/extract and tests/fixtures/pages")
    chars = sum(len(d.text) for d in texts)
    html_chars = sum(len(d.text) for d in html_docs)
    print(f"mean text size: {chars // max(1, len(texts))} chars; HTML as text: {html_chars // max(1, len(html_docs))} chars")
    print()

    rows: list[tuple[str, float, int, float]] = []

    def measure(label: str, items: Sequence[object], work: Callable[[object], object], docs: list[Document]) -> None:
        per_s, n = rate(items, work, args.seconds)
        base, _ = rate(docs, trivial_scan, args.seconds)
        rows.append((label, per_s, n, base / per_s))

    if texts:
        measure("(a) text: extract", texts, lambda d: extract(d, as_of=AS_OF), texts)
    if raw_html:
        measure(
            "(b) HTML: to text + extract",
            raw_html,
            lambda rn: extract(document_from_bytes(rn[0], "text/html", rn[1]), as_of=AS_OF),
            html_docs,
        )
        measure("(b) HTML: extract alone", html_docs, lambda d: extract(d, as_of=AS_OF), html_docs)

    head = f"{'measure':<30} {'postings/s':>11} {'runs':>7} {'trivial scan / this':>20} {'target':>8}"
    print(head)
    print("-" * len(head))
    ok = True
    for label, per_s, n, ratio in rows:
        met = per_s >= TARGET
        ok &= met
        print(f"{label:<30} {per_s:>11.1f} {n:>7} {ratio:>19.0f}x {'ok' if met else 'BELOW':>8}")
    print()
    print("ratio = how many times faster the trivial scan (lowercase + one regex) reads the same documents")
    print(f"target >= {TARGET:.0f} postings/s: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
