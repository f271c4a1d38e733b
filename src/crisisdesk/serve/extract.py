"""`crisisdesk extract`: documents in, the contract's JSON out, through the one ingest path.

Documents are read by ingest's readers (the same as `crisisdesk ingest`) and analysed by
`flow.analyzed`. A single document gives one object; a folder or a multi-document file gives one
line per document with "file"; a `.jsonl` of documents gives one line per document with its
"id". Plain-text and JSONL text is analyzed unchanged, so offsets slice the input exactly.
A document that fails analysis gives a line with "error"; an unreadable one is reported.
"""

import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from crisisdesk import flow, ingest
from crisisdesk.errors import IngestError
from crisisdesk.ingest.text import read_text
from crisisdesk.records import Analysis, Document
from crisisdesk.settings import Settings

JSONL = frozenset({".jsonl", ".ndjson"})
Warn = Callable[[IngestError], None]


def extract_lines(
    path: str, settings: Settings, *, published: date | None, warn: Warn
) -> Iterator[dict[str, Any]]:
    """One contract dict per document of `path` ("-" reads standard input as plain text);
    `published` dates the documents that carry no date. Raises IngestError when `path` holds
    no readable document."""
    docs = _documents(path, settings, warn)
    docs = [d if d.published else replace(d, published=published) for d in docs]
    keys = _keys(path, many=len(docs) > 1 or Path(path).is_dir())
    for doc, result in flow.analyzed(docs, settings):
        body = result.to_json() if isinstance(result, Analysis) else {"error": str(result)}
        yield {**keys(doc), **body}


def _documents(path: str, settings: Settings, warn: Warn) -> list[Document]:
    if path == "-":
        return read_text(sys.stdin.buffer.read(), origin="-")
    docs: list[Document] = []
    errors: list[IngestError] = []
    for item in ingest.read([path], settings=settings):
        (errors if isinstance(item, IngestError) else docs).append(item)  # type: ignore[arg-type]
    if not docs and errors:
        raise errors[0]
    for error in errors:
        warn(error)
    return docs


def _keys(path: str, *, many: bool) -> Callable[[Document], dict[str, Any]]:
    """What names each output line: the JSONL "id", the file, or nothing for one document."""
    if Path(path).suffix.lower() in JSONL:
        return lambda doc: {"id": doc.ref if doc.ref is not None else doc.origin}
    if many:
        return lambda doc: {"file": doc.origin}
    return lambda _doc: {}
