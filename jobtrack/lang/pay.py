"""A salary text read as figures: lowest, highest, currency and period.

"675.000 – 700.000 kr. årligt" is 675000 to 700000 DKK a year; "DKK 45,000
– 52,000 per month" is 45000 to 52000 DKK a month; "efter overenskomst" or
"løntrin 32" has no figure and gives None, never a made-up one. The text
stays what the posting said; these figures are derived from it whenever
they are needed (sorting, comparing, per month and per year).

Numbers are read the way the posting's readers write them: "45.000" and
"45,000" and "45 000" are forty-five thousand, "37,50" and "37.5" have
decimals. Only an amount with a currency (or in a range with one) is
money, so "40 Stunden" and "Grade 7" are not. Currencies are ISO 4217
codes from CLDR through babel: a symbol means what it means where the
posting's language is spoken ("kr." is DKK in Danish, SEK in Swedish; "$"
is AUD in Australia), a territory given by the caller wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies, list_currencies

from jobtrack.lang import lexicon

PERIODS = ("hour", "day", "week", "month", "year")
# How many of each period make a year: 37 hours a week (the Danish full-time
# norm), five working days a week, 52 weeks.
PER_YEAR: dict[str, Decimal] = {"hour": Decimal(37 * 52), "day": Decimal(5 * 52), "week": Decimal(52),
                                "month": Decimal(12), "year": Decimal(1)}
# A figure without a period is read by its size, as a reader does: kroner
# salaries are about ten times the figure of pounds, euros or dollars. Below
# the first bound an hour's pay, below the second a month's, else a year's.
_SIZES: dict[str, tuple[int, int]] = {
    **dict.fromkeys(("DKK", "NOK", "SEK", "ISK"), (1_000, 150_000)),
    **dict.fromkeys(("EUR", "GBP", "USD", "AUD", "CAD", "NZD", "CHF", "IEP"), (200, 15_000)),
}
_SP = r"[^\S\n]*"
# "284.801,00", "45 000", "2.000,-", "37,5": groups of three, then perhaps decimals
_NUM = r"\d{1,3}(?:[.,\u00a0 '’]\d{3})+(?:[.,]\d{1,2})?(?:[.,]-)?|\d+(?:[.,]\d{1,2})?(?:[.,]-)?"
_NUMBER = re.compile(r"(\d{1,3}(?:[.,\u00a0 '’]\d{3})+|\d+)(?:[.,](\d{1,2}))?")


@dataclass(frozen=True)
class Pay:
    """The figures of one salary text. `low` or `high` is None for "from …" or "up to …"."""

    low: Decimal | None
    high: Decimal | None
    currency: str  # ISO 4217 code; "" when the text names a currency nobody can place
    symbol: str  # the currency as written ("kr.", "£"), or the code when none was written
    period: str  # one of PERIODS
    assumed: tuple[str, ...] = ()  # "currency", "period": read from context, not written

    @property
    def label(self) -> str:
        return self.currency or self.symbol

    def scaled(self, period: str) -> tuple[Decimal | None, Decimal | None]:
        """The range per `period` ("month", "year"), by the factors of PER_YEAR."""
        factor = PER_YEAR[self.period] / PER_YEAR[period]
        return (None if self.low is None else self.low * factor, None if self.high is None else self.high * factor)

    def middle(self, period: str = "year") -> Decimal:
        """One figure for sorting: the middle of the range, or its one end."""
        low, high = self.scaled(period)
        ends = [x for x in (low, high) if x is not None]
        return sum(ends, Decimal(0)) / len(ends)

    def amounts(self) -> list[str]:
        """The figures as whole units, as written: ["675000", "700000"]."""
        ends = [x for x in (self.low, self.high) if x is not None]
        return [str(int(x)) for x in dict.fromkeys(ends)]


@dataclass(frozen=True)
class _Words:
    amount: re.Pattern[str]
    join: re.Pattern[str]
    before_from: re.Pattern[str]
    before_up_to: re.Pattern[str]
    periods: list[tuple[str, re.Pattern[str]]]
    scale: dict[str, int]
    allowance: re.Pattern[str]
    plus: re.Pattern[str]
    cue: lexicon.Cue


def _alt(path: str) -> str:
    return lexicon.alternation(lexicon.words(path))


@cache
def _words() -> _Words:
    """Every language's words at once: a Danish posting may say "DKK 45,000 per month"."""
    cur = rf"(?:[A-Z]{{1,2}}\$|(?-i:[A-Z]{{3}})|[$£€¥]|{_alt('salary.currency')})"
    thousand, million = lexicon.words("salary.thousand"), lexicon.words("salary.million")
    scale = lexicon.alternation(thousand + million)
    amount = (rf"(?<![\w.,])(?:(?P<pre>{cur}){_SP})?(?P<num>{_NUM})(?!\d)"
              rf"(?:{_SP}(?P<scale>{scale})(?!\w))?(?:{_SP}(?P<post>{cur})(?![\w$£€]))?")
    # "kr./md.", "kr/mån": a period word that starts with a slash may follow a word
    periods = [(name, re.compile(rf"(?:(?<!\w)|(?=/)){_alt(f'salary.period_{name}')}(?!\w)", re.I)) for name in PERIODS]
    return _Words(
        amount=re.compile(amount, re.I),
        join=re.compile(rf"{_SP},?{_SP}(?:[-–—]+|{_alt('salary.range')}){_SP}", re.I),
        before_from=re.compile(rf"(?<!\w){_alt('salary.from')}{_SP}:?{_SP}$", re.I),
        before_up_to=re.compile(rf"(?<!\w){_alt('salary.up_to')}{_SP}:?{_SP}$", re.I),
        periods=periods,
        scale={**dict.fromkeys(thousand, 1_000), **dict.fromkeys(million, 1_000_000)},
        # compounds end in the word: "funktionstillæg"
        allowance=re.compile(rf"(?<!\w)\w*{_alt('salary.allowance')}", re.I),
        plus=re.compile(rf"\+|(?<!\w){_alt('salary.plus')}(?!\w)", re.I),
        cue=lexicon.cue("cues.salary"),
    )


def number(text: str) -> Decimal:
    """ "45.000", "45,000", "45 000" → 45000; "37,50" and "37.5" → decimals; "2.000,-" → 2000."""
    m = _NUMBER.fullmatch(re.sub(r"[.,]-$", "", text))
    if m is None:
        raise ValueError(f"not a number: {text!r}")
    whole, cents = re.sub(r"\D", "", m.group(1)), m.group(2) or ""
    return Decimal(f"{whole}.{cents}" if cents else whole)


@dataclass(frozen=True)
class _Amount:
    start: int
    end: int
    value: Decimal
    currency: str  # as written, "" when none


def _amounts(text: str, w: _Words) -> list[_Amount]:
    out = []
    for m in w.amount.finditer(text):
        value = number(m.group("num"))
        if m.group("scale"):
            value *= w.scale[m.group("scale").casefold()]
        written = m.group("pre") or m.group("post") or ""
        if written and not _is_currency(written):  # "UCL07", "NHS 2024": a code, not money
            written = ""
        out.append(_Amount(m.start(), m.end(), value, written))
    return out


def _is_currency(written: str) -> bool:
    return not re.fullmatch(r"[A-Z]{3}", written) or written in _codes()


@cache
def _codes() -> frozenset[str]:
    return frozenset(list_currencies())


@cache
def _place(language: str, territory: str) -> tuple[Locale, str]:
    """Where a posting is read: its territory (given, or where its language mostly is) and the locale there."""
    language = language or "en"
    likely = get_global("likely_subtags").get(language, "")
    territory = territory.upper() or (likely.rsplit("_", 1)[-1] if likely.count("_") == 2 else "US")
    for ident in (f"{language}_{territory}", language, "en"):
        try:
            return Locale.parse(ident), territory
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("babel has no English locale")


def _home(language: str, territory: str) -> str:
    """The currency where the posting is read ("DKK" for Danish)."""
    found = get_territory_currencies(_place(language, territory)[1])
    return found[0] if found else ""


def _key(written: str) -> str:
    return written.casefold().rstrip(".")


@cache
def _names(language: str, territory: str) -> dict[str, str]:
    """Symbols and names of currencies where the posting is read → codes; the home currency first."""
    loc, where = _place(language, territory)
    home = get_territory_currencies(where)
    out: dict[str, str] = {}
    for code in [*home, *sorted(loc.currency_symbols)]:
        symbol = loc.currency_symbols.get(code)
        if symbol:
            out.setdefault(_key(symbol), code)
    for code in home:  # "kroner", "euro": the words of the home currency's name
        for count in (1, 2):
            for word in get_currency_name(code, count, loc).split():
                out.setdefault(_key(word), code)
    return out


def currency_code(written: str, language: str = "", territory: str = "") -> str:
    """The ISO code of a currency as written in a posting; "" when it cannot be placed."""
    if written.upper() in _codes() and len(written) == 3:
        return written.upper()
    m = re.fullmatch(r"(?i)(us|au?|c|nz)\$", written)
    if m:
        return {"us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "nz": "NZD"}[m.group(1).casefold()]
    return _names(language, territory).get(_key(written), "")


def _allowance(text: str, start: int, end: int, w: _Words) -> bool:
    """A payment beside the salary: "tillæg på 2.000 kr.", "£3,000 London weighting" (not "+ pension")."""
    before = re.split(r"[\d;:!?+]|\.\s", text[max(0, start - 40):start])[-1]
    owned = max((m.end() for m in w.allowance.finditer(before)), default=-1)
    if owned > max((m.end() for m in w.cue.finditer(before)), default=-1):  # "… and a salary of £40,000": the salary's
        return True
    after = text[end:end + 30]
    owner = w.allowance.search(after)
    return owner is not None and len(after[:owner.start()].split()) < 3 and not w.plus.search(after, 0, owner.start())


def _period(text: str, start: int, end: int, w: _Words) -> str:
    """The period word nearest after the figure, else the last one before it ("im Monat (ca. 350–400€)")."""
    after = [(m.start(), name) for name, p in w.periods if (m := p.search(text, end))]
    if after:
        return min(after)[1]
    before = [(m.start(), name) for name, p in w.periods for m in p.finditer(text, 0, start)]
    return max(before)[1] if before else ""


def _by_size(value: Decimal, currency: str) -> str:
    bounds = _SIZES.get(currency)
    if bounds is None:
        return ""
    hour, month = bounds
    return "hour" if value < hour else "month" if value < month else "year"


def parse_pay(text: str, language: str = "", territory: str = "") -> Pay | None:
    """The first money figure or range of `text`, or None when it gives none.

    `language` (ISO 639-1) and `territory` (ISO 3166, e.g. from the
    posting's address) place a currency symbol; without a currency in the
    text, a figure in thousands next to a period ("45.000 pr. md.") is
    taken in the language's home currency, and marked as assumed.
    """
    w = _words()
    found = _amounts(text, w)
    for n, a in enumerate(found):
        b = found[n + 1] if n + 1 < len(found) and w.join.fullmatch(text, a.end, found[n + 1].start) else None
        if b is not None and b.value < a.value:  # "35.000 kr. og 5.000 kr. i tillæg": not a range
            b = None
        if _allowance(text, a.start, (b or a).end, w):
            continue
        written = a.currency or (b.currency if b else "")
        assumed: list[str] = []
        end = (b or a).end
        if not written:
            gap = re.compile(r"\s*").match(text, end)
            if a.value < 1000 or not any(p.match(text, gap.end() if gap else end) for _, p in w.periods):
                continue
            written, assumed = _home(language, territory), ["currency"]
            if not written:
                continue
        code = currency_code(written, language, territory)
        low: Decimal | None = a.value
        high = b.value if b else None
        if b is None:
            before = text[:a.start]
            if w.before_up_to.search(before):
                low, high = None, a.value
            elif not w.before_from.search(before):
                high = a.value
        period = _period(text, a.start, end, w)
        if not period:
            period = _by_size(high if high is not None else a.value, code)
            if not period:
                return None
            assumed.append("period")
        return Pay(low, high, code, written, period, tuple(assumed))
    return None


__all__ = ["PERIODS", "PER_YEAR", "Pay", "currency_code", "number", "parse_pay"]
