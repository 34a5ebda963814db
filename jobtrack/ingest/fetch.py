"""One HTTP(S) GET for a job posting, with the stdlib only.

`urllib.request` is enough for a single GET and costs little to import, but
it leaves the hard parts to us: one deadline for the whole fetch (name
lookup, connect, TLS, headers and body: a server that trickles a header
line every few seconds must not keep us for minutes), a size cap read in
chunks (so a 20 MB page never lands in memory), a redirect limit, the
address policy below, and refusing content that cannot be a posting.
Every failure is a `FetchError` whose message is one line that says what
happened, marked `paste_helps`: each front end says how to go on without
the network (paste the text) in its own words.

Address policy (docs/guide.md, "Fetching"): an address the user typed is
fetched whatever it is, a local one included, but a page on a public
address may not redirect us to a loopback, private, link-local or other
non-public one. Names are resolved once per fetch and the connection goes
to the address that was checked, so DNS cannot answer differently later.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.client import HTTPMessage
from typing import IO, Any

from jobtrack import __version__
from jobtrack.core.sanitize import clean_line
from jobtrack.ingest.encoding import sniff_kind
from jobtrack.ingest.errors import SourceError

USER_AGENT = f"jobtrack/{__version__} (+https://github.com/jobtrack/jobtrack)"
ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"
CONNECT_TIMEOUT = 10.0
TOTAL_TIMEOUT = 30.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024

# Media types we can turn into text; anything else is refused before reading.
_TEXT_TYPES = {"application/xhtml+xml", "application/xml", "application/pdf", "application/x-pdf"}
# Types that say nothing about the content: read the body and sniff it.
_SNIFF_TYPES = {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}


# host, port -> IP addresses as strings; tests inject one to stand for DNS.
Resolver = Callable[[str, int], list[str]]


class FetchError(SourceError):
    """A URL could not be turned into bytes; the message is one line."""


@dataclass(frozen=True)
class Fetched:
    """What the server sent: final URL after redirects, and the raw body."""

    url: str
    status: int
    content_type: str  # media type only, lower case, "" if the server sent none
    charset: str | None
    body: bytes


def fetch(
    url: str,
    *,
    connect_timeout: float = CONNECT_TIMEOUT,
    total_timeout: float = TOTAL_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    resolver: Resolver | None = None,
    allow_private_redirects: bool | None = None,
) -> Fetched:
    """GET `url` and return its body; raise `FetchError` on any failure.

    `total_timeout` bounds everything from the name lookup to the last
    byte. `allow_private_redirects` None means: allowed only when the typed
    address is itself non-public.
    """
    url = normalise_url(url)
    guard = _Guard(url, resolver or system_resolver, time.monotonic() + total_timeout)
    try:
        guard.trust_private = allow_private_redirects
        if guard.trust_private is None:
            guard.trust_private = guard.is_private(url)
        opener = _opener(url, max_redirects, guard)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
        try:
            response = opener.open(request, timeout=min(connect_timeout, total_timeout))
        except FetchError:
            raise
        except urllib.error.HTTPError as exc:
            exc.close()
            raise _fail(url, _http_error_reason(exc)) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            raise _fail(url, _TIMED_OUT if guard.expired() else describe_error(exc)) from None
        with response:
            return _read_response(url, response, guard, max_bytes)
    finally:
        guard.close()


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system's resolver gives for `host`, in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_class(ip: str) -> str:
    """"public", or which kind of non-public address `ip` is, in words."""
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return "a loopback address (this computer)"
    if address.is_link_local:
        return "a link-local address"
    if address.is_private:
        return "a private address"
    if address.is_global and not address.is_multicast:
        return "public"
    return "a reserved address"


def normalise_url(url: str) -> str:
    """Check the URL is http(s) with a host; percent-encode non-ASCII parts.

    Pasted Danish URLs often hold "æøå" raw, which `http.client` refuses.
    """
    url = url.strip()
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise _fail(url, "the address contains spaces or control characters")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or "no scheme"
        raise _fail(url, f"only http:// and https:// addresses are supported (got {shown})")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise _fail(url, "the address has no host name")
    try:
        _ = parts.port  # reading it validates the number
    except ValueError:
        raise _fail(url, "the address has an invalid port number") from None
    if host == "invalid" or host.endswith(".invalid"):
        # RFC 6761: ".invalid" never resolves; answer at once, ask no resolver.
        raise _fail(url, f"the host name {host} does not exist (DNS lookup failed)")
    try:
        netloc = parts.netloc.encode("idna").decode("ascii") if not parts.netloc.isascii() else parts.netloc
    except UnicodeError:
        raise _fail(url, "the host name is not valid") from None
    safe = "/%:@!$&'()*+,;=-._~?"
    path = urllib.parse.quote(parts.path, safe=safe)
    query = urllib.parse.quote(parts.query, safe=safe)
    return urllib.parse.urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def describe_error(exc: BaseException) -> str:
    """Say in plain words what a low-level network error means."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, str):
        return clean_line(reason)
    if isinstance(reason, socket.gaierror):
        return "the host name could not be found (DNS lookup failed); check the address"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "the server did not answer in time (timed out)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused; the server is down or the address is wrong"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the server's TLS certificate is not trusted ({clean_line(reason.verify_message or str(reason))})"
    if isinstance(reason, ssl.SSLError):
        return f"the secure (TLS) connection failed ({clean_line(reason.reason or str(reason))})"
    if isinstance(reason, ConnectionResetError):
        return "the server closed the connection"
    if isinstance(reason, http.client.HTTPException):
        return "the server sent a broken HTTP response"
    if isinstance(reason, OSError) and reason.strerror:
        return f"network error: {clean_line(reason.strerror)}"
    return f"network error: {clean_line(str(reason)) or type(reason).__name__}"


_TIMED_OUT = "the server did not send the whole page in time (timed out)"


class _Guard:
    """One fetch's deadline and address policy, shared by all its connections.

    A timer shuts every socket of the fetch down when the deadline passes,
    which wakes a read blocked in the TLS handshake, the headers or the
    body; the name lookup runs in a thread that is waited for only until
    the deadline.
    """

    def __init__(self, url: str, resolver: Resolver, deadline: float) -> None:
        self.url = url
        self.resolver = resolver
        self.deadline = deadline
        self.trust_private: bool | None = None
        self._addresses: dict[tuple[str, int], list[str]] = {}
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._shut_down)
        self._timer.daemon = True
        self._timer.start()

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def close(self) -> None:
        """Stop the timer and drop the sockets' watch handles."""
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def _shut_down(self) -> None:
        with self._lock:
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed by the other side

    def resolve(self, host: str, port: int) -> list[str]:
        """`host`'s addresses, looked up once per fetch and within the deadline."""
        try:
            return [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            pass
        key = (host.lower(), port)
        if key not in self._addresses:
            self._addresses[key] = self._lookup(host, port)
        return self._addresses[key]

    def _lookup(self, host: str, port: int) -> list[str]:
        answer: list[list[str] | OSError] = []

        def work() -> None:
            try:
                answer.append(self.resolver(host, port))
            except OSError as exc:
                answer.append(exc)

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(max(0.0, self.deadline - time.monotonic()))
        if not answer:
            raise _fail(self.url, f"looking up the host name {clean_line(host)} took too long (timed out)")
        if isinstance(answer[0], OSError):
            raise answer[0]
        if not answer[0]:
            raise socket.gaierror(socket.EAI_NONAME, "no addresses")
        return answer[0]

    def is_private(self, url: str) -> bool:
        """Whether any address of `url`'s host is non-public; False if it has none."""
        parts = urllib.parse.urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = self.resolve(parts.hostname or "", port)
        except OSError:
            return False  # the connection reports the failure, or a proxy resolves it
        return any(address_class(a) != "public" for a in addresses)

    def check_redirect(self, newurl: str) -> None:
        """Refuse a redirect from a public address into a non-public one."""
        if self.trust_private:
            return
        parts = urllib.parse.urlsplit(newurl)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = self.resolve(parts.hostname or "", port)
        except OSError:
            return  # unresolvable here: the connection (or a proxy) decides
        for address in addresses:
            kind = address_class(address)
            if kind != "public":
                raise _fail(
                    self.url,
                    f"the page redirected to {kind} ({clean_line(parts.hostname or '')}), which jobtrack does "
                    "not follow from a public page; type that address yourself if you trust it",
                )

    def connect(
        self, address: tuple[str, int], timeout: float | None = None, source_address: Any = None,
    ) -> socket.socket:
        """`socket.create_connection` to the checked addresses, watched by the timer."""
        host, port = address
        last: OSError = socket.gaierror(socket.EAI_NONAME, "no addresses")
        for ip in self.resolve(host, port):
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the deadline passed while connecting")
            try:
                sock = socket.create_connection((ip, port), min(timeout or remaining, remaining), source_address)
            except OSError as exc:
                last = exc
                continue
            with self._lock:
                self._sockets.append(sock.dup())
            if self.expired():
                self._shut_down()
            return sock
        raise last


def _fail(url: str, what: str) -> FetchError:
    """Build the one-line message every fetch failure uses."""
    return FetchError(f"could not fetch {clean_line(url)}: {what}", paste_helps=True)


def _http_error_reason(exc: urllib.error.HTTPError) -> str:
    """Name the HTTP status with our own phrase, not the server's text."""
    if 300 <= exc.code < 400:
        return f"the server sent a redirect ({exc.code}) that cannot be followed (a loop, or no usable address)"
    try:
        phrase = HTTPStatus(exc.code).phrase
    except ValueError:
        phrase = "error"
    return f"the server answered {exc.code} {phrase}"


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most `max_redirections` redirects, and only to http(s)."""

    def __init__(self, max_redirections: int, guard: _Guard) -> None:
        # typeshed declares both ClassVar, but urllib reads them through self: a per-opener limit works.
        self.max_redirections = max_redirections  # type: ignore[misc]
        self.max_repeats = max_redirections  # type: ignore[misc]
        self.original_url = guard.url
        self.guard = guard

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            fp.close()
            raise _fail(self.original_url, f"the server redirected to an unsupported address ({scheme}:)")
        redirections = len(getattr(req, "redirect_dict", {}))
        if redirections >= self.max_redirections:
            fp.close()
            raise _fail(self.original_url, f"too many redirects (more than {self.max_redirections})")
        newurl = normalise_url(newurl)
        try:
            self.guard.check_redirect(newurl)
        except FetchError:
            fp.close()
            raise
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _GuardedHandler(urllib.request.AbstractHTTPHandler):
    """HTTP and HTTPS whose connections go through the fetch's guard."""

    def __init__(self, guard: _Guard) -> None:
        super().__init__()
        self.guard = guard

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_guarded(http.client.HTTPConnection, self.guard), req)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_guarded(http.client.HTTPSConnection, self.guard), req)

    http_request = https_request = urllib.request.AbstractHTTPHandler.do_request_


def _guarded(cls: type[http.client.HTTPConnection], guard: _Guard) -> Callable[..., http.client.HTTPConnection]:
    """A connection factory for `do_open` whose sockets come from `guard.connect`."""

    def make(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        connection = cls(host, **kwargs)
        connection._create_connection = guard.connect  # type: ignore[attr-defined]
        return connection

    return make


def _opener(url: str, max_redirects: int, guard: _Guard) -> urllib.request.OpenerDirector:
    """An opener with only HTTP(S) handlers, our redirect limit and address policy."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        _GuardedHandler(guard),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _LimitedRedirects(max_redirects, guard),
    ):
        opener.add_handler(handler)
    return opener


def _read_response(url: str, response: http.client.HTTPResponse, guard: _Guard, max_bytes: int) -> Fetched:
    """Check headers, read the body within the limits, sniff unknown types."""
    final_url = response.geturl()
    media_type = _media_type(response.headers.get("Content-Type", ""))
    _check_media_type(url, media_type)
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise _fail(url, f"the page is too large ({_mb(int(length))}, limit {_mb(max_bytes)})")
    body = _read_body(url, response, guard, max_bytes)
    body = _decompress(url, body, response.headers.get("Content-Encoding", ""), max_bytes)
    if not body.strip():
        raise _fail(url, "the server sent an empty page")
    if media_type in _SNIFF_TYPES and sniff_kind(body) == "binary":
        raise _fail(url, f"the server sent a binary file ({media_type or 'no content type'}), not a web page, PDF or text")
    charset = response.headers.get_content_charset()
    return Fetched(final_url, response.status, media_type, charset, body)


def _media_type(header: str) -> str:
    """"Text/HTML; charset=x" -> "text/html"."""
    return header.split(";", 1)[0].strip().lower()


def _check_media_type(url: str, media_type: str) -> None:
    """Refuse images, archives and the like before reading their bodies."""
    if media_type in _SNIFF_TYPES or media_type in _TEXT_TYPES:
        return
    if media_type.startswith("text/") or media_type.endswith(("+xml", "+json", "/json")):
        return
    raise _fail(url, f"the address points to a file of type {clean_line(media_type)}, not a web page, PDF or text")


def _read_body(url: str, response: http.client.HTTPResponse, guard: _Guard, max_bytes: int) -> bytes:
    """Read in chunks, stopping at the size cap or the total deadline.

    When the deadline passes the guard shuts the socket, which looks like
    the end of the page: the clock, not the empty read, says which it was.
    """
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = response.read1(CHUNK)
        except (OSError, http.client.HTTPException) as exc:
            raise _fail(url, _TIMED_OUT if guard.expired() else describe_error(exc)) from None
        if guard.expired():
            raise _fail(url, _TIMED_OUT)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _fail(url, f"the page is too large (more than {_mb(max_bytes)})")
        chunks.append(chunk)


def _decompress(url: str, body: bytes, encoding: str, max_bytes: int) -> bytes:
    """Undo gzip/deflate that some servers send although we did not ask."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise _fail(url, f"the server used an unsupported compression ({clean_line(encoding)})")
    wbits = 47 if encoding != "deflate" else 15  # 47: gzip or zlib header, auto-detected
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error:
        raise _fail(url, "the server sent a broken compressed page") from None
    if len(out) > max_bytes:
        raise _fail(url, f"the page is too large (more than {_mb(max_bytes)})")
    return out


def _mb(n: int) -> str:
    """Bytes as a short human size."""
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"
