"""`crisisdesk extract`: documents in, the contract's JSON out, models loaded once.

A single file gives one object; a folder or a multi-document file gives one line per document
with "file"; a `.jsonl` of documents gives one line per document with its "id". Plain-text and
JSONL text is analyzed unchanged, so offsets slice the input exactly.
"""

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from crisisdesk import analyze, ingest
from crisisdesk.desk import Desk
from crisisdesk.errors import IngestError

JSONL = {".jsonl", ".ndjson"}


def extract_lines(path: str, desk: Desk, *, published: date | None) -> Iterator[dict[str, Any]]:
    """One contract dict per document of `path` ("-" reads standard input)."""
    if path == "-":
        items: list[tuple[dict[str, Any], str, date | None]] = [({}, sys.stdin.read(), published)]
    elif Path(path).suffix.lower() in JSONL:
        items = list(jsonl_items(Path(path), published))
    else:
        items = list(file_items(path, desk, published))
    pairs = ((text, when) for _, text, when in items)
    for (keys, _, _), analysis in zip(items, analyze.analyze(pairs, nlp=desk.nlp), strict=True):
        yield {**keys, **analysis.to_json()}


def file_items(
    path: str, desk: Desk, published: date | None
) -> Iterator[tuple[dict[str, Any], str, date | None]]:
    """(keys, text, published) of each document in a file or folder; errors go to stderr."""
    docs = list(ingest.read([path], settings=desk.settings, published=published))
    if len(docs) == 1 and isinstance(docs[0], IngestError):
        raise docs[0]
    many = len(docs) > 1 or Path(path).is_dir()
    for doc in docs:
        if isinstance(doc, IngestError):
            sys.stderr.write(f"skipped {doc}\n")
        else:
            yield ({"file": doc.origin} if many else {}), doc.text, doc.published


def jsonl_items(
    path: Path, published: date | None
) -> Iterator[tuple[dict[str, Any], str, date | None]]:
    """(keys, text, published) of each line of a JSONL file of documents."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                when = date.fromisoformat(item["published"][:10]) if item.get("published") else None
                yield {"id": item.get("id", number)}, item["text"], when or published
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                sys.stderr.write(f"skipped {path}:{number}: not a document line ({exc})\n")
