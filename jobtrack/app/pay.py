"""Salaries made comparable: the figures of a posting's salary text, per month and per year.

Derived, never stored: the posting keeps the text it said ("675.000 –
700.000 kr. årligt") and the figures are read from it when a list is sorted
or `stats` compares them, so an edit of the text is never out of step with
its figures. Amounts in different currencies are not converted (jobtrack
has no exchange rates and no network for them): they are compared within
their currency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jobtrack.core.model import Posting
from jobtrack.lang.pay import Pay, parse_pay

_RATES = {"hour": "hourly", "day": "daily", "week": "weekly"}
# Country domains whose code is not the territory's ISO code.
_DOMAINS = {"uk": "GB"}
# Country domains used as generic ones by startups and sites anywhere: they say nothing of the country.
_GENERIC = frozenset({"ai", "cc", "co", "fm", "gg", "io", "ly", "me", "sh", "to", "tv", "ws"})


def territory(url: str) -> str:
    """The country a posting's address names by its domain ("job.seek.com.au" → "AU"), or ""."""
    host = urlsplit(url).hostname or ""
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if tld in _GENERIC:
        return ""
    return _DOMAINS.get(tld, tld.upper() if len(tld) == 2 and tld.isalpha() else "")


@lru_cache(maxsize=4096)
def _parsed(text: str, language: str, where: str) -> Pay | None:
    return parse_pay(text, language, where)


def pay_of(p: Posting) -> Pay | None:
    """The figures of the posting's salary text, or None when it gives none."""
    if not p.salary.strip():
        return None
    return _parsed(p.salary, p.language, territory(p.url))


def figures(low: Decimal | None, high: Decimal | None, currency: str = "") -> str:
    """ "DKK 45,000–52,000", "from DKK 40,000", "up to DKK 50,000", "DKK 38,000"."""
    unit = f"{currency} " if currency else ""
    if low is None or high is None:
        end = low if high is None else high
        return "" if end is None else f"{'from' if high is None else 'up to'} {unit}{end:,.0f}"
    return f"{unit}{low:,.0f}" if round(low) == round(high) else f"{unit}{low:,.0f}–{high:,.0f}"


def per(pay: Pay, period: str) -> str:
    """ "DKK 56,250–58,333 a month"."""
    return f"{figures(*pay.scaled(period), pay.label)} a {period}"


def pay_text(pay: Pay) -> str:
    """Per month and per year on one line, saying what was assumed rather than read."""
    text = f"{per(pay, 'month')} · {per(pay, 'year')}"
    if pay.period not in ("month", "year"):
        text += f" (from {_RATES[pay.period]} pay)"
    if pay.assumed:
        text += f" ({' and '.join(pay.assumed)} assumed)"
    return text


def pay_json(pay: Pay | None) -> dict[str, Any] | None:
    """For `list --json`, `show --json` and `stats --json`: whole units, per month and per year."""
    if pay is None:
        return None

    def ends(period: str) -> list[int | None]:
        return [None if x is None else round(x) for x in pay.scaled(period)]

    return {"min": _plain(pay.low), "max": _plain(pay.high), "currency": pay.currency, "symbol": pay.symbol,
            "period": pay.period, "per_month": ends("month"), "per_year": ends("year"), "assumed": list(pay.assumed)}


def _plain(x: Decimal | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if x == x.to_integral_value() else float(x)


def by_pay(postings: Iterable[Posting]) -> list[Posting]:
    """Highest pay first, within the currency most of them are paid in; those without figures last.

    Currencies are not converted, so each currency keeps its own block,
    the most common first.
    """
    found = [(p, pay_of(p)) for p in postings]
    counts: dict[str, int] = {}
    for _, pay in found:
        if pay is not None:
            counts[pay.label] = counts.get(pay.label, 0) + 1
    rank = {label: n for n, label in enumerate(sorted(counts, key=lambda c: (-counts[c], c)))}

    def key(item: tuple[Posting, Pay | None]) -> tuple[int, Decimal, int]:
        p, pay = item
        if pay is None:
            return (len(rank), Decimal(0), p.id or 0)
        return (rank[pay.label], -pay.middle(), p.id or 0)

    return [p for p, _ in sorted(found, key=key)]


@dataclass
class PayGroup:
    """The postings paid in one currency, highest first, for `stats`."""

    currency: str
    paid: list[tuple[Posting, Pay]]

    def span(self, period: str = "month") -> tuple[Decimal, Decimal]:
        """The lowest and highest figure of any posting in the group."""
        ends = [x for _, pay in self.paid for x in pay.scaled(period) if x is not None]
        return min(ends), max(ends)


def pay_groups(postings: Iterable[Posting]) -> list[PayGroup]:
    """Postings with salary figures, by currency (most common first), highest pay first."""
    groups: dict[str, list[tuple[Posting, Pay]]] = {}
    for p in by_pay(postings):
        pay = pay_of(p)
        if pay is not None:
            groups.setdefault(pay.label, []).append((p, pay))
    return [PayGroup(currency, paid) for currency, paid in groups.items()]


__all__ = ["PayGroup", "by_pay", "figures", "pay_groups", "pay_json", "pay_of", "pay_text", "per", "territory"]
