"""Salary: money figures and ranges, or a pay scale ("Grade 7", "lønramme 37").

Only figures count ("Løn efter overenskomst" is no salary). Every amount
with a currency is a candidate, scored by general features: a salary word
in its sentence or on the label line above it, a period after it, a range,
a short fact-box line of its own. An amount that an allowance word owns
("London weighting of £3,000", "funktionstillæg på 2.000 kr.") loses to the
main figure, so "28.000 ansatte" and "budget på 2 mio. kr." stay out too. A
pay scale is the salary when no figure is given; beside a figure it is kept
in front of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jobtrack.extract.result import Fact
from jobtrack.extract.sentences import Span
from jobtrack.extract.text import clean
from jobtrack.lang import lexicon

_SP = r"[^\S\n]*"
_THOUSANDS = re.compile(r"\d[.,\u00a0 ]\d{3}(?!\d)|\d[ \t]?k(?!\w)", re.I)  # spaces on one line, a no-break space too
# "UCL07", "TV-L 13", "E 13", "LR11", "7", "6-7": a code ending in a small number
_CODE = (r"(?:[A-ZÆØÅÄÖÜ][A-Za-zÆØÅÄÖÜæøåäöü]{0,3}(?:-[A-Z])?[ \t]?)?\d{1,2}[a-z]?(?![\d.,]\d|\d)"
         r"(?:[ \t]*[-–/][ \t]*\d{1,2}[a-z]?(?!\d))?")


@dataclass(frozen=True)
class _Pats:
    money: re.Pattern[str]
    currency: re.Pattern[str]
    cue: re.Pattern[str]
    scale: re.Pattern[str]
    allowance: re.Pattern[str]
    plus: re.Pattern[str]


@cache
def _patterns(langs: tuple[str, ...]) -> _Pats:
    def alt(path: str) -> str:
        return lexicon.alternation(lexicon.words(path, langs))

    cur = alt("salary.currency")
    scale = lexicon.alternation(lexicon.words("salary.thousand", langs) + lexicon.words("salary.million", langs))
    per = lexicon.alternation(lexicon.words("salary.period_year", langs) + lexicon.words("salary.period_month", langs)
                              + lexicon.words("salary.period_hour", langs))
    # "284.801,00", "2.000,-", "45k"
    num = (rf"\d{{1,3}}(?:[.,\u00a0 ]\d{{3}})+(?:[.,]\d{{1,2}}|[.,]-)?"
           rf"|\d+(?:[.,]\d+)?(?:{_SP}{scale}(?!\w))?(?:[.,]-)?")
    amount = rf"(?:{cur}{_SP})?(?:{num})(?:{_SP}{cur}(?!\w))?"
    rng = rf"(?:[-–—]|{alt('salary.range')}(?!\w))"
    money = re.compile(rf"(?<![\w.,])(?P<amt>(?P<one>{amount})(?:{_SP},?{_SP}{rng}{_SP}(?P<two>{amount}))?)"
                       rf"(?P<per>{_SP}(?:{per})(?!\w))?"
                       rf"(?P<later>[^\n.;\d]{{0,25}}?(?<!\w)(?:{per})(?!\w))?", re.I)
    return _Pats(
        money=money,
        currency=re.compile(rf"(?<!\w){cur}", re.I),
        cue=lexicon.cue("cues.salary", langs).pattern,
        # "Grade: UCL07", "lønramme 37", or the code first: "E 13 TV-L"
        scale=re.compile(rf"(?<!\w)(?:(?i:{alt('salary.scale')}){_SP}[:.]?{_SP}(?P<code>{_CODE})"
                         rf"|(?P<code2>[A-Z]{{1,3}}[ \t]?\d{{1,2}})[ \t]+(?i:{alt('salary.scale')})(?!\w))"),
        allowance=re.compile(rf"(?<!\w)\w*{alt('salary.allowance')}", re.I),
        plus=re.compile(rf"\+|(?<!\w){alt('salary.plus')}(?!\w)", re.I),
    )


def _owned_by_allowance(seg: str, m: re.Match[str], p: _Pats) -> bool:
    """An allowance word just before the amount, or right after it without a "+" between.

    A salary word nearer the amount wins: "a generous pension and a salary of £40,000".
    """
    before = re.split(r"[\d;!?]|\.\s", seg[max(0, m.start() - 40):m.start()])[-1]
    last_cue = max((c.end() for c in p.cue.finditer(before)), default=0)
    if p.allowance.search(before, last_cue):
        return True
    after = seg[m.end("amt"):m.end("amt") + 30]
    words = after.split()[:3]
    return bool(words) and not p.plus.match(after.strip()) and p.allowance.search(" ".join(words)) is not None


def _figures(seg: str, labelled: bool, fact_line: bool, p: _Pats) -> list[tuple[float, str]]:
    """Scored money candidates of one sentence, with their text."""
    out = []
    for m in p.money.finditer(seg):
        amt = m.group("amt")
        has_cur = p.currency.search(amt) is not None
        has_per = bool(m.group("per") or m.group("later"))
        is_range = m.group("two") is not None
        # a bare range counts on a fact line of its own ("Leeds · £38,000 - £41,500"), not
        # in a sentence about turnover
        if not (labelled or has_per or (is_range and fact_line)):
            continue
        # no currency: a labelled amount in thousands with a period or a range
        # ("Salary: 35,000 - 40,000 per annum"), never a bare number or a year
        if not has_cur and not (labelled and (has_per or is_range) and _THOUSANDS.search(amt)):
            continue
        score = (2 * labelled + has_per + is_range + 0.5 * fact_line
                 - 3 * _owned_by_allowance(seg, m, p) - 0.5 * (not has_cur))
        if score > 0:
            out.append((score, clean(amt + (m.group("per") or m.group("later") or "")).strip(" -–")))
    return out


def find_salary(text: str, sentences: list[Span], langs: tuple[str, ...]) -> Fact[str] | None:
    """The best-scored salary figure, or else a pay scale."""
    p = _patterns(langs)
    best: tuple[float, str, Span] | None = None
    scale: tuple[float, str, Span] | None = None
    label_above = False
    for sent in sentences:
        seg = text[sent.start:sent.end]
        if not re.search(r"\d", seg):
            # "Salary" alone on a line labels the figure under it
            label_above = len(sent.text.split()) <= 4 and p.cue.search(seg) is not None
            continue
        labelled, label_above = label_above or p.cue.search(seg) is not None, False
        sm = p.scale.search(seg)
        if sm and (scale is None or labelled and scale[0] < 2):
            scale = (2.0 * labelled + 0.5, clean(sm.group()), sent)
        if not labelled and not p.currency.search(seg):
            continue
        for score, value in _figures(seg, labelled, len(sent.text.split()) <= 8, p):
            if best is None or score > best[0]:
                # a pay scale in the figure's sentence is kept in front of it
                best = (score, f"{clean(sm.group())}, {value}" if sm else value, sent)
    chosen = best or scale
    if chosen is None:
        return None
    score, value, sent = chosen
    return Fact(value, sent.text, min(0.95, 0.45 + 0.15 * score), sent.start, sent.end)


def _amounts(s: str) -> list[str]:
    """The whole figures of a salary text: "£31,365 - £37,890" -> ["31365", "37890"]."""
    return [re.sub(r"\D", "", n.split(",")[0] if re.search(r",\d{2}$", n) else n)
            for n in re.findall(r"\d+(?:[.,\u00a0 ]\d{3})*(?:,\d{2})?", s)]


def choose(structured: Fact[str] | None, found: Fact[str] | None) -> Fact[str] | None:
    """JSON-LD's salary, unless the text says more about the same pay.

    A baseSalary without figures ("Competitive") or with only one end of the
    range the text gives loses to the text.
    """
    if structured is None or found is None:
        return structured or found
    ours, theirs = _amounts(found.value), _amounts(structured.value)
    if not theirs or (set(theirs) < set(ours)):
        return found
    return structured
