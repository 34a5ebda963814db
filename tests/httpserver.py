"""A real HTTP server on 127.0.0.1 for tests, with routes you register.

Any test module can ask for the `http_server` fixture (it lives in
conftest.py, so pytest finds it without an import):

    from httpserver import HTTPTestServer

    def test_something(http_server: HTTPTestServer) -> None:
        url = http_server.add("/job", b"<html>...</html>")
        http_server.add("/slow", b"late", delay=2.0)
        http_server.add("/big", stream=chunks(20 * 1024 * 1024))  # generated lazily
        start = http_server.redirect_chain("/r", final="/job", hops=3)
        ...
        assert http_server.requests[-1].headers["User-Agent"].startswith("jobtrack/")

The `http_server` fixture also removes proxy variables from the
environment, so urllib talks to 127.0.0.1 directly.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# The package is not installed in the test environment: importing this
# module makes `import jobtrack` work, as extract_kit does.
_REPO = str(Path(__file__).resolve().parent.parent)
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


@dataclass
class Route:
    """What the server answers on one path.

    `body` is sent with a Content-Length; `stream` (a callable returning an
    iterable of chunks) is sent without one, ending when the connection
    closes, so huge bodies are never built in memory. `delay` is waited
    before the status line, `header_delay` before each header line (a
    server that trickles its headers), `chunk_delay` between chunks.
    """

    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    stream: Callable[[], Iterable[bytes]] | None = None
    delay: float = 0.0
    chunk_delay: float = 0.0
    header_delay: float = 0.0


@dataclass(frozen=True)
class SeenRequest:
    """A request the server received, for assertions on headers."""

    method: str
    path: str
    headers: dict[str, str]


def chunks(total: int, size: int = 64 * 1024, fill: bytes = b"a") -> Callable[[], Iterator[bytes]]:
    """A `stream` producing `total` bytes lazily in `size` pieces."""

    def generate() -> Iterator[bytes]:
        sent = 0
        while sent < total:
            n = min(size, total - sent)
            sent += n
            yield fill * n

    return generate


class HTTPTestServer:
    """A ThreadingHTTPServer in a daemon thread; register routes, get URLs."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[SeenRequest] = []
        self.stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str = "/") -> str:
        """The full URL of `path` on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def add(
        self,
        path: str,
        body: bytes = b"",
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | list[tuple[str, str]] | None = None,
        stream: Callable[[], Iterable[bytes]] | None = None,
        delay: float = 0.0,
        chunk_delay: float = 0.0,
        header_delay: float = 0.0,
    ) -> str:
        """Register a route and return its URL; `content_type=None` sends none.

        `path` may also be a whole URL: a request through a proxy names one.
        """
        pairs = list(headers.items()) if isinstance(headers, dict) else list(headers or [])
        if content_type is not None:
            pairs.insert(0, ("Content-Type", content_type))
        self.routes[path] = Route(status, pairs, body, stream, delay, chunk_delay, header_delay)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        """`path` answers with a redirect to `to` (a path or a full URL)."""
        return self.add(path, status=status, content_type=None, headers={"Location": to})

    def redirect_chain(self, path: str, final: str, hops: int, status: int = 302) -> str:
        """`path` -> `path`/1 -> … -> `final`, `hops` redirects in all."""
        steps = [path] + [f"{path}/{i}" for i in range(1, hops)]
        for here, there in zip(steps, steps[1:] + [final], strict=True):
            self.redirect(here, there, status)
        return self.url(path)

    def close(self) -> None:
        """Stop serving; delayed handlers wake up and give up at once."""
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()


def _handler_for(owner: HTTPTestServer) -> type[BaseHTTPRequestHandler]:
    """A handler class bound to one server's routes."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802  (http.server's naming)
            owner.requests.append(SeenRequest("GET", self.path, dict(self.headers.items())))
            route = owner.routes.get(self.path.split("?", 1)[0])
            if route is None:
                route = Route(404, [("Content-Type", "text/plain")], b"not found")
            try:
                _answer(self, route, owner.stopping)
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                pass  # the client gave up, as size and time limits make it do

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


def _answer(handler: BaseHTTPRequestHandler, route: Route, stopping: threading.Event) -> None:
    """Write status, headers and body (or stream) for one route."""
    if route.delay and stopping.wait(route.delay):
        return
    handler.send_response(route.status)
    for name, value in route.headers:
        if route.header_delay:
            handler.flush_headers()
            if stopping.wait(route.header_delay):
                return
        handler.send_header(name, value)
    if route.stream is None:
        handler.send_header("Content-Length", str(len(route.body)))
    handler.end_headers()
    pieces = route.stream() if route.stream is not None else [route.body]
    for piece in pieces:
        if route.chunk_delay and stopping.wait(route.chunk_delay):
            return
        handler.wfile.write(piece)
        handler.wfile.flush()
