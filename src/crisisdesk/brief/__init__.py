"""brief: assemble what the store knows into cited sections.

First version: key points are the main actors' most recent sentences; claims and numbers list
the stored attributions and quantities; the timeline lists resolved dates. The trend waits for
events.
"""

from collections.abc import Iterable
from datetime import date

from crisisdesk.brief.model import Brief, Item
from crisisdesk.records import Citation
from crisisdesk.store import SentenceHit, Store

__all__ = ["Brief", "Item", "build_brief"]

ACTORS = 6
POINTS_PER_ACTOR = 3
SECTION_LIMIT = 40


def build_brief(store: Store, *, since: date | None = None) -> Brief:
    """The brief of everything stored (published on or after `since`, when given)."""
    return Brief(
        since=since,
        documents=store.status().counts.get("documents", 0),
        key_points=key_points(store, since),
        claims=claims(store, since),
        numbers=numbers(store, since),
        timeline=timeline(store, since),
    )


def citation(hit: SentenceHit) -> Citation:
    return Citation(hit.doc_id, hit.start, hit.end, hit.text, hit.outlet, hit.published, hit.title)


def key_points(store: Store, since: date | None) -> tuple[Item, ...]:
    """For each main actor (most mentioned), its most recent sentences; a sentence that wire
    copies repeat is one point citing every copy, and no sentence is shown twice."""
    items: list[Item] = []
    used: set[str] = set()
    for actor in store.top_actors(limit=ACTORS, since=since):
        hits = store.actor_sentences(actor.name, limit=POINTS_PER_ACTOR * 4, since=since)
        copies = same_sentences(h for h in hits if h.text not in used)
        for text, group in list(copies.items())[:POINTS_PER_ACTOR]:
            used.add(text)
            items.append(
                Item(
                    text,
                    tuple(citation(h) for h in group),
                    actor=actor.name,
                    detail={"kind": actor.kind, "code": actor.code},
                )
            )
    return tuple(items)


def same_sentences(hits: Iterable[SentenceHit]) -> dict[str, list[SentenceHit]]:
    """Hits grouped by their exact text, in first-seen order."""
    groups: dict[str, list[SentenceHit]] = {}
    for hit in hits:
        groups.setdefault(hit.text, []).append(hit)
    return groups


def claims(store: Store, since: date | None) -> tuple[Item, ...]:
    """Who claims what, with the stance of the wording."""
    items = []
    for found in store.attributions(since=since)[:SECTION_LIMIT]:
        att, hit = found.record, found.sentence
        source = att.source.actor or att.source.text if att.source else None
        content = " … ".join(c.text for c in att.content)
        items.append(
            Item(
                content,
                (citation(hit),),
                actor=source,
                detail={"cue": att.cue.text, "stance": att.stance, "kind": att.kind},
            )
        )
    return tuple(items)


def numbers(store: Store, since: date | None) -> tuple[Item, ...]:
    """Every stored quantity with what it counts."""
    items = []
    for found in store.quantities(since=since)[:SECTION_LIMIT]:
        q = found.record
        detail = {
            "value": q.value,
            "unit": q.unit,
            "counted": q.counted,
            "qualifier": q.qualifier,
            "low": q.low,
            "high": q.high,
        }
        items.append(Item(q.text, (citation(found.sentence),), detail=detail))
    return tuple(items)


def timeline(store: Store, since: date | None) -> tuple[Item, ...]:
    """Dated sentences in the order of the dates they mention."""
    items = []
    for found in store.times(since=since)[:SECTION_LIMIT]:
        t = found.record
        items.append(
            Item(
                found.sentence.text,
                (citation(found.sentence),),
                detail={"date": t.value, "time_text": t.text, "type": t.type},
            )
        )
    return tuple(items)
