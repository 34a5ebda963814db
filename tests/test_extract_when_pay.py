"""Deadline, interview days, start and salary on invented snippets: one test per class of mistake."""

from __future__ import annotations

from datetime import date, time

from jobtrack.core.document import Document
from jobtrack.extract import extract
from jobtrack.extract.result import Extraction

AS_OF = date(2026, 11, 1)


def _read(text: str, as_of: date | None = AS_OF, structured: list[dict[str, object]] | None = None
          ) -> Extraction:
    return extract(Document(text=text, structured=structured or []), as_of=as_of)


def _days(r: Extraction) -> list[date]:
    return sorted(e.day for e in r.interviews if e.day is not None)


# --- deadlines -------------------------------------------------------------------------------

def test_deadline_in_a_fact_box_with_a_written_month_between_numbers():
    r = _read("Research Fellow in Soil Physics\nClosing Date: 14-Oct-2027\nGrade 7")
    assert r.deadline.value == date(2027, 10, 14) and r.deadline_time is None


def test_short_label_and_expiry_in_fact_boxes():
    da = _read("Vi søger en kok til vores kantine.\nSted: Vejle\nFrist: 05.12.2027\nAnsættelse: fast")
    assert da.deadline.value == date(2027, 12, 5)
    assert _read("Location: Leeds\nExpires 24-04-2027\nJob type: Permanent").deadline.value \
        == date(2027, 4, 24)


def test_month_first_date_ending_a_sentence():
    r = _read("Please send your application no later than November 21. We look forward to it.")
    assert r.deadline.value == date(2026, 11, 21)


def test_weak_cue_after_applying_is_kept_beside_interview_days():
    r = _read("Søg via linket senest mandag den 20. september 2027 Første samtalerunde foregår "
              "den 23. og 24. september.")
    assert r.deadline.value == date(2027, 9, 20)
    assert _days(r) == [date(2027, 9, 23), date(2027, 9, 24)]


def test_no_clock_time_is_invented():
    r = _read("Closing date: 15th November 2027", structured=[
        {"@type": "JobPosting", "validThrough": "2027-11-15T23:59:59+0000"}])
    assert r.deadline.value == date(2027, 11, 15) and r.deadline_time is None
    assert _read("Deadline: 2027-04-24 00:00").deadline_time is None


def test_hour_written_beside_the_json_ld_deadline_is_taken():
    r = _read("Closing date for applications will be midnight on Wednesday 11th November 2027.",
              structured=[{"@type": "JobPosting", "validThrough": "2027-11-11T23:59:59+0000"}])
    assert (r.deadline.value, r.deadline_time.value) == (date(2027, 11, 11), time(23, 59))


def test_hour_of_the_closing_date_said_in_another_sentence():
    r = _read("Closing Date: Friday 12 November 2027\nApply by midnight on the closing date.")
    assert (r.deadline.value, r.deadline_time.value) == (date(2027, 11, 12), time(23, 59))


def test_hour_from_a_second_mention_of_the_same_day():
    r = _read("Ansøgningsfrist: fredag den 9. juni kl. 12.00.\n\nFrist: 09-06-2028\nSted: Aalborg")
    assert (r.deadline.value, r.deadline_time.value) == (date(2028, 6, 9), time(12))


# --- years ---------------------------------------------------------------------------------

def test_guessed_year_follows_the_hiring_order():
    text = ("Stillingen er med start 1. december 2027 til 30. november 2028.\n\n"
            "Ansøgningsfristen er den 20. oktober.\n\nDer er ansættelsessamtaler den 24. oktober.")
    r = _read(text, as_of=None)
    assert r.deadline.value == date(2027, 10, 20) and r.start_date.value == date(2027, 12, 1)
    assert _days(r) == [date(2027, 10, 24)]


def test_stated_weekday_keeps_its_year():
    text = ("Tiltrædelse 1. februar 2029.\n\nAnsøgningsfrist: torsdag den 30. november 2028."
            "\n\nSamtaler fredag den 8. december.")
    assert _days(_read(text)) == [date(2028, 12, 8)]


# --- interview days --------------------------------------------------------------------------

def test_selection_day_is_no_interview_day():
    r = _read("Ansøgningsfristen er den 20. oktober 2027.\n\nDer udvælges kandidater til samtale "
              "den 21. oktober.\n\nDer er ansættelsessamtaler den 24. oktober.")
    assert _days(r) == [date(2027, 10, 24)]
    en = _read("Closing date: 11 November 2027, with shortlisting on 13 November and interviews on "
               "20 November 2027. Candidates selected for interview will be notified by 15 November.")
    assert _days(en) == [date(2027, 11, 20)]
    sift = _read("Expected timeline: sift will take place on 10 July 2027, interviews on 24 July 2027.")
    assert _days(sift) == [date(2027, 7, 24)]


def test_three_listed_days_with_an_oxford_comma():
    for text in ("Interviews will be held on the 12th, 13th, and 14th March 2027.",
                 "Interviews: March 12th, 13th, and 14th 2027",
                 "Interviews take place on Friday 12th, Saturday 13th, and Sunday 14th March 2027."):
        assert _days(_read(text)) == [date(2027, 3, 12), date(2027, 3, 13), date(2027, 3, 14)], text


def test_start_date_is_no_interview_day():
    r = _read("Interviews will be held on 3 February 2027. The successful candidate will start on "
              "1 March 2027.")
    assert _days(r) == [date(2027, 2, 3)] and r.start_date.value == date(2027, 3, 1)


# --- start -----------------------------------------------------------------------------------

def test_date_or_as_soon_as_possible_is_the_start():
    da = _read("Vi glæder os til at få en ny kollega ombord fra den 1. november 2027 eller hurtigst "
               "muligt.")
    assert da.start_date.value == date(2027, 11, 1)
    en = _read("We would like you to join the team on 1 March 2027, or as soon as possible after.")
    assert en.start_date.value == date(2027, 3, 1)


# --- salary ----------------------------------------------------------------------------------

def _salary(text: str) -> str | None:
    r = _read(text)
    return r.salary.value if r.salary else None


def test_salary_range_keeps_both_ends():
    assert _salary("Salary: £30,000 – 35,000 per annum") == "£30,000 – 35,000 per annum"
    assert _salary("Løn: DKK 500.000,- til 600.000,- årligt.") == "DKK 500.000,- til 600.000,- årligt"
    assert _salary("Pay: $75k–$80k + super per year") == "$75k–$80k + super per year"


def test_range_on_a_fact_line_and_a_figure_under_its_label():
    assert _salary("Senior Planner\nLeeds · £38,000 - £41,500\nFull time") == "£38,000 - £41,500"
    assert _salary("Senior Planner\n\nSalary\n\n£41,000\n\nLocation\n\nLeeds") == "£41,000"


def test_allowance_loses_to_the_main_figure():
    assert _salary("Salary: £30,000 plus London weighting of £3,000 per annum.") == "£30,000"
    assert _salary("London weighting allowance: £3,000. The salary is £31,000 - £35,000.") \
        == "£31,000 - £35,000"
    da = _salary("Lønnen er 35.000 kr. om måneden, og hertil kommer et funktionstillæg på 3.000 kr. "
                 "om måneden.")
    assert da == "35.000 kr. om måneden"
    assert _salary("We offer a generous pension and a salary of £40,000.") == "£40,000"
    assert _salary("Salary: competitive, with a salary supplement of £2,000.") is None


def test_pay_scale_is_kept_alone_or_before_the_figure():
    assert _salary("Research Fellow\n- Grade: ABC07 (see the grade structure)") == "Grade: ABC07"
    assert _salary("Stillingen aflønnes efter lønramme 37 i statens lønsystem.") == "lønramme 37"
    assert _salary("A full-time post with salary based on the pay scale TV-L 13.") == "pay scale TV-L 13"
    assert _salary("Grade 7: £33,797 - £40,322 per annum") == "Grade 7, £33,797 - £40,322 per annum"


def test_figures_that_are_no_salary():
    assert _salary("Vi har 28.000 ansatte og et budget på 2 mio. kr.") is None
    assert _salary("Løn efter overenskomst. Vi er 120 kolleger i 3 afdelinger.") is None


def test_text_range_beats_one_end_in_json_ld():
    one_end = [{"@type": "JobPosting", "baseSalary": {"currency": "GBP", "value": {"value": 31000}}}]
    r = _read("Salary: £31,000 - £36,500 per annum", structured=one_end)
    assert r.salary.value == "£31,000 - £36,500 per annum"
    whole = [{"@type": "JobPosting", "baseSalary": {"currency": "GBP", "value": {
        "minValue": 31000, "maxValue": 36500, "unitText": "YEAR"}}}]
    assert _read("Salary: £31,000 - £36,500 per annum", structured=whole).salary.evidence \
        == "JSON-LD baseSalary"
    words = [{"@type": "JobPosting", "baseSalary": "Competitive"}]
    assert _read("Salary: £40,000 per annum", structured=words).salary.value == "£40,000 per annum"


def test_range_words_between_the_ends():
    assert _salary("Salary: £30,000 rising to £35,000 after probation") == "£30,000 rising to £35,000"


def test_weekday_that_fits_no_near_year_is_a_slip():
    r = _read("Vi holder samtaler mandag den 18. marts.", as_of=date(2026, 11, 1))
    assert _days(r) == [date(2027, 3, 18)]


def test_weak_deadline_word_owns_only_the_day_after_it():
    r = _read("We will review applications from 20 October 2027 until the position is filled.")
    assert r.deadline is None
    assert _read("Please apply by 5 October 2027.").deadline.value == date(2027, 10, 5)


def test_days_joined_by_a_slash():
    assert _days(_read("Interview dates: 3rd/4th February 2027")) == [date(2027, 2, 3), date(2027, 2, 4)]


def test_labelled_amount_without_currency_and_a_turnover_range():
    assert _salary("Salary: 35,000 - 40,000 per annum plus £2,000 allowance") == "35,000 - 40,000 per annum"
    assert _salary("Salary review 2025 - 2026 per year") is None
    assert _salary("We have 300 employees and a turnover of £20m - £30m every year.") is None


def test_compound_salary_words_label_the_figure():
    text = "Vi søger en medarbejder til vores team, og du får mange opgaver hos os.\nTimeløn: 150 kr."
    assert _salary(text) == "150 kr."


def test_range_continued_after_a_comma_and_a_scale_after_the_figure():
    assert _salary("The starting salary will be £28,000, increasing to £30,000 after one year.") \
        == "£28,000, increasing to £30,000"
    assert _salary("Salary: £33,797 to £40,322 per annum (Grade 7)") \
        == "Grade 7, £33,797 to £40,322 per annum"


_DA = "Vi søger en medarbejder til vores team, og du får mange opgaver hos os. "


def test_guessed_year_may_move_more_than_one_year_to_keep_the_order():
    r = _read(_DA + "Stillingen er til besættelse fra 1. januar 2026 til 31. december 2027. "
              "Ansøgningsfrist 1. november. Samtaler holdes 10. november.", as_of=None)
    assert r.deadline.value == date(2025, 11, 1) and _days(r) == [date(2025, 11, 10)]


def test_end_of_a_period_is_no_reference_for_a_year():
    r = _read(_DA + "Ansættelsesperioden er 1. januar 2026 – 31. december 2027. Ansøgningsfrist "
              "1. november. Samtaler holdes 10. november.", as_of=None)
    assert r.deadline.value == date(2025, 11, 1)


def test_period_of_the_job_gives_its_start():
    r = _read(_DA + "Stillingen er et barselsvikariat fra 1. februar 2027 til 31. januar 2028.")
    assert r.start_date.value == date(2027, 2, 1)
    assert _read(_DA + "Kantinen holder åben fra 1. februar 2027 til 31. januar 2028.").start_date is None
    en = _read("Interviews will be held 1 May 2027 to 3 May 2027 for the post.")
    assert en.start_date is None


def test_start_day_in_an_interview_sentence_is_no_interview():
    r = _read(_DA + "Tiltrædelse 1. december 2027. Samtaler afholdes den 24. oktober med henblik på "
              "ansættelse 1. december.")
    assert _days(r) == [date(2027, 10, 24)] and r.start_date.value == date(2027, 12, 1)


def test_expiry_is_a_deadline_only_as_a_fact_box_label():
    assert _read("The contract expires on 31 March 2027.\nLocation: Leeds").deadline is None
    assert _read("Location: Leeds\n* Expires: 24 April 2027").deadline.value == date(2027, 4, 24)
    da = _read(_DA + "Vikariatet udløber 31. januar 2028.")
    assert da.deadline is None


def test_a_numbered_round_is_an_interview():
    r = _read(_DA + "Første samtale holdes den 23. september 2027. Anden runde foregår den 28. september.")
    assert _days(r) == [date(2027, 9, 23), date(2027, 9, 28)]
    assert _days(_read(_DA + "Vi løber en runde om søen den 5. maj 2027.")) == []


def test_json_ld_dates_give_the_year_of_yearless_text_dates():
    text = "Closing date: 15 November at 17:00. Interviews will be held on 25 November."
    late = date(2026, 11, 29)
    posted = [{"@type": "JobPosting", "datePosted": "2020-10-14", "validThrough": "2020-11-15T23:59:59Z"}]
    r = _read(text, as_of=late, structured=posted)
    assert (r.deadline.value, r.deadline_time.value) == (date(2020, 11, 15), time(17))
    assert _days(r) == [date(2020, 11, 25)]
    closing = [{"@type": "JobPosting", "validThrough": "2020-11-15"}]
    assert _days(_read(text, as_of=late, structured=closing)) == [date(2020, 11, 25)]


def test_a_start_before_the_deadline_is_history():
    r = _read(_DA + "Virksomheden startede 1. januar 2010. Ansøgningsfrist: 5. januar 2027. "
              "Tiltrædelse 1. marts 2027.")
    assert r.start_date.value == date(2027, 3, 1)
    assert _read(_DA + "Virksomheden startede 1. januar 2010. Ansøgningsfrist: 5. januar 2027.").start_date is None


def test_applying_on_an_earlier_line_of_a_wrapped_sentence():
    pdf = ("Research Assistant in Soil Physics\n\nApplications with a CV, a cover letter and the names of two\n\n"
           "referees should reach the department no later than 5 May 2027 in one\n\nfile.\n\n"
           "Duties include field work and teaching.\n\nThe lab has six members.\n\nWe value diversity.")
    assert _read(pdf).deadline.value == date(2027, 5, 5)
    assert _read("Send us your questions. We are closed until 5 May 2027.").deadline is None


def test_many_periods_ranges_and_figures_stay_fast():
    import time as clock

    for text in ["1. januar 2026 til " * 1100, "stillingen fra 1. maj 2026 til 2. maj 2027 " * 500,
                 "£45,000 - £52,000 per annum plus allowance " * 500, "Grade 7 " * 2500,
                 "Søg senest den 1. maj " * 1000, "Expires\n" * 2500, "shortlisting for interview " * 800]:
        t0 = clock.process_time()
        _read(text[:20000])
        assert clock.process_time() - t0 < 0.4, text[:30]  # one pass each, not one per date
