"""Turn a source (URL, file path or "-" for stdin) into a `Document`.

`load_source` decides where the bytes come from; `document_from_bytes`
decides what they are (PDF, HTML or text, by content type and magic bytes)
and how to decode them. HTML and PDF parsers are imported only when such a
document turns up, so fast CLI commands do not pay for them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from jobtrack.core.document import Document
from jobtrack.core.sanitize import clean_text
from jobtrack.ingest.encoding import decode_text, sniff_kind
from jobtrack.ingest.errors import SourceError

MAX_FILE_BYTES = 20 * 1024 * 1024

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_PDF_TYPES = {"application/pdf", "application/x-pdf"}
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_BARE_DOMAIN = re.compile(r"^(www\.[\w.-]+|[\w-]+(\.[\w-]+)*\.[a-zA-Z]{2,}/)")
# the next took exponential time on a head of many "<!---->".
def load_source(source: str) -> Document:
    """Read a URL, a file or stdin ("-") into a `Document`."""
    if source == "-":
        return _from_stdin()
    if _URL.match(source):
        return _from_url(source)
    path = Path(source).expanduser()
    if not path.exists() and _BARE_DOMAIN.match(source):
        # Guessing "https://" could send a mistyped file name to the network.
        raise SourceError(f"no such file: {source} (for a web page, give the whole address: https://{source})")
    return _from_file(path, source)


def document_from_bytes(raw: bytes, content_type: str = "", source: str = "") -> Document:
    """Build a `Document` from bytes; `content_type` may carry "; charset=".

    Magic bytes win over the declared type: servers and file names lie,
    a PDF served as text/html is still a PDF, and a page saved as .txt
    (starting with <!DOCTYPE html> or <html>) still reads better as HTML.
    """
    media_type, charset = _split_content_type(content_type)
    kind = _choose_kind(raw, media_type, source)
    if kind == "pdf":
        from jobtrack.ingest.pdf import pdf_to_text

        text = pdf_to_text(raw, source)
        return Document(text=text, source=source, kind="pdf", raw=raw, content_type="application/pdf")
    if kind == "html":
        return _html_document(raw, charset, source)
    text = clean_text(decode_text(raw, charset))
    if not text.strip():
        raise SourceError(f"{_name(source)} contains no text")
    return Document(text=text, source=source, kind="text", raw=raw, content_type="text/plain")


def _from_stdin() -> Document:
    """Pasted text (or piped HTML/PDF) from standard input."""
    raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError(f"the input is too large (more than {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    if not raw.strip():
        raise SourceError("nothing was pasted: the input is empty")
    return document_from_bytes(raw, "", "stdin")


def _from_url(url: str) -> Document:
    """Fetch a URL; the final URL (after redirects) becomes the source."""
    from jobtrack.ingest.fetch import FetchError, fetch

    fetched = fetch(url)
    content_type = fetched.content_type
    if fetched.charset:
        content_type += f"; charset={fetched.charset}"
    try:
        return document_from_bytes(fetched.body, content_type, fetched.url)
    except FetchError:
        raise
    except SourceError as exc:
        raise SourceError(str(exc), paste_helps=True) from None


def _from_file(path: Path, shown: str) -> Document:
    """Read a local file with a size cap; the suffix hints at the type."""
    try:
        if path.is_dir():
            raise SourceError(f"{shown} is a folder, not a file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SourceError(f"no such file: {shown}") from None
    except OSError as exc:
        raise SourceError(f"cannot read {shown}: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError(f"{shown} is too large (more than {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    if not raw.strip():
        raise SourceError(f"{shown} is empty")
    return document_from_bytes(raw, _type_from_suffix(path), str(path))


def _type_from_suffix(path: Path) -> str:
    """A content type for well-known suffixes, "" to sniff the rest."""
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "text/html"
    if suffix == ".pdf":
        return "application/pdf"
    if suffix in _TEXT_SUFFIXES:
        return "text/plain"
    return ""


def _choose_kind(raw: bytes, media_type: str, source: str) -> str:
    """"pdf", "html" or "text"; raise for binary data that is none of them."""
    sniffed = sniff_kind(raw)
    if sniffed == "pdf":
        return "pdf"
    if media_type in _PDF_TYPES:
        raise SourceError(f"{_name(source)} is not a valid PDF (it does not start with %PDF-)")
    if sniffed == "binary":
        raise SourceError(f"{_name(source)} looks like a binary file, not a web page, PDF or text")
    if media_type in _HTML_TYPES or sniffed == "html":
        return "html"
    return "text"


def _html_document(raw: bytes, charset: str | None, source: str) -> Document:
    """Decode and convert HTML; refuse pages with nothing readable."""
    from jobtrack.ingest.htmltext import PageTooComplex, html_to_document

    try:
        doc = html_to_document(decode_text(raw, charset, html=True), source=source, raw=raw)
    except PageTooComplex as exc:
        raise SourceError(f"{_name(source)}: {exc}") from None
    if not doc.text.strip() and not doc.structured:
        raise SourceError(f"{_name(source)} has no readable text (the page may need JavaScript)")
    return doc


def _split_content_type(content_type: str) -> tuple[str, str | None]:
    """"text/html; charset=ISO-8859-1" -> ("text/html", "ISO-8859-1")."""
    media_type, _, params = content_type.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", params, re.IGNORECASE)
    return media_type.strip().lower(), match.group(1) if match else None


def _name(source: str) -> str:
    """How a source is named in messages."""
    return source or "the input"
