"""Guess the posting's language from frequent words in each vocabulary."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any, Iterator

from jobtrack.extract import lexicon

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(lexicon.words("stopwords", [lang])) for lang in lexicon.languages()}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(item, (dict, list)):
                yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


@cache
def _vocabulary() -> dict[str, frozenset[str]]:
    """Every word of each vocabulary file: cue words, months, role words…"""
    return {lang: frozenset(w.casefold() for s in _strings(lexicon.raw(lang)) for w in _WORD.findall(s))
            for lang in lexicon.languages()}


def _known(word: str, vocab: frozenset[str]) -> bool:
    """The word or a stem of it is in the vocabulary: "ansøgningsfristen" by "ansøgningsfrist"."""
    return word in vocab or any(word[:k] in vocab for k in range(5, len(word)))


def detect(text: str, default: str = "en") -> str:
    """The language whose frequent words occur most often.

    Counting words shared by two languages ("i", "a") for both is harmless:
    what decides is the many words that are not shared. A short text whose
    frequent words tie ("den" is Danish, Norwegian and Swedish) is decided
    by the rest of each vocabulary ("ansøgningsfristen", "samtaler"); a
    full tie goes to `default` when it is among the best, else to the first
    of them by code.
    """
    freq = Counter(m.casefold() for m in _WORD.findall(text[:20000]))
    stop, vocab = _stopwords(), _vocabulary()
    counts = {lang: (sum(n for w, n in freq.items() if w in sw),
                     sum(n for w, n in freq.items() if _known(w, vocab[lang])))
              for lang, sw in stop.items()}
    if not counts or max(counts.values()) == (0, 0):
        return default
    top = max(counts.values())
    best = [lang for lang in sorted(counts) if counts[lang] == top]
    return default if default in best else best[0]
