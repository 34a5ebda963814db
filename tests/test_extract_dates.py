"""Date spans, clock times and year inference."""

from __future__ import annotations

from datetime import date, time

from jobtrack.lang.dates import find_dates, find_times, resolve


def dates_in(text: str, as_of: date | None = None) -> list[date]:
    return [d for f in resolve(find_dates(text), as_of) for d in f.dates]


def test_weekday_and_year_from_deadline():
    text = "Ansøgningsfrist: 08-03-2026. 1. samtale finder sted mandag den 16. marts."
    assert dates_in(text) == [date(2026, 3, 8), date(2026, 3, 16)]


def test_day_first_numeric():
    assert dates_in("Frist 08-03-2026") == [date(2026, 3, 8)]
    assert dates_in("Frist 14.04.2026") == [date(2026, 4, 14)]
    assert dates_in("2026-03-08") == [date(2026, 3, 8)]


def test_sunday_with_clock_time_end_of_day():
    text = ("Ansøgningsfristen er søndag 10. august kl. 24.00. Vi holder første samtalerunde "
            "fredag 15. august 2025.")
    assert dates_in(text)[0] == date(2025, 8, 10)
    assert find_times(text)[0].value == time(23, 59)


def test_clock_time_is_never_a_year():
    spans = find_dates("søndag 10. august kl. 24.00")
    assert len(spans) == 1 and spans[0].year is None


def test_two_days_one_month():
    text = "Første samtalerunder afholdes den 1. og 2. september fra kl. 15.00. Frist 24. august 2025."
    assert dates_in(text) == [date(2025, 9, 1), date(2025, 9, 2), date(2025, 8, 24)]
    assert [t.value for t in find_times(text)] == [time(15, 0)]


def test_impossible_date_rejected():
    assert dates_in("senest den 31. februar 2026") == []
    assert dates_in("den 30/2") == []


def test_no_year_anywhere_takes_next_occurrence():
    assert dates_in("Frist 14. marts", as_of=date(2026, 11, 23)) == [date(2027, 3, 14)]
    assert dates_in("Frist 30. november", as_of=date(2026, 11, 23)) == [date(2026, 11, 30)]


def test_weekday_picks_the_year():
    # Friday 14 March is 2025; the nearest year with a Friday 14 March
    assert dates_in("on Friday 14 March", as_of=date(2024, 11, 23)) == [date(2025, 3, 14)]


def test_year_across_new_year():
    text = "Deadline 20 December 2026. Interviews on 5 January."
    assert dates_in(text) == [date(2026, 12, 20), date(2027, 1, 5)]


def test_english_forms():
    assert dates_in("April 17, 2026") == [date(2026, 4, 17)]
    assert dates_in("Thursday, April 30th 2026") == [date(2026, 4, 30)]
    assert dates_in("the 1st of June 2026") == [date(2026, 6, 1)]


def test_week_number_is_not_a_day():
    assert dates_in("in week 12, on 17 and 18 March 2025") == [date(2025, 3, 17), date(2025, 3, 18)]


def test_amounts_and_phones_are_not_dates():
    assert dates_in("28.000 ansatte, tlf. 24 81 00 46, 675.000 kr.") == []


def test_times():
    values = [t.value for t in find_times("kl. 12.00, klokken 9, 15:30, 5 pm, 11.30am, midnight")]
    assert values == [time(12), time(9), time(15, 30), time(17), time(11, 30), time(23, 59)]
