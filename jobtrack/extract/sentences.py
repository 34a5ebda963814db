"""Split posting text into sentence spans with offsets into the text.

Postings are prose, fact boxes ("Ansøgningsfrist: 14.04.2026") and PDF
output with a blank line after every line. Spans keep offsets into the
original text so evidence can be highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from jobtrack.extract.text import collapse
from jobtrack.lang import lexicon

_END = re.compile(r"[.!?](?=[\"”’)*]*\s+[\"“„*#(]*[A-ZÆØÅÄÖÜ•●▪·])")
_BULLET = "●•▪·◦‣∙■□➢►✓✔-–*"
_LAST_WORD = re.compile(r"([\w.]+)$")
# "Empfehlungsschreiben ei-" over "nes/r …": a word broken at the line end, no bullet.
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_KEY_VALUE = re.compile(r"[^\W\d][\w .,/()&-]{0,38}:[ \t]*\S")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str  # whitespace-collapsed

    def __contains__(self, pos: int) -> bool:
        return self.start <= pos < self.end


def _double_spaced(text: str) -> bool:
    """PDF text with a blank line after nearly every line."""
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonblank) < 6:
        return False
    followed = sum(1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].strip())
    return followed / len(nonblank) > 0.6


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trailing whitespace trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        seg = m.group()
        if not seg.strip():
            continue
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        out.append((s, e))
    return out


def first_lines(text: str, n: int) -> list[tuple[int, int]]:
    """`lines(text)[:n]`, reading only as much of a long text as it needs."""
    limit = 200 * (n + 1)
    if len(text) > limit:
        head = lines(text[:limit])
        if len(head) > n:  # the n-th line ended before the cut
            return head[:n]
    return lines(text)[:n]


@cache
def _abbreviations() -> frozenset[str]:
    """Words whose full stop does not end a sentence, in every language."""
    return frozenset(lexicon.words("abbreviations"))


_NEXT_WORD = re.compile(r"[\W_]*?(\w+)")


@cache
def _months() -> frozenset[str]:
    return frozenset(lexicon.table("months"))


def _month_follows(text: str, pos: int) -> bool:
    m = _NEXT_WORD.match(text, pos, pos + 30)
    return m is not None and m.group(1).casefold() in _months()


@cache
def _dangling() -> frozenset[str]:
    return frozenset(lexicon.words("title.dangling"))


def _breaks(text: str) -> list[int]:
    """Offsets where a new sentence starts.

    A line that stops well short of the text's usual line width ends a
    paragraph, a heading or a list item, unless it ends in a comma, a colon
    or a word that needs a continuation ("i", "og").
    """
    cuts: set[int] = set()
    double = _double_spaced(text)
    para = r"\n(?:[ \t]*\n){2,}" if double else r"\n[ \t]*\n"
    for m in re.finditer(para, text):
        cuts.add(m.end())
    for m in _END.finditer(text):
        word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
        if word and word.group(1).casefold().lstrip(".") in _abbreviations():
            continue
        if word and re.fullmatch(r"\d{1,2}", word.group(1)) and _month_follows(text, m.end()):
            continue  # "den 15. August": a date, not an end; "vecka 10. Välkommen" is one
        cuts.add(m.end())
    spans = lines(text)
    lengths = sorted(e - s for s, e in spans)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        if not i:
            continue
        ps, pe = spans[i - 1]
        prev = text[ps:pe]
        if (line[0] in _BULLET or line.startswith("#") or _KEY_VALUE.match(line)
                or prev[-1] in _BULLET and not _HYPHENATED.search(prev)
                or prev.startswith("#") or _KEY_VALUE.match(prev)):
            cuts.add(s)
            continue
        last = prev.split()[-1].casefold() if prev.split() else ""
        if (pe - ps < 0.6 * width and prev[-1] not in ",:;-–(" and last not in _dangling()):
            cuts.add(s)
        elif prev.rstrip()[-1] in ":,;(-–" or last in _dangling():
            cuts.discard(s)  # "Ansøgningsfrist:" over its value: one sentence
    return sorted(cuts)


def split(text: str) -> list[Span]:
    """Sentence spans over `text`, in order, blank ones dropped."""
    out = []
    points = [0] + _breaks(text) + [len(text)]
    for a, b in pairwise(points):
        seg = text[a:b]
        if not seg.strip():
            continue
        a += len(seg) - len(seg.lstrip())
        b -= len(seg) - len(seg.rstrip())
        out.append(Span(a, b, collapse(text[a:b])))
    return out
