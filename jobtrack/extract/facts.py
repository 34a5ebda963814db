"""Small facts: working hours, number of positions, location."""

from __future__ import annotations

import re
from functools import cache

from jobtrack.extract.result import Fact
from jobtrack.extract.sentences import Span
from jobtrack.extract.text import clean
from jobtrack.lang import lexicon


@cache
def _hours(langs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    kinds = lexicon.words("hours.full_time", langs) + lexicon.words("hours.part_time", langs)
    per_week = lexicon.alternation(lexicon.words("hours.per_week", langs))
    kind = re.compile(rf"(?<!\w){lexicon.alternation(kinds)}", re.I)
    hours = re.compile(rf"(?<![\w.,])\d{{1,2}}(?:[,.]\d{{1,2}})?(?:\s*[-–]\s*\d{{1,2}})?\s*{per_week}", re.I)
    return kind, hours


def find_hours(text: str, sentences: list[Span], langs: tuple[str, ...]) -> Fact[str] | None:
    """"Fuldtid", "37 timer om ugen", "part-time, 30 hours per week"."""
    kind, hours = _hours(langs)
    for sent in sentences:
        seg = text[sent.start:sent.end]
        h = hours.search(seg)
        k = kind.search(seg)
        if h or k:
            parts = [clean(x.group()) for x in (k, h) if x]
            return Fact(", ".join(parts), sent.text, 0.8, sent.start, sent.end)
    return None


def find_positions(text: str, sentences: list[Span], langs: tuple[str, ...]) -> Fact[int] | None:
    """"søger to kontorchefer" → 2; only counts above one are reported."""
    numbers = lexicon.table("numbers", langs)
    hiring = lexicon.alternation(lexicon.words("cues.hiring", langs))
    num = lexicon.alternation(numbers)
    pat = re.compile(rf"(?<!\w){hiring}\s+(?P<n>{num}|\d{{1,2}})\s+(?P<w>[^\W\d]+)", re.I)
    for sent in sentences:
        m = pat.search(text, sent.start, sent.end)
        if not m:
            continue
        n = m.group("n").casefold()
        value = int(n) if n.isdigit() else numbers.get(n, 1)
        # a plural noun after it: "to kontorchefer", "two engineers"
        if value > 1 and m.group("w").casefold().endswith(tuple(lexicon.words("plural_endings", langs))):
            return Fact(value, sent.text, 0.8, sent.start, sent.end)
    return None


def find_location(text: str, sentences: list[Span], langs: tuple[str, ...]) -> Fact[str] | None:
    """A labelled workplace: "Arbejdssted: Aarhus", "Location: London"."""
    cue = lexicon.alternation(lexicon.words("cues.location", langs))
    pat = re.compile(rf"(?im)^[ \t*]*{cue}[ \t*]*:[ \t*]*(?P<v>[^\n]{{2,80}})$")
    m = pat.search(text)
    if not m:
        return None
    return Fact(clean(m.group("v")), clean(m.group(0)), 0.8, m.start(), m.end())
