"""Phone numbers in E.164, with identifiers and dates kept out.

phonenumbers' matcher finds the Danish forms ("5158 4878", "24 81 00 46",
"+4522138828", "tlf. 3045 6405") and skips amounts, but also accepts
eight-digit CVR and case numbers: those are dropped by the word before them
and by overlap with date spans.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import phonenumbers

from jobtrack.lang import lexicon


@dataclass(frozen=True)
class PhoneSpan:
    start: int
    end: int
    e164: str


@cache
def _not_phone() -> re.Pattern[str]:
    alt = lexicon.alternation(lexicon.words("cues.not_phone"))
    number = lexicon.alternation(lexicon.words("cues.number_word"))
    return re.compile(rf"(?<!\w){alt}[\s.:#-]*{number}?[\s.:#-]*$",
                      re.IGNORECASE)


_INTERNATIONAL = re.compile(r"(?<![\w+])\+\d[\d \t().-]{5,17}\d")
_DOMAIN = re.compile(r"(?i)(?:@|www\.|https?://)[\w-]+(?:\.[\w-]+)*\.([a-z]{2})(?![\w-]|\.\w)")
_TLD_REGION = {"uk": "GB"}


def _known(region: str) -> bool:
    return phonenumbers.country_code_for_region(region) != 0


def guess_region(text: str, lang: str) -> str:
    """The phone region to assume for numbers written without a country code.

    Each number the posting writes with a country code ("+353 1 896 4120")
    and each country domain of its e-mail and web addresses (".ie", ".co.uk")
    is a vote, and so is the posting's language where it belongs to one
    country (Danish); with no votes its currency decides (£, $); else Denmark.
    """
    votes: Counter[str] = Counter()
    for m in _INTERNATIONAL.finditer(text):
        try:
            region = phonenumbers.region_code_for_number(phonenumbers.parse(m.group(), None))
        except phonenumbers.NumberParseException:
            continue
        if region and _known(region):
            votes[region] += 1
    for m in _DOMAIN.finditer(text):
        tld = m.group(1).casefold()
        region = _TLD_REGION.get(tld, tld.upper())
        if _known(region):
            votes[region] += 1
    home = lexicon.setting("phone_region", lang)
    if home and _known(home):
        votes[home] += 1
    if votes:
        return max(sorted(votes), key=lambda r: votes[r])
    if "£" in text:
        return "GB"
    if "$" in text:
        return "US"
    return "DK"


def find_phones(text: str, region: str = "DK",
                exclude: list[tuple[int, int]] | None = None) -> list[PhoneSpan]:
    """Valid phone numbers in `text`, in order; `exclude` holds date spans."""
    out: list[PhoneSpan] = []
    exclude = exclude or []
    try:
        matches = list(phonenumbers.PhoneNumberMatcher(text, region))
    except Exception:  # the matcher is third-party code: never let it sink extraction
        return out
    for m in matches:
        s, e = m.start, m.end
        if _not_phone().search(text[max(0, s - 20):s]):
            continue
        if s > 0 and text[s - 1] in "/=#_" or text[e:e + 1] in ("=", "_") \
                or text[e:e + 1] == "/" and not text[e + 1:e + 2].isspace():
            continue
        if any(a < e and s < b for a, b in exclude):
            continue
        out.append(PhoneSpan(s, e, phonenumbers.format_number(
            m.number, phonenumbers.PhoneNumberFormat.E164)))
    return out


__all__ = ["PhoneSpan", "find_phones", "guess_region"]
