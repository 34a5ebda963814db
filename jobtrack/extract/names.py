"""Find person names: runs of capitalised words, cleaned of roles and firms.

"Børne- og Familiechef Jette Stencel" is a role and a name; "partner i
Genitor Christian Roslev" has an organisation before the name; "Lasse
Jacobsen, Viborg Kommune" has one after. General rules only: words from
the vocabulary (roles by their endings, organisation words, sentence
openers), and the word right after a preposition belongs to a firm.

A person's name must look like one: no word of it may be a country (Babel's
territory names), a street ("Tuborgvej", "Mill Road"), a field or a unit
("Computer Sciences", "Digital Development") or a form label; and a known
given name (national name statistics, `data/given_names.txt`) marks where
a name starts ("Udvikling Christina Sørensen" is a heading and a person).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from jobtrack.extract.text import collapse
from jobtrack.lang import lexicon

GIVEN_NAMES = Path(__file__).with_name("data") / "given_names.txt"

_UP = "A-ZÆØÅÄÖÜÉÈÁÓÚÍÑ"
_LOW = "a-zæøåäöüéèáóúíñßçë"
_TOKEN = rf"(?:[{_UP}][{_LOW}'’]+(?:-[{_UP}]?[{_LOW}'’]+)*|[{_UP}]\.|[{_UP}][\w'’-]*)"
_TOK = re.compile(_TOKEN)
_APPOSITION = re.compile(r"[ \t]*[,(][ \t]*")
_NAME_TOKEN = re.compile(rf"[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}'’]+)*|[{_UP}]\.")


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    name: str
    before: str  # the text of the run that was cut off in front (a role, a firm)


@cache
def _sets() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str],
                     frozenset[str]]:
    not_name = set(lexicon.words("names.not_name")) | set(lexicon.words("stopwords"))
    not_name |= set(lexicon.table("months")) | set(lexicon.table("weekdays"))
    not_name |= set(lexicon.words("title.headings"))
    suffixes = tuple({s + e for lang in lexicon.languages() for s in lexicon.words("title.role_suffixes", [lang])
                      for e in lexicon.words("title.role_endings", [lang]) + [""]})  # each language's own endings
    orgs = frozenset(lexicon.words("names.org_suffixes"))
    preps = frozenset(lexicon.words("names.org_prepositions"))
    honor = frozenset(w.rstrip(".") for w in lexicon.words("names.honorifics"))
    return frozenset(not_name), suffixes, orgs, preps, honor


@cache
def _run() -> re.Pattern[str]:
    """Capitalised words in a row, with name particles between: "Lotte de Vries"."""
    part = lexicon.alternation(lexicon.words("names.particles"))
    sep = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
    return re.compile(rf"(?<![\w@.-]){_TOKEN}(?:{sep}(?:{part}[ \t]+)*{_TOKEN})*(?![\w@])")


@cache
def given_names() -> frozenset[str]:
    """Given names from public name statistics, casefolded."""
    with GIVEN_NAMES.open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


def is_given_name(word: str) -> bool:
    return word.casefold().strip(".,:;()") in given_names()


@cache
def countries() -> frozenset[str]:
    """Country and region names in every vocabulary language and English, casefolded."""
    out: set[str] = set()
    for lang in {*lexicon.languages(), "en"}:
        try:
            out.update(n.casefold() for n in Locale.parse(lang).territories.values())
        except (UnknownLocaleError, ValueError):
            continue
    return frozenset(out)


@cache
def _not_person() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]:
    """Endings of field and unit words, street endings, street words, form labels."""
    fields = tuple(lexicon.words("contacts.unit_endings"))
    streets = tuple(lexicon.words("contacts.street_endings"))
    street_words = frozenset(lexicon.words("contacts.street_words"))
    labels = frozenset(w for lab in lexicon.words("contacts.field_labels") for w in lab.split())
    return fields, streets, street_words, labels


def _not_a_person_word(word: str, first: bool) -> bool:
    """A word no person's name has: "Sciences", "Bachstrasse", "Road", "Telephone"."""
    fields, streets, street_words, labels = _not_person()
    w = word.casefold().strip(".,:;()")
    if w in labels or w.endswith(fields):
        return True
    if any(w.endswith(x) and len(w) > len(x) + 2 for x in streets):
        return True
    return not first and w in street_words


def _is_country(words: list[str]) -> bool:
    """Some words in a row name a country: "Denmark", "United Kingdom"."""
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 4) + 1):
            part = " ".join(words[i:j]).casefold()
            if part in countries() and not (j == i + 1 and is_given_name(part)):
                return True
    return False


def _own_line(run: str, toks: list[re.Match[str]]) -> list[re.Match[str]]:
    """A name with a given name on a line of its own ends there: "Udo Hahn\nProfessur für …"."""
    for i in range(2, len(toks)):
        if "\n" in run[toks[i - 1].end():toks[i].start()]:
            return toks[:i] if any(is_given_name(t.group()) for t in toks[:2]) else toks
    return toks


def _person_part(toks: list[re.Match[str]]) -> list[re.Match[str]]:
    """The run without leading and trailing words no person's name has."""
    while toks and (_not_a_person_word(toks[0].group(), True) or _is_country([toks[0].group()])):
        toks = toks[1:]
    for i, t in enumerate(toks):
        if i and (_not_a_person_word(t.group(), False) or _is_country([t.group()])):
            # a unit's name has a word before its head: "Peter Holm Computer Sciences"
            return toks[:i - 1] if i >= 3 and not is_given_name(toks[i - 1].group()) else toks[:i]
    return [] if len(toks) <= 4 and _is_country([t.group() for t in toks]) else toks


def is_role_word(word: str) -> bool:
    """A role noun by its ending: "forvaltningschef", "HR-konsulent", "Manager"."""
    w = word.casefold().strip(".,:;()")
    return bool(w) and w.endswith(_sets()[1])


def is_org_word(word: str) -> bool:
    return word.casefold().strip(".,:;()") in _sets()[2]


def _role_below(run: str, toks: list[re.Match[str]]) -> bool:
    """The run's last word is a role on a line of its own: "Mads Kirk\nØkonomichef"."""
    return (len(toks) > 1 and is_role_word(toks[-1].group())
            and "\n" in run[toks[-2].end():toks[-1].start()])


def find_names(text: str, start: int = 0, end: int | None = None,
               org_tokens: frozenset[str] = frozenset()) -> list[NameSpan]:
    """Person names in text[start:end]: two to four capitalised words."""
    not_name, _, orgs, preps, honor = _sets()
    end = len(text) if end is None else end
    out: list[NameSpan] = []
    for m in _run().finditer(text, start, end):
        toks = list(_TOK.finditer(m.group()))
        # cut at an organisation word: "Viborg Kommune", "Region Midtjylland"
        for i, t in enumerate(toks):
            if t.group().casefold() in orgs:
                toks = toks[:max(0, i - 1)] if i > 0 else []
                break
        # drop leading words that cannot start a name
        k = 0
        while k < len(toks):
            w = toks[k].group()
            lw = w.casefold().rstrip(".")
            if (lw in not_name or lw in honor or is_role_word(w) or lw in org_tokens
                    or not _NAME_TOKEN.fullmatch(w) or w.endswith(".") and k == 0):
                k += 1
                continue
            break
        toks = toks[k:]
        while toks and (toks[-1].group().casefold().rstrip(".") in not_name
                        or not _NAME_TOKEN.fullmatch(toks[-1].group())
                        or toks[-1].group().endswith(".")
                        or _role_below(m.group(), toks)):
            toks = toks[:-1]
        if toks:
            prev = text[max(0, m.start() + toks[0].start() - 40):m.start() + toks[0].start()]
            pw = re.search(r"([\w/-]+)\s+(\w+)\s+$", prev)
            if pw and pw.group(2).casefold() in preps:
                if len(toks) >= 3:
                    toks = toks[1:]  # "partner i Genitor Christian Roslev"
                elif is_role_word(pw.group(1)):
                    continue  # "Head of Research Operations": the role's object
        if len(toks) > 8:
            continue  # a row of capitalised words, a heading or a menu: no name
        toks = _person_part(_own_line(m.group(), toks))
        if not 2 <= len(toks) <= 4:
            continue
        if any(t.group().casefold().rstrip(".") in not_name or is_role_word(t.group())
               and i == 0 for i, t in enumerate(toks)):
            continue
        s, e = m.start() + toks[0].start(), m.start() + toks[-1].end()
        if out and is_role_word(toks[-1].group()) and _APPOSITION.fullmatch(text, out[-1].end, s):
            continue  # "Siobhán McCarthy, Senior Lecturer": the role of the name before
        name = collapse(text[s:e])
        out.append(NameSpan(s, e, name, text[m.start():s]))
    return out
