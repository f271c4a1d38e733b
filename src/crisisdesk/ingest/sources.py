"""Turning a path or URL into checked bytes: expansion, size limit, fetching, byte guards.

Every reader gets bytes that passed the same guards, so "empty", "binary" and "too large"
mean the same thing for every format. URLs are fetched by `download.fetch`.
"""

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from crisisdesk.errors import IngestError
from crisisdesk.ingest.download import fetch
from crisisdesk.settings import IngestSettings

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
