"""Turn a source (URL, file path or "-" for stdin) into a `Document`."""

from __future__ import annotations

import sys
from pathlib import Path

from jobtrack.document import Document


class SourceError(Exception):
    """A source could not be read; the message is one line for the user."""


def load_source(source: str) -> Document:
    if source == "-":
        raw = sys.stdin.buffer.read()
        return Document(text=raw.decode("utf-8", errors="replace"), source="stdin", raw=raw)
    path = Path(source)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {source}: {exc.strerror or exc}") from None
    return Document(text=raw.decode("utf-8", errors="replace"), source=str(path), raw=raw)
