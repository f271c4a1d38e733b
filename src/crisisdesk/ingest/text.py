"""Plain text and JSONL documents, with the text kept exactly as given so offsets slice it.

Plain text gets no title: a first line is as often a dateline or byline as a headline, and
guessing wrong would put a false title on every citation. Bytes are decoded by `decoding`.
"""

import json
from dataclasses import replace
from typing import Any

from crisisdesk.errors import IngestError
from crisisdesk.ingest.decoding import decode
from crisisdesk.ingest.metadata import field_date, make_document
from crisisdesk.records import Document


def read_text(data: bytes, *, origin: str) -> list[Document]:
    """One document holding the decoded text unchanged (no title, url, outlet or date)."""
    text, note = decode(data, origin)
    if not text.strip():
        raise IngestError(origin, "empty file")
    return [replace(make_document(text, origin=origin), note=note)]


def read_jsonl(data: bytes, *, origin: str) -> list[Document | IngestError]:
    """One document per non-blank line `{"id", "text", "title"?, "url"?, "outlet"?, "published"?}`.

    A bad line becomes an IngestError naming its line number; the other lines still count.
    Lines split on "\n" only: JSON strings may hold U+2028, which `splitlines` would cut.
    Document.id is always the content hash; the line's "id" (else its line number) is kept as
    `ref`, which `extract` echoes.
    """
    text, note = decode(data, origin)
    out: list[Document | IngestError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            where = f"{origin}:line {number}"
            try:
                out.append(_jsonl_document(line, where, note, number))
            except IngestError as err:
                out.append(err)
    return out


def _jsonl_document(line: str, where: str, note: str | None, number: int) -> Document:
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as err:
        raise IngestError(where, f"malformed JSON: {err.msg}") from err
    except RecursionError as err:
        raise IngestError(where, "malformed JSON: nested too deeply") from err
    if not isinstance(record, dict):
        raise IngestError(where, "expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(where, 'missing or empty "text"')
    day = field_date(record.get("published"), where=where, field="published")
    doc = make_document(
        text,
        origin=where,
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("outlet"),
        published=day,
    )
    ref = record.get("id", number)
    return replace(doc, note=note, ref=ref if isinstance(ref, str | int) else str(ref))
