"""Title and employer from every signal, and page chrome told from the posting.

Invented snippets, one per general rule: page headings are no titles, the
name line under the title, names that spell the mail domain, towns after a
postcode, one-line pastes, link-dense menus.
"""

from __future__ import annotations

from jobtrack.core.document import Document
from jobtrack.extract import extract
from jobtrack.extract.text import reflow
from jobtrack.ingest.htmltext import html_to_document


def _read(text: str, kind: str = "text"):
    return extract(Document(text=text, kind=kind))


def test_page_heading_gives_way_to_the_heading_that_names_a_role():
    text = ("# Vacancies\n\n## Research Fellow in Marine Data Science\n\n- Grade: 7\n- Location: Bristol\n\n"
            "The fellow will build models of coastal sediment with the survey team.\n")
    assert _read(text).title.value == "Research Fellow in Marine Data Science"


def test_generic_heading_with_a_project_name_is_no_title():
    text = ("# Vacancy (NORDWIND)\n\nThe Wind Systems Group has the following vacancy:\n\n"
            "## PhD student in Offshore Control Systems\n\nWe seek a motivated student.\n")
    assert _read(text).title.value == "PhD student in Offshore Control Systems"


def test_section_heading_after_a_page_heading_is_no_title():
    text = ("# Job Description\n\nBrightfield is seeking an experienced and strategic Operations Director "
            "to lead the organization. The Operations Director will oversee planning and budgets.\n\n"
            "## Strategic Leadership and Board Collaboration\n\n- Work with the board on strategy.\n")
    result = _read(text)
    assert result.title.value == "Operations Director"
    assert result.employer.value == "Brightfield"


def test_job_board_layout_title_then_company_line():
    text = ("# Job Posting\n\n\nJunior Data Engineer\n\nNordlys \nView all jobs\nAarhus (Hybrid)\nFull time\n\n"
            "We are looking for a Junior Data Engineer to join our remote-first data team. You will build "
            "pipelines and dashboards for retail clients across the region.\n")
    result = _read(text)
    assert result.title.value == "Junior Data Engineer"
    assert result.employer.value == "Nordlys"


def test_name_line_under_the_title_beats_a_recruiter_in_the_footer():
    text = ("Økonomimedarbejder til Kvistby Sogn\nKvistby Sogn\n\n"
            "Kvistby Sogn søger en økonomimedarbejder til 30 timer om ugen. Du får ansvar for regnskab "
            "og løn.\n\nOm Kvistby Sogn\nSognet har tre kirker og 20 ansatte.\n\n"
            "Rekrutteringen varetages af Talentbro ApS\nTalentbro ApS\n")
    assert _read(text).employer.value == "Kvistby Sogn"


def test_parish_council_and_church_are_organisation_types():
    text = ("Kirketjener\n\nVester Egede Menighedsråd søger en kirketjener til Vester Egede Kirke. "
            "Vester Egede Menighedsråd har fire ansatte.\n")
    assert _read(text).employer.value == "Vester Egede Menighedsråd"


def test_name_spelling_the_mail_domain_is_the_employer():
    text = ("Elektroingeniør til jernbanen\n\nEr du vores næste ingeniør? Hos Tindra arbejder du med "
            "signalanlæg og strømforsyning i et lille team.\n\nSend din ansøgning til job@tindra.dk. "
            "Spørgsmål kan rettes til kontakt@tindra.dk.\n")
    assert _read(text).employer.value == "Tindra"


def test_initials_of_a_name_spell_the_domain():
    text = ("Research Assistant in Soil Chemistry\n\nThe post is based in the Department of Earth Sciences "
            "at Northgate Institute of Science, where the team studies nitrogen cycles.\n\n"
            "Contact: p.lund@nis.ac.uk or apply via www.nis.ac.uk/jobs.\n")
    assert _read(text).employer.value == "Northgate Institute of Science"


def test_title_part_after_a_dash_counts_only_when_another_signal_agrees():
    specialism = ("Band 5 Physiotherapist - Stroke Rehabilitation\n\nWe are looking for a physiotherapist "
                  "to join our Stroke Rehabilitation Team at Westmere Community NHS Trust. The team works "
                  "across three sites.\n")
    assert _read(specialism).employer.value == "Westmere Community NHS Trust"
    firm = ("Test Analyst - Brightwell\n\nAs Test Analyst you will plan and run test campaigns. "
            "Brightwell builds payment software. Questions: ann@brightwell.com\n")
    assert _read(firm).employer.value == "Brightwell"


def test_town_after_a_postcode_is_no_employer():
    text = ("Lagermedarbejder - Ribe\n\nVi søger en lagermedarbejder til vores lager. Vestkystens Tømmerhandel "
            "A/S leverer byggematerialer i hele Sydjylland.\n\nArbejdssted: Storegade 1, 6760 Ribe\n")
    assert _read(text).employer.value == "Vestkystens Tømmerhandel A/S"


def test_gender_marker_and_exclamation_mark_end_titles():
    assert _read("Stellen für studentische Hilfskräfte (m/w/d)\n\nDer Lehrstuhl sucht Studierende "
                 "zur Annotation von Texten.\n").title.value == "Stellen für studentische Hilfskräfte (m/w/d)"
    assert _read("Lønbogholder søges!\nVestby Kommune\n\nVi har travlt og søger en lønbogholder til "
                 "vores lønteam.\n").title.value == "Lønbogholder søges!"


def test_role_phrase_heading_a_long_first_line():
    text = ("- **(Two posts) Research Fellow in Coastal Modelling (3 years, £33,000 - £40,000) based in "
            "the School of Geosciences, Northgate Institute of Science. Closing Date: 14-Oct-2030**.\n\n"
            "We are seeking two research fellows to build flood models.\n")
    assert _read(text).title.value == "Research Fellow in Coastal Modelling"


def test_one_line_paste_gets_its_lines_back_with_offsets_kept():
    text = ("     Projektleder til byggeri  Vil du lede store byggeprojekter? Så er du måske vores nye "
            "kollega.  Om jobbet  Du får ansvar for tre projekter. " * 12)
    flowed = reflow(text)
    assert len(flowed) == len(text)
    assert flowed.splitlines()[1].strip() == "Projektleder til byggeri"
    assert _read(text).title.value == "Projektleder til byggeri"


def test_short_lines_are_left_alone_by_reflow():
    text = "Title  with two spaces\nand a second line"
    assert reflow(text) == text


_PAGE = """<!doctype html><html><head><title>Lagerchef | Vindeby Bryggeri</title>
<meta property="og:site_name" content="Vindeby Bryggeri"></head><body>
<div id="top"><a href="/">Forside</a> <a href="/om">Om os</a> <a href="/job">Job</a> <a href="/kontakt">Kontakt</a></div>
<ul class="lang"><li><a href="/da">Dansk</a></li><li><a href="/en">English</a></li><li><a href="/de">Deutsch</a></li></ul>
<h1>Lagerchef</h1>
<p>Vi søger en lagerchef til vores lager i Vindeby. Du leder otte medarbejdere og har ansvar for
varemodtagelse og forsendelse. Hos Vindeby Bryggeri brygger vi øl til hele landet.</p>
<ul><li>Ledelse af lagerteamet i hverdagen</li><li>Planlægning af vagter</li><li>Samarbejde med <a href="/salg">salg</a></li></ul>
<p>Læs mere: <a href="/a.pdf">Stillingsbeskrivelse for lagerchef (pdf)</a></p>
</body></html>"""


def test_link_dense_menus_are_chrome_and_the_posting_stays():
    doc = html_to_document(_PAGE)
    assert "Forside" not in doc.text and "Deutsch" not in doc.text
    assert "Ledelse af lagerteamet" in doc.text and "Samarbejde med salg" in doc.text
    assert "Stillingsbeskrivelse for lagerchef" in doc.text


def test_page_names_back_the_employer():
    doc = html_to_document(_PAGE)
    assert doc.site_names == ("Vindeby Bryggeri", "Lagerchef | Vindeby Bryggeri")
    result = extract(doc)
    assert result.title.value == "Lagerchef"
    assert result.employer.value == "Vindeby Bryggeri"


def _with_jsonld(title: str, text: str):
    return extract(Document(text=text, kind="html", structured=[{"@type": "JobPosting", "title": title}]))


def test_a_bare_word_in_json_ld_gives_way_to_the_heading_that_names_more():
    text = "Medarbejder til lønteamet\n\nVi søger en medarbejder til vores lønteam i Vestby Kommune.\n"
    assert _with_jsonld("Medarbejder", text).title.value == "Medarbejder til lønteamet"
    assert _with_jsonld("Lønkonsulent til lønteamet", text).title.value == "Lønkonsulent til lønteamet"


def test_template_leftovers_and_code_are_no_title():
    text = "Lagerchef\n\nVi søger en lagerchef til vores lager.\n"
    assert _with_jsonld("{{ job.title }}", text).title.value == "Lagerchef"
    code = "var title = init();\n\nLagerchef\n\nVi søger en lagerchef til vores lager.\n"
    assert _read(code).title.value == "Lagerchef"


def test_an_organisation_name_reads_on_over_following_organisation_words():
    text = ("Staff Nurse\n\nJoin the wards of Eastbrook University Hospitals NHS Foundation Trust. "
            "Eastbrook University Hospitals NHS Foundation Trust serves 900,000 people.\n")
    assert _read(text).employer.value == "Eastbrook University Hospitals NHS Foundation Trust"


def test_a_town_or_short_form_counts_for_the_fuller_organisation_name():
    text = ("Social Worker\nHollowell\n\nHollowell Borough Council is looking for a social worker. "
            "Hollowell is a growing town, and Hollowell needs you. Visit www.hollowell.gov.uk.\n")
    assert _read(text).employer.value == "Hollowell Borough Council"


def test_a_name_stops_at_the_end_of_its_sentence():
    text = ("- **Data Engineer (2 years) based in the Data Unit, University of Carrow. Closing Date: "
            "1 May**\n\nWe seek a data engineer for clinical data.\n")
    assert _read(text).employer.value == "University of Carrow"


def test_job_terms_under_the_title_are_no_employer():
    for term in ("Remote", "Fuldtid", "Permanent"):
        text = f"Senior Developer\n{term}\n\nWe build tools for farmers and need a developer. Apply now.\n"
        employer = _read(text).employer
        assert employer is None or employer.value != term


def test_a_town_under_the_title_loses_to_an_organisation():
    text = ("Sygeplejerske\nOdense\n\nRegion Syddanmark søger en sygeplejerske til afdeling B. Du bliver en "
            "del af et stærkt team.\n")
    assert _read(text).employer.value == "Region Syddanmark"


def test_with_no_name_in_the_text_the_title_line_or_page_title_is_a_guess():
    guess = _read("Lagerchef - Vindeby Bryggeri\n\nVi søger en lagerchef. Du leder otte medarbejdere.\n").employer
    assert guess.value == "Vindeby Bryggeri" and guess.confidence < 0.5
    page = extract(Document(text="Vi søger en lagerchef til vores lager i byen.", kind="html",
                            site_names=("Vindeby Bryggeri - Lagerchef",))).employer
    assert page.value == "Vindeby Bryggeri" and page.confidence < 0.5
    slogan = extract(Document(text="Lagerchef\n\nVi søger en lagerchef.", kind="html",
                              site_names=("Quality in every bottle - since 1898",))).employer
    assert slogan is None


def test_a_genitive_is_a_mention_of_the_organisation():
    text = ("Fuldmægtig\n\nVil du arbejde med skat? Kontoret ligger hos Vestby Kommune. Toldstyrelsen har "
            "900 ansatte, og Toldstyrelsens opgave er kontrol. Toldstyrelsens medarbejdere sidder i hele "
            "landet.\n")
    assert _read(text).employer.value == "Toldstyrelsen"


def test_a_labelled_fact_line_is_no_title():
    text = ("Barselsvikar til vores lønteam\nKontaktperson: Jens Hansen, Afdelingsleder\n\n"
            "Vi har brug for en barselsvikar i lønteamet fra 1. marts. Du skal kunne lide tal.\n")
    assert _read(text).title.value == "Barselsvikar til vores lønteam"
    assert _read("Ledige stillinger: Lønkonsulent\n\nVi har brug for en kollega.\n").title.value == "Lønkonsulent"


def test_a_title_naming_its_employer_keeps_its_role_part():
    text = ("Redovisningsekonom till Brovik, Stockholm\nBrovik\n\nTill ekonomiavdelningen på Brovik söker vi "
            "en redovisningsekonom. Om Brovik\nBrovik bygger broar.\n")
    result = _read(text)
    assert result.employer.value == "Brovik"
    assert result.title.value == "Redovisningsekonom till Brovik"
