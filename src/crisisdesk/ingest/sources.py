"""Turning a path or URL into checked bytes: expansion, size limit, fetching, byte guards.

Every reader gets bytes that passed the same guards, so "empty", "binary" and "too large"
mean the same thing for every format.
"""

import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

from crisisdesk.errors import IngestError

Source = Path | str  # a local path, or an http(s) URL as a string

_CONTROL = bytes(b for b in range(0x20) if b not in b"\t\n\f\r")  # C0 controls, not whitespace
_CONTROL_SHARE = 0.05
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


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


def _folder_files(root: Path) -> list[Path]:
    files = (p for p in root.rglob("*") if p.is_file())
    return sorted(p for p in files if not any(n.startswith(".") for n in p.relative_to(root).parts))


def load(source: Source, *, max_bytes: int, timeout_s: float) -> bytes:
    """The source's bytes after the guards; raises IngestError. Size is checked before reading."""
    if isinstance(source, Path):
        data = _read_file(source, max_bytes=max_bytes)
    else:
        data = fetch(source, max_bytes=max_bytes, timeout_s=timeout_s)
    check_bytes(data, str(source))
    return data


def _read_file(path: Path, *, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(str(path), f"file too large ({size} bytes > {max_bytes})")
        return path.read_bytes()
    except OSError as err:
        raise IngestError(str(path), f"cannot read: {err.strerror or err}") from err


def fetch(url: str, *, max_bytes: int, timeout_s: float) -> bytes:
    """GET `url` with a timeout, reading at most `max_bytes`; raises IngestError."""
    request = urllib.request.Request(url, headers={"User-Agent": "crisisdesk"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            data: bytes = response.read(max_bytes + 1)
    except urllib.error.HTTPError as err:
        raise IngestError(url, f"cannot fetch: HTTP {err.code}") from err
    except (urllib.error.URLError, TimeoutError, ValueError) as err:
        raise IngestError(url, f"cannot fetch: {getattr(err, 'reason', err)}") from err
    if len(data) > max_bytes:
        raise IngestError(url, f"response too large (> {max_bytes} bytes)")
    return data


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
