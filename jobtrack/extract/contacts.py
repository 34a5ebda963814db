"""Contact people: a name with the phone, e-mail and role said with it.

A phone or e-mail belongs to the nearest name before it in the same
sentence ("kontakte direktør, Kristian Mygind, på telefon 40 82 46 89"),
else to the nearest name shortly before it (a fact box over several
lines). People merely listed, with no phone or e-mail, are not contacts,
unless a "Kontaktperson:" label names them.

Signals that agree decide between candidates: a name whose words make up
an e-mail's local part owns that e-mail wherever it stands. Mailboxes of
the process rather than the job (the application or recruitment mailbox,
help with adjustments) are not contacts unless a person owns them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable

from jobtrack.extract.names import NameSpan, find_names, is_given_name, is_org_word, is_role_word
from jobtrack.extract.phones import PhoneSpan
from jobtrack.extract.result import ExtractedContact
from jobtrack.extract.sentences import Span
from jobtrack.extract.text import clean
from jobtrack.lang import lexicon
from jobtrack.lang.lexicon import Cue

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
    end = lexicon.alternation(lexicon.words("cues.reachable_end"))  # "træffes efter uge 31 på …"
    reach = re.compile(r"(?<!\w)" + lexicon.alternation(lexicon.words("cues.reachable"))
                       + rf"[^()\n,;]{{0,30}}?(?=\s+{end}\b|[),;]|\.\s|\.?$)",
                       re.IGNORECASE)
    return contact, person, reach


@cache
def _compound() -> re.Pattern[str]:
    """"Børne- og Familiechef": the first half of a shared-ending compound before a role."""
    return re.compile(rf"([\w]+-\s+{lexicon.alternation(lexicon.words('dates.conjunction'))}\s+)$")


@cache
def _heading() -> re.Pattern[str]:
    """A contact cue alone on its line: a heading over the contact's name."""
    alt = lexicon.alternation(lexicon.words("cues.contact_person"))
    return re.compile(rf"(?im)^[ \t#*]*{alt}[ \t*:]*$")


@cache
def _other_lists() -> re.Pattern[str] | None:
    words = lexicon.words("contacts.not_contact_lists")
    return re.compile(rf"(?i)(?<!\w){lexicon.alternation(words)}") if words else None


_LABEL_LINE = re.compile(r"(?m)^[^\n]*:[ \t*]*$")
_BLANK = re.compile(r"\n[ \t]*\n")


def _listed_elsewhere(text: str) -> list[tuple[int, int]]:
    """Blocks under a label for people who are not the job's contacts, up to a blank line:
    "Union representatives:" over a list of names and numbers."""
    pattern = _other_lists()
    if pattern is None:
        return []
    out = []
    for m in _LABEL_LINE.finditer(text):
        if pattern.search(m.group()):
            blank = _BLANK.search(text, m.end())
            out.append((m.end(), min(blank.start() if blank else len(text), m.end() + 800)))
    return out


@cache
def _address_parts() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """Street endings, and the postcode patterns of every vocabulary (case matters)."""
    streets = tuple(lexicon.words("contacts.street_endings") + lexicon.words("contacts.street_words"))
    codes = [str(c) for lang in lexicon.languages()
             for c in lexicon.raw(lang).get("contacts", {}).get("postcodes", [])]
    alt = "|".join(rf"(?<![\w-]){c}(?![\w-])" for c in codes)
    return streets, re.compile(alt, re.MULTILINE) if codes else None


_DIGITS = re.compile(r"\d{1,5}")
_STREET_BEFORE = re.compile(r"(?<![^\W\d])([^\W\d]+)\.?[ \t]+$")


def _address_blocks(text: str) -> list[tuple[int, int]]:
    """An address line (a street with its number, a postcode before a town) and the two
    lines after it: the switchboard and mailbox of a letterhead or footer, not a person's."""
    streets, postcode = _address_parts()
    found = []
    for d in _DIGITS.finditer(text):  # every address has a number: look only there
        street = _STREET_BEFORE.search(text, max(0, d.start() - 40), d.start())
        if streets and street and street.group(1).casefold().endswith(streets) or \
                postcode and postcode.search(text, max(0, d.start() - 8), d.end() + 40):
            found.append(d.start())
    out = []
    for pos in found:
        start = text.rfind("\n", 0, pos) + 1
        end = pos
        for _ in range(3):
            nl = text.find("\n", end + 1)
            end = len(text) if nl < 0 else nl
        out.append((start, end))
    return out


_AT = re.compile(r"@|[\[(]at[\])]")
_LOCAL = re.compile(r"(?<![\w.+-])[\w.+-]+$")
# a top-level domain is all one case, so "nhs.ukTelephone" ends at "uk"
_DOMAIN_PART = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,}|[A-Z]{2,})(?![a-z0-9_@])")


def find_emails(text: str) -> list[tuple[int, int, str]]:
    """E-mail addresses, also written "info @ firm.com" or "jane[at]firm.com"."""
    out = []
    for at in _AT.finditer(text):
        a = at.start() - (at.start() > 0 and text[at.start() - 1] in " \t")
        b = at.end() + (text[at.end():at.end() + 1] in (" ", "\t"))
        local = _LOCAL.search(text, max(0, a - 64), a)
        domain = _DOMAIN_PART.match(text, b)
        if local and domain and local.end() == a:
            out.append((local.start(), domain.end(), f"{local.group()}@{domain.group()}".casefold()))
    return out


@cache
def _glued() -> re.Pattern[str] | None:
    labels = sorted(lexicon.words("contacts.field_labels"), key=lambda w: (-len(w), w))
    if not labels:
        return None
    alt = "|".join(re.escape(w[0].upper() + w[1:]) for w in labels)
    value = r"(?=[A-ZÆØÅÄÖÜ][a-zæøåäöü]|[+\d]|[\w.+-]+@)"
    return re.compile(rf"(?P<label>{alt}){value}")  # starts with a literal: scans fast


def unglue_labels(text: str) -> str:
    """Put a contact box's labels back on lines of their own.

    Some pages lose the markup between a label and its value:
    "NameJane DoeJob titleNurseTelephone number01234 567 890". The label
    words come from the vocabulary; a label counts as glued only when a
    value (a capitalised word, a number, an e-mail) follows it directly.
    """
    pattern = _glued()
    if pattern is None:
        return text

    def repl(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else "\n"
        if before == "\n":
            return m.group("label") + ": "
        if before.isdigit() or before.isalpha() and before.islower():
            return "\n" + m.group("label") + ": "
        return m.group()  # a label word with a space before it is not glued

    return pattern.sub(repl, text)


@cache
def _mailboxes() -> tuple[re.Pattern[str], Cue]:
    """Mailbox words as whole parts of a local part ("hr.team"); long ones also inside a
    word ("hlrecruitment"), short ones never ("d.lehr" is a person)."""
    words = lexicon.words("contacts.mailboxes")
    short = lexicon.alternation(w for w in words if len(w) < 6)
    long = lexicon.alternation(w for w in words if len(w) >= 6)
    return (re.compile(rf"(?:^|[._+-]){short}(?=$|[._+-]|\d)|{long}"),
            lexicon.cue("contacts.not_contact"))


@cache
def _receives_applications() -> Cue:
    return lexicon.cue("contacts.receives_applications", stem=False)


def _process_mailbox(email: str) -> bool:
    """The application, recruitment or web mailbox: "jobs@", "hr.recruitment@"."""
    return bool(_mailboxes()[0].search(email.split("@")[0]))


_ASCII = str.maketrans({"ø": "o", "æ": "ae", "å": "aa", "ß": "ss", "ö": "o", "ä": "a", "ü": "u",
                        "é": "e", "è": "e", "á": "a", "ó": "o", "í": "i", "ú": "u", "ñ": "n"})


def _agrees(name: str, email: str) -> bool:
    """The e-mail's local part is made of the name: jane.doe@, jdoe@, jd@, doe@."""
    return _made_of(name.casefold(), email) or _made_of(name.casefold().translate(_ASCII), email)


def _made_of(name: str, email: str) -> bool:
    local = re.sub(r"[\d._+-]+", " ", email.split("@")[0].casefold()).split()
    parts = re.findall(r"[^\W\d_]+", name)
    if len(parts) < 2 or not local:
        return False
    joined, first, last = "".join(local), parts[0], parts[-1]
    if first in local and any(p in joined for p in parts[1:]):
        return True
    forms = {"".join(p[0] for p in parts), first[0] + last, first + last[0],
             first[0] + "".join(parts[1:])} | ({last} if len(last) > 3 else set())
    return joined in forms


def _sentence_of(pos: int, sentences: list[Span]) -> Span | None:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return None


def _role(text: str, name: NameSpan, sentence: Span | None) -> str | None:
    """The role said next to the name: "forvaltningschef", "partner i Genitor"."""
    lo = sentence.start if sentence else max(0, name.start - 80)
    before = text[max(lo, name.start - 80):name.start]
    before = before[max(before.rfind(c) for c in "()@;") + 1:]  # not across another contact
    words = list(re.finditer(r"[\w/&-]+", before))
    for i in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if is_role_word(words[i].group()):
            s = words[i].start()
            comp = _compound().search(before[:s])
            if comp:
                s = comp.start()
            role = clean(before[s:]).strip(" ,:;(-")
            return role or None
    after = text[name.end:name.end + 80]
    m = re.match(r"[ \t]*[,(–-][ \t]*([^,()\n]{2,50}?)[ \t]*(?:[,)\n]|$|[ \t]+(?:on|via|at|på|by|tlf|tel|phone|mobil)\b|[ \t]+[+\d(])",
                 after)
    if m and any(is_role_word(w) for w in m.group(1).split()):
        return clean(m.group(1))
    return _role_below(text, name)


@cache
def _title_label() -> re.Pattern[str]:
    labels = lexicon.alternation(lexicon.words("contacts.role_labels"))
    return re.compile(rf"(?i)(?:{labels})[ \t]*:[ \t]*")


def _role_below(text: str, name: NameSpan) -> str | None:
    """A role on the line under a name that ends its line: a contact box."""
    m = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*([^\n]{2,80})").match(text, name.end)
    if not m:
        return None
    line = m.group(1).strip()
    label = _title_label().match(line)
    if label:
        return clean(line[label.end():]) or None
    words = re.findall(r"[\w&/-]+", line)
    if ":" in line or "@" in line or not any(is_role_word(w) for w in words):
        return None
    return clean(line)


def _organisation(text: str, name: NameSpan) -> str | None:
    after = text[name.end:name.end + 60]
    m = re.match(r"\s*,\s*([^,()\n]{2,50}?)\s*,", after)
    if m and any(is_org_word(w) for w in m.group(1).split()):
        return clean(m.group(1))
    return None


def _lone_given_name(text: str, pos: int, owner: NameSpan | None) -> NameSpan | None:
    """A given name alone right before a number or address: "/ Nabil 41 77 36 41"."""
    m = re.search(r"(?<![\w.-])([A-ZÆØÅÄÖÜ][a-zæøåäöü]+)[ \t:]*$", text[max(0, pos - 30):pos])
    if not m or not is_given_name(m.group(1)):
        return None
    start = max(0, pos - 30) + m.start(1)
    if owner is not None and owner.start <= start < owner.end:
        return None
    before = text[max(0, start - 3):start]
    if re.search(r"[A-ZÆØÅÄÖÜ][a-zæøåäöü]*[ \t]$", before) or re.search(r"\w$", before):
        return None
    return NameSpan(start, start + len(m.group(1)), m.group(1), "")


def _strong(name: str, emails: list[tuple[int, int, str]]) -> bool:
    """A name that looks like a person's: a known given name, or an e-mail made of it."""
    words = name.split()
    return any(is_given_name(w) for w in words[:2]) or any(_agrees(name, m[2]) for m in emails)


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

    everyone: list[list[NameSpan]] = []  # every name in the text, found once when first asked for

    def agreeing(email: str, near: list[NameSpan]) -> NameSpan | None:
        """The name the e-mail is made of: near it first, else anywhere in the text."""
        found = [n for n in near if _agrees(n.name, email)]
        if not found:
            if not everyone:
                everyone.append(find_names(text, 0, len(text), org_tokens))
            found = [n for n in everyone[0] if _agrees(n.name, email)]
        return found[0] if found else None

    not_contact = _mailboxes()[1]
    # sentence start -> (a contact cue, a not-a-contact cue) in it: a page-long sentence is searched once
    cues_in: dict[int, tuple[bool, bool]] = {}

    def cued(sent: Span) -> tuple[bool, bool]:
        if sent.start not in cues_in:
            cues_in[sent.start] = (contact_cue.search(sent.text) is not None,
                                   not_contact.search(sent.text) is not None)
        return cues_in[sent.start]

    people: dict[str, _Person] = {}
    order: list[str] = []
    listed = _listed_elsewhere(text)
    address = _address_blocks(text)
    for s, e, item in items:
        if any(a <= s < b for a, b in listed):
            continue
        sent = _sentence_of(s, sentences)
        owner: NameSpan | None = None
        near: list[NameSpan] = []
        if sent:
            near = names_in(sent)
            before = _people(n for n in near if n.end <= s)
            after = _people(n for n in near if n.start >= e and n.start - e < 60)
            owner = before[-1] if before else (after[0] if after else None)
        if not isinstance(item, PhoneSpan):
            owner = agreeing(item[2], near) or owner  # type: ignore[index]
        owner = _lone_given_name(text, s, owner) or owner
        in_address = any(a <= s < b for a, b in address)
        if owner is None and not in_address:
            # a fact box over several lines: only a name that looks like a person's
            window = [n for n in _people(find_names(text, max(0, s - _WINDOW), s, org_tokens))
                      if _strong(n.name, emails)]
            owner = window[-1] if window else None
            if owner and not isinstance(item, PhoneSpan) and _process_mailbox(item[2]):  # type: ignore[index]
                owner = None  # "Søknad sendes: jobs@…" under the contact's line
        if owner is None:
            ctx = text[max(0, s - 80):e]
            near_cue, refused = cued(sent) if sent else (contact_cue.search(ctx) is not None,
                                                          not_contact.search(ctx) is not None)
            if not near_cue and not person_cue.search(text[max(0, s - 80):s]):
                continue
            if refused or in_address:
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
    # "Kontaktperson: Jens Hansen" with no number still names a contact, and so does a
    # "Kontakt" heading over a line that holds a person's name
    labelled = [(m, False) for m in person_cue.finditer(text)]
    labelled += [(m, True) for m in _heading().finditer(text)]
    for m, heading in labelled:
        for n in find_names(text, m.end(), min(len(text), m.end() + 60), org_tokens)[:1]:
            if (n.name.casefold() not in people and not text[m.end():n.start].strip(" \t\n,*_")
                    and (not heading or _strong(n.name, emails))):
                people[n.name.casefold()] = _Person(n)
                order.append(n.name.casefold())
    # the process's mailbox is no contact where a person or a personal address is given
    personal = any(p.name or any(not _process_mailbox(m[2]) for m in p.emails)
                   for p in people.values())
    out = []
    for key in order:
        p = people[key]
        if personal and not p.name and not p.phones and all(_process_mailbox(m[2]) for m in p.emails):
            continue
        spans = [x.start for x in p.phones] + [x[0] for x in p.emails] + ([p.name.start] if p.name else [])
        ends = [x.end for x in p.phones] + [x[1] for x in p.emails] + ([p.name.end] if p.name else [])
        a, b = min(spans), max(ends)
        sent = _sentence_of(a, sentences)
        ev_a, ev_b = (sent.start, max(sent.end, b)) if sent else (a, b)
        said = text[ev_a:ev_b]
        if _receives_applications().search(said) and not contact_cue.search(said):
            continue  # "Send your application to Jane Doe, jd@…": she receives, not answers
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
