"""Records ↔ table rows: the one place where records become rows and come back.

Backend-neutral, so a PostgreSQL backend can reuse it. A row is a dict keyed by column name and
INSERTs are built from those keys, so the column order lives nowhere; rows read back by column
name. A record's own fields keep their names as columns. Dates are ISO text; nested parts (an
attribution's source, a doubt's target) are JSON text. Each record's row starts with doc_id and
idx, its position in the document's analysis, which keeps the order. Events, which join stored
events as they are written, have their own module (events.py).

"""

import json
from dataclasses import asdict, fields, replace
from datetime import date
from typing import Any, Protocol, TypeVar

from crisisdesk.actor_links import last_word
from crisisdesk.records import (
    Actor,
    ActorRef,
    Attribution,
    Document,
    Doubt,
    Entity,
    Quantity,
    Span,
    TimeExpr,
)
from crisisdesk.store.base import SentenceHit

Params = dict[str, Any]
R = TypeVar("R", Entity, Quantity, TimeExpr, Span)


class Row(Protocol):
    """What a backend's row offers: values by column name (sqlite3.Row does)."""

    def __getitem__(self, key: str, /) -> Any: ...


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def record_from(kind: type[R], row: Row) -> R:
    """A record whose fields are all columns of the same name."""
    return kind(**{name: row[name] for name in _FIELDS[kind]})


_FIELDS = {kind: tuple(f.name for f in fields(kind)) for kind in (Entity, Quantity, TimeExpr, Span)}


def document_row(doc: Document, story: str, signature: bytes) -> Params:
    """The stored columns of a document (`ref` and `note` serve one ingest, not the store)."""
    return {
        "id": doc.id,
        "text": doc.text,
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "published": iso(doc.published),
        "origin": doc.origin,
        "story": story,
        "signature": signature,
    }


def document_from(row: Row) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        published=day(row["published"]),
        origin=row["origin"],
    )


def sentence_rows(doc: Document, sentences: tuple[Span, ...]) -> list[Params]:
    """Sentence text is sliced from the document, so a citation always matches stored text."""
    return [
        {
            "doc_id": doc.id,
            "idx": i,
            "start": s.start,
            "end": s.end,
            "text": doc.text[s.start : s.end],
        }
        for i, s in enumerate(sentences)
    ]


def hit_from(row: Row) -> SentenceHit:
    """From columns doc_id, s_idx, s_start, s_end, s_text, score, outlet, published, title
    (`s_`: so a record's own start/end/text can sit in the same row)."""
    return SentenceHit(
        doc_id=row["doc_id"],
        index=row["s_idx"],
        start=row["s_start"],
        end=row["s_end"],
        text=row["s_text"],
        score=row["score"],
        outlet=row["outlet"],
        published=day(row["published"]),
        title=row["title"],
    )


def actor_row(actor: Actor) -> Params:
    """The actor's columns; `surname` is the last word of a name of several words."""
    return asdict(actor) | {"surname": last_word(actor.name)}


def actor_from(row: Row) -> Actor:
    return Actor(row["name"], row["kind"], row["code"])


def _keyed(doc_id: str, records: tuple[Any, ...]) -> list[Params]:
    """Rows of records whose fields are all plain columns."""
    return [{"doc_id": doc_id, "idx": i, **asdict(r)} for i, r in enumerate(records)]


def entity_rows(doc_id: str, entities: tuple[Entity, ...]) -> list[Params]:
    return _keyed(doc_id, entities)


def flatten(attributions: tuple[Attribution, ...]) -> list[tuple[Attribution, int | None]]:
    """Every attribution with the position of the one it is nested in (None: top level), in
    pre-order, so a parent always comes before its children."""
    flat: list[tuple[Attribution, int | None]] = []

    def visit(a: Attribution, parent: int | None) -> None:
        here = len(flat)
        flat.append((a, parent))
        for inner in a.nested:
            visit(inner, here)

    for a in attributions:
        visit(a, None)
    return flat


def nest(rows: list[tuple[Attribution, int | None]]) -> tuple[Attribution, ...]:
    """Undo `flatten`: rebuild `nested` from parent positions (children come after parents)."""
    children: dict[int, list[Attribution]] = {}
    for i in reversed(range(len(rows))):
        a, parent = rows[i]
        whole = replace(a, nested=tuple(reversed(children.pop(i, []))))
        rows[i] = (whole, parent)
        if parent is not None:
            children.setdefault(parent, []).append(whole)
    return tuple(a for a, parent in rows if parent is None)


def attribution_rows(doc: Document, attributions: tuple[Attribution, ...]) -> list[Params]:
    return [
        _attribution_row(doc, i, a) | {"parent": parent}
        for i, (a, parent) in enumerate(flatten(attributions))
    ]


def _attribution_row(doc: Document, idx: int, a: Attribution) -> Params:
    """The row spans source, cue and content; its text is that stretch of the document."""
    spans: list[Span | ActorRef] = [a.cue, *a.content, *([a.source] if a.source else [])]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    return {
        "doc_id": doc.id,
        "idx": idx,
        "start": start,
        "end": end,
        "text": doc.text[start:end],
        "source": json.dumps(asdict(a.source)) if a.source else None,
        "source_actor": a.source.actor if a.source else None,
        "cue_start": a.cue.start,
        "cue_end": a.cue.end,
        "cue_text": a.cue.text,
        "kind": a.kind,
        "stance": a.stance,
    }


def content_rows(doc_id: str, attributions: tuple[Attribution, ...]) -> list[Params]:
    """Each content span with the attribution it belongs to; idx runs over the document."""
    spans = [(i, s) for i, (a, _) in enumerate(flatten(attributions)) for s in a.content]
    return [
        {"doc_id": doc_id, "idx": n, **asdict(s), "attribution": i}
        for n, (i, s) in enumerate(spans)
    ]


def attribution_from(row: Row, content: tuple[Span, ...]) -> Attribution:
    source = json.loads(row["source"]) if row["source"] else None
    return Attribution(
        source=ActorRef(**source) if source else None,
        cue=Span(row["cue_start"], row["cue_end"], row["cue_text"]),
        content=content,
        kind=row["kind"],
        stance=row["stance"],
    )


def doubt_rows(doc_id: str, doubts: tuple[Doubt, ...]) -> list[Params]:
    return [
        row | {"target": _json(d.target)}
        for row, d in zip(_keyed(doc_id, doubts), doubts, strict=True)
    ]


def doubt_from(row: Row) -> Doubt:
    target = json.loads(row["target"]) if row["target"] else None
    return Doubt(
        start=row["start"],
        end=row["end"],
        text=row["text"],
        kind=row["kind"],
        target=Span(**target) if target else None,
        by=row["by"],
        by_actor=row["by_actor"],
    )


def quantity_rows(doc_id: str, quantities: tuple[Quantity, ...]) -> list[Params]:
    return _keyed(doc_id, quantities)


def quantity_from(row: Row) -> Quantity:
    return record_from(Quantity, row)


def time_rows(doc_id: str, times: tuple[TimeExpr, ...]) -> list[Params]:
    return _keyed(doc_id, times)


def span_from(row: Row) -> Span:
    return record_from(Span, row)


def entity_from(row: Row) -> Entity:
    return record_from(Entity, row)


def time_from(row: Row) -> TimeExpr:
    return record_from(TimeExpr, row)


def _json(span: Span | None) -> str | None:
    return json.dumps(asdict(span)) if span else None
