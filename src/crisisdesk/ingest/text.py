"""Plain text and JSONL documents, with the text kept exactly as given so offsets slice it.

Plain text gets no title: a first line is as often a dateline or byline as a headline, and
guessing wrong would put a false title on every citation. CSV is not read yet.
"""

import codecs
import json
from typing import Any

from charset_normalizer import from_bytes

from crisisdesk.errors import IngestError
from crisisdesk.ingest.metadata import make_document, parse_date
from crisisdesk.records import Document

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, origin: str) -> str:
    """UTF-8 (a BOM is dropped), else the encoding charset_normalizer finds; raises IngestError.

    Why charset_normalizer: old wire archives are often Latin-1 or cp1252. Its guess on a
    very short text can be wrong; text that no encoding explains is "cannot decode".
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError(origin, "cannot decode: not UTF-8 and no other encoding fits")
    return str(best)


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise IngestError(origin, f"cannot decode as {encoding}: {err.reason}") from err


def read_text(data: bytes, *, origin: str) -> list[Document]:
    """One document holding the decoded text unchanged (no title, url, outlet or date)."""
    text = decode(data, origin)
    if not text.strip():
        raise IngestError(origin, "empty file")
    return [make_document(text, origin=origin)]


def read_jsonl(data: bytes, *, origin: str) -> list[Document | IngestError]:
    """One document per non-blank line `{"id", "text", "title"?, "url"?, "outlet"?, "published"?}`.

    A bad line becomes an IngestError naming its line number; the other lines still count.
    Lines split on "\n" only: JSON strings may hold U+2028, which `splitlines` would cut.
    The line's "id" is not used: Document.id is always the content hash.
    """
    out: list[Document | IngestError] = []
    for number, line in enumerate(decode(data, origin).split("\n"), start=1):
        if line.strip():
            where = f"{origin}:line {number}"
            try:
                out.append(_jsonl_document(line, where))
            except IngestError as err:
                out.append(err)
    return out


def _jsonl_document(line: str, where: str) -> Document:
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as err:
        raise IngestError(where, f"malformed JSON: {err.msg}") from err
    if not isinstance(record, dict):
        raise IngestError(where, "expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(where, 'missing or empty "text"')
    published = record.get("published")
    try:
        day = parse_date(published) if isinstance(published, str) and published.strip() else None
    except ValueError as err:
        raise IngestError(where, f'bad "published": {err}') from err
    return make_document(
        text,
        origin=where,
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("outlet"),
        published=day,
    )
