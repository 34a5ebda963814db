"""Guess the posting's language from frequent words in each vocabulary."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from jobtrack.extract import lexicon

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(lexicon.words("stopwords", [lang])) for lang in lexicon.languages()}


def detect(text: str, default: str = "en") -> str:
    """The language whose frequent words occur most often; `default` on a tie.

    Counting words shared by two languages ("i", "a") for both is harmless:
    what decides is the many words that are not shared.
    """
    sets = _stopwords()
    freq = Counter(m.casefold() for m in _WORD.findall(text[:20000]))
    counts = {lang: sum(n for w, n in freq.items() if w in sw) for lang, sw in sets.items()}
    if not counts or max(counts.values()) == 0:
        return default
    best = max(sorted(counts), key=lambda lang: counts[lang])
    if list(counts.values()).count(counts[best]) > 1 and default in counts:
        return default
    return best
