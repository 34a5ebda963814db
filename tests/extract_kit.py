"""Helpers for the extraction tests: load fixtures and score like the shared scorer.

HTML fixtures are turned into a `Document` here with a deliberately crude
converter, so the extraction tests do not depend on `jobtrack.ingest.documents`.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the package may not be installed in the test environment
    sys.path.insert(0, str(ROOT))

from jobtrack.core.document import Document  # noqa: E402

FIXTURES = Path(__file__).with_name("fixtures") / "extract"
SHARED_POSTINGS = ROOT.parent / "shared" / "postings"
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
POSTING_NAMES = ("posting.html", "posting.htm", "posting.txt", "posting.md")

_BLOCK = re.compile(r"(?i)<\s*/?\s*(?:br|p|div|li|ul|ol|h[1-6]|dt|dd|dl|tr|section|header|footer|"
                    r"nav|aside|main|article|form)\b[^>]*>")


def _jsonld(raw: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in re.finditer(r'(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>', raw):
        body = re.sub(r",\s*([}\]])", r"\1", m.group(1))
        try:
            data = json.loads(body)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and "@graph" in item:
                items.extend(item["@graph"])
            elif isinstance(item, dict) and item.get("@type") == "JobPosting":
                out.append(item)
    return out


def html_document(raw: str, source: str = "") -> Document:
    """A crude HTML → Document: blocks become lines, JSON-LD is parsed."""
    title = re.search(r"(?is)<title[^>]*>(.*?)</title>", raw)
    body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", raw)
    body = _BLOCK.sub("\n", body)
    body = html.unescape(re.sub(r"<[^>]+>", "", body))
    text = "\n".join(line.strip() for line in body.splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return Document(text=text, source=source, kind="html",
                    title_hint=html.unescape(title.group(1)).strip() if title else None,
                    structured=_jsonld(raw), raw=raw.encode(), content_type="text/html")


def load(folder: Path) -> tuple[Document, dict[str, Any]]:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    path = next(folder / n for n in POSTING_NAMES if (folder / n).exists())
    raw = path.read_text(encoding="utf-8")
    doc = html_document(raw, str(path)) if path.suffix in (".html", ".htm") else \
        Document(text=raw, source=str(path))
    return doc, labels


def scorer() -> ModuleType:
    """The shared scorer; the test skips in a clone without ../shared beside it."""
    if not SCORER.is_file():
        import pytest

        pytest.skip(f"../shared/tools/{SCORER.name} is absent (a clone without ../shared beside it)")
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def folders(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if (p / "labels.json").is_file()
                  and any((p / n).exists() for n in POSTING_NAMES))
