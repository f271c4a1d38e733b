"""brief: assemble what the store knows into cited sections.

Key points are the main actors' most recent sentences; the claims ledger lists who claims what,
with the stance of the wording, who disputes or denies it and the hedges on it; the numbers
table gives each number with what it counts and who claims it; the timeline lists sentences by
the calendar date they mention. The same statement carried by several wire copies is one item
citing every copy. The trend waits for events (a later issue).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date

from crisisdesk.brief.model import Brief, Item
from crisisdesk.records import Attribution, Citation, Doubt, Quantity, Span
from crisisdesk.store import Located, SentenceHit, Store

__all__ = ["Brief", "Item", "build_brief"]

ACTORS = 6
POINTS_PER_ACTOR = 3
SECTION_LIMIT = 40
DISPUTING = frozenset({"dispute", "denial"})
HEDGING = frozenset({"hedge", "unconfirmed"})


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


def merged(items: Iterable[Item]) -> tuple[Item, ...]:
    """Items saying the same thing about the same actor become one, citing every copy; the
    first SECTION_LIMIT distinct items are kept."""
    groups: dict[tuple[str, str | None], Item] = {}
    for item in items:
        key = (item.text, item.actor)
        if key in groups:
            first = groups[key]
            groups[key] = Item(
                first.text, first.citations + item.citations, first.actor, first.detail
            )
        elif len(groups) < SECTION_LIMIT:
            groups[key] = item
    return tuple(groups.values())


def key_points(store: Store, since: date | None) -> tuple[Item, ...]:
    """For each main actor (most mentioned), its most recent sentences, none shown twice."""
    items: list[Item] = []
    used: set[str] = set()
    for actor in store.top_actors(limit=ACTORS, since=since):
        hits = store.actor_sentences(actor.name, limit=POINTS_PER_ACTOR * 4, since=since)
        fresh = merged(
            Item(h.text, (citation(h),), actor.name, {"kind": actor.kind, "code": actor.code})
            for h in hits
            if h.text not in used
        )[:POINTS_PER_ACTOR]
        used.update(item.text for item in fresh)
        items.extend(fresh)
    return tuple(items)


def claims(store: Store, since: date | None) -> tuple[Item, ...]:
    """Who claims what, the stance of the wording, who disputes or denies it and how it is
    hedged."""
    doubts: dict[str, list[Doubt]] = defaultdict(list)
    for found in store.doubts(since=since):
        doubts[found.sentence.doc_id].append(found.record)
    return merged(
        claim_item(found, doubts[found.sentence.doc_id])
        for found in store.attributions(since=since)
    )


def claim_item(found: Located[Attribution], doubts: list[Doubt]) -> Item:
    att = found.record
    source = att.source.actor or att.source.text if att.source else None
    on_claim = [d for d in doubts if bears_on(d, att)]
    detail = {
        "cue": att.cue.text,
        "stance": att.stance,
        "kind": att.kind,
        "disputed_by": [d.by_actor or d.by or "unnamed" for d in on_claim if d.kind in DISPUTING],
        "hedged": [d.text for d in on_claim if d.kind in HEDGING],
    }
    content = " … ".join(c.text for c in att.content)
    return Item(content, (citation(found.sentence),), actor=source, detail=detail)


def bears_on(doubt: Doubt, att: Attribution) -> bool:
    """A doubt of the same document bears on a claim when its target (or, without one, the
    doubt itself) overlaps the claim's content, unless the doubt is that very statement: the
    claim's cue is in the doubt but not in what it doubts ("…, a number experts have
    questioned" is the experts' own claim, not a dispute of it)."""
    span = doubt.target or doubt
    if within(att.cue, doubt) and not within(att.cue, span):
        return False
    return any(c.start < span.end and span.start < c.end for c in att.content)


def within(inner: Span, outer: Span | Doubt) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def numbers(store: Store, since: date | None) -> tuple[Item, ...]:
    """Every stored number with what it counts and who claims it."""
    return merged(number_item(found) for found in store.quantities(since=since))


def number_item(found: Located[Quantity]) -> Item:
    q = found.record
    text = " ".join(p for p in (q.qualifier, q.text, q.counted) if p)
    detail = {k: v for k, v in asdict(q).items() if k not in ("start", "end", "text", "claimed_by")}
    return Item(text, (citation(found.sentence),), actor=q.claimed_by, detail=detail)


def timeline(store: Store, since: date | None) -> tuple[Item, ...]:
    """Sentences in the order of the calendar dates they mention (vague references such as
    "now" or "recently" are left out: they have no place on a calendar)."""
    return merged(
        Item(
            t.sentence.text,
            (citation(t.sentence),),
            detail={"date": t.record.value, "time_text": t.record.text, "type": t.record.type},
        )
        for t in store.times(since=since)
        if t.record.type == "DATE" and (t.record.value or "")[:1].isdigit()
    )
