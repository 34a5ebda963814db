"""PDF -> text with pypdf: pages, caps, encrypted and broken files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from jobtrack.ingest.errors import SourceError
from jobtrack.ingest.pdf import pdf_to_text

import httpserver  # noqa: F401  (puts the repo on sys.path)
from pdfmaker import FIXTURE, POSTING_LINES, make_pdf


def combine(*pdfs: bytes, blank: int = 0) -> bytes:
    """Join one-page PDFs (and blank pages) into one file with pypdf."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for pdf in pdfs:
        writer.add_page(PdfReader(io.BytesIO(pdf)).pages[0])
    for _ in range(blank):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted(pdf: bytes, password: str) -> bytes:
    """`pdf` encrypted with RC4 (needs no extra crypto package)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_committed_fixture_matches_the_generator() -> None:
    assert FIXTURE.read_bytes() == make_pdf(POSTING_LINES)


def test_danish_text_is_extracted_line_by_line() -> None:
    assert pdf_to_text(make_pdf(POSTING_LINES)) == "\n".join(POSTING_LINES)


def test_pages_are_joined_by_a_blank_line() -> None:
    text = pdf_to_text(combine(make_pdf(["Side et"]), make_pdf(["Side to"])))
    assert text == "Side et\n\nSide to"


def test_page_cap() -> None:
    pdf = combine(make_pdf(["Side et"]), make_pdf(["Side to"]), make_pdf(["Side tre"]))
    assert pdf_to_text(pdf, max_pages=2) == "Side et\n\nSide to"


def test_blank_pages_are_skipped() -> None:
    assert pdf_to_text(combine(make_pdf(["Kun tekst"]), blank=2)) == "Kun tekst"


def test_pdf_without_text_is_refused() -> None:
    with pytest.raises(SourceError, match=r"scan\.pdf contains no text \(it may be a scanned image\)"):
        pdf_to_text(combine(make_pdf([""]), blank=1), "scan.pdf")


def test_password_protected_pdf() -> None:
    with pytest.raises(SourceError, match=r"^hemmelig\.pdf is password-protected$") as info:
        pdf_to_text(encrypted(make_pdf(POSTING_LINES), "hemmelig"), "hemmelig.pdf")
    assert info.value.paste_helps  # the front end offers pasting the text


def test_pdf_encrypted_with_an_empty_password_opens() -> None:
    assert "Østerå Kommune" in pdf_to_text(encrypted(make_pdf(POSTING_LINES), ""))


@pytest.mark.parametrize("raw", [b"%PDF-1.4\nnot really a pdf", make_pdf(POSTING_LINES)[:200], b"%PDF-"])
def test_broken_pdf(raw: bytes) -> None:
    with pytest.raises(SourceError) as info:
        pdf_to_text(raw, "broken.pdf")
    message = str(info.value)
    assert message.startswith("broken.pdf ")
    assert "\n" not in message


def test_control_characters_in_pdf_text_are_removed() -> None:
    assert pdf_to_text(make_pdf(["Titel\x1b[31m rød"])) == "Titel rød"


def test_fixture_path_is_inside_the_tests() -> None:
    assert FIXTURE.parent == Path(__file__).parent / "fixtures" / "pages"
