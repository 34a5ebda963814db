"""Posting extraction: facts with evidence from a `Document`.

    from jobtrack.extract import extract
    result = extract(document, as_of=date(2026, 11, 23))
    result.to_json()
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jobtrack.extract.engine import extract
    from jobtrack.extract.result import ExtractedContact, ExtractedEvent, Extraction, Fact

__all__ = ["extract", "Extraction", "Fact", "ExtractedEvent", "ExtractedContact"]
_HOMES = {"extract": "engine", "Extraction": "result", "Fact": "result", "ExtractedEvent": "result", "ExtractedContact": "result"}


def __getattr__(name: str) -> Any:
    """Load the engine on first use: `jobtrack.lang.human_dates` needs only the vocabulary,
    and quick commands such as `jobtrack due` must not pay for the whole engine."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
