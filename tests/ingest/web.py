"""A real HTTP server on 127.0.0.1 for fetch tests: a folder's files plus misbehaving routes.

    /redirect?to=URL    302 to URL
    /trickle            announces a large body, then sends one byte every 50 ms
    /trickle-headers    sends its headers one byte every 50 ms, without end
    /huge               a 50 MB body, sent as fast as the client reads it
    /cut                announces 1,000 bytes, sends 24 and closes

Used as a proxy too (its routes answer absolute-URL requests), so a test can fetch a public
address without leaving the machine. `Site.seen` lists the paths requested.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

HUGE = 50_000_000
_MEGABYTE = b"Frigates sailed at dawn.\n" * 40_000


@dataclass
class Site:
    url: str
    seen: list[str] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)


class _Handler(SimpleHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.site.seen.append(parts.path)
        route = _ROUTES.get(parts.path)
        if route is None:
            super().do_GET()
        else:
            route(self, parse_qs(parts.query))

    def log_message(self, format: str, *args: object) -> None:
        pass

    def head(self, status: int, length: int, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(length))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()


def _redirect(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(302, 0, Location=query["to"][0])


def _trickle(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(200, 1_000_000)
    _drip(handler)


def _drip(handler: _Handler) -> None:
    """One byte every 50 ms until the client gives up or the server stops."""
    try:
        while not handler.site.stopping.wait(0.05):
            handler.wfile.write(b"x")
            handler.wfile.flush()
    except OSError:
        pass


def _trickle_headers(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Padding: ")
    _drip(handler)


def _huge(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(200, HUGE)
    try:
        for _ in range(HUGE // len(_MEGABYTE)):
            handler.wfile.write(_MEGABYTE)
    except OSError:
        pass  # the client stopped reading


def _cut(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(200, 1000)
    handler.wfile.write(b"Frigates sailed at dawn.")
    handler.close_connection = True


_ROUTES: dict[str, Callable[[_Handler, dict[str, list[str]]], None]] = {
    "/redirect": _redirect,
    "/trickle": _trickle,
    "/trickle-headers": _trickle_headers,
    "/huge": _huge,
    "/cut": _cut,
}


@contextmanager
def serve(folder: Path) -> Iterator[Site]:
    """A running server for `folder` on a free port of 127.0.0.1; stopped on exit."""
    site = Site("")
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join()
