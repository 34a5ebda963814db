"""Dates as people type them into `--deadline`, `--when` and the TUI forms."""

from datetime import date, time

import pytest
from jobtrack.lang.human_dates import parse_time, parse_when

TODAY = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-03-16", (date(2026, 3, 16), None)),
        ("2026-03-16T14:00", (date(2026, 3, 16), time(14, 0))),
        ("16/3 14:00", (date(2027, 3, 16), time(14, 0))),
        ("16. marts 2026", (date(2026, 3, 16), None)),
        ("March 16", (date(2027, 3, 16), None)),
        ("14.04.2026 kl. 12.00", (date(2026, 4, 14), time(12, 0))),
        ("søndag 10. august 2025 kl. 24.00", (date(2025, 8, 10), time(23, 59))),
        ("next monday 10:00", (date(2026, 11, 30), time(10, 0))),
        ("i morgen kl. 9", (date(2026, 11, 24), time(9, 0))),
        ("tomorrow", (date(2026, 11, 24), None)),
        ("mandag 10", (date(2026, 11, 30), time(10, 0))),  # a weekday and an hour
        ("fredag 9", (date(2026, 11, 27), time(9, 0))),
        ("mandag den 10.", (date(2027, 5, 10), None)),  # the next Monday the 10th
        ("friday 24", (date(2027, 9, 24), None)),  # no hour 24: a day of the month
        ("16.03.2026", (date(2026, 3, 16), None)),
        ("16-03-2026 10.30", (date(2026, 3, 16), time(10, 30))),
        ("16/3 2030", (date(2030, 3, 16), None)),
        ("16/3 2030 14:00", (date(2030, 3, 16), time(14, 0))),
        ("16/3 20.30", (date(2027, 3, 16), time(20, 30))),
    ],
)
def test_parse_when(typed: str, expected: tuple[date, time | None]) -> None:
    assert parse_when(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["", "31/2", "31. februar 2026", "soon", "2026-13-01"])
def test_parse_when_refuses_what_it_cannot_know(typed: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_when(typed, TODAY)


def test_parse_time() -> None:
    assert parse_time("14:00") == time(14, 0)
    assert parse_time("24.00") == time(23, 59)
    with pytest.raises(ValueError):
        parse_time("noonish")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("uge 31", (date(2027, 8, 2), None)),
        ("week 31 10:00", (date(2027, 8, 2), time(10, 0))),
        ("after week 31", (date(2027, 8, 9), None)),  # once week 31 is over
        ("efter uge 31", (date(2027, 8, 9), None)),
        ("uge 48", (date(2026, 11, 23), None)),  # this week has not ended yet
        ("week 47", (date(2027, 11, 22), None)),  # last week is over: next year's
        ("efter uge 53", (date(2027, 1, 4), None)),  # 2026 has 53 ISO weeks
    ],
)
def test_week_numbers(typed: str, expected: tuple[date, time | None]) -> None:
    assert parse_when(typed, TODAY) == expected


def test_week_that_does_not_exist() -> None:
    with pytest.raises(ValueError, match="no week 54"):
        parse_when("uge 54", TODAY)


# Issue 10: a typed date means what was written. Today is Sunday 2026-11-29.
SUNDAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("tirsdag 16/3 10:00", (date(2027, 3, 16), time(10, 0))),  # 16 March 2027 is a Tuesday
        ("tuesday 16 March", (date(2027, 3, 16), None)),
        ("onsdag 15/3 2028", (date(2028, 3, 15), None)),
        ("torsdag 16/3", (date(2028, 3, 16), None)),  # the weekday picks the year: the next that fits
    ],
)
def test_a_weekday_keeps_the_date_and_picks_the_year(typed: str, expected: tuple[date, time | None]) -> None:
    assert parse_when(typed, SUNDAY) == expected


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("mandag 16/3 10:00", ("Monday", "16 March")),  # a Monday in 2026 (gone) and 2037, none near
        ("monday 16 March", ("Monday", "16 March")),
        ("fredag 5/12", ("Friday", "5 December")),  # the old parser said 2031-12-05
        ("mandag 16/3 2027", ("Monday", "16 March 2027")),  # a year given: the weekday must agree
    ],
)
def test_a_weekday_that_fits_no_near_year_is_an_error_naming_both(typed: str, named: tuple[str, str]) -> None:
    with pytest.raises(ValueError) as caught:
        parse_when(typed, SUNDAY)
    assert all(word in str(caught.value) for word in named), caught.value


@pytest.mark.parametrize(
    ("typed", "future", "past"),
    [
        ("28/11", date(2027, 11, 28), date(2026, 11, 28)),
        ("30/11", date(2026, 11, 30), date(2025, 11, 30)),
        ("29/11", date(2026, 11, 29), date(2026, 11, 29)),  # today is both
        ("1. oktober", date(2027, 10, 1), date(2026, 10, 1)),
        ("March 16", date(2027, 3, 16), date(2026, 3, 16)),
        ("mandag 16/3", None, date(2026, 3, 16)),  # a Monday in the past, none in the near future
        ("fredag", date(2026, 12, 4), date(2026, 11, 27)),
        ("uge 31", date(2027, 8, 2), date(2026, 7, 27)),
        ("16/3 2030", date(2030, 3, 16), date(2030, 3, 16)),  # a year given is kept
    ],
)
def test_a_date_without_a_year_goes_the_way_the_field_points(typed: str, future: date | None, past: date) -> None:
    if future is None:
        with pytest.raises(ValueError):
            parse_when(typed, SUNDAY)
    else:
        assert parse_when(typed, SUNDAY)[0] == future
    assert parse_when(typed, SUNDAY, past=True)[0] == past


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("i går", date(2026, 11, 28)), ("igår", date(2026, 11, 28)), ("yesterday", date(2026, 11, 28)),
     ("i forgårs", date(2026, 11, 27)), ("day before yesterday", date(2026, 11, 27))],
)
def test_yesterday(typed: str, expected: date) -> None:
    assert parse_when(typed, SUNDAY, past=True) == (expected, None)
    assert parse_when(typed, SUNDAY) == (expected, None)  # a word says its own direction


@pytest.mark.parametrize("typed", ["16/3 25:00", "16/3 10:75", "16/3 kl. 25", "16/3 24:30", "i morgen kl. 31.00"])
def test_a_bad_hour_is_an_error_not_dropped(typed: str) -> None:
    with pytest.raises(ValueError, match="time"):
        parse_when(typed, SUNDAY)
