"""RSS and Atom feeds via feedparser: one document per entry.

feedparser is lenient: it returns the entries it could parse from a truncated file and
flags the feed as `bozo`. We refuse such a feed whole, because half a feed ingested
silently looks complete. Only encoding-declaration mismatches are tolerated: feedparser then
reads the bytes as UTF-8, else cp1252, which each document's note reports.
"""

import codecs
import logging
from dataclasses import replace
from datetime import date
from typing import Any

import feedparser

from crisisdesk.errors import IngestError
from crisisdesk.ingest.html import html_to_text
from crisisdesk.ingest.metadata import make_document
from crisisdesk.records import Document

log = logging.getLogger(__name__)
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def read_feed(data: bytes, *, origin: str) -> list[Document | IngestError]:
    """Each entry as a Document (`origin#entry-N`, N from 1); raises IngestError for a bad feed.

    Text is the entry's content, else its summary, as plain text; outlet is the feed title.
    An entry with neither text is an IngestError of its own; the other entries still count.
    """
    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception")
    if parsed.bozo and not isinstance(problem, _HARMLESS):
        raise IngestError(origin, f"malformed feed: {problem}")
    if problem is not None:
        log.warning("%s: %s", origin, problem)
    if not parsed.get("version"):
        raise IngestError(origin, "not an RSS or Atom feed")
    if not parsed.entries:
        raise IngestError(origin, "feed has no entries")
    outlet = parsed.feed.get("title")
    guessed = isinstance(problem, feedparser.CharacterEncodingOverride)
    note = _encoding_note(parsed.get("encoding"), guessed=guessed)
    return [
        _with_note(_entry_document(entry, where=f"{origin}#entry-{number}", outlet=outlet), note)
        for number, entry in enumerate(parsed.entries, start=1)
    ]


def _encoding_note(encoding: str | None, *, guessed: bool) -> str | None:
    """'decoded as X' when feedparser read the feed as neither UTF-8 nor ASCII."""
    try:
        name = codecs.lookup(encoding or "utf-8").name
    except LookupError:
        name = encoding or "utf-8"
    if name in ("utf-8", "ascii"):
        return None
    return f"decoded as {name}" + ("" if guessed else " (declared)")


def _with_note(item: Document | IngestError, note: str | None) -> Document | IngestError:
    return replace(item, note=note) if isinstance(item, Document) and note else item


def _entry_document(entry: Any, *, where: str, outlet: str | None) -> Document | IngestError:
    text = entry_text(entry)
    if not text:
        return IngestError(where, "entry has no content or summary")
    return make_document(
        text,
        origin=where,
        title=entry.get("title"),
        url=entry.get("link"),
        outlet=outlet,
        published=entry_date(entry),
    )


def entry_text(entry: Any) -> str:
    """Plain text of the entry's first content block, else of its summary ("" if neither)."""
    details = [*entry.get("content", []), entry.get("summary_detail")]
    for detail in filter(None, details):
        value = detail.get("value") or ""
        text = value.strip() if detail.get("type") == "text/plain" else html_to_text(value)
        if text:
            return text
    return ""


def entry_date(entry: Any) -> date | None:
    """The entry's published, else updated, date as feedparser parsed it (UTC)."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return date(*parsed[:3]) if parsed else None
    except (TypeError, ValueError):  # a year feedparser accepts but `date` does not
        return None
