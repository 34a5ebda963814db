"""fetch() against a real local HTTP server: limits, errors, redirects."""

from __future__ import annotations

import gzip
import socket
import time

import pytest
from jobtrack import __version__
from jobtrack.ingest.errors import SourceError
from jobtrack.ingest.fetch import Fetched, FetchError, address_class, describe_error, fetch, normalise_url

from httpserver import HTTPTestServer, chunks
from pdfmaker import POSTING_LINES, make_pdf

HTML = "<html><body><h1>Job</h1><p>Søg nu</p></body></html>".encode()


def fetch_error(url: str, **limits: float) -> str:
    """The message of the FetchError that fetching `url` raises."""
    with pytest.raises(FetchError) as info:
        fetch(url, **limits)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    assert info.value.paste_helps and "jobtrack add" not in message  # each front end gives its own advice
    return message


def test_fetch_returns_body_type_and_charset(http_server: HTTPTestServer) -> None:
    url = http_server.add("/job", HTML, content_type="text/html; charset=UTF-8")
    result = fetch(url)
    assert result == Fetched(url, 200, "text/html", "utf-8", HTML)


def test_fetch_sends_user_agent_and_accept(http_server: HTTPTestServer) -> None:
    fetch(http_server.add("/job", HTML))
    headers = http_server.requests[-1].headers
    assert headers["User-Agent"].startswith(f"jobtrack/{__version__} (+https://")
    assert "text/html" in headers["Accept"]


def test_fetch_error_is_a_source_error() -> None:
    assert issubclass(FetchError, SourceError)


def test_redirects_are_followed_to_the_final_url(http_server: HTTPTestServer) -> None:
    final = http_server.add("/final", HTML)
    start = http_server.redirect_chain("/r", final="/final", hops=5)
    result = fetch(start)
    assert result.url == final
    assert result.body == HTML


def test_too_many_redirects(http_server: HTTPTestServer) -> None:
    http_server.add("/final", HTML)
    start = http_server.redirect_chain("/r", final="/final", hops=6)
    assert "too many redirects (more than 5)" in fetch_error(start)


def test_redirect_limit_is_a_parameter(http_server: HTTPTestServer) -> None:
    http_server.add("/final", HTML)
    start = http_server.redirect_chain("/r", final="/final", hops=2)
    with pytest.raises(FetchError, match="more than 1"):
        fetch(start, max_redirects=1)


def test_redirect_loop(http_server: HTTPTestServer) -> None:
    http_server.redirect("/a", "/a")
    assert "redirect" in fetch_error(http_server.url("/a"))


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/x", "file:///etc/passwd"])
def test_redirect_to_other_schemes_is_refused(http_server: HTTPTestServer, target: str) -> None:
    http_server.redirect("/r", target)
    assert "redirect" in fetch_error(http_server.url("/r"))


def test_timeout_waiting_for_the_server(http_server: HTTPTestServer) -> None:
    url = http_server.add("/slow", HTML, delay=3.0)
    started = time.monotonic()
    assert "timed out" in fetch_error(url, connect_timeout=0.3, total_timeout=0.3)
    assert time.monotonic() - started < 1.5


def test_total_timeout_while_the_body_trickles_in(http_server: HTTPTestServer) -> None:
    url = http_server.add("/drip", stream=chunks(100, size=1), chunk_delay=0.1)
    started = time.monotonic()
    assert "timed out" in fetch_error(url, connect_timeout=1.0, total_timeout=0.5)
    assert time.monotonic() - started < 2.0


def test_404_names_the_status(http_server: HTTPTestServer) -> None:
    url = http_server.add("/gone", b"nope", status=404)
    assert fetch_error(url) == f"could not fetch {url}: the server answered 404 Not Found"


def test_500(http_server: HTTPTestServer) -> None:
    url = http_server.add("/boom", b"oops", status=500)
    assert "500 Internal Server Error" in fetch_error(url)


def test_20_mb_page_is_rejected_while_streaming(http_server: HTTPTestServer) -> None:
    url = http_server.add("/big", stream=chunks(20 * 1024 * 1024))
    started = time.monotonic()
    assert "too large (more than 10 MB)" in fetch_error(url)
    assert time.monotonic() - started < 5


def test_declared_length_over_the_cap_is_rejected_before_reading(http_server: HTTPTestServer) -> None:
    size = 20 * 1024 * 1024
    # The body would take minutes to arrive: only the header can explain a quick failure.
    url = http_server.add("/big", headers={"Content-Length": str(size)}, stream=chunks(size), chunk_delay=1.0)
    started = time.monotonic()
    assert "too large (20 MB, limit 10 MB)" in fetch_error(url)
    assert time.monotonic() - started < 1.0


def test_size_cap_is_a_parameter(http_server: HTTPTestServer) -> None:
    url = http_server.add("/page", b"x" * 2000, content_type="text/plain")
    assert "too large" in fetch_error(url, max_bytes=1000)


def test_pdf(http_server: HTTPTestServer) -> None:
    pdf = make_pdf(POSTING_LINES)
    result = fetch(http_server.add("/opslag.pdf", pdf, content_type="application/pdf"))
    assert result.content_type == "application/pdf"
    assert result.body == pdf


def test_pdf_sent_as_octet_stream_is_accepted(http_server: HTTPTestServer) -> None:
    pdf = make_pdf(POSTING_LINES)
    assert fetch(http_server.add("/f", pdf, content_type="application/octet-stream")).body == pdf


def test_latin1_page_reports_its_charset(http_server: HTTPTestServer) -> None:
    body = "<p>Ansøgningsfrist på rådhuset: æøå</p>".encode("iso-8859-1")
    result = fetch(http_server.add("/l1", body, content_type="text/html; charset=ISO-8859-1"))
    assert result.charset == "iso-8859-1"
    assert result.body == body


def test_image_is_refused_with_its_type(http_server: HTTPTestServer) -> None:
    url = http_server.add("/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, content_type="image/png")
    assert "file of type image/png, not a web page" in fetch_error(url)


@pytest.mark.parametrize("content_type", ["application/zip", "video/mp4", "application/vnd.ms-excel"])
def test_other_binary_types_are_refused(http_server: HTTPTestServer, content_type: str) -> None:
    url = http_server.add("/f", b"PK\x03\x04\x00\x00", content_type=content_type)
    assert content_type in fetch_error(url)


@pytest.mark.parametrize("content_type", ["application/octet-stream", None])
def test_untyped_binary_is_sniffed_and_refused(http_server: HTTPTestServer, content_type: str | None) -> None:
    url = http_server.add("/f", b"PK\x03\x04\x00\x00\x00binary", content_type=content_type)
    assert "binary file" in fetch_error(url)


def test_untyped_text_is_accepted(http_server: HTTPTestServer) -> None:
    result = fetch(http_server.add("/t", HTML, content_type=None))
    assert result.content_type == ""
    assert result.body == HTML


def test_empty_body(http_server: HTTPTestServer) -> None:
    assert "empty page" in fetch_error(http_server.add("/empty", b"  \n"))


def test_gzip_body_is_decompressed(http_server: HTTPTestServer) -> None:
    url = http_server.add("/gz", gzip.compress(HTML), headers={"Content-Encoding": "gzip"})
    assert fetch(url).body == HTML


def test_gzip_bomb_hits_the_size_cap(http_server: HTTPTestServer) -> None:
    url = http_server.add("/gz", gzip.compress(b"a" * 5000), headers={"Content-Encoding": "gzip"})
    assert "too large" in fetch_error(url, max_bytes=1000)


def test_non_ascii_path_is_percent_encoded(http_server: HTTPTestServer) -> None:
    http_server.add("/job/s%C3%B8g", HTML)
    assert fetch(http_server.url("/job/søg")).body == HTML


def test_connection_refused(http_server: HTTPTestServer) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert "connection was refused" in fetch_error(f"http://127.0.0.1:{port}/job", connect_timeout=2)


def test_tls_error_when_the_server_does_not_speak_tls(http_server: HTTPTestServer) -> None:
    url = http_server.add("/job", HTML).replace("http://", "https://")
    assert "TLS" in fetch_error(url, connect_timeout=2, total_timeout=2)


def test_dns_failure_for_invalid_host_needs_no_network() -> None:
    started = time.monotonic()
    message = fetch_error("https://jobs.example.invalid/job/1")
    assert "jobs.example.invalid does not exist (DNS lookup failed)" in message
    assert time.monotonic() - started < 0.1


def test_resolver_errors_are_explained() -> None:
    error = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    assert "DNS lookup failed" in describe_error(error)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.com/job", "only http:// and https:// addresses are supported (got ftp)"),
        ("javascript:alert(1)", "got javascript"),
        ("www.example.com/job", "got no scheme"),
        ("http:///job", "no host name"),
        ("http://example.com:port/", "invalid port"),
        ("http://exa mple.com/", "spaces or control characters"),
        ("http://example.com/\x1b[31m", "spaces or control characters"),
    ],
)
def test_bad_urls_are_refused_before_any_network(url: str, reason: str) -> None:
    message = fetch_error(url)
    assert reason in message
    assert "\x1b" not in message


def test_normalise_url_keeps_escapes_and_query() -> None:
    assert normalise_url(" https://x.dk/a%20b?id=1&q=æ#frag ") == "https://x.dk/a%20b?id=1&q=%C3%A6"


def test_normalise_url_encodes_idn_hosts() -> None:
    assert normalise_url("https://æble.dk/job") == "https://" + "æble.dk".encode("idna").decode() + "/job"


# --- one deadline for the whole fetch ------------------------------------------


def test_one_deadline_covers_headers_that_trickle_in(http_server: HTTPTestServer) -> None:
    # Each header line comes well within the per-read timeout; only a deadline over all of them ends this.
    headers = [(f"X-Slow-{i}", "x") for i in range(40)]
    url = http_server.add("/trickle", HTML, headers=headers, header_delay=0.1)
    started = time.monotonic()
    assert "timed out" in fetch_error(url, connect_timeout=1.0, total_timeout=1.0)
    assert time.monotonic() - started < 2.0


def test_one_deadline_covers_a_body_that_trickles_under_the_read_timeout(http_server: HTTPTestServer) -> None:
    url = http_server.add("/drip", stream=chunks(40, size=1), chunk_delay=0.1, content_type="text/plain")
    started = time.monotonic()
    assert "timed out" in fetch_error(url, connect_timeout=5.0, total_timeout=0.8)
    assert time.monotonic() - started < 1.8


def test_a_slow_name_lookup_counts_against_the_deadline() -> None:
    def hanging_resolver(host: str, port: int) -> list[str]:
        time.sleep(5)
        return ["127.0.0.1"]

    started = time.monotonic()
    with pytest.raises(FetchError, match="looking up the host name jobs.example took too long"):
        fetch("http://jobs.example/job", total_timeout=0.5, resolver=hanging_resolver)
    assert time.monotonic() - started < 1.5


def test_the_default_deadline_is_30_seconds() -> None:
    assert fetch.__kwdefaults__ is not None
    assert fetch.__kwdefaults__["total_timeout"] == 30.0


# --- local and private addresses -------------------------------------------------

PUBLIC_IP = "93.184.216.34"


def public_dns(host: str, port: int) -> list[str]:
    """A resolver for made-up names: *.example is public, intranet.example private."""
    if host == "intranet.example":
        return ["10.0.0.7"]
    if host.endswith(".example"):
        return [PUBLIC_IP]
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


@pytest.fixture
def proxied(http_server: HTTPTestServer, monkeypatch: pytest.MonkeyPatch) -> HTTPTestServer:
    """The test server as the HTTP proxy, so public names can be served from 127.0.0.1."""
    monkeypatch.setenv("http_proxy", http_server.url(""))
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    return http_server


@pytest.mark.parametrize(
    ("ip", "kind"),
    [
        (PUBLIC_IP, "public"),
        ("2606:4700::1111", "public"),
        ("127.0.0.1", "a loopback address (this computer)"),
        ("::1", "a loopback address (this computer)"),
        ("::ffff:127.0.0.1", "a loopback address (this computer)"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1%eth0", "a link-local address"),
        ("10.1.2.3", "a private address"),
        ("192.168.0.10", "a private address"),
        ("fd00::1", "a private address"),
        ("100.64.0.1", "a reserved address"),
        ("224.0.0.1", "a reserved address"),
    ],
)
def test_address_classes(ip: str, kind: str) -> None:
    assert address_class(ip) == kind


def test_a_typed_local_address_is_fetched_and_may_redirect_locally(http_server: HTTPTestServer) -> None:
    http_server.add("/final", HTML)
    assert fetch(http_server.redirect("/r", http_server.url("/final"))).body == HTML


def test_a_public_page_may_redirect_to_another_public_page(proxied: HTTPTestServer) -> None:
    proxied.add("http://careers.example/job", HTML)
    proxied.redirect("http://jobs.example/r", "http://careers.example/job")
    result = fetch("http://jobs.example/r", resolver=public_dns)
    assert (result.url, result.body) == ("http://careers.example/job", HTML)


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("/final", "a loopback address (this computer)"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://intranet.example/admin", "a private address (intranet.example)"),
        ("http://[::ffff:127.0.0.1]/", "a loopback address (this computer)"),
    ],
)
def test_a_public_page_may_not_redirect_into_a_private_range(proxied: HTTPTestServer, target: str, kind: str) -> None:
    final = proxied.add("/final", HTML)
    proxied.redirect("http://jobs.example/r", final if target == "/final" else target)
    seen = len(proxied.requests)
    with pytest.raises(FetchError) as info:
        fetch("http://jobs.example/r", resolver=public_dns)
    message = str(info.value)
    assert f"the page redirected to {kind}" in message
    assert "\n" not in message and info.value.paste_helps
    assert len(proxied.requests) == seen + 1  # the redirect target was never asked


def test_the_trust_level_can_be_given(http_server: HTTPTestServer) -> None:
    http_server.add("/final", HTML)
    url = http_server.redirect("/r", http_server.url("/final"))
    assert "redirected to a loopback address" in fetch_error(url, allow_private_redirects=False)
