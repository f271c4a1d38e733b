"""The only reader of `doc._.*`: a processed spaCy `Doc` becomes an `Analysis` of records.

Components write plain dicts/tuples of character offsets; this module types them. A malformed
item from a component is logged and skipped, never fails the document.
"""

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from spacy.tokens import Doc

from crisisdesk.records import (
    Actor,
    ActorRef,
    Analysis,
    Attribution,
    Doubt,
    Entity,
    Event,
    Participant,
    Quantity,
    Span,
    TimeExpr,
)

log = logging.getLogger(__name__)
DISPUTING = frozenset({"questioned", "denied"})
R = TypeVar("R")


def to_analysis(doc: Doc) -> Analysis:
    """Every record of one document."""
    published = date.fromisoformat(doc._.published) if doc._.published else None
    attributions = typed(doc._.attributions, attribution)
    quantities = typed(doc._.quantities, lambda q: Quantity(**q))
    return Analysis(
        text=doc.text,
        published=published,
        sentences=tuple(Span(s.start_char, s.end_char, s.text) for s in doc.sents),
        entities=entities(doc),
        attributions=attributions,
        doubts=typed(doc._.doubts, doubt),
        quantities=tuple(claimed(q, attributions) for q in quantities),
        times=typed(doc._.times, lambda t: TimeExpr(**t)),
        events=typed(doc._.events, event),
        actors=tuple(Actor(n, k, c) for n, (k, c) in sorted((doc._.actors or {}).items())),
    )


def typed(
    items: Iterable[dict[str, Any]] | None, make: Callable[[dict[str, Any]], R]
) -> tuple[R, ...]:
    """Apply `make` to each item, logging and skipping the ones it rejects."""
    return tuple(_typed(items or (), make))


def _typed(items: Iterable[dict[str, Any]], make: Callable[[dict[str, Any]], R]) -> Iterator[R]:
    for item in items:
        try:
            yield make(item)
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("skipped a malformed record %r: %s", item, exc)


def entities(doc: Doc) -> tuple[Entity, ...]:
    """NER entities with their actor, plus gazetteer mentions NER missed."""
    actors = doc._.actors or {}
    by_span = {(s, e): (actor, label) for s, e, actor, label in doc._.actor_mentions or ()}
    found = []
    for ent in doc.ents:
        actor, label = by_span.pop((ent.start_char, ent.end_char), (None, ent.label_))
        code = actors.get(actor, (None, None))[1] if actor else None
        found.append(Entity(ent.start_char, ent.end_char, ent.text, label, actor, code))
    for (start, end), (actor, label) in by_span.items():
        code = actors.get(actor, (None, None))[1]
        found.append(Entity(start, end, doc.text[start:end], label, actor, code))
    return tuple(sorted(found, key=lambda e: (e.start, e.end)))


def claimed(quantity: Quantity, attributions: tuple[Attribution, ...]) -> Quantity:
    """The quantity with who claims it: the source of the innermost attribution whose content
    holds it (nested attributions: the shortest content wins). Attributions that question or
    deny their content ("a number experts have questioned") dispute the number, not claim it."""
    holders = [
        (c.end - c.start, a)
        for outer in attributions
        for a in outer.walk()
        if a.stance not in DISPUTING
        for c in a.content
        if c.start <= quantity.start and quantity.end <= c.end
    ]
    if not holders:
        return quantity
    _, inner = min(holders, key=lambda h: h[0])
    source = inner.source.actor or inner.source.text if inner.source else None
    return replace(quantity, claimed_by=source, stance=inner.stance)


def span(item: dict[str, Any]) -> Span:
    return Span(item["start"], item["end"], item["text"])


def actor_ref(item: dict[str, Any] | None) -> ActorRef | None:
    if item is None:
        return None
    return ActorRef(item["start"], item["end"], item["text"], item.get("actor"), item.get("code"))


def attribution(item: dict[str, Any]) -> Attribution:
    return Attribution(
        source=actor_ref(item.get("source")),
        cue=span(item["cue"]),
        content=tuple(span(c) for c in item["content"]),
        kind=item["kind"],
        stance=item["stance"],
        nested=tuple(attribution(inner) for inner in item.get("nested") or ()),
    )


def doubt(item: dict[str, Any]) -> Doubt:
    target = item.get("target")
    return Doubt(
        item["start"],
        item["end"],
        item["text"],
        item["kind"],
        target=span(target) if target else None,
        by=item.get("by"),
        by_actor=item.get("by_actor"),
    )


def participant(item: dict[str, Any]) -> Participant:
    return Participant(
        item["start"],
        item["end"],
        item["text"],
        item.get("actor"),
        item.get("code"),
        item.get("sector"),
    )


def event(item: dict[str, Any]) -> Event:
    place, trigger = item.get("place"), item.get("trigger")
    return Event(
        item["start"],
        item["end"],
        item["type"],
        source=tuple(map(participant, item.get("source") or ())),
        target=tuple(map(participant, item.get("target") or ())),
        time=item.get("time"),
        mode=item.get("mode") or "happened",
        intensity=item.get("intensity"),
        code=item.get("code"),
        trigger=span(trigger) if trigger else None,
        place=participant(place) if place else None,
        claimed_by=item.get("claimed_by"),
    )
