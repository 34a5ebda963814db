"""Turn a source (URL, file path or "-" for stdin) into a `Document`.

`load_source` decides where the bytes come from; `document_from_bytes`
decides what they are (PDF, HTML or text, by content type and magic bytes)
and how to decode them. HTML and PDF parsers are imported only when such a
document turns up, so fast CLI commands do not pay for them.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

from jobtrack.document import Document
from jobtrack.sanitize import clean_text

MAX_FILE_BYTES = 20 * 1024 * 1024
PASTE_HINT = 'copy the posting\'s text and use "jobtrack add -" to paste it'

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_PDF_TYPES = {"application/pdf", "application/x-pdf"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_BARE_DOMAIN = re.compile(r"^(www\.[\w.-]+|[\w-]+(\.[\w-]+)*\.[a-zA-Z]{2,}/)")
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.+-]+)""")
# Each comment is matched atomically: a regex free to stretch one comment over
# the next took exponential time on a head of many "<!---->".
_HTML_START = re.compile(rb"^(?>\s*<!--.*?-->)*\s*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


class SourceError(Exception):
    """A source could not be read; the message is one line for the user."""


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
        from jobtrack.pdf import pdf_to_text

        text = pdf_to_text(raw, source)
        return Document(text=text, source=source, kind="pdf", raw=raw, content_type="application/pdf")
    if kind == "html":
        return _html_document(raw, charset, source)
    text = clean_text(decode_text(raw, charset))
    if not text.strip():
        raise SourceError(f"{_name(source)} contains no text")
    return Document(text=text, source=source, kind="text", raw=raw, content_type="text/plain")


def sniff_kind(raw: bytes) -> str:
    """Guess "pdf", "html", "text" or "binary" from the first bytes."""
    head = raw[:4096]
    if b"%PDF-" in raw[:1024]:
        return "pdf"
    for bom, _ in _BOMS:
        if head.startswith(bom):
            return "html" if _HTML_START.match(_strip_bom(head)) else "text"
    if b"\x00" in head:
        return "binary"
    if _HTML_START.match(head):
        return "html"
    return "text"


def decode_text(raw: bytes, declared: str | None = None, *, html: bool = False) -> str:
    """Decode with BOM, then the declared charset, then <meta>, then guesses.

    A BOM is unambiguous so it wins (as in the HTML standard). Pages that
    declare UTF-8 but are really Latin-1 are common on old portals, so a
    declared charset that does not fit falls back to UTF-8, then cp1252.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    candidates = [declared, _meta_charset(raw) if html else None, "utf-8", "cp1252"]
    for name in candidates:
        codec = _codec(name)
        if codec is None:
            continue
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


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
    from jobtrack.fetch import FetchError, fetch

    fetched = fetch(url)
    content_type = fetched.content_type
    if fetched.charset:
        content_type += f"; charset={fetched.charset}"
    try:
        return document_from_bytes(fetched.body, content_type, fetched.url)
    except FetchError:
        raise
    except SourceError as exc:
        raise SourceError(f"{exc} — {PASTE_HINT}") from None


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
    from jobtrack.htmltext import PageTooComplex, html_to_document

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


def _meta_charset(raw: bytes) -> str | None:
    """The charset from <meta charset>, <meta http-equiv> or <?xml encoding>."""
    head = raw[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.match(head)
    return match.group(1).decode("ascii") if match else None


def _codec(name: str | None) -> str | None:
    """A Python codec for a web charset label, None if unknown.

    Browsers read "iso-8859-1" and "ascii" as windows-1252, and so do we:
    such pages often hold cp1252 quotes and euro signs. UTF-16 labels
    without a BOM are ignored (the bytes are ASCII-compatible if we got
    this far).
    """
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip())
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # "base64", "rot13", "zlib" are codecs too, but not of text
    codec = info.name
    if codec in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        return None
    return codec


def _strip_bom(head: bytes) -> bytes:
    """The first bytes without a UTF-8 BOM (UTF-16 stays as it is)."""
    return head[len(codecs.BOM_UTF8):] if head.startswith(codecs.BOM_UTF8) else head


def _name(source: str) -> str:
    """How a source is named in messages."""
    return source or "the input"
