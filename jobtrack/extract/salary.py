"""Salary figures: amounts and ranges with a currency and a period.

Only figures count ("Løn efter overenskomst" is no salary). An amount needs
a currency, and a salary word or a period nearby, so "28.000 ansatte" and
"budget på 2 mio. kr." stay out.
"""

from __future__ import annotations

import re
from functools import cache

from jobtrack.extract import lexicon
from jobtrack.extract.result import Fact
from jobtrack.extract.sentences import Span
from jobtrack.extract.text import clean


@cache
def _pattern(langs: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    cur = lexicon.alternation(lexicon.words("salary.currency", langs))
    scale = lexicon.alternation(lexicon.words("salary.thousand", langs) + lexicon.words("salary.million", langs))
    periods = (lexicon.words("salary.period_year", langs) + lexicon.words("salary.period_month", langs)
               + lexicon.words("salary.period_hour", langs))
    per = lexicon.alternation(periods)
    num = rf"\d{{1,3}}(?:[.,  ]\d{{3}})+(?:[.,]\d{{1,2}})?|\d+(?:[.,]\d+)?(?:[ \t]*{scale}(?!\w))?"
    amount = rf"(?:{cur}[ \t]*)?(?:{num})(?:[ \t]*{cur})?"
    rng = rf"(?:{lexicon.alternation(['-', '–', '—'] + lexicon.words('salary.range', langs))})"
    full = re.compile(
        rf"(?<![\w.,])(?P<amt>{amount}(?:[ \t]*{rng}[ \t]*{amount})?)"
        rf"(?P<per>[ \t]*(?:{per})(?!\w))?", re.I)
    has_cur = re.compile(rf"(?<![^\W\d_]){cur}", re.I)  # "350–400€": a figure may touch it
    cue = lexicon.cue("cues.salary", langs).pattern
    ranged = re.compile(rf"[-–]|{lexicon.alternation(lexicon.words('salary.range', langs))}", re.I)
    return full, has_cur, cue, ranged


def find_salary(text: str, sentences: list[Span], langs: tuple[str, ...]) -> Fact[str] | None:
    """The first salary figure with a currency in a salary sentence."""
    full, has_cur, cue, ranged = _pattern(langs)
    best = None
    for sent in sentences:
        seg = text[sent.start:sent.end]
        if not re.search(r"\d", seg):
            continue
        cued = cue.search(seg) is not None
        for m in full.finditer(seg):
            amt = m.group("amt")
            if not has_cur.search(amt) or not re.search(r"\d", amt):
                continue
            if not cued and not m.group("per"):
                continue
            value = clean(m.group(0)).strip(" -–")
            score = (int(cued) + int(bool(m.group("per"))) + int(bool(ranged.search(amt))))
            if best is None or score > best[0]:
                best = (score, value, sent)
    if best is None:
        return None
    score, value, sent = best
    return Fact(value, sent.text, 0.5 + 0.15 * score, sent.start, sent.end)
