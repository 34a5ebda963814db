"""The employer: the organisation named most often in organisation form.

"Aarhus Kommune", "Region Midtjylland", "Novo Nordisk A/S", "Aarhus
Universitet", "University of Copenhagen", "Acme Ltd" are recognised by the
organisation words in the vocabulary; an "Om X" / "About X" heading counts
extra. The department is what the text places "i"/"in" the employer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from jobtrack.extract.names import is_role_word
from jobtrack.extract.result import Fact
from jobtrack.extract.sentences import first_lines, lines
from jobtrack.extract.text import clean
from jobtrack.lang import lexicon

_UP = "A-ZÆØÅÄÖÜ"
_CAP = rf"[{_UP}][\w&.'’-]*"
_GEN = r"(?:s|'s|’s)?"  # a genitive counts as a mention: "Skatteministeriets", "Council's"


@cache
def _prefixes() -> frozenset[str]:
    """Organisation words that come before the name: "Region X", "University of X"."""
    return frozenset(lexicon.words("names.org_prefixes"))


@cache
def _org_words() -> frozenset[str]:
    return frozenset(lexicon.words("names.org_suffixes")) | _prefixes()


def _hits(text: str) -> Iterator[re.Match[str]]:
    """Matches of the organisation pattern, tried only where an organisation word is."""
    pat = _pattern()
    starts = {m.start() for m in lexicon.scan(_org_word(), text, _org_heads())}
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
def _org_heads() -> frozenset[str]:
    """What `lexicon.scan` looks words up by: the first letters of the word part ("a" of "a/s")."""
    return lexicon.heads(m.group() for w in _org_words() if (m := re.match(r"\w+", w)))


@cache
def _org_word() -> re.Pattern[str]:
    """One organisation word, whole ("a/s" too)."""
    return re.compile(rf"(?i){lexicon.alternation(_org_words())}(?![\w/])")


@cache
def _compound_pattern() -> re.Pattern[str]:
    """"Digitaliseringsstyrelsen", "Universitetshospital": an organisation word ending a
    capitalised compound."""
    ends = lexicon.alternation(lexicon.words("names.org_compound_endings"))
    return re.compile(rf"(?<![\w-])[{_UP}][\w-]{{2,}}(?i:{ends}){_GEN}(?![\w/])")


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
                      rf"|(?P<s>(?i:{suf})){_GEN}(?![\w/])|(?P<x>[{_UP}][\w-]{{2,}}(?i:{cpd})){_GEN}(?![\w/]))")


@cache
def _joined() -> re.Pattern[str]:
    """The first half of "Administrations- og Servicestyrelsen"."""
    conj = lexicon.alternation(lexicon.words("dates.conjunction") + ["&"])
    return re.compile(rf"(?<![\w-]){_CAP}-[ \t]+(?:{conj})[ \t]+$")


_BEFORE = re.compile(rf"(?:^|(?<=[^\w-]))(?P<a>(?:{_CAP}[ \t]+){{0,3}}{_CAP})[ \t]+$")


@cache
def _genitive() -> re.Pattern[str]:
    """"Aarhus Kommunes": an organisation word in the genitive, its base form captured."""
    bases = sorted(_org_words(), key=len, reverse=True)
    forms = [(g, next((b for b in bases if g.startswith(b) and g != b), None))
             for g in lexicon.words("names.org_genitives")]
    alts = [f"({re.escape(b)}){re.escape(g[len(b):])}" for g, b in forms if b]
    return re.compile(rf"(?i)\b(?:{'|'.join(alts) or '(?!x)(x)'})\b")


def _more() -> re.Pattern[str]:
    """One more organisation word right after a name."""
    suf = lexicon.alternation(lexicon.words("names.org_suffixes"))
    return re.compile(rf"[ \t]+(?P<w>(?i:{suf}))(?![\w/])")


def _merge_parts(counts: Counter[str], labelled: str | None) -> None:
    """A short name inside a fuller organisation name counts for it: "Swindon" and
    "Swindon Borough Council", "NHS" and "Hertfordshire Community NHS Trust",
    "København" and "Københavns Kommune". Case must match ("Bankdata" is not
    "FORENINGEN BANKDATA"); a labelled name stays itself."""
    words = _org_words()
    full = [n for n in counts if any(w.casefold() in words for w in n.split())]
    for name in list(counts):
        if name in full or name == labelled or len(name.split()) > 2:
            continue
        inside = [o for o in full if o != name and re.search(rf"(?<![\w-]){re.escape(name)}", o)]
        if inside:
            counts[max(inside, key=lambda o: counts[o])] += counts.pop(name)


def _normal(name: str) -> str:
    name = re.split(r"\.[ \t]+(?=[A-ZÆØÅ])", name)[0].rstrip(".")  # "University of X. Closing Date"
    name = _genitive().sub(lambda m: next(g for g in m.groups() if g), name)
    return clean(name)


@cache
def _lowercase() -> frozenset[str]:
    """Organisation words that count written in lower case: "Uppsala universitet", "a/s"."""
    return frozenset(lexicon.words("names.org_lowercase"))


@cache
def _stop() -> frozenset[str]:
    return frozenset(lexicon.words("stopwords")) | frozenset(lexicon.words("names.not_name"))


def find_employer(text: str, langs: tuple[str, ...], site_names: tuple[str, ...] = ()
                  ) -> tuple[Fact[str] | None, Fact[str] | None]:
    """(employer, department) from the text, or None for each.

    `site_names` (og:site_name, the page <title>) back a name found in the
    text, or stand in when the text names none.
    """
    stop = _stop()
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    covered = 0
    for m in _hits(text):
        if m.start() < covered:
            continue  # inside a name already read on: "… NHS Foundation Trust"
        # capitalised name words just before the hit, not "I" or "Om": "Aarhus Kommune",
        # "European Agency for …"
        before = _BEFORE.search(text, max(0, m.start() - 80), m.start())
        words = before.group("a").split() if before else []
        ends = [i for i, w in enumerate(words) if w.endswith(".") and len(w) > 4]
        if ends:  # "… hos Vestby Kommune. Toldstyrelsen": the sentence before is no part
            words = words[ends[-1] + 1:]
        while words and words[0].casefold() in stop:
            words = words[1:]
        start = before.start() + before.group(0).index(words[0]) if before and words else m.start()
        if m.group("x") and not words and (joined := _joined().search(text, max(0, m.start() - 60), m.start())):
            words, start = joined.group().split(), joined.start()  # "Administrations- og Servicestyrelsen"
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
        end = m.end()
        while more := _more().match(text, end):  # "Cambridge University Hospitals NHS Foundation" + "Trust"
            if not more.group("w")[0].isupper():
                break
            name, end = f"{name} {more.group('w')}", more.end()
        covered = end
        counts[name] += 1
        first.setdefault(name, (start, end))
    labelled = _labelled(text)
    if labelled:
        name, start, end = labelled
        counts[name] += 3  # the page says so: "Organisation: Calderbrook Housing Association"
        first.setdefault(name, (start, end))
    intro = lexicon.alternation(lexicon.words("cues.employer_intro"))
    for name in list(counts):
        if re.search(rf"(?im)^[ \t#*]*{intro}[ \t]+{re.escape(name)}[ \t*?!]*$", text):
            counts[name] += 2  # "Om Administrations- og Servicestyrelsen"
    _signals(text, counts, first, stop)
    _page_names(text, site_names, counts, first)
    if not counts:
        return _fallback(text, site_names), None
    _merge_parts(counts, labelled[0] if labelled else None)
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
def _name() -> str:
    """A capitalised name of up to four words, joined by small words ("Bank of X", "Lotte de Vries")."""
    small = lexicon.alternation(lexicon.words("names.org_connectors") + lexicon.words("dates.conjunction")
                                + lexicon.words("names.particles") + ["&"])
    return rf"{_CAP}(?:[ \t]+(?:(?:{small})[ \t]+)?{_CAP}){{0,3}}"


_DOMAIN = re.compile(r"(?i)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}(?![\w-])")
# Second-level domains under a country's domain: ucl.ac.uk, soton.ac.uk, x.co.uk, y.nhs.uk.
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "govt", "net", "org", "nhs", "ltd", "plc", "or", "ne"})
_POSTCODE = re.compile(r"(?<![\w-])[A-Z]{0,2}\d{4,5}[ \t]+$")
_FIRST_LINE = re.compile(r"\S[^\n]*")
_PAGE_SPLIT = re.compile(r"\s+[|–—:·-]\s+|\s*::\s*")
_SPLIT = re.compile(r"\s+[|–—-]\s+")


def _signals(text: str, counts: Counter[str], first: dict[str, tuple[int, int]],
             stop: frozenset[str]) -> None:
    """Names that the page's shape or other signals put forward, without an organisation word.

    A short name line right under the title (how job boards lay out a posting),
    the name a heading line introduces ("Om X", "About X", "Why X?"), the name
    before a hiring cue ("X is seeking"), and a name spelling out a mail or web
    domain ("Bankdata", bankdata.dk; "UCL", ucl.ac.uk). Each signal adds to the
    name's mentions; signals that agree add up, and the part of a "Title - Org"
    first line that names no role adds only to a name another signal found
    ("Title - Specialism" is as common).
    """
    found: Counter[str] = Counter()
    where: dict[str, tuple[int, int]] = {}

    def add(name: str, weight: int, s: int, e: int) -> None:
        words = name.split()
        while words and words[0].casefold() in stop:
            words = words[1:]
        name = _normal(" ".join(words)).rstrip(".")
        if (len(name) < 2 or not name[0].isupper() or name.casefold() in stop or _generic(name)
                or any(is_role_word(w) for w in words) or _place(text, name)):
            return
        found[name] += weight
        where.setdefault(name, (s, e))

    heads = first_lines(text, 6)
    for i, (s, e) in enumerate(heads[1:3], 1):
        line = clean(text[s:e])
        prev = clean(text[heads[i - 1][0]:heads[i - 1][1]])
        if prev.split()[-1].casefold() in _dangling() or prev.endswith("-"):
            break  # the title goes on: "Chef for X i" / "Borgerservice og Biblioteker"
        if not _name_line(line) or _job_terms(line):
            continue
        titled = len(prev.split()) <= 14 and _names_role(prev)  # a title line, not prose
        again = _mentions(text, line, e) > 0 or any(w.casefold() in _org_words() for w in line.split())
        if titled or again:
            add(line, 3 if again else 1, s, e)  # the layout alone is a weak sign
    split = _title_parts(text)
    for m in _cue_lines().finditer(text):
        add(m.group("n"), 2, m.start("n"), m.end("n"))
    for m in _subject().finditer(text):
        add(m.group("n"), 2, m.start("n"), m.end("n"))
    for name in list(found):
        found[name] += _mentions(text, name)
    short: list[tuple[int, int]] | None = None
    for label in _domains(text):  # the most used domain(s): a union rep's mail is no signal
        spelt = False
        for tally in (counts, found):
            for name in list(tally):
                if _spells(name, label):
                    tally[name] += 3
                    spelt = True
        if spelt:
            continue
        if short is None:
            short = [(s, e) for s, e in lines(text) if e - s <= 60]
        for s, e in short:
            line = clean(text[s:e])
            if _name_line(line) and _spells(line, label):
                add(line, 3 + _mentions(text, line), s, e)  # a signature or address block
                spelt = True
        if spelt:
            continue
        for m in _spelled(label).finditer(text):
            if m.group()[0].isupper():
                add(m.group(), 3 + _mentions(text, m.group()), m.start(), m.end())
                break
    for tally in (counts, found):
        for name in list(tally):
            if name in split:
                tally[name] += 2  # "Test Coordinator - Bankdata" agrees
    for name, n in found.items():
        counts[name] += n
        first.setdefault(name, where[name])


@cache
def _dangling() -> frozenset[str]:
    return frozenset(lexicon.words("title.dangling"))


@cache
def _terms() -> frozenset[str]:
    return frozenset(lexicon.words("hours.full_time") + lexicon.words("hours.part_time")
                     + lexicon.words("hours.terms"))


def _job_terms(line: str) -> bool:
    """"Fuldtid", "Remote", "Permanent · Full time": the job's terms, not a name."""
    low = line.casefold()
    terms = _terms()
    return low in terms or all(w in terms for w in re.findall(r"[\w-]+", low))


def _generic(name: str) -> bool:
    """A page heading ("Vacancies", "Jobs"), not a name."""
    low = name.casefold()
    return bool({low, low.rstrip("s"), low.removesuffix("ies") + "y"} & _headings())


@cache
def _headings() -> frozenset[str]:
    return frozenset(lexicon.words("title.headings"))


def _place(text: str, name: str) -> bool:
    """A town: the name follows a postcode somewhere ("7400 Herning", "SN1 2JG Swindon")."""
    return any(_POSTCODE.search(text, max(0, i - 12), i) for i in _occurrences(text, name))


def _page_names(text: str, site_names: tuple[str, ...], counts: Counter[str],
                first: dict[str, tuple[int, int]]) -> None:
    """Names the page gives itself: they agree with a candidate, or are the only one."""
    parts = [p.strip() for name in site_names for p in _PAGE_SPLIT.split(name)]
    parts = [p for p in parts if _name_line(p) and not _names_role(p) and not _generic(p)]
    if counts:
        for name in list(counts):
            if any(p.casefold() == name.casefold() for p in parts):
                counts[name] += 2
        return
    for part in parts:
        m = re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text)
        if m:  # the page's own name, said in the text too
            counts[part] += 1
            first.setdefault(part, (m.start(), m.end()))


def _title_parts(text: str) -> list[str]:
    """The parts of a "Title - Org" first line that name no role."""
    head = _FIRST_LINE.search(text)
    if not head:
        return []
    parts = _SPLIT.split(clean(head.group()))
    if len(parts) < 2 or not any(_names_role(p) for p in parts):
        return []
    return [p for p in parts if not _names_role(p) and _name_line(p) and not _generic(p)]


def _fallback(text: str, site_names: tuple[str, ...]) -> Fact[str] | None:
    """With no name in the text: the org part of a "Title - Org" first line, or the
    page's own name. A guess, and said to be one by its confidence."""
    for part in _title_parts(text):
        if not _place(text, part):
            s = text.find(part)
            return Fact(part, _sentence_around(text, s, s + len(part)), 0.4, s, s + len(part))
    for name in site_names:
        parts = [p.strip() for p in _PAGE_SPLIT.split(name)]
        if len(parts) > 1 and not any(_names_role(p) for p in parts):
            continue  # a page title without the job's title: a slogan or a portal's name
        for part in parts:
            if _name_line(part) and not _names_role(part) and not _generic(part):
                return Fact(part, f"page title: {name}", 0.4, None, None)
    return None


def _name_line(line: str) -> bool:
    """A short capitalised line with no digits and no sentence marks: a name, maybe.

    The last word may be a lower-case noun: "Svenska kyrkan", "Kvistofta församling".
    """
    words = line.split()
    return (0 < len(words) <= 6 and len(line) <= 60 and line[0].isupper()
            and not re.search(r"[\d:;,.!?@/|()]", line.rstrip("."))
            and bool(re.fullmatch(rf"{_name()}(?:[ \t]+[a-zæøåäöü]{{4,}})?", line)))


def _names_role(line: str) -> bool:
    return any(is_role_word(w) for w in line.split()) or bool(re.search(r"\([a-zA-Z](?:/[a-zA-Z]){1,3}\)", line))


def _mentions(text: str, name: str, after: int = 0) -> int:
    """How often the name stands in the text (a genitive too) after an offset."""
    return sum(1 for _ in _occurrences(text, name, after))


def _occurrences(text: str, name: str, after: int = 0) -> Iterator[int]:
    """Offsets where the name stands as whole words (the literal first, for speed)."""
    for m in re.finditer(rf"{re.escape(name)}(?:s|'s|’s)?(?![\w-])", text[after:]):
        i = m.start() + after
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_"):
            yield i


@cache
def _cue_lines() -> re.Pattern[str]:
    intro = lexicon.alternation(lexicon.words("cues.employer_intro"))
    return re.compile(rf"(?im)^[ \t#*]*{intro}[ \t]+(?P<n>(?-i:{_name()}))[ \t*?!]*$")


@cache
def _subject() -> re.Pattern[str]:
    hiring = lexicon.alternation(lexicon.words("cues.hiring"))
    return re.compile(rf"(?m)(?:^|(?<=[.!?] ))[ \t]*(?P<n>{_name()})[ \t]+(?i:{hiring})(?!\w)")


def _domains(text: str) -> list[str]:
    """The distinctive label of the most used mail and web domains: "ucl" for x@ucl.ac.uk."""
    seen: Counter[str] = Counter()
    for m in _domain_spans(text):
        labels = m.group().casefold().split(".")
        labels = labels[:-1]
        while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
            labels = labels[:-1]  # "ac" in ucl.ac.uk
        if labels and len(labels[-1]) >= 2:
            seen[labels[-1]] += 1
    top = max(seen.values(), default=0)
    return [label for label, n in seen.items() if n == top]


def _domain_spans(text: str) -> Iterator[re.Match[str]]:
    """Domains after "x@", "://" or a bare "www.", found by plain search (fast)."""
    for mark in ("@", "://", "www."):
        i = text.find(mark)
        while i >= 0:
            before = text[i - 1] if i else " "
            if (mark != "@" or before.isalnum() or before in "._+-") and (
                    mark != "www." or not (before.isalnum() or before in "./")):
                m = _DOMAIN.match(text, i + len(mark))
                if m:
                    yield m
                    i = m.end() - 1  # "www.www.www.": each part read once
            i = text.find(mark, i + 1)


def _spells(name: str, label: str) -> bool:
    """Whether an organisation's name spells a domain label, whole or by initials."""
    words = re.findall(r"[\w]+", name)
    squashed = "".join(words).casefold()
    bare = "".join(w for w in words if w.casefold() not in _org_words()).casefold()
    if label == bare:
        return True  # "Aarhus Kommune", aarhus.dk
    initials = "".join(w[0] for w in words if w[0].isupper()).casefold()
    if label in (squashed, initials) and len(label) >= 2:
        return True
    parts = label.split("-")
    low = [w.casefold() for w in words]
    return len(parts) > 1 and all(any(w.startswith(p) for w in low) for p in parts)


@cache
def _spelled(label: str) -> re.Pattern[str]:
    """A name in the text written as the domain label is: "TU Delft" for tudelft."""
    letters = [re.escape(c) for c in label.replace("-", "")]
    return re.compile(r"(?<![\w@./-])" + r"[ -]?".join(letters) + r"(?![\w@.-]|\.\w)", re.I)


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
        for m in re.finditer(rf"{re.escape(unit)}[ \t]+{_within()}[ \t]+", text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_"):
                continue
            parent = next((p for p in units if p != unit and text.startswith(p, m.end())), None)
            if parent:
                counts[parent] += counts[unit]
                break


def _sentence_around(text: str, s: int, e: int) -> str:
    a = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s) + 1, 0)
    b = min([x for x in (text.find("\n", e), text.find(". ", e)) if x >= 0] or [len(text)])
    return clean(text[a:b + 1])
