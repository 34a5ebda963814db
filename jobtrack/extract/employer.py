"""The employer: the organisation named most often in organisation form.

"Aarhus Kommune", "Region Midtjylland", "Novo Nordisk A/S", "Aarhus
Universitet", "University of Copenhagen", "Acme Ltd" are recognised by the
organisation words in the vocabulary; an "Om X" / "About X" heading counts
extra. The department is what the text places "i"/"in" the employer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections import Counter
from functools import cache

from jobtrack.extract import lexicon
from jobtrack.extract.result import Fact
from jobtrack.extract.text import clean

_UP = "A-ZÆØÅÄÖÜ"
_CAP = rf"[{_UP}][\w&.'’-]*"
_WORDS = re.compile(r"[\w/]+")


@cache
def _prefixes() -> frozenset[str]:
    """Organisation words that come before the name: "Region X", "University of X"."""
    return frozenset(lexicon.words("names.org_prefixes"))


@cache
def _org_words() -> frozenset[str]:
    return frozenset(lexicon.words("names.org_suffixes")) | _prefixes()


def _hits(text: str) -> Iterator[re.Match[str]]:
    """Matches of the organisation pattern, tried only where an organisation word is."""
    pat, words = _pattern(), _org_words()
    starts = {w.start() for w in _WORDS.finditer(text) if w.group().casefold() in words}
    starts.update(m.start() for m in _compound_pattern().finditer(text))
    last = -1
    for pos in sorted(starts):
        if pos < last:
            continue
        m = pat.match(text, pos)
        if m:
            last = m.end()
            yield m


@cache
def _compound_pattern() -> re.Pattern[str]:
    """"Digitaliseringsstyrelsen", "Universitetshospital": an organisation word ending a
    capitalised compound."""
    ends = lexicon.alternation(lexicon.words("names.org_compound_endings"))
    return re.compile(rf"(?<![\w-])[{_UP}][\w-]{{2,}}(?i:{ends})(?![\w/])")


@cache
def _pattern() -> re.Pattern[str]:
    """Organisation words; the name is read around each hit.

    Only the organisation words ignore case: the name words must be
    capitalised ("Universitet opslår" is no name). After a connector
    ("Styrelsen for", "University of") one "og"/"and" may join a second word.
    """
    suf = lexicon.alternation(lexicon.words("names.org_suffixes"))
    pre = lexicon.alternation(_prefixes())
    conn = lexicon.alternation(lexicon.words("names.org_connectors"))
    conj = lexicon.alternation(lexicon.words("dates.conjunction"))
    cpd = lexicon.alternation(lexicon.words("names.org_compound_endings"))
    name = rf"{_CAP}(?:[ \t]+{_CAP}){{0,2}}"
    return re.compile(rf"(?<![\w-])(?:(?P<p>(?i:{pre}))[ \t]+(?:(?P<c>(?i:{conn}))[ \t]+(?P<bc>{name}"
                      rf"(?:[ \t]+{conj}[ \t]+{_CAP})?)|(?P<b>{name}))"
                      rf"|(?P<s>(?i:{suf}))(?![\w/])|(?P<x>[{_UP}][\w-]{{2,}}(?i:{cpd}))(?![\w/]))")


_BEFORE = re.compile(rf"(?:^|(?<=[^\w-]))(?P<a>(?:{_CAP}[ \t]+){{0,3}}{_CAP})[ \t]+$")


@cache
def _genitive() -> re.Pattern[str]:
    """"Aarhus Kommunes": an organisation word in the genitive, its base form captured."""
    bases = sorted(_org_words(), key=len, reverse=True)
    forms = [(g, next((b for b in bases if g.startswith(b) and g != b), None))
             for g in lexicon.words("names.org_genitives")]
    alts = [f"({re.escape(b)}){re.escape(g[len(b):])}" for g, b in forms if b]
    return re.compile(rf"(?i)\b(?:{'|'.join(alts) or '(?!x)(x)'})\b")


def _normal(name: str) -> str:
    name = _genitive().sub(lambda m: next(g for g in m.groups() if g), name)
    return clean(name)


@cache
def _lowercase() -> frozenset[str]:
    """Organisation words that count written in lower case: "Uppsala universitet", "a/s"."""
    return frozenset(lexicon.words("names.org_lowercase"))


@cache
def _stop() -> frozenset[str]:
    return frozenset(lexicon.words("stopwords")) | frozenset(lexicon.words("names.not_name"))


def find_employer(text: str, langs: tuple[str, ...]) -> tuple[Fact[str] | None, Fact[str] | None]:
    """(employer, department) from the text, or None for each."""
    stop = _stop()
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for m in _hits(text):
        # capitalised name words just before the hit, not "I" or "Om": "Aarhus Kommune",
        # "European Agency for …"
        before = _BEFORE.search(text, max(0, m.start() - 80), m.start())
        words = before.group("a").split() if before else []
        while words and words[0].casefold() in stop:
            words = words[1:]
        start = before.start() + before.group(0).index(words[0]) if before and words else m.start()
        if m.group("s") or m.group("x"):
            org = m.group("s") or m.group("x")
            if m.group("s") and not org[0].isupper() and org.casefold() not in _lowercase():
                continue
            if not words and not m.group("x"):
                continue  # a bare suffix is no name; a compound is one on its own
            name = _normal(" ".join(words + [org]))
        else:
            if not m.group("p")[0].isupper():
                continue
            tail = (m.group("bc") or m.group("b")).split()
            while tail and tail[-1].casefold() in stop:
                tail = tail[:-1]
            if not tail:
                continue
            conn = [m.group("c")] if m.group("c") else []
            name = _normal(" ".join(words + [m.group("p")] + conn + tail))
        counts[name] += 1
        first.setdefault(name, (start, m.end()))
    labelled = _labelled(text)
    if labelled:
        name, start, end = labelled
        counts[name] += 3  # the page says so: "Organisation: Calderbrook Housing Association"
        first.setdefault(name, (start, end))
    if not counts:
        return None, None
    intro = lexicon.alternation(lexicon.words("cues.employer_intro"))
    for name in list(counts):
        if re.search(rf"(?im)^[ \t#*]*{intro}[ \t]+{re.escape(name)}[ \t*]*$", text):
            counts[name] += 2
    _credit_parents(text, counts)
    best = max(counts, key=lambda n: (counts[n], -first[n][0]))
    s, e = first[best]
    conf = 0.8 if counts[best] > 1 else 0.6
    employer = Fact(best, _sentence_around(text, s, e), conf, s, e)
    dept = None
    hiring = lexicon.alternation(lexicon.words("cues.hiring"))
    conj = lexicon.alternation(lexicon.words("dates.conjunction"))
    dm = re.search(rf"(?<![\w])((?:{_CAP}[ \t]+{conj}[ \t]+)?{_CAP}(?:[ \t]+{_CAP})*)[ \t]+{_within()}[ \t]+{re.escape(best)}[ \t]+{hiring}", text)
    if dm and dm.group(1).split()[0].casefold() not in stop:
        dept = Fact(clean(dm.group(1)), _sentence_around(text, dm.start(), dm.end()), 0.5,
                    dm.start(), dm.end())
    return employer, dept


@cache
def _label() -> re.Pattern[str]:
    label = lexicon.alternation(lexicon.words("cues.employer_label"))
    return re.compile(rf"(?im)^[ \t*]*{label}[ \t*]*:[ \t*]*(?P<v>[{_UP}][^\n]{{1,80}}?)[ \t*]*$")


def _labelled(text: str) -> tuple[str, int, int] | None:
    """The value of an "Organisation:" / "Arbejdsgiver:" line, with its offsets."""
    m = _label().search(text)
    if not m:
        return None
    return _normal(m.group("v")), m.start("v"), m.end("v")


@cache
def _within() -> str:
    return lexicon.alternation(lexicon.words("names.org_within"))


def _credit_parents(text: str, counts: Counter[str]) -> None:
    """"Egebjerg Skole i Lundby Kommune": a unit's mentions count for the organisation it is in."""
    units = list(counts)
    for unit in units:
        for m in re.finditer(rf"(?<![\w-]){re.escape(unit)}[ \t]+{_within()}[ \t]+", text):
            parent = next((p for p in units if p != unit and text.startswith(p, m.end())), None)
            if parent:
                counts[parent] += counts[unit]
                break


def _sentence_around(text: str, s: int, e: int) -> str:
    a = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s) + 1, 0)
    b = min([x for x in (text.find("\n", e), text.find(". ", e)) if x >= 0] or [len(text)])
    return clean(text[a:b + 1])
