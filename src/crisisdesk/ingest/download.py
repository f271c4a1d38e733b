"""Fetching a URL within limits: http(s) only, public addresses only (when asked), a size
cap, a timeout per read and a deadline for the whole download.

Why a deadline on top of the timeout: a server that sends one byte a second keeps every read
under the timeout. The body is read in chunks and the clock checked between them; a
watchdog also shuts the connection at the deadline, so trickled headers cannot hold it either.
"""

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from contextlib import suppress
from functools import partial
from typing import IO, Any
from urllib.parse import urlsplit

from crisisdesk.errors import IngestError
from crisisdesk.settings import IngestSettings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

_SCHEMES = ("http", "https")
_NOT_PUBLIC = ("private", "loopback", "link_local", "multicast", "reserved", "unspecified")
_CHUNK = 65536


class Refused(Exception):
    """A URL crisisdesk will not fetch (scheme or address); the message says why."""


def fetch(url: str, settings: IngestSettings) -> bytes:
    """GET `url` within the settings' timeout, deadline, size and address rules.

    Raises IngestError: "cannot fetch: ...", "refused: ..." or "response too large ...".
    """
    request = urllib.request.Request(url, headers={"User-Agent": "crisisdesk"})
    timeout = min(settings.timeout_s, settings.deadline_s)
    with _Watchdog(settings.deadline_s) as watchdog:
        try:
            check_url(url, allow_private=settings.allow_private)
            with _opener(settings, watchdog).open(request, timeout=timeout) as response:
                return _read_body(response, url, settings.max_bytes, watchdog)
        except Refused as err:
            raise IngestError(url, f"refused: {err}") from err
        except urllib.error.HTTPError as err:
            raise IngestError(url, f"cannot fetch: HTTP {err.code}") from err
        except (OSError, ValueError, http.client.HTTPException) as err:
            reason = watchdog.late() if watchdog.expired() else getattr(err, "reason", err)
            raise IngestError(url, f"cannot fetch: {reason}") from err


def _read_body(
    response: http.client.HTTPResponse, url: str, max_bytes: int, watchdog: "_Watchdog"
) -> bytes:
    """The response body in chunks, stopping past `max_bytes` or past the deadline.

    A body cut short (by the watchdog, or a server closing early) is an error, not a text.
    """
    body = bytearray()
    while len(body) <= max_bytes:
        chunk = response.read1(min(_CHUNK, max_bytes + 1 - len(body)))
        if watchdog.expired():
            raise IngestError(url, f"cannot fetch: {watchdog.late()}")
        if not chunk:
            if response.length:  # bytes the Content-Length promised and did not come
                raise IngestError(url, "cannot fetch: connection closed mid-response")
            return bytes(body)
        body += chunk
    raise IngestError(url, f"response too large (> {max_bytes} bytes)")


def check_url(url: str, *, allow_private: bool) -> None:
    """Raise Refused unless `url` is http(s) and, if not `allow_private`, every address its
    host resolves to is public."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        raise Refused(f"scheme {parts.scheme!r} is not http or https")
    if allow_private:
        return
    infos = socket.getaddrinfo(parts.hostname or "", parts.port, type=socket.SOCK_STREAM)
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0])
        kinds = not_public(address)
        if kinds:
            raise Refused(f"address {address} is {kinds}")


def not_public(address: Address) -> str | None:
    """What makes `address` non-public ("private/loopback"), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    kinds = [kind.replace("_", "-") for kind in _NOT_PUBLIC if getattr(address, f"is_{kind}")]
    if not kinds and not address.is_global:
        kinds.append("not global")
    return "/".join(kinds) or None


class _Watchdog:
    """Shuts down, at the deadline, every connection opened for one download."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started = time.monotonic()
        self.sockets: list[socket.socket] = []
        self.timer = threading.Timer(seconds, self._shut)
        self.timer.daemon = True

    def __enter__(self) -> "_Watchdog":
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()

    def expired(self) -> bool:
        return time.monotonic() - self.started > self.seconds

    def late(self) -> str:
        return f"not done within {self.seconds:g} s"

    def watch(self, sock: socket.socket) -> None:
        self.sockets.append(sock)
        if self.expired():
            self._shut()

    def _shut(self) -> None:
        for sock in self.sockets:
            with suppress(OSError):  # the plain socket's shutdown, even under TLS
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _opener(settings: IngestSettings, watchdog: _Watchdog) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        _WatchedHandler(watchdog), _CheckedRedirects(settings.allow_private)
    )


class _Watched(http.client.HTTPConnection):
    """A connection whose socket the watchdog closes at the deadline (plain or, below, TLS)."""

    def __init__(self, *args: Any, watchdog: _Watchdog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.watchdog = watchdog

    def connect(self) -> None:
        super().connect()
        self.watchdog.watch(self.sock)


class _WatchedConnection(_Watched):
    pass


class _WatchedTLSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _WatchedHandler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """Opens http and https connections that the watchdog can shut."""

    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self.watchdog = watchdog
        self.tls = ssl.create_default_context()

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_WatchedConnection, watchdog=self.watchdog), req)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = partial(_WatchedTLSConnection, watchdog=self.watchdog, context=self.tls)
        return self.do_open(connection, req)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a URL that `check_url` accepts."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        try:
            check_url(newurl, allow_private=self.allow_private)
        except Refused as err:
            fp.close()
            raise Refused(f"{err} (redirect to {newurl})") from err
        return super().redirect_request(req, fp, code, msg, headers, newurl)
