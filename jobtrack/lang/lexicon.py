"""Vocabulary per language, loaded from `vocab/*.toml` and cached.

The engine never names a word of any language itself: it asks the lexicon.
Adding Norwegian is adding `vocab/nb.toml` with the same keys.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

VOCAB_DIR = Path(__file__).with_name("vocab")


@cache
def languages() -> tuple[str, ...]:
    """The language codes that have a vocabulary file."""
    return tuple(sorted(p.stem for p in VOCAB_DIR.glob("*.toml")))


@cache
def raw(lang: str) -> dict[str, Any]:
    """One language's vocabulary as parsed TOML."""
    with (VOCAB_DIR / f"{lang}.toml").open("rb") as fh:
        return tomllib.load(fh)


def _get(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)  # type: ignore[assignment]
    return data


def words(path: str, langs: Iterable[str] | None = None) -> list[str]:
    """A list key ("cues.interview") merged over languages, longest first."""
    out: set[str] = set()
    for lang in langs or languages():
        value = _get(raw(lang), path)
        if isinstance(value, list):
            out.update(str(v).casefold() for v in value)
    return sorted(out, key=lambda w: (-len(w), w))


def setting(path: str, lang: str) -> str:
    """A text key ("phone_region") of one language; "" when the file lacks it."""
    value = _get(raw(lang), path) if lang in languages() else None
    return value if isinstance(value, str) else ""


def table(path: str, langs: Iterable[str] | None = None) -> dict[str, int]:
    """A table key ("months") merged over languages."""
    out: dict[str, int] = {}
    for lang in langs or languages():
        value = _get(raw(lang), path)
        if isinstance(value, dict):
            out.update({str(k).casefold(): int(v) for k, v in value.items()})
    return out


def alternation(items: Iterable[str], stem: bool = False) -> str:
    """A regex alternation of phrases, longest first; `stem` lets words run on.

    Spaces in a phrase match any whitespace, so phrases survive line breaks.
    """
    parts = []
    for item in sorted(set(items), key=lambda w: (-len(w), w)):
        p = r"\s+".join(re.escape(w) for w in item.split())
        parts.append(p + (r"\w*" if stem else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


@dataclass(frozen=True)
class Cue:
    """A compiled cue pattern: word stems at word starts."""

    pattern: re.Pattern[str]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)


@cache
def cue(path: str, langs: tuple[str, ...] | None = None, stem: bool = True) -> Cue:
    """A case-insensitive pattern for a cue list, matched at word starts."""
    alt = alternation(words(path, langs), stem=stem)
    tail = "" if stem else r"(?!\w)"
    return Cue(re.compile(r"(?<![\w])" + alt + tail, re.IGNORECASE))


_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _tokens(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((m.start(), m.group()[:3].casefold()) for m in _TOKEN.finditer(text))


_DIGIT = "\0digit"


@lru_cache(maxsize=8)
def _index(text: str) -> dict[str, list[int]]:
    """Word starts by their first one, two and three letters, built once per text."""
    index: dict[str, list[int]] = {}
    for pos, head in _tokens(text):
        for key in {head, head[:2], head[:1]}:
            index.setdefault(key, []).append(pos)
        if head[0].isdigit():
            index.setdefault(_DIGIT, []).append(pos)
    return index


def heads(items: Iterable[str]) -> frozenset[str]:
    """The first (up to) three letters of each phrase's first word, for `scan`."""
    return frozenset(m.group()[:3].casefold() for w in items if (m := _TOKEN.search(w)))


def scan(pattern: re.Pattern[str], text: str, firsts: frozenset[str],
         digits: bool = False) -> Iterator[re.Match[str]]:
    """Like `pattern.finditer(text)`, trying only where a word starts with one of `firsts`.

    Case-insensitive alternations of many words are slow to try at every
    character; a posting has far fewer words than characters. The pattern
    must start matching at the start of a word.
    """
    index = _index(text)
    found: set[int] = set(index.get(_DIGIT, ())) if digits else set()
    for first in firsts:
        found.update(index.get(first, ()))
    last = 0
    for pos in sorted(found):
        if pos < last:
            continue
        m = pattern.match(text, pos)
        if m and m.end() > m.start():
            last = m.end()
            yield m
