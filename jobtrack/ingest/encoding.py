"""What a stream of bytes is (PDF, HTML, text or binary) and how to decode it.

Shared by the fetcher, which sniffs what a server sends, and the document
loader, which decodes it; kept apart so neither imports the other.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.+-]+)""")
# Each comment is matched atomically: a regex free to stretch one comment over
# the next took exponential time on a head of many "<!---->".
_HTML_START = re.compile(rb"^(?>\s*<!--.*?-->)*\s*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


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
