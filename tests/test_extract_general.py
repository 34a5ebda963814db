"""Rules found by labelling postings the extractor had not seen: one test per rule."""

from __future__ import annotations

from datetime import date, time

from jobtrack.core.document import Document
from jobtrack.extract import extract
from jobtrack.extract.names import find_names
from jobtrack.extract.phones import guess_region
from jobtrack.lang.dates import find_dates, find_times


def _read(text: str, as_of: date | None = None):
    return extract(Document(text=text), as_of=as_of)


def test_prefix_organisation_with_connector_and_conjunction():
    text = ("Specialkonsulent til kystsikring\n\nStyrelsen for Vandløb og Kystsikring søger en "
            "specialkonsulent. Styrelsen for Vandløb og Kystsikring er en del af ministeriet.")
    assert _read(text).employer.value == "Styrelsen for Vandløb og Kystsikring"


def test_organisation_name_words_must_be_capitalised():
    text = ("Adjunkt i datalogi\n\nInstitut for Datalogi ved Vestjysk Universitet opslår en stilling "
            "som adjunkt. Vestjysk Universitet har 9.000 studerende.")
    assert _read(text).employer.value == "Vestjysk Universitet"


def test_unit_mentions_count_for_the_organisation_it_is_in():
    text = ("Lærer til Egebjerg Skole\n\nEgebjerg Skole i Lundby Kommune søger en lærer. Egebjerg Skole "
            "har 540 elever, og Egebjerg Skole ligger ved skoven.")
    assert _read(text).employer.value == "Lundby Kommune"


def test_danish_start_phrases():
    for phrase in ("Stillingen ønskes besat pr. 1. marts 2027.", "Stillingen besættes 1. marts 2027."):
        text = "Vi søger en jurist til vores team, og du får mange opgaver.\n\n" + phrase
        assert _read(text).start_date.value == date(2027, 3, 1)


def test_english_take_up_duties_is_a_start():
    text = "The successful candidate is expected to take up duties on 1 May 2027."
    assert _read(text).start_date.value == date(2027, 5, 1)


def test_clock_time_ending_a_line_is_no_ordinal_of_the_next():
    en = _read("Closing date: 15 January 2027 at 17:00.\nInterviews will be held on 27th January.")
    assert [e.day for e in en.interviews] == [date(2027, 1, 27)]
    da = _read("Ansøgningsfrist: fredag den 8. januar kl. 12.\nSamtaler: onsdag den 13. januar.",
               as_of=date(2026, 12, 10))
    assert [e.day for e in da.interviews] == [date(2027, 1, 13)]


def test_word_ordinal_may_break_across_a_line():
    r = _read("Første samtale holdes den 7. januar 2027 og anden\nsamtale den 14. januar 2027.")
    assert [(e.label, e.day) for e in r.interviews] == [
        ("Første samtale", date(2027, 1, 7)), ("anden samtale", date(2027, 1, 14))]


def test_name_particles_inside_a_name():
    names = [n.name for n in find_names("Contact Lotte de Vries or Ruud van der Berg today.")]
    assert names == ["Lotte de Vries", "Ruud van der Berg"]
    (c,) = _read("Questions? Contact our recruiter Lotte de Vries at lotte@kanaal.example.").contacts
    assert (c.name, c.role, c.email) == ("Lotte de Vries", "recruiter", "lotte@kanaal.example")


def test_particle_needs_a_capitalised_word_after_it():
    assert [n.name for n in find_names("Ring til Anne Berg de næste dage.")] == ["Anne Berg"]


def test_role_on_the_line_under_a_name_is_not_part_of_it():
    (c,) = _read("Kontakt\nMads Kirk\nØkonomichef\nMobil: 23 45 67 89").contacts
    assert (c.name, c.phone) == ("Mads Kirk", "+4523456789")
    assert [n.name for n in find_names("Kontakt Ida Kok på tlf.")] == ["Ida Kok"]


def test_phone_region_from_country_codes_domains_then_currency():
    assert guess_region("Ring +353 1 896 4120 eller +353 87 123 4567", "en") == "IE"
    assert guess_region("Queries to a@brightwater.example.ie.", "en") == "IE"
    assert guess_region("Mail p@westbrook.example.gov.uk or www.westbrook.co.uk", "en") == "GB"
    assert guess_region("Salary £40,000.", "en") == "GB"
    assert guess_region("Salary £40,000. Call +45 40 82 46 89.", "en") == "DK"
    assert guess_region("Skriv til anb@solvang.dk", "da") == "DK"
    assert guess_region("Nothing here", "en") == "DK"


def test_danish_posting_keeps_danish_numbers_beside_one_foreign_number():
    text = ("Vi søger en jurist til vores team, og du får mange opgaver. Kontakt kontorchef Anne Berg "
            "på 33 92 14 60 eller vores svenske partner Eva Lind på +46 8 123 456 78.")
    assert guess_region(text, "da") == "DK"
    assert [c.phone for c in _read(text).contacts] == ["+4533921460", "+46812345678"]


def test_national_number_read_in_the_posting_s_country():
    (c,) = _read("Queries to Aoife Brennan at 01 896 4120 or aoife@brightwater.example.ie.").contacts
    assert c.phone == "+35318964120"


def test_vacancy_notice_is_a_heading_not_a_title():
    text = "VACANCY NOTICE\nPolicy Officer – Rail Interoperability (AD 5)\n\nThe Agency is based in Lille."
    assert _read(text).title.value.startswith("Policy Officer")


def test_twelve_hour_time_with_minutes_keeps_its_pm():
    assert [t.value for t in find_times("at 11:59pm, 9:30 a.m. or 14:00")] == [
        time(23, 59), time(9, 30), time(14, 0)]
    r = _read("Applications close at 11:59pm on Sunday 31 January 2027.")
    assert (r.deadline.value, r.deadline_time.value) == (date(2027, 1, 31), time(23, 59))


def test_role_after_a_name_and_comma_is_no_second_name():
    text = "Informal enquiries to Dr. Siobhán McCarthy, Senior Lecturer, at s.mc@liffey.example.ie."
    (c,) = _read(text).contacts
    assert (c.name, c.email) == ("Siobhán McCarthy", "s.mc@liffey.example.ie")
    assert [n.name for n in find_names("Ring til Ida Kok, Lene Holm eller Ole Bager.")] == [
        "Ida Kok", "Lene Holm", "Ole Bager"]


def test_week_commencing_names_a_week_not_an_interview_day():
    r = _read("The closing date is 15 January 2027. Interviews are scheduled for the week "
              "commencing 25 January, and the panel meets on 2 February 2027 for second interviews.")
    assert [e.day for e in r.interviews] == [date(2027, 2, 2)]
    assert [e.day for e in _read("Interviews w/c 25 January 2027.").interviews] == []


def test_til_besaettelse_is_a_start():
    text = "Vi søger en jurist til vores team, og du får mange opgaver.\n\nStillingen er til besættelse 1. marts 2027."
    assert _read(text).start_date.value == date(2027, 3, 1)


def test_labelled_contact_lines_belong_to_the_person_not_the_job_title():
    text = ("Contact details\nName: Rachel Osei\nJob title: Clinical Lead Physiotherapist\n"
            "Email address: rachel.osei@trust.example.nhs.uk\nTelephone number: 0113 496 0518")
    (c,) = _read(text).contacts
    assert (c.name, c.email, c.phone) == ("Rachel Osei", "rachel.osei@trust.example.nhs.uk", "+441134960518")


def test_compound_organisation_names():
    da = "Vi søger en medarbejder til vores team, og du får mange opgaver.\n\n"
    assert _read("IT-arkitekt til Digitaliseringsstyrelsen\n\n" + da).employer.value == \
        "Digitaliseringsstyrelsen"
    assert _read("HR-partner\nAarhus Universitetshospital\n\n" + da).employer.value == \
        "Aarhus Universitetshospital"
    assert _read("Sygeplejerske til Hospitalet\n\n" + da).employer is None


def test_listed_days_may_bring_their_weekdays():
    (span,) = find_dates("Interviews: Tues 9 & Wed 10 February 2027.")
    assert (span.days, span.month, span.year) == ((9, 10), 2, 2027)
    (span,) = find_dates("samtaler tirsdag den 12. og onsdag den 13. januar 2027")
    assert span.days == (12, 13)
    r = _read("Closing date: 31 January 2027.\nInterviews: Tues 9 & Wed 10 February.")
    assert [e.day for e in r.interviews] == [date(2027, 2, 9), date(2027, 2, 10)]


def test_more_deadline_phrases():
    da = "Vi søger en jurist til vores team, og du får mange opgaver.\n\nSidste ansøgningsdag er 3. januar 2027."
    assert _read(da).deadline.value == date(2027, 1, 3)
    en = "We are hiring an engineer for our team.\n\nThe last day to apply is 4 January 2027."
    assert _read(en).deadline.value == date(2027, 1, 4)


def test_labelled_title_line_gives_its_value():
    en = "Job Title: Senior Planning Officer\nDepartment: Planning\n\nWe are looking for a planner to join us."
    assert _read(en).title.value == "Senior Planning Officer"
    da = ("Stillingsbetegnelse: Økonomimedarbejder\nArbejdssted: Odense\n\n"
          "Vi søger en medarbejder til vores team, og du får mange opgaver.")
    assert _read(da).title.value == "Økonomimedarbejder"


def test_title_is_the_first_opening_line_with_a_role():
    text = "Home > Careers > Vacancies\n\nSenior Planning Officer\n\nWe are looking for a planner to join us."
    assert _read(text).title.value == "Senior Planning Officer"


def test_capitalised_words_before_a_prefix_organisation_belong_to_it():
    text = ("Policy Officer\n\nThe European Agency for Rail Signalling is based in Lille. The European "
            "Agency for Rail Signalling is an equal opportunities employer.")
    assert _read(text).employer.value == "European Agency for Rail Signalling"


def test_a_range_of_three_days_or_more_is_a_period_not_interview_days():
    da = ("Vi søger en jurist til vores team, og du får mange opgaver.\n\nAnsøgningsfrist: 3. januar 2027.\n"
          "Samtaler forventes afholdt i uge 3 (18.-22. januar). 2. samtale den 11.-12. februar 2027.")
    assert [e.day for e in _read(da).interviews] == [date(2027, 2, 11), date(2027, 2, 12)]
    en = "Closing date 3 January 2027. Interviews between 11-15 January."
    assert _read(en).interviews == []


def test_ansaettelsesdato_is_a_start():
    text = ("Vi søger en jurist til vores team, og du får mange opgaver.\n\n"
            "Forventet ansættelsesdato: 1. februar 2027")
    assert _read(text).start_date.value == date(2027, 2, 1)


def test_labelled_employer_line():
    text = ("Job title: Product Designer\nCompany: Fjordlight\nLocation: Copenhagen\n\n"
            "We are looking for a designer. Fjordlight Studio Ltd is our sister company.")
    assert _read(text).employer.value == "Fjordlight"
    assert _read("Organisation: Calderbrook Housing Association\n\nWe are hiring.").employer.value == \
        "Calderbrook Housing Association"
