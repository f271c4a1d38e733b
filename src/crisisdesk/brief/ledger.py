"""The brief's ledgers, read from the stored records of the period: the claims ledger (who
claims what, the stance of the wording, who disputes or denies it and the hedges on it), the
numbers table (each number with what it counts and who claims it) and the timeline (sentences
by the calendar date they mention). The same statement carried by several wire copies is one
item citing every copy.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TypeVar

from crisisdesk.ask.cite import Citer
from crisisdesk.brief.model import Claim, Dated, Item, Number
from crisisdesk.records import Attribution, Doubt, Quantity, Span
from crisisdesk.store import Located, SentenceHit, Store

SECTION_LIMIT = 40
#: records read per section, newest first (times: earliest first), so a brief costs the same
#: on a store of 1,000 or 100,000 articles; copies of one statement among them merge
READ = 2_000
DISPUTING = frozenset({"dispute", "denial"})
HEDGING = frozenset({"hedge", "unconfirmed"})
#: a date this long before its document's publication, or after it, is a misreading ("'60
#: Minutes'" as 1960), not a development of the story
YEARS_BEFORE, DAYS_AFTER = 10, 400

ItemT = TypeVar("ItemT", bound=Item)
#: an item not yet cited, and the stored sentence it would cite
Candidate = tuple[ItemT, SentenceHit]


def merged(
    candidates: Iterable[Candidate[ItemT]], cite: Citer, *, most: int = SECTION_LIMIT
) -> tuple[ItemT, ...]:
    """Items saying the same thing about the same actor become one, citing every copy whose
    citation checks; an item with no checked citation is left out. The first `most`
    distinct items are kept (sentences of later ones are not even checked)."""
    groups: dict[tuple[str, str | None], ItemT] = {}
    for item, hit in candidates:
        key = (item.text, item.actor)
        if key not in groups and len(groups) >= most:
            continue
        citation = cite(hit)
        if citation is not None:
            groups[key] = groups.get(key, item).citing(citation)
    return tuple(groups.values())


def ledger(store: Store, candidates: Iterable[Candidate[Claim]], cite: Citer) -> tuple[Claim, ...]:
    """The claims ledger: the latest claims, one line per claim across copies and rewrites
    (the same source in sentences of one development), the most significant SECTION_LIMIT
    first (`significance`)."""
    found = merged(candidates, cite, most=SECTION_LIMIT * 5)
    lines: dict[object, Claim] = {}
    for claim in sorted(found, key=significance, reverse=True):
        first = claim.citations[0]
        development = store.development_at(first.doc, first.start)
        key = (
            (claim.actor, development) if development and claim.actor else (claim.text, claim.actor)
        )
        lines[key] = lines[key].citing(*claim.citations) if key in lines else claim
    return tuple(lines.values())[:SECTION_LIMIT]


def significance(claim: Claim) -> tuple[int, int, int]:
    """Disputed or hedged claims first, then claims in a doubting stance (claimed, alleged,
    denied, questioned: the war of words), then by how many documents carry the claim."""
    doubted = bool(claim.disputed_by or claim.hedged)
    documents = len({c.doc for c in claim.citations})
    return (doubted, claim.stance != "asserted" and claim.actor is not None, documents)


def doubts_by_document(store: Store, since: date | None) -> dict[str, list[Doubt]]:
    """The period's latest READ doubts, by document."""
    doubts: dict[str, list[Doubt]] = defaultdict(list)
    for doubt in store.doubts(since=since, limit=READ):
        doubts[doubt.sentence.doc_id].append(doubt.record)
    return doubts


def claims(store: Store, since: date | None) -> Iterable[Candidate[Claim]]:
    """Who claims what, the stance of the wording, who disputes or denies it and how it is
    hedged."""
    doubts = doubts_by_document(store, since)
    for found in store.attributions(since=since, limit=READ):
        yield claim_item(found, doubts[found.sentence.doc_id]), found.sentence


def claim_item(found: Located[Attribution], doubts: list[Doubt]) -> Claim:
    att = found.record
    on_claim = [d for d in doubts if bears_on(d, att)]
    return Claim(
        text=" … ".join(c.text for c in att.content),
        actor=att.source.actor or att.source.text if att.source else None,
        cue=att.cue.text,
        stance=att.stance,
        kind=att.kind,
        disputed_by=tuple(d.by_actor or d.by or "unnamed" for d in on_claim if d.kind in DISPUTING),
        hedged=tuple(d.text for d in on_claim if d.kind in HEDGING),
    )


def bears_on(doubt: Doubt, att: Attribution) -> bool:
    """A doubt of the same document bears on a claim when its target (or, without one, the
    doubt itself) overlaps the claim's content, unless the doubt is that very statement: the
    claim's cue is in the doubt but not in what it doubts ("…, a number experts have
    questioned" is the experts' own claim, not a dispute of it)."""
    span = doubt.target or doubt
    if within(att.cue, doubt) and not within(att.cue, span):
        return False
    return any(c.start < span.end and span.start < c.end for c in att.content)


def within(inner: Span | Quantity, outer: Span | Doubt) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def numbers(store: Store, since: date | None) -> Iterable[Candidate[Number]]:
    """Every stored number with what it counts, who claims it and who disputes it."""
    doubts = doubts_by_document(store, since)
    for found in store.quantities(since=since, limit=READ):
        yield number_item(found.record, doubts[found.sentence.doc_id]), found.sentence


def number_item(q: Quantity, doubts: list[Doubt]) -> Number:
    """A number; disputed by whoever disputes or denies the stretch of text holding it."""
    text = " ".join(p for p in (q.qualifier, q.text, q.counted) if p)
    disputed = [d for d in doubts if d.kind in DISPUTING and within(q, d.target or d)]
    by = tuple(dict.fromkeys(d.by_actor or d.by or "unnamed" for d in disputed))
    return Number(text=text, actor=q.claimed_by, quantity=q, disputed_by=by)


def timeline(store: Store, since: date | None) -> Iterable[Candidate[Dated]]:
    """Sentences in the order of the calendar dates they mention (vague references such as
    "now" or "recently" are left out: they have no place on a calendar, nor has a date
    implausible for its document)."""
    for t in store.times(since=since, limit=READ):
        day = t.record.value or ""
        if t.record.type == "DATE" and day[:1].isdigit() and plausible(day, t.sentence.published):
            item = Dated(
                text=t.sentence.text.strip(), day=day, time_text=t.record.text, type=t.record.type
            )
            yield item, t.sentence


def plausible(day: str, published: date | None) -> bool:
    """Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) fits a document published on `published`:
    at most YEARS_BEFORE years before it and DAYS_AFTER days after it."""
    if published is None:
        return True
    year = int(day[:4])
    latest = published + timedelta(days=DAYS_AFTER)
    return published.year - YEARS_BEFORE <= year <= latest.year
