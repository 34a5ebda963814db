"""load_source and document_from_bytes: dispatch, charsets, sanitising."""

from __future__ import annotations

import codecs
import io
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from jobtrack.core.sanitize import clean_line, clean_text
from jobtrack.ingest.documents import document_from_bytes, load_source
from jobtrack.ingest.encoding import decode_text, sniff_kind
from jobtrack.ingest.errors import SourceError
from jobtrack.ingest.fetch import FetchError

from httpserver import HTTPTestServer
from pdfmaker import POSTING_LINES, make_pdf

PAGES = Path(__file__).parent / "fixtures" / "pages"
DANISH = "Ansøgningsfrist på rådhuset: æøå ÆØÅ"


def stdin_with(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


# --- sanitising ------------------------------------------------------------------


def test_clean_text_removes_terminal_escapes_and_controls() -> None:
    dirty = "A\x1b[31mred\x1b[0m \x1b]0;title\x07B \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x9b2J C\x00\x08\x7f\x85D"
    assert clean_text(dirty) == "Ared B link  CD"


def test_clean_text_removes_bidi_overrides_and_keeps_tabs_and_newlines() -> None:
    assert clean_text("a\u202eb\u2066c\u2069\td\r\ne\rf") == "abc\td\ne\nf"


def test_clean_text_normalises_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Århus")
    assert clean_text(decomposed) == "Århus"


def test_clean_text_leaves_markup_as_literal_text() -> None:
    assert clean_text("[bold red]x[/] [link=http://e]y[/link]") == "[bold red]x[/] [link=http://e]y[/link]"


def test_clean_line_folds_lines() -> None:
    assert clean_line(" a\n\tb\x1b[1m  c ") == "a b c"


def test_html_page_with_ansi_escapes_and_rich_markup(http_server: HTTPTestServer) -> None:
    body = (
        "<html><head><title>Job \x1b]0;pwned\x07title</title></head><body>"
        "<h1>Titel \x1b[31mrød\x1b[0m</h1><p>Tekst [bold red]x[/] og \x1b[2J\x07slut\u202e.</p></body></html>"
    ).encode()
    doc = load_source(http_server.add("/ansi", body))
    assert doc.title_hint == "Titel rød"
    assert "Tekst [bold red]x[/] og slut." in doc.text
    everything = doc.text + doc.title_hint
    assert not [c for c in everything if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    assert "\u202e" not in everything


# --- sniffing and decoding ------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\n\n<!DOCTYPE html><p>x", "html"),
        (b"<!-- saved --><html><body>x", "html"),
        (codecs.BOM_UTF8 + b"<html>", "html"),
        (b"Just text <b>not html</b>", "text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (codecs.BOM_UTF16_LE + "tekst".encode("utf-16-le"), "text"),
    ],
)
def test_sniff_kind(raw: bytes, kind: str) -> None:
    assert sniff_kind(raw) == kind


def test_header_charset_wins_over_meta() -> None:
    raw = '<meta charset="utf-8"><p>æøå</p>'.encode("cp1252")
    assert "æøå" in decode_text(raw, "iso-8859-1", html=True)


def test_meta_charset_and_http_equiv() -> None:
    raw = "<meta charset='windows-1252'><p>“æøå” €</p>".encode("cp1252")
    assert "“æøå” €" in decode_text(raw, None, html=True)
    raw = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>æøå</p>'.encode("latin-1")
    assert "æøå" in decode_text(raw, None, html=True)


def test_bom_wins() -> None:
    assert decode_text(codecs.BOM_UTF8 + DANISH.encode(), "iso-8859-1") == DANISH
    assert decode_text(codecs.BOM_UTF16_BE + DANISH.encode("utf-16-be")) == DANISH


def test_undeclared_utf8_then_cp1252_fallback() -> None:
    assert decode_text(DANISH.encode()) == DANISH
    assert decode_text(DANISH.encode("cp1252")) == DANISH


def test_declared_utf8_that_is_really_latin1() -> None:
    assert decode_text(DANISH.encode("latin-1"), "utf-8") == DANISH


def test_unknown_charset_label_is_ignored() -> None:
    assert decode_text(DANISH.encode(), "x-no-such-charset") == DANISH


def test_document_from_bytes_dispatches_on_magic_bytes_over_type() -> None:
    pdf = make_pdf(POSTING_LINES)
    assert document_from_bytes(pdf, "text/html", "x").kind == "pdf"
    # A page saved as .txt (or served as text/plain) still reads better as HTML.
    assert document_from_bytes(b"<!doctype html><p>Hej</p>", "text/plain", "x").kind == "html"
    assert document_from_bytes(b"Hej <b>med</b> dig", "text/html", "x").kind == "html"
    assert document_from_bytes(b"Hej <b>med</b> dig", "text/plain", "x").kind == "text"


def test_declared_pdf_without_pdf_bytes() -> None:
    with pytest.raises(SourceError, match="not a valid PDF"):
        document_from_bytes(b"<html>oops</html>", "application/pdf", "x.pdf")


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(SourceError, match="looks like a binary file"):
        document_from_bytes(b"PK\x03\x04\x00\x00zip", "", "a.zip")


def test_text_document_keeps_raw_and_is_clean() -> None:
    raw = "Linje 1\r\nLinje 2 \x1b[1m!".encode("cp1252")
    doc = document_from_bytes(raw, "text/plain; charset=windows-1252", "s")
    assert (doc.text, doc.kind, doc.raw, doc.content_type) == ("Linje 1\nLinje 2 !", "text", raw, "text/plain")


# --- files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.txt", "Jobbet <i>æøå</i>", "text"),
        ("a.md", "# Jobbet\n\næøå", "text"),
        ("a.HTM", "<h1>Jobbet</h1><p>æøå</p>", "html"),
        ("noext", "<html><body><h1>Jobbet</h1><p>æøå</p></body></html>", "html"),
        ("saved.txt", "<!DOCTYPE html><h1>Jobbet</h1><p>æøå</p>", "html"),
    ],
)
def test_files_by_suffix_or_sniffing(tmp_path: Path, name: str, content: str, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode())
    doc = load_source(str(path))
    assert (doc.kind, doc.source) == (kind, str(path))
    assert "æøå" in doc.text


def test_pdf_file() -> None:
    doc = load_source(str(PAGES / "posting.pdf"))
    assert doc.kind == "pdf"
    assert "Ansøgningsfrist: 20. maj 2026 kl. 12.00" in doc.text


def test_binary_file_with_text_suffix(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(SourceError, match=r"image\.txt looks like a binary file"):
        load_source(str(path))


@pytest.mark.parametrize(("setup", "message"), [("missing", "no such file"), ("dir", "is a folder"), ("empty", "is empty")])
def test_file_errors(tmp_path: Path, setup: str, message: str) -> None:
    path = tmp_path / "x.txt"
    if setup == "dir":
        path.mkdir()
    elif setup == "empty":
        path.write_bytes(b" \n")
    with pytest.raises(SourceError, match=message) as info:
        load_source(str(path))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("source", ["jobindex.dk/vis-job/123", "www.example.dk"])
def test_address_without_scheme_is_not_guessed(source: str) -> None:
    with pytest.raises(SourceError, match=f"no such file: {source} \\(for a web page, give the whole address: https://"):
        load_source(source)


def test_missing_file_that_looks_like_a_domain_stays_a_file_error() -> None:
    with pytest.raises(SourceError, match=r"^no such file: opslag\.txt$"):
        load_source("opslag.txt")


# --- stdin --------------------------------------------------------------------------


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_with(monkeypatch, DANISH.encode())
    doc = load_source("-")
    assert (doc.text, doc.source, doc.kind) == (DANISH, "stdin", "text")


def test_stdin_html_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_with(monkeypatch, b"<!DOCTYPE html><title>T</title><h1>Jobbet</h1>")
    doc = load_source("-")
    assert (doc.kind, doc.title_hint) == ("html", "Jobbet")


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_with(monkeypatch, b"")
    with pytest.raises(SourceError, match="nothing was pasted"):
        load_source("-")


# --- URLs ---------------------------------------------------------------------------


def test_url_html_in_latin1_via_redirect(http_server: HTTPTestServer) -> None:
    raw = (PAGES / "municipal_latin1.html").read_bytes()
    final = http_server.add("/job/1", raw, content_type="text/html; charset=ISO-8859-1")
    doc = load_source(http_server.redirect("/kort", "/job/1"))
    assert (doc.kind, doc.source, doc.raw) == ("html", final, raw)
    assert "Ansøgningsfrist: 14.04.2026" in doc.text


def test_url_latin1_declared_only_in_meta(http_server: HTTPTestServer) -> None:
    raw = (PAGES / "municipal_latin1.html").read_bytes()
    doc = load_source(http_server.add("/job/2", raw, content_type="text/html"))
    assert "Søren Ærø" in doc.text


def test_url_pdf(http_server: HTTPTestServer) -> None:
    doc = load_source(http_server.add("/opslag.pdf", make_pdf(POSTING_LINES), content_type="application/pdf"))
    assert doc.kind == "pdf"
    assert "Østerå Kommune" in doc.text


def test_url_errors_are_fetch_errors(http_server: HTTPTestServer) -> None:
    with pytest.raises(FetchError, match="404 Not Found"):
        load_source(http_server.add("/gone", b"x", status=404))


def test_url_page_that_needs_javascript_suggests_pasting(http_server: HTTPTestServer) -> None:
    url = http_server.add("/app", b"<html><body><div id='root'></div><script>start()</script></body></html>")
    with pytest.raises(SourceError, match=r"may need JavaScript\)$") as info:
        load_source(url)
    assert not isinstance(info.value, FetchError) and info.value.paste_helps


@pytest.mark.parametrize("charset", ["base64", "rot13", "zlib", "hex", "uu", "bz2"])
def test_a_charset_naming_a_codec_that_is_not_text_is_ignored(charset: str) -> None:
    raw = f'<html><head><meta charset="{charset}"></head><body><p>Søg</p>'.encode()
    assert document_from_bytes(raw, "text/html", "x").text == "Søg"
    assert document_from_bytes(raw, f"text/html; charset={charset}", "x").text == "Søg"


def test_many_comments_before_the_html_start_are_sniffed_quickly() -> None:
    # The head is cut at 4 KB before <html>; the old pattern backtracked exponentially here.
    started = time.monotonic()
    assert sniff_kind(b"<!---->" * 600 + b"<html>") == "text"
    assert sniff_kind(b"<!-- a -- b -->\n" * 3 + b"<!DOCTYPE html><p>x") == "html"
    assert time.monotonic() - started < 1
