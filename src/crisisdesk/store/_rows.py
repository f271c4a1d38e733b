"""Records ↔ table rows: the one place where records become rows and come back.

Backend-neutral (plain tuples in the column order of the INSERT templates, rows read by column
name), so a PostgreSQL backend can reuse it. Dates are ISO text; nested parts (an attribution's
source, a doubt's target, an event's actors) are JSON text. Each record's row starts with
doc_id and idx, its position in the document's analysis, which keeps the analysis order.
"""

import json
from dataclasses import asdict, replace
from datetime import date
from typing import Any, Protocol

from crisisdesk.records import (
    Actor,
    ActorRef,
    Attribution,
    Document,
    Doubt,
    Entity,
    Event,
    Quantity,
    Span,
    TimeExpr,
)
from crisisdesk.store.base import SentenceHit

Params = tuple[Any, ...]


class Row(Protocol):
    """What a backend's row offers: values by column name (sqlite3.Row does)."""

    def __getitem__(self, key: str, /) -> Any: ...


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def document_row(doc: Document, story: str, signature: bytes) -> Params:
    """(id, text, title, url, outlet, published, origin, story, signature)."""
    published = iso(doc.published)
    return (
        doc.id,
        doc.text,
        doc.title,
        doc.url,
        doc.outlet,
        published,
        doc.origin,
        story,
        signature,
    )


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
    return [(doc.id, i, s.start, s.end, doc.text[s.start : s.end]) for i, s in enumerate(sentences)]


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


def actor_from(row: Row) -> Actor:
    return Actor(row["name"], row["kind"], row["code"])


def entity_rows(doc_id: str, entities: tuple[Entity, ...]) -> list[Params]:
    return [
        (doc_id, i, e.start, e.end, e.text, e.label, e.actor, e.code)
        for i, e in enumerate(entities)
    ]


def entity_from(row: Row) -> Entity:
    return Entity(row["start"], row["end"], row["text"], row["label"], row["actor"], row["code"])


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
        (*_attribution_row(doc, i, a), parent)
        for i, (a, parent) in enumerate(flatten(attributions))
    ]


def _attribution_row(doc: Document, idx: int, a: Attribution) -> Params:
    """The row spans source, cue and content; its text is that stretch of the document."""
    spans: list[Span | ActorRef] = [a.cue, *a.content, *([a.source] if a.source else [])]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    source = json.dumps(asdict(a.source)) if a.source else None
    actor = a.source.actor if a.source else None
    cue = (a.cue.start, a.cue.end, a.cue.text)
    return (doc.id, idx, start, end, doc.text[start:end], source, actor, *cue, a.kind, a.stance)


def content_rows(doc_id: str, attributions: tuple[Attribution, ...]) -> list[Params]:
    """(doc_id, idx, start, end, text, attribution): idx runs over all contents of the doc."""
    spans = [(i, s) for i, (a, _) in enumerate(flatten(attributions)) for s in a.content]
    return [(doc_id, n, s.start, s.end, s.text, i) for n, (i, s) in enumerate(spans)]


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
        (doc_id, i, d.start, d.end, d.text, d.kind, _json(d.target), d.by, d.by_actor)
        for i, d in enumerate(doubts)
    ]


def doubt_from(row: Row) -> Doubt:
    target = json.loads(row["target"]) if row["target"] else None
    return Doubt(
        row["start"],
        row["end"],
        row["text"],
        row["kind"],
        Span(**target) if target else None,
        row["by"],
        row["by_actor"],
    )


def quantity_rows(doc_id: str, quantities: tuple[Quantity, ...]) -> list[Params]:
    return [
        (
            doc_id,
            i,
            q.start,
            q.end,
            q.text,
            q.value,
            q.unit,
            q.counted,
            q.qualifier,
            q.low,
            q.high,
            q.claimed_by,
            q.stance,
            q.base_value,
            q.base_unit,
        )
        for i, q in enumerate(quantities)
    ]


def quantity_from(row: Row) -> Quantity:
    return Quantity(
        start=row["start"],
        end=row["end"],
        text=row["text"],
        value=row["value"],
        unit=row["unit"],
        counted=row["counted"],
        qualifier=row["qualifier"],
        low=row["low"],
        high=row["high"],
        claimed_by=row["claimed_by"],
        stance=row["stance"],
        base_value=row["base_value"],
        base_unit=row["base_unit"],
    )


def time_rows(doc_id: str, times: tuple[TimeExpr, ...]) -> list[Params]:
    return [(doc_id, i, t.start, t.end, t.text, t.value, t.type) for i, t in enumerate(times)]


def span_from(row: Row) -> Span:
    return Span(row["start"], row["end"], row["text"])


def time_from(row: Row) -> TimeExpr:
    return TimeExpr(row["start"], row["end"], row["text"], row["value"], row["type"])


def event_rows(doc: Document, events: tuple[Event, ...]) -> list[Params]:
    """Events have no text of their own; the row's text is their stretch of the document."""
    return [_event_row(doc, i, e) for i, e in enumerate(events)]


def _event_row(doc: Document, idx: int, e: Event) -> Params:
    source = json.dumps([asdict(a) for a in e.source])
    target = json.dumps([asdict(a) for a in e.target])
    return (doc.id, idx, e.start, e.end, doc.text[e.start : e.end], e.type, source, target, e.time)


def event_from(row: Row) -> Event:
    return Event(
        start=row["start"],
        end=row["end"],
        type=row["type"],
        source=tuple(ActorRef(**a) for a in json.loads(row["source"])),
        target=tuple(ActorRef(**a) for a in json.loads(row["target"])),
        time=row["time"],
    )


def _json(span: Span | None) -> str | None:
    return json.dumps(asdict(span)) if span else None
