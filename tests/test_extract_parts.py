"""Salary, contacts, language, title and JSON-LD mapping."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from jobtrack.core.document import Document
from jobtrack.extract import extract, structured
from jobtrack.lang.language import detect


def test_salary_range_with_period():
    doc = Document(text="Løn\n\nDen forventede lønramme er: 675.000 – 700.000 kr. årligt. Hertil pension.")
    assert extract(doc).salary.value == "675.000 – 700.000 kr. årligt"


def test_salary_english_forms():
    assert extract(Document(text="Salary: £45,000 - £52,000 per annum")).salary.value == \
        "£45,000 - £52,000 per annum"
    assert "$120k–$140k" in extract(Document(text="The base salary is $120k–$140k per year.")).salary.value


def test_no_figures_no_salary():
    assert extract(Document(text="Løn efter gældende overenskomst. Vi har 28.000 ansatte.")).salary is None


def test_contacts_same_sentence():
    text = ("Har du spørgsmål, kan du kontakte kommunaldirektør Lasse Jacobsen, Viborg Kommune, på tlf. "
            "5158 4878 eller [laj@viborg.dk](mailto:laj@viborg.dk) eller partner i Genitor Christian "
            "Roslev på tlf. 2520 1505 eller [chro@genitor.dk](mailto:chro@genitor.dk).")
    cs = extract(Document(text=text)).contacts
    assert [(c.name, c.phone, c.email) for c in cs] == [
        ("Lasse Jacobsen", "+4551584878", "laj@viborg.dk"),
        ("Christian Roslev", "+4525201505", "chro@genitor.dk")]
    assert cs[0].role == "kommunaldirektør" and cs[1].role == "partner i Genitor"


def test_contact_reachable_and_role():
    text = ("Har du spørgsmål til stillingen, kan du kontakte forvaltningschef, Nikolaj Harbjerg på "
            "24 81 00 46 (træffes fra 31/7).")
    (c,) = extract(Document(text=text)).contacts
    assert (c.name, c.role, c.phone, c.reachable) == (
        "Nikolaj Harbjerg", "forvaltningschef", "+4524810046", "træffes fra 31/7")


def test_listed_people_are_not_contacts():
    text = ("Ansættelsesudvalget består af:\n- Skolechef Rasmus Andreassen\n- Teamleder Mikael Svendsen\n\n"
            "For øvrige spørgsmål kontakt Børne- og Familiechef Jette Stencel efter uge 31 på tlf. 3045 6405.")
    cs = extract(Document(text=text)).contacts
    assert [(c.name, c.role, c.reachable) for c in cs] == [
        ("Jette Stencel", "Børne- og Familiechef", "efter uge 31")]


def test_language():
    assert detect("Vi søger en dygtig medarbejder til vores team, og du får mange opgaver.") == "da"
    assert detect("We are looking for a talented engineer to join our team.") == "en"


def test_positions_and_title_from_hiring_line():
    text = "Børn og Unge i Byby Kommune søger to\n\nkontorchefer til Sekretariatet\n\nMere tekst her."
    r = extract(Document(text=text))
    assert r.positions.value == 2
    assert r.title.value == "Kontorchefer til Sekretariatet"


def test_title_from_prose_when_text_has_no_heading():
    text = ("Baggrund\n\nNyt sekretariat og ny lederrolle\n\nDer oprettes en ny stilling som sektionsleder "
            "for det samlede sekretariat, og det er en lang indledende sætning om organisationen.\n"
            "Som sektionsleder for Fællessekretariatet får du ansvaret for 30 medarbejdere.")
    assert extract(Document(text=text)).title.value == "Sektionsleder for Fællessekretariatet"


def test_deadline_events_and_start():
    text = ("Ansøgningsfrist: 14.04.2026 kl. 12.00\nTiltrædelse: 1. juni 2026\n\n"
            "Første samtale afholdes den 22. april og anden samtale den 27. april 2026. "
            "Der indgår en personlighedstest og en case.")
    r = extract(Document(text=text))
    assert r.deadline.value == date(2026, 4, 14) and r.deadline_time.value == time(12, 0)
    assert r.start_date.value == date(2026, 6, 1)
    assert [(e.label, e.day) for e in r.interviews] == [
        ("Første samtale", date(2026, 4, 22)), ("anden samtale", date(2026, 4, 27))]
    kinds = {e.kind.value for e in r.events}
    assert {"interview", "test", "case"} <= kinds
    out = r.to_json()
    assert out["deadline_time"] == "12:00" and out["interviews"][0] == {"start": "2026-04-22",
                                                                      "label": "Første samtale"}


def test_evidence_offsets_point_into_text():
    text = "Intro.\n\nAnsøgningsfristen er den 12. august 2026."
    r = extract(Document(text=text))
    assert text[r.deadline.start:r.deadline.end] == "Ansøgningsfristen er den 12. august 2026."


def test_json_ld_mapping():
    posting = {"title": "Engineer", "hiringOrganization": {"name": "Acme A/S"},
               "validThrough": "2026-05-31T23:59:59+02:00", "datePosted": "2026-04-01",
               "baseSalary": {"currency": "DKK", "value": {"minValue": 50000, "maxValue": 60000,
                                                           "unitText": "MONTH"}},
               "jobLocation": [{"address": {"addressLocality": "Aarhus"}}], "employmentType": "FULL_TIME"}
    f = structured.facts(posting)
    assert f["title"].value == "Engineer" and f["employer"].value == "Acme A/S"
    # 23:59:59 is a job system's "until the end of the day", not a clock time the posting gives
    assert f["deadline"].value == date(2026, 5, 31) and "deadline_time" not in f
    assert structured.facts({"validThrough": "2026-05-31T17:00:00"})["deadline_time"].value == time(17)
    assert f["salary"].value == "DKK 50,000 – 60,000 per month"
    assert f["location"].value == "Aarhus" and f["hours"].value == "FULL_TIME"
    r = extract(Document(text="Some text.", structured=[posting]))
    assert r.to_json()["deadline"] == "2026-05-31" and r.title.confidence > 0.9


def test_broken_structured_data_is_ignored():
    r = extract(Document(text="", structured=[{"validThrough": "not a date", "title": ["", None]},
                                              "junk"]))  # type: ignore[list-item]
    assert r.deadline is None and r.title is None


def test_json_ld_times_move_to_the_users_zone():
    """Issue 10: a moment with an offset is read in the zone given (the user's); without one, as written."""
    copenhagen = ZoneInfo("Europe/Copenhagen")
    noon_utc = structured.facts({"validThrough": "2026-12-15T12:00:00Z"}, copenhagen)
    assert (noon_utc["deadline"].value, noon_utc["deadline_time"].value) == (date(2026, 12, 15), time(13, 0))
    late_ny = structured.facts({"validThrough": "2026-12-15T23:59:00-05:00"}, copenhagen)
    assert (late_ny["deadline"].value, late_ny["deadline_time"].value) == (date(2026, 12, 16), time(5, 59))
    local = structured.facts({"validThrough": "2026-05-31T23:59:59+02:00"}, copenhagen)
    assert local["deadline"].value == date(2026, 5, 31) and "deadline_time" not in local
    day_only = structured.facts({"validThrough": "2026-12-15"}, copenhagen)
    assert day_only["deadline"].value == date(2026, 12, 15) and "deadline_time" not in day_only
    r = extract(Document(text="Some text.", structured=[{"validThrough": "2026-12-15T12:00:00Z"}]), tz=copenhagen)
    assert r.to_json()["deadline_time"] == "13:00"
