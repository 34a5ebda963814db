"""A fetched or loaded posting, reduced to what extraction reads.

Fetching (`jobtrack.ingest.fetch`) produces the raw bytes; `jobtrack.ingest.documents`
turns HTML, PDF or text into a `Document`. Extraction only ever sees a
`Document`, so it stays a pure function of its input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """The posting as plain text with paragraph breaks kept.

    `structured` holds schema.org JobPosting objects (from JSON-LD or
    microdata) found in an HTML page, already parsed into dicts.
    """

    text: str
    source: str = ""
    kind: str = "text"  # "text", "html" or "pdf"
    title_hint: str | None = None  # the HTML <title> or first <h1>, if any
    structured: list[dict[str, Any]] = field(default_factory=list)
    raw: bytes = b""  # the original bytes, kept with the posting
    content_type: str = "text/plain"
    site_names: tuple[str, ...] = ()  # og:site_name and the HTML <title>, for the employer
