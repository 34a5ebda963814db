"""PDF -> plain text with pypdf, one paragraph block per page.

pypdf is pure Python and imported only here. A posting is a few pages;
the page cap keeps a 500-page annual report from stalling the CLI.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from jobtrack.core.sanitize import clean_text
from jobtrack.ingest.errors import SourceError

MAX_PAGES = 50


def pdf_to_text(raw: bytes, source: str = "", max_pages: int = MAX_PAGES) -> str:
    """Extract the text of the first `max_pages` pages, joined by blank lines.

    Raises `SourceError` for encrypted, broken or text-less (scanned) PDFs.
    """
    name = source or "the PDF"
    with _quiet_pypdf():
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError, PyPdfError

        try:
            reader = PdfReader(io.BytesIO(raw))
            _unlock(reader, name)
            pages = [_page_text(page) for page in reader.pages[:max_pages]]
        except SourceError:
            raise
        except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
            raise SourceError(f"{name} could not be read as a PDF (the file is damaged or incomplete)", paste_helps=True) from None
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise SourceError(f"{name} contains no text (it may be a scanned image)", paste_helps=True)
    return text


def _unlock(reader: object, name: str) -> None:
    """Open PDFs "encrypted" with an empty password; refuse real passwords."""
    if not getattr(reader, "is_encrypted", False):
        return
    try:
        ok = reader.decrypt("")  # type: ignore[attr-defined]
    except Exception as exc:  # pypdf raises several types, e.g. for missing AES support
        raise SourceError(f"{name} is encrypted and cannot be opened ({type(exc).__name__})", paste_helps=True) from None
    if not ok:
        raise SourceError(f"{name} is password-protected", paste_helps=True)


def _page_text(page: object) -> str:
    """One page's text, cleaned, with runs of blank lines squeezed."""
    text = clean_text(page.extract_text() or "")  # type: ignore[attr-defined]
    lines = [line.rstrip() for line in text.split("\n")]
    squeezed: list[str] = []
    for line in lines:
        if line or (squeezed and squeezed[-1]):
            squeezed.append(line)
    return "\n".join(squeezed).strip()


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs warnings about odd files; they are not the user's business."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
