"""CSV exports of news tools: one document per row, columns found by their header names.

The header must name a text column; title, url, outlet and published are optional. Names
are matched case-insensitively against the aliases in `COLUMNS` (the first alias present
wins). Fields are kept as written, so offsets slice the text of the row. The row's "id"
(else its line number) is kept as `Document.ref`, as for JSONL.
"""

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import NamedTuple

from crisisdesk.errors import IngestError
from crisisdesk.ingest.decoding import decode
from crisisdesk.ingest.metadata import field_date, make_document
from crisisdesk.records import Document

COLUMNS = {
    "id": ("id",),
    "text": ("text", "body", "content", "full_text", "article", "story"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "publisher"),
    "published": ("published", "date", "pubdate", "pub_date", "published_at", "publish_date"),
}

Row = list[str] | csv.Error  # a parsed row, or why the rest of the file cannot be parsed


class Columns(NamedTuple):
    """Where each known column is (`COLUMNS` key → index), and how many fields a row has."""

    at: dict[str, int]
    width: int


def read_csv(data: bytes, *, origin: str, max_chars: int) -> list[Document | IngestError]:
    """One document per non-blank row after the header; raises IngestError for a bad header.

    A bad row (wrong number of fields, empty text, bad date, a field over `max_chars`
    characters) is an IngestError naming its line; the other rows still count. A quoting
    error stops the reading there, since the rows after it cannot be told apart.
    """
    text, note = decode(data, origin)
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))  # never below this file
    rows = _rows(text)
    _, header = next(rows, (0, []))
    columns = _columns(header, origin)
    out: list[Document | IngestError] = []
    for line, row in rows:
        where = f"{origin}:line {line}"
        if isinstance(row, csv.Error):
            out.append(IngestError(where, f"malformed CSV: {row}; the rest is not read"))
            break
        try:
            doc = _row_document(row, columns, where, max_chars)
            out.append(replace(doc, note=note, ref=doc.ref or line))
        except IngestError as err:
            out.append(err)
    if not out:
        raise IngestError(origin, "CSV has no rows")
    return out


def _rows(text: str) -> Iterator[tuple[int, Row]]:
    """(first line number, row) for each non-blank row; a csv.Error ends the rows."""
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield line, err
            return
        if any(field.strip() for field in row):
            yield line, row


def _columns(header: Row, origin: str) -> Columns:
    """The known columns of `header`; raises IngestError without a text column."""
    if isinstance(header, csv.Error):
        raise IngestError(origin, f"malformed CSV header: {header}")
    names = [name.strip().casefold() for name in header]
    index = {}
    for key, aliases in COLUMNS.items():
        found = next((names.index(a) for a in aliases if a in names), None)
        if found is not None:
            index[key] = found
    if "text" not in index:
        raise IngestError(origin, f"no text column: expected one of {', '.join(COLUMNS['text'])}")
    return Columns(index, len(header))


def _row_document(row: Sequence[str], columns: Columns, where: str, max_chars: int) -> Document:
    if len(row) != columns.width:
        raise IngestError(where, f"expected {columns.width} fields, found {len(row)}")
    if max(map(len, row)) > max_chars:
        raise IngestError(where, f"field longer than {max_chars} characters")
    value = {key: row[index] for key, index in columns.at.items()}
    if not value["text"].strip():
        raise IngestError(where, "empty text")
    doc = make_document(
        value["text"],
        origin=where,
        title=value.get("title"),
        url=value.get("url"),
        outlet=value.get("outlet"),
        published=field_date(value.get("published"), where=where, field="published"),
    )
    return replace(doc, ref=value.get("id", "").strip() or None)
