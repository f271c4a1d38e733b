"""Building a `Document` from text and loose metadata: one place for ids and date parsing."""

from datetime import date, datetime
from typing import Any

from dateutil import parser as date_parser

from crisisdesk.errors import IngestError
from crisisdesk.ingest.identity import doc_id
from crisisdesk.records import Document

_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 28))  # differ in year, month, day, weekday


def parse_date(value: str) -> date:
    """An ISO date or a common feed/HTTP date ("Wed, 22 Oct 2025 09:30:00 GMT") → its date.

    Uses dateutil; numeric dates like "10/11/2025" are read month first, and the date is
    taken as written, without time-zone conversion. dateutil fills missing parts from a
    default, so "2025" or "Tuesday" would become an invented day: parsing against two
    different defaults catches that. Raises ValueError when it is not a full date.
    """
    try:
        first: datetime = date_parser.parse(value, default=_DEFAULTS[0])
        second: datetime = date_parser.parse(value, default=_DEFAULTS[1])
    except (OverflowError, date_parser.ParserError) as err:
        raise ValueError(f"not a date: {value!r}") from err
    if first.date() != second.date():
        raise ValueError(f"not a full date: {value!r}")
    return first.date()


def field_date(value: Any, *, where: str, field: str) -> date | None:
    """A record's date field parsed by `parse_date`; None when absent or blank.

    Raises IngestError naming `where` and `field` when the value is not a full date.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_date(value)
    except ValueError as err:
        raise IngestError(where, f'bad "{field}": {err}') from err


def clean(value: Any) -> str | None:
    """A stripped non-empty string, or None: sources give "", whitespace or non-strings."""
    if not isinstance(value, str):
        return None
    return value.strip() or None


def make_document(
    text: str,
    *,
    origin: str,
    title: Any = None,
    url: Any = None,
    outlet: Any = None,
    published: date | None = None,
) -> Document:
    """A Document whose id is the content hash of `text`; string metadata is cleaned."""
    return Document(
        id=doc_id(text),
        text=text,
        title=clean(title),
        url=clean(url),
        outlet=clean(outlet),
        published=published,
        origin=origin,
    )
