"""Guess the posting's language from frequent words in each vocabulary."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any, Iterator

from jobtrack.lang import lexicon

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _stopwords() -> dict[str, tuple[str, ...]]:
    """Each stopword with the languages that list it."""
    out: dict[str, tuple[str, ...]] = {}
    for lang in lexicon.languages():
        for word in lexicon.words("stopwords", [lang]):
            out[word] = out.get(word, ()) + (lang,)
    return out


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
    by the rest of each vocabulary ("ansøgningsfristen", "samtaler"), and
    so is a text with no frequent word at all; a full tie goes to `default`
    when it is among the best, else to the first of them by code.
    """
    freq = Counter(m.casefold() for m in _WORD.findall(text[:20000]))
    counts = dict.fromkeys(lexicon.languages(), 0)
    stop = _stopwords()
    for word, n in freq.items():
        for lang in stop.get(word, ()):
            counts[lang] += n
    best = _best(counts)
    if len(best) != 1:  # only then the slower look at every word of the tied vocabularies
        vocab = _vocabulary()
        tied = best or sorted(counts)
        best = _best({lang: sum(n for w, n in freq.items() if _known(w, vocab[lang]))
                      for lang in tied}) or best
    if not best:
        return default
    return default if default in best else best[0]


def _best(counts: dict[str, int]) -> list[str]:
    """The languages with the highest count above zero, by code."""
    top = max(counts.values(), default=0)
    return [lang for lang in sorted(counts) if counts[lang] == top] if top else []
