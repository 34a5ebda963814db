"""HTML -> text layout, boilerplate removal, title and JobPosting data."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from jobtrack.core.document import Document
from jobtrack.ingest.documents import document_from_bytes, load_source
from jobtrack.ingest.errors import SourceError
from jobtrack.ingest.htmltext import MAX_DEPTH, bound_depth, html_to_document, html_to_text, parse_json_loosely

import httpserver  # noqa: F401  (puts the repo on sys.path)

PAGES = Path(__file__).parent / "fixtures" / "pages"


def page(name: str) -> Document:
    return load_source(str(PAGES / name))


# --- layout ------------------------------------------------------------------


def test_blocks_become_paragraphs_and_br_a_line_break() -> None:
    text = html_to_text("<div>One</div><p>Two<br>Three</p><section>Four</section>")
    assert text == "One\n\nTwo\nThree\n\nFour"


def test_whitespace_collapses_inside_paragraphs_and_entities_are_unescaped() -> None:
    text = html_to_text("<p>  Løn   efter\n  overenskomst &amp; aftale&nbsp;&ndash; se&#32;mere</p>")
    assert text == "Løn efter overenskomst & aftale – se mere"


def test_list_items_become_bullet_lines() -> None:
    text = html_to_text("<p>Vi tilbyder</p><ul><li>Frihed</li><li><p>Gode <b>kolleger</b></p></li></ul>")
    assert text == "Vi tilbyder\n\n• Frihed\n• Gode kolleger"


def test_nested_lists_stay_one_block() -> None:
    text = html_to_text("<ul><li>A<ul><li>A1</li></ul></li><li>B</li></ul>")
    assert text == "• A\n• A1\n• B"


def test_headings_stand_on_their_own() -> None:
    text = html_to_text("<h2>Om jobbet</h2>Du skal<h3>Om dig</h3><span>Du er</span>")
    assert text == "Om jobbet\n\nDu skal\n\nOm dig\n\nDu er"


def test_fact_table_rows_become_label_value_lines() -> None:
    html = (
        "<table><tr><th>Ansøgningsfrist</th><td>14.04.2026</td></tr>"
        "<tr><td>Kontakt:</td><td><p>Jens Jensen</p><p>tlf. 1234 5678</p></td></tr>"
        "<tr><td>a</td><td>b</td><td>c</td></tr></table>"
    )
    assert html_to_text(html) == "Ansøgningsfrist: 14.04.2026\nKontakt: Jens Jensen tlf. 1234 5678\na | b | c"


def test_layout_tables_are_read_as_blocks() -> None:
    long = "Langt afsnit. " * 40
    text = html_to_text(f"<table><tr><td><p>{long}</p><table><tr><td>x</td></tr></table></td><td>Side</td></tr></table>")
    assert text.startswith("Langt afsnit.")
    assert "|" not in text
    assert text.endswith("\n\nSide")


def test_definition_lists_pair_term_and_value() -> None:
    assert html_to_text("<dl><dt>Ansøgningsfrist</dt><dd>1. maj</dd><dt>Start</dt><dd>1. juni</dd></dl>") == (
        "Ansøgningsfrist: 1. maj\nStart: 1. juni"
    )


def test_short_label_lines_join_their_value() -> None:
    text = html_to_text("<p><b>Ansøgningsfrist:</b><br>12. april</p><p>Kontakt:</p><p>Jens på 1234 5678</p>")
    assert text == "Ansøgningsfrist: 12. april\n\nKontakt: Jens på 1234 5678"


def test_pre_keeps_its_lines() -> None:
    assert html_to_text("<pre>Linje 1\nLinje 2</pre>") == "Linje 1\nLinje 2"


def test_deeply_nested_page_does_not_hit_the_recursion_limit() -> None:
    html = "<div>" * 5000 + "dybt" + "</div>" * 5000
    assert html_to_text(html) == "dybt"


# --- choosing content ----------------------------------------------------------


def test_scripts_styles_nav_forms_cookie_banner_and_footer_are_dropped() -> None:
    doc = page("cookie_nav_script.html")
    for gone in ("cookies", "Accepter", "Borger", "Erhverv", "Søg", "JavaScript", "tracking", "dataLayer",
                 "font-family", "svgtekst", "CVR", "Rådhuspladsen"):  # fmt: skip
        assert gone not in doc.text, gone
    assert "• er uddannet pædagog\n• har lyst til udeliv" in doc.text
    assert "Ansøgningsfrist: søndag den 12. april 2026" in doc.text
    assert "Mette Sørensen på tlf. 2233 4455" in doc.text


def test_body_class_mentioning_cookies_does_not_drop_the_page() -> None:
    doc = page("cookie_nav_script.html")
    assert doc.text.count("Pædagog til børnehaven Solsikken") == 1


def test_main_is_preferred_but_side_columns_are_kept() -> None:
    body = "<p>" + "Vi søger en ny kollega. " * 20 + "</p>"
    html = (
        "<body><header><div>Portalnavn</div></header><div class='promo'>Andre job</div>"
        f"<main><h1>Jurist</h1>{body}</main>"
        "<aside><p>Ansøgningsfrist: 1. maj</p></aside>"
        "<div class='job-sidebar'><p>Kontakt: Ida, 1234 5678</p></div></body>"
    )
    text = html_to_text(html)
    assert text.startswith("Jurist\n\nVi søger")
    assert "Ansøgningsfrist: 1. maj" in text
    assert "Kontakt: Ida, 1234 5678" in text
    assert "Portalnavn" not in text
    assert "Andre job" not in text


def test_h1_outside_main_is_put_first() -> None:
    html = "<body><div class='hero'><h1>Konsulent</h1></div><main>" + "<p>Tekst om jobbet.</p>" * 20 + "</main>"
    assert html_to_text(html).startswith("Konsulent\n\nTekst om jobbet.")


def test_tiny_main_falls_back_to_the_whole_body() -> None:
    html = "<body><main><p>Cookie-indstillinger</p></main><div><h1>Jobbet</h1><p>Alt det vigtige</p></div></body>"
    assert "Alt det vigtige" in html_to_text(html)


def test_asp_net_form_around_the_whole_page_is_kept() -> None:
    doc = page("municipal_latin1.html")
    assert "Fjordby Kommune søger en engageret sagsbehandler" in doc.text
    assert "VIEWSTATE" not in doc.text


def test_municipal_side_column_facts_survive_in_latin1() -> None:
    doc = page("municipal_latin1.html")
    assert doc.title_hint == "Sagsbehandler til Teknik og Miljø"
    for line in ("Ansøgningsfrist: 14.04.2026", "Tiltrædelse: 01.06.2026", "Afdelingsleder Søren Ærø", "Tlf. 8765 4321"):
        assert f"\n{line}\n" in doc.text, line


# --- title ---------------------------------------------------------------------------


def test_title_hint_prefers_h1_then_og_title_then_title() -> None:
    head = "<head><title>Side | Portal</title><meta property='og:title' content='OG titel'></head>"
    assert html_to_document(f"<html>{head}<body><h1><img alt='logo'></h1><h1> Rigtig  titel </h1></body>").title_hint == (
        "Rigtig titel"
    )
    assert html_to_document(f"<html>{head}<body><p>x</p></body>").title_hint == "OG titel"
    assert html_to_document("<title>Kun titel</title><p>x</p>").title_hint == "Kun titel"
    assert html_to_document("<p>x</p>").title_hint is None


# --- JSON-LD and microdata ---------------------------------------------------------------


def test_json_ld_with_graph_comments_and_trailing_commas() -> None:
    doc = page("ats_jsonld.html")
    titles = [p["title"] for p in doc.structured]
    assert titles == ["Backend-udvikler", "Andet opslag"]
    posting = doc.structured[0]
    assert posting["validThrough"] == "2026-03-31T23:59:00+02:00"
    assert posting["hiringOrganization"]["name"] == "Nordlys Software A/S"
    assert posting["jobLocation"]["address"]["addressLocality"] == "Aarhus"


def test_json_ld_in_cdata_and_nested_under_other_objects() -> None:
    html = """<script type="application/ld+json">//<![CDATA[
    {"@type": "WebPage", "mainEntity": {"@type": "http://schema.org/JobPosting", "title": "Nested"}}
    //]]></script><p>x</p>"""
    assert html_to_document(html).structured == [{"@type": "http://schema.org/JobPosting", "title": "Nested"}]


def test_broken_json_is_skipped() -> None:
    assert parse_json_loosely('{"a": nope}') is None
    assert parse_json_loosely('{"a": [1, 2,], }') == {"a": [1, 2]}
    assert parse_json_loosely('{"a": "line\nbreak"}') == {"a": "line\nbreak"}


def test_microdata_job_posting_becomes_a_json_ld_shaped_dict() -> None:
    doc = page("microdata.html")
    assert doc.structured == [
        {
            "@type": "JobPosting",
            "title": "Warehouse Team Lead",
            "hiringOrganization": {"@type": "Organization", "name": "Harbour Logistics ApS", "sameAs": "https://harbour.example"},
            "jobLocation": {
                "@type": "Place",
                "address": {"@type": "PostalAddress", "addressLocality": "Esbjerg", "addressCountry": "DK"},
            },
            "datePosted": "2026-02-10",
            "validThrough": "2026-03-15",
            "description": "We are looking for a team lead for our night shift. You will plan the work of eight colleagues.",
            "employmentType": ["FULL_TIME", "PERMANENT"],
        }
    ]
    assert "Apply by 15 March 2026." in doc.text


def test_structured_strings_are_sanitised() -> None:
    html = '<script type="application/ld+json">{"@type": "JobPosting", "title": "A\\u001b[31mB"}</script><p>x</p>'
    assert html_to_document(html).structured == [{"@type": "JobPosting", "title": "AB"}]


def test_page_without_text_or_data_needs_javascript() -> None:
    with pytest.raises(SourceError, match="may need JavaScript"):
        document_from_bytes(b"<html><body><div id='app'></div><script>boot()</script></body></html>", "text/html", "u")


# --- hostile nesting: linear time, bounded depth -------------------------------------


def read_quickly(html: str, seconds: float = 20.0) -> Document:
    """Read `html` as a fetched page would be read, within `seconds`: a guard against the
    quadratic reading these pages once took (40 s and more), not a speed test (bench/ has those)."""
    started = time.monotonic()
    doc = document_from_bytes(html.encode(), "text/html; charset=utf-8", "page")
    assert time.monotonic() - started < seconds
    return doc


def test_tables_nested_20000_deep_read_in_linear_time() -> None:
    # 660 KB; took 51 s when each table searched all the tables below it.
    n = 20_000
    doc = read_quickly("<table><tr><td>" * n + "Ansøgningsfrist 14. april" + "</td></tr></table>" * n)
    assert "Ansøgningsfrist 14. april" in doc.text


def test_lists_nested_deeper_than_the_limit_keep_their_text() -> None:
    n = 40_000  # the tree builder alone took 40 s at this depth
    doc = read_quickly("<ul><li>a" * n + "<p>Kontakt Jens</p>" + "</li></ul>" * n)
    assert "Kontakt Jens" in doc.text


@pytest.mark.parametrize(("open_", "close"), [("[", "]"), ('{"a": ', "}")])
@pytest.mark.parametrize("depth", [900, 5000])
def test_deeply_nested_json_ld_keeps_the_posting(open_: str, close: str, depth: int) -> None:
    data = '{"@type": "JobPosting", "title": "Udvikler", "x": ' + open_ * depth + "1" + close * depth + "}"
    doc = read_quickly(f'<script type="application/ld+json">{data}</script><p>Job</p>')
    assert [p.get("title") for p in doc.structured] == (["Udvikler"] if depth == 900 else [])


def test_json_ld_deeper_than_the_data_limit_is_cut() -> None:
    data = '{"@type": "JobPosting", "title": "Udvikler", "x": ' + "[" * 900 + '"deep"' + "]" * 900 + "}"
    (posting,) = read_quickly(f'<script type="application/ld+json">{data}</script><p>Job</p>').structured
    depth, value = 0, posting["x"]
    while isinstance(value, list):
        depth, value = depth + 1, value[0]
    assert value is None and depth < 40


def test_microdata_items_nested_900_deep_read_without_recursion_error() -> None:
    n = 900
    item = '<div itemprop="about" itemscope itemtype="https://schema.org/Thing">'
    html = (
        '<div itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">Udvikler</h1>'
        + item * n + "x" + "</div>" * (n + 1)
    )
    (posting,) = read_quickly(html).structured
    assert posting["title"] == "Udvikler"


def test_nested_job_posting_items_give_one_posting() -> None:
    n = 5000
    item = '<div itemprop="x" itemscope itemtype="https://schema.org/JobPosting"><span itemprop="title">T</span>'
    assert len(read_quickly(item * n + "</div>" * n).structured) == 1


def test_a_page_with_too_many_elements_is_refused_in_one_line() -> None:
    started = time.monotonic()
    with pytest.raises(SourceError) as info:
        document_from_bytes(b"<p>x" * 2_500_000, "text/html", "page.html")  # 10 MB
    assert time.monotonic() - started < 3
    assert str(info.value) == "page.html: the page has too many elements to read (2,500,000, limit 250,000)"


def test_bound_depth_leaves_ordinary_pages_alone() -> None:
    # Thousands of tags, sloppy markup (unclosed <p> and <li>, <a> in <a>), a few dozen levels deep.
    item = '<li><a href="/j"><span class="t">Job</span></a><p>Tekst <b>fed</b> <a href=x>link<a href=y>mere'
    body = "<div><section>" * 20 + "<ul>" + item * 2000 + "</ul>" + "</section></div>" * 20
    html = f"<!doctype html><html><head><meta charset=utf-8><title>T</title></head><body>{body}</body></html>"
    assert bound_depth(html) is html


def test_bound_depth_flattens_only_beyond_the_limit() -> None:
    deep = "<div>" * (MAX_DEPTH + 10) + "x" + "</div>" * (MAX_DEPTH + 10)
    assert bound_depth(deep) == "<div>" * MAX_DEPTH + "x" + "</div>" * MAX_DEPTH


def test_bound_depth_ignores_tags_in_scripts_comments_and_void_elements() -> None:
    filler = "<br><img src=x><p>a<li>b" * MAX_DEPTH
    html = f"<script>{'<div>' * 999}</script><!-- {'<div>' * 999} -->{filler}<div>x</div>"
    assert bound_depth(html) is html


def test_many_side_columns_are_gathered_in_linear_time() -> None:
    # Each side column was checked against every one found before it: 100,000 took hours.
    main = "<main><h1>Udvikler</h1>" + "<p>Vi søger en udvikler til vores team i Aarhus.</p>" * 5 + "</main>"
    doc = read_quickly(main + '<div class="sidebar"><p>Kontakt Jens</p></div>' * 20_000)
    assert doc.text.count("Kontakt Jens") == 20_000


def test_lone_surrogates_in_json_ld_are_dropped() -> None:
    # json.loads accepts "\ud800"; such a string could never be saved as UTF-8.
    data = '{"@type": "JobPosting", "title": "Udvikler \\ud800i Aarhus", "description": "a\\udfffb"}'
    (posting,) = read_quickly(f'<script type="application/ld+json">{data}</script><p>Job</p>').structured
    assert (posting["title"], posting["description"]) == ("Udvikler i Aarhus", "ab")
