"""Contact people: a name with the phone, e-mail and role said with it.

A phone or e-mail belongs to the nearest name before it in the same
sentence ("kontakte direktør, Kristian Mygind, på telefon 40 82 46 89"),
else to the nearest name shortly before it (a fact box over several
lines). People merely listed, with no phone or e-mail, are not contacts,
unless a "Kontaktperson:" label names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable

from jobtrack.extract import lexicon
from jobtrack.extract.names import NameSpan, find_names, is_org_word, is_role_word
from jobtrack.extract.phones import PhoneSpan
from jobtrack.extract.result import ExtractedContact
from jobtrack.extract.sentences import Span
from jobtrack.extract.text import clean

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w@])")
_WINDOW = 160


@dataclass
class _Person:
    name: NameSpan | None
    phones: list[PhoneSpan] = field(default_factory=list)
    emails: list[tuple[int, int, str]] = field(default_factory=list)


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    contact = lexicon.cue("cues.contact").pattern
    person = re.compile(r"(?<!\w)" + lexicon.alternation(lexicon.words("cues.contact_person"))
                        + r"\w*\s*:", re.IGNORECASE)
    reach = re.compile(r"(?<!\w)" + lexicon.alternation(lexicon.words("cues.reachable"))
                       + r"[^()\n,;]{0,30}?(?=\s+(?:på|on|at|or|eller|via|pr\.|tlf)\b|[),;]|\.\s|\.?$)",
                       re.IGNORECASE)
    return contact, person, reach


def find_emails(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().rstrip(".").casefold()) for m in EMAIL.finditer(text)]


def _sentence_of(pos: int, sentences: list[Span]) -> Span | None:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return None


def _role(text: str, name: NameSpan, sentence: Span | None) -> str | None:
    """The role said next to the name: "forvaltningschef", "partner i Genitor"."""
    lo = sentence.start if sentence else max(0, name.start - 80)
    before = text[max(lo, name.start - 80):name.start]
    words = list(re.finditer(r"[\w/&-]+", before))
    for i in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if is_role_word(words[i].group()):
            s = words[i].start()
            comp = re.search(r"([\w]+-\s+(?:og|and|&)\s+)$", before[:s])
            if comp:
                s = comp.start()
            role = clean(before[s:]).strip(" ,:;(-")
            return role or None
    after = text[name.end:name.end + 60]
    m = re.match(r"\s*[,(–-]\s*([^,()\n]{2,50}?)\s*[,)]", after)
    if m and any(is_role_word(w) for w in m.group(1).split()):
        return clean(m.group(1))
    return None


def _organisation(text: str, name: NameSpan) -> str | None:
    after = text[name.end:name.end + 60]
    m = re.match(r"\s*,\s*([^,()\n]{2,50}?)\s*,", after)
    if m and any(is_org_word(w) for w in m.group(1).split()):
        return clean(m.group(1))
    return None


def _people(names: Iterable[NameSpan]) -> list[NameSpan]:
    """Names that do not end in a role word, when there are any: in "Name: Rachel Osei /
    Job title: Clinical Lead Physiotherapist" the person is the one without a role ending."""
    names = list(names)
    people = [n for n in names if not is_role_word(n.name.split()[-1])]
    return people or names


def find_contacts(text: str, sentences: list[Span], phones: list[PhoneSpan]) -> list[ExtractedContact]:
    """Contacts in the order they appear, one per person."""
    contact_cue, person_cue, reach_cue = _cues()
    emails = find_emails(text)
    org_tokens = frozenset(e[2].split("@")[1].split(".")[0] for e in emails)
    items: list[tuple[int, int, object]] = [(p.start, p.end, p) for p in phones]
    items += [(s, e, (s, e, v)) for s, e, v in emails]
    items.sort(key=lambda x: x[0])
    names_cache: dict[int, list[NameSpan]] = {}

    def names_in(sent: Span) -> list[NameSpan]:
        if sent.start not in names_cache:
            names_cache[sent.start] = find_names(text, sent.start, sent.end, org_tokens)
        return names_cache[sent.start]

    cue_in: dict[int, bool] = {}  # sentence start -> it holds a contact cue; a page-long sentence is searched once

    def cued(sent: Span) -> bool:
        if sent.start not in cue_in:
            cue_in[sent.start] = contact_cue.search(sent.text) is not None
        return cue_in[sent.start]

    people: dict[str, _Person] = {}
    order: list[str] = []
    for s, e, item in items:
        sent = _sentence_of(s, sentences)
        owner: NameSpan | None = None
        if sent:
            before = _people(n for n in names_in(sent) if n.end <= s)
            after = _people(n for n in names_in(sent) if n.start >= e and n.start - e < 60)
            owner = before[-1] if before else (after[0] if after else None)
        if owner is None:
            window = _people(find_names(text, max(0, s - _WINDOW), s, org_tokens))
            owner = window[-1] if window else None
        if owner is None:
            near_cue = cued(sent) if sent else contact_cue.search(text[max(0, s - 80):e]) is not None
            if not near_cue and not person_cue.search(text[max(0, s - 40):s]):
                continue
        key = owner.name.casefold() if owner else f"#{s}"
        if isinstance(item, PhoneSpan):
            key = key if owner else f"#{item.e164}"
        else:
            key = key if owner else f"@{item[2]}"  # type: ignore[index]
        if key not in people:
            people[key] = _Person(owner)
            order.append(key)
        person = people[key]
        if isinstance(item, PhoneSpan):
            if item.e164 not in {p.e164 for p in person.phones}:
                person.phones.append(item)
        elif item[2] not in {m[2] for m in person.emails}:  # type: ignore[index]
            person.emails.append(item)  # type: ignore[arg-type]
    # "Kontaktperson: Jens Hansen" with no number still names a contact
    for m in person_cue.finditer(text):
        for n in find_names(text, m.end(), min(len(text), m.end() + 60), org_tokens)[:1]:
            if n.name.casefold() not in people and not text[m.end():n.start].strip(" \t,"):
                people[n.name.casefold()] = _Person(n)
                order.append(n.name.casefold())
    # an unnamed e-mail next to a named person's phone is theirs
    out = []
    for key in order:
        p = people[key]
        spans = [x.start for x in p.phones] + [x[0] for x in p.emails] + ([p.name.start] if p.name else [])
        ends = [x.end for x in p.phones] + [x[1] for x in p.emails] + ([p.name.end] if p.name else [])
        a, b = min(spans), max(ends)
        sent = _sentence_of(a, sentences)
        ev_a, ev_b = (sent.start, max(sent.end, b)) if sent else (a, b)
        role = _role(text, p.name, _sentence_of(p.name.start, sentences)) if p.name else None
        org = _organisation(text, p.name) if p.name else None
        reach = None
        if p.name:
            limit = min([n.start for n in _all_names_after(text, p.name, sentences, org_tokens)]
                        + [b + 60])
            rm = reach_cue.search(text, p.name.end, limit)
            reach = clean(rm.group()) if rm else None
        conf = 0.9 if p.name and (p.phones or p.emails) else 0.6
        out.append(ExtractedContact(
            name=p.name.name if p.name else None, role=role, organisation=org,
            phone=p.phones[0].e164 if p.phones else None,
            email=p.emails[0][2] if p.emails else None, reachable=reach,
            evidence=clean(text[ev_a:ev_b]), confidence=conf, start=ev_a, end=ev_b))
    return out


def _all_names_after(text: str, name: NameSpan, sentences: list[Span],
                     org_tokens: frozenset[str]) -> list[NameSpan]:
    sent = _sentence_of(name.start, sentences)
    if not sent:
        return []
    return [n for n in find_names(text, name.end, sent.end, org_tokens)]
