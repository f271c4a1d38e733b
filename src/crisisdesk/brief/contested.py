"""Contested numbers: the same counted thing given different values by different reports,
shown side by side, each value with who gives it, when and where; a running tally (a death
toll that rises from report to report) is shown as a series by date instead.

Two figures count the same thing when they are of one unit after normalisation ("$13.4
billion" and "US$17.4 billion" are both USD), within RATIO of each other, and either told by
reports of one development within DAYS (the same counted word), or, across the period's READ
most recent numbers, in sentences alike (vectors within LIKE and the same counted word, or
within NEAR) of documents that report a development in common. Only a sentence's one amount
counts (a market report's list of figures is not one disputed figure); each number pairs with
its best match when it is that match's best too, so figures never chain into a heap.
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import pairwise
from typing import Any

import numpy as np

from crisisdesk import vectors
from crisisdesk.ask.cite import Citer
from crisisdesk.brief.model import Contested
from crisisdesk.records import Quantity
from crisisdesk.store import Located, SentenceHit, Store, StoredDevelopment

READ = 2_000
#: developments (most reported first) whose reports' numbers are compared
DEVELOPMENTS = 100
#: reports of one development this many days apart tell of two moments, not one disputed figure
DAYS = 3
SHOWN = 15
RATIO = 3.0
#: sentence likeness for numbers of one counted thing, and for numbers of different words
LIKE, NEAR = 0.55, 0.7
#: counted things that are running tallies: their values grow from report to report
TALLY = re.compile(
    r"\b(dead|deaths?|died|killed|kill|toll|casualt|injur|wounded|missing|cases|arrest|displac)",
    re.I,
)
#: how near a tally word must stand to its number (characters), how alike the sentences of one
#: tally must be, and how many of its latest values are shown
TALLY_REACH, TALLY_LIKE, TALLY_SHOWN = 80, 0.5, 12
#: units whose numbers are dates or positions, not amounts
NOT_AMOUNTS = frozenset({"year", "ordinal"})


def contested(
    store: Store, cite: Citer, since: date | None, pool: Sequence[StoredDevelopment]
) -> tuple[Contested, ...]:
    """The contested numbers (and running tallies) of the period, most reported first: those
    inside one development's reports first, then those across the period's numbers."""
    found = [f for f in store.quantities(since=since, limit=READ) if amount(f.record) is not None]
    pairs = [*tallies(found), *within(store, pool), *same_things(singles(found), Related(store))]
    groups = unique(g for g in pairs if len({value_key(f.record) for f in g}) > 1)
    groups.sort(key=lambda g: -len({f.sentence.doc_id for f in g}))
    items = (item(g, cite) for g in groups)
    return tuple(i for i in items if i is not None)[:SHOWN]


def amount(q: Quantity) -> float | None:
    """The number in its base unit; None for what is not an amount (years, ordinals)."""
    if q.unit in NOT_AMOUNTS or q.value is None:
        return None
    return q.base_value if q.base_value is not None else q.value


def value_key(q: Quantity) -> tuple[float | None, float | None, float | None]:
    return (amount(q), q.low, q.high)


def tallies(found: Sequence[Located[Quantity]]) -> list[list[Located[Quantity]]]:
    """Running tallies: counts next to a tally word ("killed 11", "a death toll of 14") of one
    counted thing, in sentences alike (vectors within TALLY_LIKE, linked one to another),
    across documents: a death toll told from report to report."""
    largest: dict[tuple[str, int], Located[Quantity]] = {}
    for f in found:
        if f.record.unit == "count" and near_tally(f):
            key = (f.sentence.doc_id, f.sentence.start)
            if key not in largest or (amount(f.record) or 0) > (amount(largest[key].record) or 0):
                largest[key] = f  # "killed three, raising the toll to 14": the toll
    by_head: dict[str, list[Located[Quantity]]] = {}
    for f in largest.values():
        by_head.setdefault(head(f.record), []).append(f)
    groups = [g for same in by_head.values() for g in linked(same, TALLY_LIKE)]
    return [g[-TALLY_SHOWN:] for g in groups if len({f.sentence.doc_id for f in g}) > 1]


def near_tally(f: Located[Quantity]) -> bool:
    """Whether a tally word stands within TALLY_REACH characters of the number."""
    start = f.record.start - f.sentence.start
    end = f.record.end - f.sentence.start
    text = f.sentence.text
    return bool(TALLY.search(text[max(0, start - TALLY_REACH) : end + TALLY_REACH]))


def linked(found: list[Located[Quantity]], bar: float) -> list[list[Located[Quantity]]]:
    """The numbers in groups whose sentences are alike (vectors within `bar`), linked one to
    another, each group in the order found."""
    if len(found) < 2:
        return []
    like = vectors.embed([f.sentence.text for f in found])
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(like @ like.T, 1) >= bar), strict=True):
        parent[root(int(i))] = root(int(j))
    groups: dict[int, list[Located[Quantity]]] = {}
    for i, f in enumerate(found):
        groups.setdefault(root(i), []).append(f)
    return [g for g in groups.values() if len(g) > 1]


def within(store: Store, pool: Sequence[StoredDevelopment]) -> list[list[Located[Quantity]]]:
    """Figures that reports of one development (in different documents, within DAYS of each
    other) give differently: "killed 11" and "killed 14" in two reports of one strike. Only
    a sentence's one number of a kind counts (a market report's list of figures is not one
    disputed figure)."""
    out = []
    for d in pool[:DEVELOPMENTS]:
        if d.documents < 2:
            continue
        found = [single for hit in d.reports if (single := figure(store, hit))]
        out += [
            [a, b]
            for i, a in enumerate(found)
            for b in found[i + 1 :]
            if comparable(a, b) and days_apart(a, b) <= DAYS and head(a.record) == head(b.record)
        ]
    return out


def figure(store: Store, hit: SentenceHit) -> Located[Quantity] | None:
    """The sentence's number, when it gives exactly one amount of a counted thing."""
    found = [q for q in store.quantities_in(hit.doc_id, hit.start, hit.end) if amount(q)]
    return Located(found[0], hit) if len(found) == 1 and head(found[0]) else None


def singles(found: Sequence[Located[Quantity]]) -> list[Located[Quantity]]:
    """The numbers that are their sentence's only amount."""
    per = Counter((f.sentence.doc_id, f.sentence.start) for f in found)
    return [f for f in found if per[(f.sentence.doc_id, f.sentence.start)] == 1]


def days_apart(a: Located[Quantity], b: Located[Quantity]) -> int:
    """Days between the two reports' publication (undated: too far to tell)."""
    da, db = a.sentence.published, b.sentence.published
    return abs((da - db).days) if da and db else DAYS + 1


def unique(groups: Iterable[list[Located[Quantity]]]) -> list[list[Located[Quantity]]]:
    """Groups whose numbers are not all in a group kept before."""
    kept: list[frozenset[tuple[str, int]]] = []
    out = []
    for g in groups:
        key = frozenset((f.sentence.doc_id, f.record.start) for f in g)
        if not any(key <= other for other in kept):
            kept.append(key)
            out.append(g)
    return out


class Related:
    """Whether two stored documents report a development in common (read once each)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._of: dict[str, frozenset[int]] = {}

    def __call__(self, a: str, b: str) -> bool:
        return bool(self._developments(a) & self._developments(b))

    def _developments(self, doc_id: str) -> frozenset[int]:
        if doc_id not in self._of:
            self._of[doc_id] = self._store.developments_of(doc_id)
        return self._of[doc_id]


def same_things(
    found: Sequence[Located[Quantity]], related: Related
) -> list[list[Located[Quantity]]]:
    """Pairs of numbers of different documents that count the same thing: each number's best
    match, kept when it is the other's best match too (so unrelated figures never chain)."""
    if len(found) < 2:
        return []
    like = vectors.embed([f.sentence.text for f in found])
    sims = like @ like.T
    np.fill_diagonal(sims, -1.0)
    best: dict[int, tuple[float, int]] = {}
    for i, j in zip(*np.nonzero(sims >= LIKE), strict=True):
        likeness = float(sims[i, j])
        if likeness > best.get(int(i), (-1.0, -1))[0] and same_thing(
            found[i], found[j], likeness, related
        ):
            best[int(i)] = (likeness, int(j))
    pairs = {tuple(sorted((i, j))) for i, (_, j) in best.items() if best.get(j, (0, -1))[1] == i}
    return [[found[i], found[j]] for i, j in sorted(pairs)]


def same_thing(
    a: Located[Quantity], b: Located[Quantity], likeness: float, related: Related
) -> bool:
    """Whether two numbers of different documents count the same thing: one unit, values
    within RATIO, the same counted word (or sentences within NEAR), in documents that report
    a development in common, and either within DAYS of each other or given by two different
    named sources (a market's fall on Monday and on Friday are two measures, not a dispute;
    Maduro's 8 million in August and an expert's 4.5 million in September are one)."""
    if not comparable(a, b):
        return False
    if not (likeness >= NEAR or head(a.record) == head(b.record) != ""):
        return False
    by_a, by_b = a.record.claimed_by, b.record.claimed_by
    if days_apart(a, b) > DAYS and not (by_a and by_b and by_a != by_b):
        return False
    return related(a.sentence.doc_id, b.sentence.doc_id)


def comparable(a: Located[Quantity], b: Located[Quantity]) -> bool:
    """Numbers of different documents, of one unit, with values within RATIO."""
    qa, qb = a.record, b.record
    if a.sentence.doc_id == b.sentence.doc_id or unit(qa) != unit(qb):
        return False
    va, vb = abs(amount(qa) or 0.0), abs(amount(qb) or 0.0)
    return min(va, vb) > 0 and max(va, vb) / min(va, vb) <= RATIO


def unit(q: Quantity) -> str:
    return q.base_unit or q.unit


def head(q: Quantity) -> str:
    """The counted thing's last word, singular ("tankers" -> "tanker")."""
    words = (q.counted or "").lower().split()
    return words[-1].removesuffix("s") if words else ""


def item(group: list[Located[Quantity]], cite: Citer) -> Contested | None:
    """A group as one item, values in date order, citing each value's sentence."""
    group = sorted(group, key=lambda f: (f.sentence.published or date.max, f.sentence.doc_id))
    citations, values = [], []
    for f in group:
        citation = cite(f.sentence)
        if citation is None:
            continue
        citations.append(citation)
        values.append(value_of(f))
    if len({c.doc for c in citations}) < 2:
        return None
    kind = "series" if is_series(group) else "contested"
    thing = next((f.record.counted for f in group if f.record.counted), unit(group[0].record))
    shown = " · ".join(
        f"{v['value']} ({v['by'] or v['outlet'] or 'unnamed'}, {v['date']})" for v in values
    )
    return Contested(
        text=f"{thing}: {shown}", kind=kind, values=tuple(values), citations=tuple(citations)
    )


def said(value: dict[str, Any]) -> str:
    """ "up to 840 (Airbus, 2005-02-17)" """
    by = value["by"] or value["outlet"] or "unnamed"
    return f"{value['value']} ({by}, {value['date'] or 'undated'})"


def value_of(f: Located[Quantity]) -> dict[str, Any]:
    q, hit = f.record, f.sentence
    written = " ".join(p for p in (q.qualifier, q.text) if p)
    return {
        "value": written,
        "amount": amount(q),
        "by": q.claimed_by,
        "date": hit.published.isoformat() if hit.published else None,
        "outlet": hit.outlet,
        "doc": hit.doc_id,
    }


def is_series(group: list[Located[Quantity]]) -> bool:
    """A running tally: a tally word, and values that never fall as the dates advance."""
    if not all(near_tally(f) for f in group):
        return False
    amounts = [amount(f.record) or 0.0 for f in group]
    return all(a <= b for a, b in pairwise(amounts))
