"""Ingest: files, folders and URLs → `Document`s, one reader per format.

    read(sources, settings=...)      Document or IngestError per item; never raises for bad input
    read_one(source, settings=...)   list[Document]; raises the first IngestError

A source is all or nothing (a truncated feed yields no entries), except that a bad JSONL
line, a bad CSV row or an empty feed entry is reported on its own while its neighbours are kept.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from crisisdesk.errors import IngestError
from crisisdesk.ingest.csv_rows import read_csv
from crisisdesk.ingest.feeds import read_feed
from crisisdesk.ingest.html import read_html
from crisisdesk.ingest.sources import Source, expand, is_url, load
from crisisdesk.ingest.text import read_jsonl, read_text
from crisisdesk.records import Document
from crisisdesk.settings import Settings

__all__ = ["count_sources", "read", "read_one", "sniff"]

_SUFFIXES = {
    **dict.fromkeys((".jsonl", ".ndjson"), "jsonl"),
    **dict.fromkeys((".html", ".htm", ".xhtml"), "html"),
    **dict.fromkeys((".rss", ".atom", ".xml"), "feed"),
    ".csv": "csv",
    **dict.fromkeys(("", ".txt", ".text", ".md"), "text"),
}


def read(
    sources: Iterable[str | Path],
    *,
    settings: Settings,
    published: date | None = None,
    outlet: str | None = None,
) -> Iterator[Document | IngestError]:
    """Every document in `sources` (files, folders, http(s) URLs), in order.

    An input that cannot be read is yielded as an IngestError, not raised, so a folder
    ingests what it can and the caller lists what was skipped. `published` and `outlet`,
    when given (e.g. on the command line), override what the source says: the user
    naming them explicitly knows better than a feed's or page's metadata.
    """
    for source in expand(sources):
        if isinstance(source, IngestError):
            yield source
            continue
        try:
            items = _read_source(source, settings)
        except IngestError as err:
            yield err
            continue
        for item in items:
            yield _override(item, published=published, outlet=outlet)


def count_sources(sources: Iterable[str | Path]) -> int:
    """How many files and URLs `sources` expand to: the progress bar's estimate of documents
    (a JSONL file or a feed holds more than one)."""
    return sum(not isinstance(s, IngestError) for s in expand(sources))


def read_one(
    source: str | Path,
    *,
    settings: Settings,
    published: date | None = None,
    outlet: str | None = None,
) -> list[Document]:
    """The documents of one file, folder or URL; raises the first IngestError met."""
    docs = []
    for item in read([source], settings=settings, published=published, outlet=outlet):
        if isinstance(item, IngestError):
            raise item
        docs.append(item)
    return docs


def sniff(data: bytes, name: str) -> str | None:
    """The format of `data`: "jsonl", "csv", "html", "feed", "text", or None if unsupported.

    The suffix decides, except that markup in a text-like file is read as markup.
    An unknown suffix is accepted only when the content is HTML or a feed.
    """
    by_suffix = _SUFFIXES.get(PurePosixPath(name).suffix.lower())
    if by_suffix in ("jsonl", "csv", "html", "feed"):
        return by_suffix
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and any(
        tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")
    ):
        return "feed"
    return by_suffix


def _read_source(source: Source, settings: Settings) -> Sequence[Document | IngestError]:
    origin = str(source)
    data = load(source, settings.ingest)
    name = urlparse(origin).path if is_url(source) else origin
    match sniff(data, name):
        case "jsonl":
            return read_jsonl(data, origin=origin)
        case "csv":
            return read_csv(data, origin=origin, max_chars=settings.ingest.max_bytes)
        case "html":
            return read_html(data, origin=origin, url=origin if is_url(source) else None)
        case "feed":
            return read_feed(data, origin=origin)
        case "text":
            return read_text(data, origin=origin)
    raise IngestError(origin, f"unsupported format {PurePosixPath(name).suffix!r}")


def _override(
    item: Document | IngestError, *, published: date | None, outlet: str | None
) -> Document | IngestError:
    if isinstance(item, IngestError) or (published is None and outlet is None):
        return item
    return replace(
        item,
        published=published if published is not None else item.published,
        outlet=outlet if outlet is not None else item.outlet,
    )
