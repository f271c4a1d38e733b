"""Turning a path or URL into checked bytes: expansion, size limit, fetching, byte guards.

Every reader gets bytes that passed the same guards, so "empty", "binary" and "too large"
mean the same thing for every format. A download is bounded three ways: `timeout_s` for each
network read, `deadline_s` for the whole download (a server trickling one byte a second
keeps every read under the timeout) and `max_bytes`. With `allow_private` off, a URL whose
host resolves to a non-public address is refused, on the first request and on every redirect.
"""

import http.client
import ipaddress
import os
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from crisisdesk.errors import IngestError
from crisisdesk.settings import IngestSettings

Source = Path | str  # a local path, or an http(s) URL as a string
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

_CONTROL = bytes(b for b in range(0x20) if b not in b"\t\n\f\r")  # C0 controls, not whitespace
_CONTROL_SHARE = 0.05
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SCHEMES = ("http", "https")
_NOT_PUBLIC = ("private", "loopback", "link_local", "multicast", "reserved", "unspecified")
_CHUNK = 65536


class Refused(Exception):
    """A URL crisisdesk will not fetch (scheme or address); the message says why."""


def is_url(source: Source) -> bool:
    """True for an http(s) URL given as a string."""
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def expand(sources: Iterable[str | Path]) -> Iterator[Source | IngestError]:
    """Each file or URL in order; folders become their files (recursive, sorted, no hidden).

    A missing path is yielded as an IngestError so the caller reports it and goes on.
    A hidden file named explicitly is read; inside a folder, hidden files and folders are not.
    A lone str or Path is taken as one source, not iterated character by character.
    """
    for source in [sources] if isinstance(sources, str | Path) else sources:
        if is_url(source):
            yield str(source)
            continue
        path = Path(source)
        if path.is_dir():
            yield from _folder_files(path)
        elif path.is_file():
            yield path
        else:
            yield IngestError(str(source), "no such file or folder")


def _folder_files(root: Path) -> Iterator[Path | IngestError]:
    """The files under `root`, sorted; a symlink leading outside `root` is an IngestError.

    `Path.rglob` does not descend into symlinked folders (so a symlink loop cannot hang
    it), but yields the links themselves; only links to files inside `root` are read.
    """
    real_root = Path(os.path.realpath(root))
    entries = (p for p in root.rglob("*") if not _is_hidden(p.relative_to(root)))
    for path in sorted(entries):
        if not path.is_symlink():
            if path.is_file():
                yield path
        elif not Path(os.path.realpath(path)).is_relative_to(real_root):
            yield IngestError(str(path), "symlink leads outside the folder")
        elif not path.exists():
            yield IngestError(str(path), "broken symlink or symlink loop")
        elif path.is_file():
            yield path


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def load(source: Source, settings: IngestSettings) -> bytes:
    """The source's bytes after the guards; raises IngestError. Size is checked before reading."""
    if isinstance(source, Path):
        data = _read_file(source, max_bytes=settings.max_bytes)
    else:
        data = fetch(source, settings)
    check_bytes(data, str(source))
    return data


def _read_file(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes: refused by its size before reading, and read no further than the
    limit (a file may grow after `stat`, and special files report no size)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(str(path), f"file too large ({size} bytes > {max_bytes})")
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as err:
        raise IngestError(str(path), f"cannot read: {err.strerror or err}") from err
    if len(data) > max_bytes:
        raise IngestError(str(path), f"file too large (> {max_bytes} bytes)")
    return data


def fetch(url: str, settings: IngestSettings) -> bytes:
    """GET `url` within the settings' timeout, deadline, size and address rules.

    Raises IngestError: "cannot fetch: ...", "refused: ..." or "response too large ...".
    """
    deadline = time.monotonic() + settings.deadline_s
    opener = urllib.request.build_opener(_CheckedRedirects(settings.allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": "crisisdesk"})
    timeout = min(settings.timeout_s, settings.deadline_s)
    try:
        check_url(url, allow_private=settings.allow_private)
        with opener.open(request, timeout=timeout) as response:
            return _read_body(response, url, settings.max_bytes, deadline)
    except Refused as err:
        raise IngestError(url, f"refused: {err}") from err
    except urllib.error.HTTPError as err:
        raise IngestError(url, f"cannot fetch: HTTP {err.code}") from err
    except (OSError, ValueError, http.client.HTTPException) as err:
        raise IngestError(url, f"cannot fetch: {getattr(err, 'reason', err)}") from err


def _read_body(
    response: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float
) -> bytes:
    """The response body in chunks, stopping past `max_bytes` or past the `deadline`."""
    body = bytearray()
    while len(body) <= max_bytes:
        if time.monotonic() > deadline:
            raise IngestError(url, "cannot fetch: download not done before the deadline")
        chunk = response.read1(min(_CHUNK, max_bytes + 1 - len(body)))
        if not chunk:
            return bytes(body)
        body += chunk
    raise IngestError(url, f"response too large (> {max_bytes} bytes)")


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


def check_bytes(data: bytes, origin: str) -> None:
    """Reject empty and binary input (NUL bytes or >5% control bytes; UTF-16 with BOM passes)."""
    if not data.strip():
        raise IngestError(origin, "empty file")
    if data.startswith(_UTF16_BOMS):
        return
    head = data[:65536]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if b"\x00" in head or controls > _CONTROL_SHARE * len(head):
        raise IngestError(origin, "binary content, not text")
