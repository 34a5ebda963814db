"""Small text helpers shared by the extractors."""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
_MD = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|^#{1,6}\s*", re.MULTILINE)
_SOFT_HYPHEN = re.compile(r"(?<=[a-zæøåäöü])-\s*\n\s*(?=[a-zæøåäöü])")


def collapse(s: str) -> str:
    """Whitespace collapsed to single spaces, ends trimmed."""
    return _WS.sub(" ", s).strip()


def clean(s: str) -> str:
    """Readable text of a span: Markdown marks dropped, whitespace collapsed.

    Words hyphenated across a line break are joined ("HR-\\nkonsulent" keeps
    its hyphen only when the next part is capitalised).
    """
    s = _SOFT_HYPHEN.sub("-", s)
    s = _MD.sub("", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)  # markdown links
    return collapse(s)


_CONTROL = {c: " " for c in [*range(0, 9), 11, 12, *range(14, 32), *range(0x7F, 0xA0)]}


_HAS_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def sanitize(text: str) -> str:
    """Control characters replaced by spaces, keeping length and newlines.

    Offsets stay valid because every character maps to one character
    ("\\r" too, so Windows line ends become a space before the newline).
    """
    if not _HAS_CONTROL.search(text):
        return text
    return text.translate(_CONTROL)


_LONG_LINE = 1000
_GAP = re.compile(r"[ \t\u00a0]{2,}")
_WIDE = re.compile(r"[^\n]{%d,}" % _LONG_LINE)


def _has_wide_line(text: str) -> bool:
    """Whether any line is longer than `_LONG_LINE` (plain search: faster than a regex)."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            return len(text) - start >= _LONG_LINE
        if end - start >= _LONG_LINE:
            return True
        start = end + 1


def reflow(text: str) -> str:
    """Line breaks back where a paste lost them, keeping every offset.

    Text copied out of a table or a job board's export often arrives as one
    long line in which headings and paragraphs are set apart by runs of
    spaces. In a line of more than 1000 characters the first space of each
    such run becomes a newline, so headings and labelled lines read as lines.
    """
    if not _has_wide_line(text):
        return text

    def breaks(m: re.Match[str]) -> str:
        return _GAP.sub(lambda g: "\n" + g.group()[1:], m.group())

    return _WIDE.sub(breaks, text)
