"""Salary texts read as figures (`jobtrack.lang.pay`), and where they show: list, show, stats, detail.

Every salary in ../shared/postings and ../shared/corpus is read as its
label says a reader reads it (the corpus labels' `salary_amounts`), and
text that is no figure gives none rather than a wrong one.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from jobtrack.app.intake import read_source
from jobtrack.app.pay import by_pay, pay_of, pay_text, territory
from jobtrack.core.model import Posting
from jobtrack.lang.pay import number, parse_pay
from jobtrack.store.store import Bundle, Store
from jobtrack.tui.app import JobtrackApp

from tui_kit import clock, shown

SHARED = Path(__file__).resolve().parents[2] / "shared"
# Per labelled posting with a salary: (lowest, highest, currency, period) as a reader takes them; None: no figure.
# The SEEK advert came from seek.com.au: the territory a real address gives (see `territory`).
READ: dict[str, tuple[str, str, str, str] | None] = {
    "da-silkeborg-sektionsleder": ("675000", "700000", "DKK", "year"),
    "de-uni-jena-doktorandenstelle-modell-romantik": None,
    "de-uni-jena-studentische-hilfskraefte-annotation": ("350", "400", "EUR", "month"),
    "en-au-blueshift-junior-software-engineer": ("75000", "80000", "AUD", "year"),
    "en-csj-house-of-lords-head-of-policy-research": ("53730", "53730", "GBP", "year"),
    "en-de-uni-jena-julie-lab-aquadiva-researcher-en": None,
    "en-nhs-cuh-senior-occupational-therapist": ("31365", "37890", "GBP", "year"),
    "en-nhs-hct-palms-clinical-lead": ("53168", "62001", "GBP", "year"),
    "en-nhs-swindon-council-social-worker": ("32231", "33537", "GBP", "year"),
    "en-uk-edinburgh-usher-research-fellow-health-data": ("33797", "40322", "GBP", "year"),
    "en-uk-ucl-knowlab-research-fellow-clinical-text": None,
    "en-us-numfocus-executive-director": ("180000", "190000", "USD", "year"),
    "en-uxbri-portsmouth-senior-ux-designer": ("38474", "41931", "GBP", "year"),
    "en-uxbri-southampton-ktp-interaction-designer": ("34000", "37300", "GBP", "year"),
}
WHERE = {"en-au-blueshift-junior-software-engineer": "AU"}


def _labelled() -> list[tuple[Path, dict]]:
    folders = [f for base in ("postings", "corpus") if (SHARED / base).is_dir()
               for f in sorted((SHARED / base).iterdir()) if (f / "labels.json").is_file()]
    if not folders:
        pytest.skip("../shared/postings and ../shared/corpus are absent (they live beside the repo)")
    return [(f, json.loads((f / "labels.json").read_text(encoding="utf-8"))) for f in folders]


def _figures(text: str, language: str, where: str = "") -> tuple[str, str, str, str] | None:
    pay = parse_pay(text, language, where)
    if pay is None:
        return None
    return (str(int(pay.low or 0)), str(int(pay.high or 0)), pay.currency, pay.period)


def test_every_labelled_salary_gives_the_figures_a_reader_sees() -> None:
    salaries = {f.name: (labels["salary"], labels.get("language", ""), labels.get("salary_amounts"))
                for f, labels in _labelled() if labels.get("salary")}
    assert set(salaries) == set(READ), "a labelled salary without an expectation here, or one gone"
    for name, (text, language, amounts) in salaries.items():
        assert _figures(text, language, WHERE.get(name, "")) == READ[name], (name, text)
        pay = parse_pay(text, language, WHERE.get(name, ""))
        if amounts is not None:  # the corpus labels' headline figures
            assert (pay.amounts() if pay else []) == amounts, (name, text)


def test_the_extracted_salary_text_gives_the_same_figures() -> None:
    """What `add` stores is the extractor's text, not the label's: it must read the same."""
    for folder, labels in _labelled():
        if folder.name not in READ:
            continue
        posting = next(p for p in sorted(folder.glob("posting.*")))
        found = read_source(str(posting), None)[1].to_json()
        if found.get("salary"):
            assert _figures(found["salary"], labels.get("language", ""), WHERE.get(folder.name, "")) == READ[folder.name], \
                (folder.name, found["salary"])


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("675.000 – 700.000 kr. årligt", "da", ("675000", "700000", "DKK", "year")),
    ("DKK 45,000 – 52,000 per month", "da", ("45000", "52000", "DKK", "month")),
    ("kr. 38.000 pr. md. + pension", "da", ("38000", "38000", "DKK", "month")),
    ("Løn: 45.000 kr. om måneden", "da", ("45000", "45000", "DKK", "month")),
    ("mellem 40.000 og 46.000 kr. pr. måned", "da", ("40000", "46000", "DKK", "month")),
    ("185,50 kr. i timen", "da", ("185", "185", "DKK", "hour")),
    ("35 000 kr i månaden", "sv", ("35000", "35000", "SEK", "month")),
    ("550 000 kr årlig", "no", ("550000", "550000", "NOK", "year")),
    ("3.200 € brutto im Monat", "de", ("3200", "3200", "EUR", "month")),
    ("284.801,00 kr. årligt", "da", ("284801", "284801", "DKK", "year")),
    ("£30k–£35k", "en", ("30000", "35000", "GBP", "year")),
    ("€ 1,5 mio. pro Jahr", "de", ("1500000", "1500000", "EUR", "year")),
    ("$75,000 – $80,000 + super per year", "en", ("75000", "80000", "USD", "year")),
    ("US$ 90,000", "da", ("90000", "90000", "USD", "year")),
    ("35.000 kr. og 5.000 kr. i tillæg", "da", ("35000", "35000", "DKK", "month")),
    ("Løn: 35.000-40.000 kr./md.", "da", ("35000", "40000", "DKK", "month")),
    ("38 000 – 42 000 kr/mån", "sv", ("38000", "42000", "SEK", "month")),
    ("funktionstillæg på 2.000 kr. og løn 45.000 kr. om måneden", "da", ("45000", "45000", "DKK", "month")),
    ("£3,000 London weighting and a salary of £40,000 a year", "en", ("40000", "40000", "GBP", "year")),
    ("Salary £40,000 plus London weighting of £3,000", "en", ("40000", "40000", "GBP", "year")),
    ("Løn: 45.000 kr. inkl. pension", "da", ("45000", "45000", "DKK", "month")),
])
def test_number_formats_ranges_and_currencies(text: str, language: str, expected: tuple[str, ...]) -> None:
    assert _figures(text, language) == expected


@pytest.mark.parametrize("text", [
    "efter overenskomst", "Løn efter gældende overenskomst", "løntrin 32", "Grade: UCL07", "Entgeltgruppe E13",
    "pay scale TV-L 13", "Competitive", "37 timer om ugen", "40 Stunden im Monat", "",
    "lønramme 37 + tillæg på 2.000 kr.", "bonus of up to £5,000",  # a payment beside a salary it does not give
])
def test_text_that_is_no_figure_gives_none(text: str) -> None:
    assert parse_pay(text, "da") is None
    assert parse_pay(text, "en") is None


def test_from_and_up_to_give_one_end() -> None:
    low = parse_pay("fra 40.000 kr. om måneden", "da")
    assert low is not None and (low.low, low.high) == (Decimal(40000), None)
    assert pay_text(low) == "from DKK 40,000 a month · from DKK 480,000 a year"
    high = parse_pay("up to £50,000 a year", "en")
    assert high is not None and (high.low, high.high) == (None, Decimal(50000))


def test_what_is_not_written_is_marked_assumed() -> None:
    bare = parse_pay("£53,730", "en")
    assert bare is not None and bare.assumed == ("period",)
    no_currency = parse_pay("45.000 pr. md.", "da")
    assert no_currency is not None and (no_currency.currency, no_currency.assumed) == ("DKK", ("currency",))
    assert pay_text(no_currency).endswith("(currency assumed)")


def test_numbers_as_people_write_them() -> None:
    assert [number(t) for t in ("45.000", "45,000", "45 000", "37,50", "37.5", "2.000,-")] == \
        [Decimal(45000), Decimal(45000), Decimal(45000), Decimal("37.50"), Decimal("37.5"), Decimal(2000)]


def test_per_month_and_per_year() -> None:
    pay = parse_pay("675.000 – 700.000 kr. årligt", "da")
    assert pay is not None
    assert pay_text(pay) == "DKK 56,250–58,333 a month · DKK 675,000–700,000 a year"
    hourly = parse_pay("200 kr. i timen", "da")
    assert hourly is not None and pay_text(hourly) == \
        "DKK 32,067 a month · DKK 384,800 a year (from hourly pay)"


def test_territory_from_the_address() -> None:
    assert [territory(u) for u in ("https://www.seek.com.au/job/1", "https://jobs.ac.uk/x", "https://job.dk/", "https://x.com/",
                                    "https://startup.io/jobs")] == ["AU", "GB", "DK", "", ""]
    p = Posting("Engineer", salary="$75,000 – $80,000 per year", language="en", url="https://www.seek.com.au/job/1")
    pay = pay_of(p)
    assert pay is not None and pay.currency == "AUD"


def test_sorting_by_pay_keeps_currencies_apart_and_figureless_last() -> None:
    postings = [Posting("none", salary="efter overenskomst", id=1),
                Posting("low", salary="kr. 38.000 pr. md.", language="da", id=2),
                Posting("pounds", salary="£90,000 a year", language="en", id=3),
                Posting("high", salary="675.000 kr. årligt", language="da", id=4)]
    assert [p.title for p in by_pay(postings)] == ["high", "low", "pounds", "none"]


def test_cli_list_sorts_by_salary_and_show_and_stats_compare(jt: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    jt("add", "--title", "Low", "--salary", "kr. 38.000 pr. md. + pension", "--language", "da",
       "--employer", "A very long employer name that would run past the edge of the terminal")
    jt("add", "--title", "High", "--salary", "675.000 – 700.000 kr. årligt", "--language", "da")
    jt("add", "--title", "Scale", "--salary", "løntrin 32", "--language", "da")
    lines = jt("list", "--sort", "salary").stdout.splitlines()
    assert [line.split()[2] for line in lines] == ["High", "Low", "Scale"]
    assert "DKK 56,250–58,333/month" in lines[0] and "no figure" in lines[2]
    show = jt("show", "2").stdout
    assert "675.000 – 700.000 kr. årligt" in show  # the text as the posting said it
    assert "DKK 56,250–58,333 a month · DKK 675,000–700,000 a year" in show
    stats = jt("stats").stdout
    assert "DKK: 2 postings, 38,000–58,333 a month" in stats
    assert all(len(line) <= 80 for line in stats.splitlines())
    assert stats.index("#2") < stats.index("#1")
    data = json.loads(jt("stats", "--json").stdout)
    assert [p["id"] for p in data["salaries"][0]["postings"]] == [2, 1]
    assert data["salaries"][0]["postings"][0]["pay"]["per_year"] == [675000, 700000]
    listed = json.loads(jt("list", "--json").stdout)
    assert {p["title"]: p["pay"] and p["pay"]["max"] for p in listed} == {"Low": 38000, "High": 700000, "Scale": None}
    assert {p["title"]: p["salary"] for p in listed}["High"] == "675.000 – 700.000 kr. årligt"


async def test_detail_shows_pay_beside_the_salary_text(tmp_path: Path) -> None:
    store = Store(tmp_path / "jobs.json")
    store.add(Bundle(Posting("Sektionsleder", salary="675.000 – 700.000 kr. årligt", language="da")))
    app = JobtrackApp(store, now=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        fields = shown(app, "#fields")
    assert "675.000 – 700.000 kr. årligt" in fields
    assert "DKK 56,250–58,333 a month · DKK 675,000–700,000 a year" in fields
