"""Posting extraction: facts with evidence from a `Document`.

    from jobtrack.extract import extract
    result = extract(document, as_of=date(2026, 11, 23))
    result.to_json()
"""

from jobtrack.extract.engine import extract
from jobtrack.extract.result import ExtractedContact, ExtractedEvent, Extraction, Fact

__all__ = ["extract", "Extraction", "Fact", "ExtractedEvent", "ExtractedContact"]
