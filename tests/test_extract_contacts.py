"""Contact people on invented postings: what looks like a person, who owns an e-mail,
and which phones and mailboxes belong to the process rather than to a person."""

from __future__ import annotations

from jobtrack.core.document import Document
from jobtrack.extract import extract
from jobtrack.extract.names import find_names, given_names, is_given_name
from jobtrack.extract.result import ExtractedContact


def _contacts(text: str) -> list[ExtractedContact]:
    return extract(Document(text=text)).contacts


def _names(text: str) -> list[str]:
    return [n.name for n in find_names(text)]


def test_given_names_are_data_from_name_statistics() -> None:
    assert len(given_names()) > 10_000
    assert all(is_given_name(n) for n in ("Mette", "Oliver", "Ingrid", "Sven"))
    assert not any(is_given_name(w) for w in ("Development", "Kommune", "Telephone"))


def test_streets_countries_units_and_labels_are_not_people() -> None:
    assert _names("Besøg os på Gammel Møllevej 12, 8000 Aarhus") == []
    assert _names("Our office on Wexley Road is open") == []
    assert _names("Applicants from Denmark or United Kingdom welcome") == []
    assert _names("Please ask Peter Holm Computer Sciences about it") == ["Peter Holm"]
    assert _names("Afdeling for Udvikling Maja Lund svarer") == ["Maja Lund"]


def test_a_heading_word_before_a_name_is_cut_off() -> None:
    (c,) = _contacts("Kontakt chef for Planlægning og Udvikling Maja Lund "
                     "(mobil: 21 43 65 87) med spørgsmål.")
    assert (c.name, c.phone) == ("Maja Lund", "+4521436587")


def test_an_email_belongs_to_the_name_it_is_made_of() -> None:
    text = ("For an informal discussion please contact Priya Raman, Digital Services Manager "
            "via email (priya.raman@example.ac.uk) or phone 020 7946 0321.")
    (c,) = _contacts(text)
    assert (c.name, c.email) == ("Priya Raman", "priya.raman@example.ac.uk")


def test_an_email_finds_its_name_elsewhere_in_the_posting() -> None:
    text = ("Contact: informal discussion with tomasz.wrobel@example.ac.uk\n\n"
            "Report to\nDr Tomasz Wrobel\n\nThe fellow will do research.")
    (c,) = _contacts(text)
    assert (c.name, c.email) == ("Tomasz Wrobel", "tomasz.wrobel@example.ac.uk")


def test_initials_mailbox_agrees_with_the_name() -> None:
    (c,) = _contacts("Spørgsmål? Kontakt gerne os.\nKarla Vinter Holm\nkvh@example.dk")
    assert (c.name, c.email) == ("Karla Vinter Holm", "kvh@example.dk")


def test_glued_contact_box_labels_are_split() -> None:
    text = ("For further details contact:\n\nNameHelen MarshJob titleWard ManagerEmail "
            "addresshelen.marsh@example.nhs.ukTelephone number0113 496 0123")
    (c,) = _contacts(text)
    assert (c.name, c.email, c.phone) == ("Helen Marsh", "helen.marsh@example.nhs.uk",
                                          "+441134960123")


def test_spaced_out_email_is_read() -> None:
    (c,) = _contacts("Send os en kort ansøgning.\nKontakt: info @ example.com")
    assert c.email == "info@example.com"


def test_help_desk_and_recruitment_mailboxes_are_not_contacts() -> None:
    text = ("Apply by midnight. For assistance contact Recruitment on 020 7946 0999 or "
            "recruitment@example.ac.uk quoting the job number.")
    assert _contacts(text) == []
    text = ("If you require any reasonable adjustments, please contact hr.team@example.org.\n\n"
            "Job contact:\n\n• Email: lwood@example.org")
    assert [c.email for c in _contacts(text)] == ["lwood@example.org"]


def test_the_application_mailbox_under_a_contact_is_not_theirs() -> None:
    text = ("* **Kontakt:** Sigrid Berg Aas (Kommunikasjonssjef)\n"
            "* **Søknad sendes:** jobs@example.no\n")
    (c,) = _contacts(text)
    assert (c.name, c.email) == ("Sigrid Berg Aas", None)


def test_a_lone_given_name_before_a_number_is_a_contact() -> None:
    text = "Vil du vide mere, så kontakt Amir Haddad på telefon 31 62 76 61/ Nabil 41 77 36 41."
    assert [(c.name, c.phone) for c in _contacts(text)] == [
        ("Amir Haddad", "+4531627661"), ("Nabil", "+4541773641")]


def test_a_switchboard_in_the_footer_fact_box_is_not_a_contact() -> None:
    text = ("Yderligere oplysninger fås hos Jens Holm, tlf. 8612 3456.\n\n"
            "Arbejdsgiver: Vestjysk Pædagogiske Skole\nAdresse: Skolevej 4\n"
            "By: 7400 Herning\nTelefon: 8612 3000\n")
    assert [(c.name, c.phone) for c in _contacts(text)] == [("Jens Holm", "+4586123456")]


def test_a_name_on_a_line_of_its_own_ends_there() -> None:
    text = ("Fragen richten Sie bitte an\n\nDr. Greta Albers\nLehrstuhl für Romanistik\n"
            "E-Mail: greta.albers@example.de")
    (c,) = _contacts(text)
    assert (c.name, c.email) == ("Greta Albers", "greta.albers@example.de")


def test_a_contact_heading_over_a_name_names_a_contact() -> None:
    text = ("Vi glæder os til at høre fra dig.\n\nKontakt\n    Line Holst\n\n"
            "    Talent Partner - HR\n\nOm os\nVi bygger software.")
    assert [c.name for c in _contacts(text)] == ["Line Holst"]
    assert _contacts("Vi glæder os.\n\nKontakt\nOm Firmaet\nVi bygger software.") == []


def test_people_listed_under_another_label_are_not_contacts() -> None:
    text = ("For information about the post call:\nNora Quinn, head of finance 020 7946 0111\n"
            "Union representatives:\nStaff union: Owen Price, 020 7946 0222 owen.price@example.co.uk\n"
            "Admin union: Ruth Lowe, 020 7946 0333\n\nWe look forward to hearing from you.")
    assert [c.name for c in _contacts(text)] == ["Nora Quinn"]


def test_roles_after_a_name_and_under_it() -> None:
    text = ("For an informal chat contact Mia Cole, Team Manager on 07911 123456, "
            "mia.cole@example.co.uk or Sam Reid, Deputy Team Manager on 07912 345678.")
    assert [(c.name, c.role) for c in _contacts(text)] == [
        ("Mia Cole", "Team Manager"), ("Sam Reid", "Deputy Team Manager")]
    text = ("For further details contact:\n\nName: Dr Ada Moss\n\nJob title: Lead Nurse\n\n"
            "Email address: ada.moss@example.nhs.uk")
    assert [(c.name, c.role) for c in _contacts(text)] == [("Ada Moss", "Lead Nurse")]


def test_a_role_is_not_read_across_another_contact() -> None:
    text = ("Fragen an Petra Lind (petra.lind@example.de) und Jonas Berg "
            "(jonas.berg@example.de) mit dem Betreff Annotation.")
    assert [(c.name, c.role) for c in _contacts(text)] == [("Petra Lind", None), ("Jonas Berg", None)]


def test_the_letterhead_under_an_address_is_not_a_contact() -> None:
    text = ("Har du spørgsmål, så kontakt Ole Bak på tlf. 2345 6789.\n\n"
            "Kontakt os\nFirma A/S, Havnegade 12, 1058 København K\nTlf. 3312 3456, info@firma.example.dk\n")
    assert [(c.name, c.phone, c.email) for c in _contacts(text)] == [("Ole Bak", "+4523456789", None)]
    text = "Questions? Contact us.\nWestbrook Trust, 4 Mill Road, Leeds LS1 4AP\nTelephone 0113 496 0000\n"
    assert _contacts(text) == []


def test_a_person_who_only_receives_applications_is_not_a_contact() -> None:
    text = ("Spørgsmål om stillingen kan rettes til Eva Lund på tlf. 2233 4455.\n\n"
            "Ansøgningen sendes til HR-konsulent Mads Ring, mr@example.dk.")
    assert [c.name for c in _contacts(text)] == ["Eva Lund"]
