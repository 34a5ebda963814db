"""The job title: a heading, a JSON-LD title, the page title, or a phrase.

Order of trust: JSON-LD, a Markdown heading, the posting's opening heading
line (joined when it breaks after "i", "og", "søger to"), the HTML title,
and last phrases in the prose ("stilling som X", "Som X får du", "søger
en X"), choosing the role named most often.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from jobtrack.extract.names import is_role_word
from jobtrack.extract.result import Fact
from jobtrack.extract.sentences import first_lines
from jobtrack.extract.text import clean
from jobtrack.lang import lexicon

_MAX_WORDS = 14
# template placeholders and code: "{{ job.title }}", "${title}", "<%= name %>", "init();"
_CODE = re.compile(r"[{}<>;=]|\(\)|\bundefined\b|\bnull\b|\[object ")
_UP = "A-ZÆØÅÄÖÜ"
_LOW = "a-zæøåäöüé"
# "(m/k)", "(m/w/d)", "(f/m/x)": the gender marker that ends a job title
_GENDER = re.compile(r"\(\s*[a-zA-Z]\s*(?:/\s*[a-zA-Z]\s*){1,3}\)\s*$")
# "(Two posts) Research Fellow in X (3 years, ...) based in ...": the role phrase
# at the head of a long first line
_LEAD = re.compile(rf"^(?:\([^)]{{1,40}}\)\s*)?(?P<x>[{_UP}][\w/-]*(?:[ \t]+(?:[{_UP}][\w/-]*|[{_LOW}]{{1,3}}|&))*)")


@cache
def _vocab(langs: tuple[str, ...]) -> dict[str, Any]:
    numbers = lexicon.alternation(lexicon.table("numbers", langs))
    hiring = lexicon.alternation(lexicon.words("cues.hiring", langs))
    stop = lexicon.alternation(lexicon.words("title.role_stop", langs))
    verbs = lexicon.alternation(lexicon.words("title.as_role_verbs", langs))
    as_role = lexicon.alternation(lexicon.words("cues.as_role", langs))
    intro = lexicon.alternation(lexicon.words("cues.role_intro", langs))
    word = r"[\w/&’'-]+"
    det = lexicon.alternation(lexicon.words("title.articles", langs) + lexicon.words("title.possessives", langs))
    art = lexicon.alternation(lexicon.words("title.articles", langs))
    you = lexicon.alternation(lexicon.words("title.you", langs))
    phrase = rf"(?P<x>{word}(?:[ \t]+(?!{stop}\b){word}){{0,6}})"
    generic = {w for phrase in lexicon.words("title.headings") + lexicon.words("title.labels")
               for w in phrase.split()}
    return {
        "headings": frozenset(lexicon.words("title.headings", langs)),
        "generic": frozenset(generic),
        "dangling": frozenset(lexicon.words("title.dangling", langs)),
        "hiring_tail": re.compile(rf"(?<!\w){hiring}(?:\s+{numbers})?\s*$", re.I),
        "hiring": re.compile(rf"(?<!\w){hiring}(?:\s+{numbers})?\s+", re.I),
        "numbers": lexicon.table("numbers", langs),
        "label": re.compile(rf"(?i)[ \t*]*{lexicon.alternation(lexicon.words('title.labels', langs))}"
                            rf"[ \t*]*:[ \t*]*"),
        "phrases": [
            re.compile(rf"(?<!\w){intro}\s+(?:{det}\s+)*{phrase}", re.I),
            re.compile(rf"(?<![\w,] )(?<!\w){as_role}\s+(?:{det}\s+)*"
                       rf"(?P<x>{word}(?:[ \t]+{word}){{0,5}}?),?[ \t]+(?:{verbs})[ \t]+{you}\b", re.I),
            re.compile(rf"(?<!\w){hiring}\s+(?:{art}\s+)*{phrase}", re.I),
        ],
        # "is seeking an experienced and strategic Executive Director": the role is
        # the capitalised run after a few lower-case words
        "named": re.compile(rf"(?<!\w)(?i:{hiring})\s+(?:[{_LOW}-]+[ \t]+){{0,5}}?"
                            rf"(?P<x>[{_UP}][\w-]*(?:[ \t]+[{_UP}][\w-]*){{0,4}})"),
    }


def _heading_ok(line: str, v: dict[str, Any]) -> bool:
    words = line.split()
    if not words or len(words) > _MAX_WORDS or len(line) > 120:
        return False
    if line.rstrip()[-1] in ".?:;," or _generic(line, v):
        return False
    if re.match(r"(https?:|www\.)", line) or not re.search(r"[^\W\d]", line) or _CODE.search(line):
        return False
    return True


@cache
def _chrome() -> re.Pattern[str]:
    """Words of a site's job pages ("Careers", "Ledige stillinger"), in any language."""
    return re.compile(rf"(?i)\b{lexicon.alternation(lexicon.words('title.chrome'))}\b")


def _generic(line: str, v: dict[str, Any]) -> bool:
    """A section or page heading ("Vacancies", "Vacancy (COSMOS)", "Job Posting"), no title."""
    bare = re.sub(r"\([^)]*\)", " ", line).casefold().strip(" #*")
    if bare in v["headings"]:
        return True
    words = re.findall(r"\w+", bare)
    return bool(words) and all(w in v["generic"] or w.rstrip("s") in v["generic"]
                               or w.removesuffix("ies") + "y" in v["generic"] for w in words)


def _strip_employer(title: str, employer: str | None) -> str:
    """"Chef for X, Viborg Kommune" → "Chef for X"; "Engineer - Acme | Careers" → "Engineer"."""
    parts = re.split(r"\s+[|–—-]\s+|,\s+(?=[A-ZÆØÅ])", title)
    if len(parts) > 1:
        # the employer's own part goes; "Ekonom till Acme" (first, saying more) stays
        keep = [p for i, p in enumerate(parts) if not (employer and (
            p.casefold() in employer.casefold() or (i and employer.casefold() in p.casefold())))]
        keep = [p for p in keep if not _chrome().search(p)]
        roles = [p for p in keep if any(is_role_word(w) for w in p.split())]
        if roles:
            return roles[0]
        if keep:
            return keep[0]
    return title


def _opening(text: str, v: dict[str, Any]) -> tuple[str, int, int, bool] | None:
    """The posting's first heading line, or what a "søger to" line announces."""
    spans = first_lines(text, 8)
    first: tuple[str, int, int, bool] | None = None
    i = 0
    while i < len(spans):
        s, e = spans[i]
        line = clean(text[s:e])
        if line.startswith(("#",)) or not line:
            i += 1
            continue
        # join a heading broken after a dangling word
        while i + 1 < len(spans) and line.split() and (
                line.split()[-1].casefold() in v["dangling"] or line.endswith("-")):
            i += 1
            e = spans[i][1]
            line = clean(text[s:e])
        hm = v["hiring"].search(line)
        if hm and len(line.split()) <= _MAX_WORDS:
            rest = line[hm.end():]
            if rest and _heading_ok(rest, v):
                return rest[0].upper() + rest[1:], s, e, True
        lm = v["label"].match(line)
        value = line[lm.end():].strip() if lm else ""
        if value and _heading_ok(value, v) and _has_role(value):
            return value, s, e, True  # "Job title: Senior Planning Officer"
        label, colon, after = line.partition(": ")
        if colon and not lm and len(label) <= 40 and not _has_role(label):
            if not _generic(label, v):
                i += 1
                continue  # a fact line ("Kontaktperson: Jens Hansen, Afdelingsleder")
            line = after  # "Ledige stillinger: Psykolog eller Psykoterapeut"
        if _heading_ok(line, v):
            if _has_role(line):
                return line, s, e, True
            # a breadcrumb or the employer's name may come first: keep looking for the role
            first = first or (line, s, e, False)
        elif len(line.split()) > _MAX_WORDS and not line.endswith("?"):
            if first is None and (lead := _lead(line)):
                return lead, s, e, True  # "(Two posts) Research Fellow in X (3 years, …"
            return first  # prose began
        i += 1
    return first


def _has_role(line: str) -> bool:
    return bool(_GENDER.search(line)) or any(is_role_word(w) for w in line.split())


def _lead(line: str) -> str | None:
    """The role phrase opening a long line, when it names a role and ends in a noun."""
    m = _LEAD.match(clean(line).lstrip("•-* "))
    if not m:
        return None
    words = m.group("x").split()
    while words and not words[-1][:1].isupper():
        words.pop()
    if len(words) < 2 or not any(is_role_word(w) for w in words):
        return None
    return " ".join(words)


def _named(text: str, v: dict[str, Any]) -> tuple[str, int, int] | None:
    """A capitalised role that the posting says it seeks and names again.

    "NumFOCUS is seeking an experienced Executive Director … The Executive
    Director will": the role ends in a role word and recurs in the text.
    """
    for m in v["named"].finditer(text):
        words = m.group("x").split()
        while words and not is_role_word(words[-1]):
            words.pop()
        if not words:
            continue
        x = " ".join(words)
        if len(words) > 1 and text.count(x) > 1:
            return x, m.start(), m.end()
    return None


def _phrases(text: str, v: dict[str, Any]) -> list[tuple[str, int, int]]:
    found = []
    for pat in v["phrases"]:
        for m in pat.finditer(text):
            x = clean(m.group("x"))
            words = x.split()
            if not words or not is_role_word(words[0]):
                continue
            found.append((x, m.start(), m.end()))
    return found


def choose_title(structured: Fact[str] | None, text: str, langs: tuple[str, ...],
                 title_hint: str | None, employer: str | None) -> Fact[str] | None:
    """JSON-LD's title, unless it is a template leftover or one bare word the page's
    heading names more fully ("Medarbejder" under "Medarbejder til lønteamet")."""
    v = _vocab(langs)
    value = clean(structured.value) if structured else ""
    junk = not value or bool(_CODE.search(value))
    bare = not junk and (len(value.split()) == 1 or _generic(value, v))
    if structured is not None and not junk and not bare:
        return structured
    found = find_title(text, langs, title_hint, employer)
    if structured is None or junk:
        return found
    if found is not None and (value.casefold() in found.value.casefold() or _generic(value, v)):
        return found
    return structured


def find_title(text: str, langs: tuple[str, ...], title_hint: str | None,
               employer: str | None) -> Fact[str] | None:
    """The best title with its evidence; None when nothing looks like one."""
    v = _vocab(langs)
    marks = list(re.finditer(r"(?m)^[ \t]*#{1,3}[ \t]+(.+)$", text[:5000]))
    marked = [(t, m) for m in marks
              if (t := _strip_employer(clean(m.group(1)), employer)) and _heading_ok(t, v)]
    # a heading that names a role; else the first heading, if it is no page heading
    # ("# Job Description" then "## Strategic Leadership" has no title heading)
    best = next(((t, m) for t, m in marked if _has_role(t)), None)
    if best is None and marked and marked[0][1] is marks[0]:
        best = marked[0]
    if best:
        t, m = best
        return Fact(t, clean(m.group(0)), 0.9, m.start(), m.end())
    if title_hint and clean(title_hint):
        # a page title often wraps the <h1>: "Job Application for X at Y"; prefer the
        # text line that the page title contains
        hint = clean(title_hint).casefold()
        inside = [(s, e) for s, e in first_lines(text, 60)
                  if 2 < e - s <= 120 and clean(text[s:e]).casefold() in hint
                  and any(is_role_word(w) for w in text[s:e].split())]
        if inside:
            s, e = max(inside, key=lambda se: se[1] - se[0])
            return Fact(clean(text[s:e]), clean(text[s:e]), 0.85, s, e)
    opening = _opening(text, v)
    if opening and opening[3]:
        t, s, e, _ = opening
        return Fact(_strip_employer(t, employer), clean(text[s:e]), 0.85, s, e)
    if title_hint and clean(title_hint):
        hint = _strip_employer(clean(title_hint), employer)
        return Fact(hint, clean(title_hint), 0.7, None, None)
    named = _named(text, v)
    if named:
        x, s, e = named
        return Fact(x, clean(text[s:e]), 0.55, s, e)
    phrases = _phrases(text, v)
    if phrases:
        heads = Counter(p[0].split()[0].casefold() for p in phrases)
        # "sektionsleder" is more specific than "leder": the compound wins
        for head in list(heads):
            if any(o != head and o.endswith(head) for o in heads):
                del heads[head]
        # the role named most often, counting every mention in the text
        for head in list(heads):
            heads[head] += len(re.findall(rf"(?i)(?<!\w){re.escape(head)}\w{{0,4}}(?!\w)", text))
        best_head = max(heads, key=lambda h: (heads[h], len(h)))
        group = [p for p in phrases if p[0].split()[0].casefold() == best_head]

        def rank(p: tuple[str, int, int]) -> tuple[int, int]:
            proper = any(w[:1].isupper() for w in p[0].split()[1:])
            return (int(proper), -p[1])

        x, s, e = max(group, key=rank)
        return Fact(x[0].upper() + x[1:], clean(text[s:e]), 0.5, s, e)
    if opening:
        t, s, e, _ = opening
        return Fact(_strip_employer(t, employer), clean(text[s:e]), 0.4, s, e)
    return None
