"""The brief's lede and key points: the developments that matter, one point each.

The POOL most widely reported developments of the period are read (in SQL, so a brief of
100,000 articles reads what it shows). Each is scored by how many documents report it, how
early in them (a lead sentence tells the story, a late one its background), how recent it
is, and how hostile the events it tells are (escalation). Points are then taken best first,
each one costing less the more of its documents are not yet covered, so the brief spreads
across stories instead of retelling one; a development said in the same words as one taken
is left out. The best becomes the lede. A point shows its most
central report (the one most like the others; a lead sentence and one with a number count
extra) and cites one report per document. Points stop at POINTS, or when their words would
pass WORDS (counted as the brief checks count them: every string but the citations).
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar, overload

import numpy as np

from crisisdesk import vectors
from crisisdesk.ask.cite import Citer
from crisisdesk.brief.model import Point
from crisisdesk.records import Citation
from crisisdesk.store import SentenceHit, Store, StoredDevelopment

PointT = TypeVar("PointT", bound=Point)
POOL = 400
POINTS = 25
#: developments listed in the brief's "developments" section
LISTED = 50
WORDS = 900
#: what a document counts for by the rank of its report (0: its lead; later: background)
WEIGHT_BY_RANK = (1.0, 0.6, 0.4)
BACKGROUND = 0.08
#: how much recency and new documents weigh beside log2(1 + weighted documents)
RECENT, COVER = 0.3, 0.6
#: a development's first reports among which the one shown is chosen
SHOWABLE = 8
#: a development said this much like one already taken is the same point
SAME = 0.9
#: how much the most hostile event of a development adds to its score (at -10 intensity), and
#: among how many of the best developments it is looked for
ESCALATION, ESCALATED = 0.6, 100
#: days over which recency fades
FRESH_DAYS = 30
OTHER = "Other developments"
#: which of a sentence's actors heads its point: one of the MAIN most mentioned, then by label
MAIN = 8
HEADING_ORDER = {"PERSON": 0, "ORG": 1}


@dataclass(frozen=True, slots=True)
class Ranked:
    """A development with its score, the report it is shown by (and its vector), and its
    documents."""

    development: StoredDevelopment
    score: float
    shown: SentenceHit
    vector: np.ndarray
    docs: frozenset[str]


def key_points(store: Store, cite: Citer, ranked: list[Ranked]) -> tuple[Point, ...]:
    """The lede (first) and the key points among the period's ranked developments, within
    POINTS and WORDS."""
    points: list[Point] = []
    words = 0
    headings = Headings(store)
    for chosen in pick(ranked):
        point = point_of(headings, chosen, cite)
        if point is None:
            continue
        size = point_words(point)
        if words + size > WORDS:
            break
        points.append(point)
        words += size
        if len(points) == POINTS:
            break
    return tuple(points)


def developments(store: Store, cite: Citer, ranked: list[Ranked]) -> tuple[Point, ...]:
    """The period's developments reported by several documents, best first (LISTED)."""
    shared = [r for r in ranked if r.development.documents > 1][:LISTED]
    headings = Headings(store)
    found = (point_of(headings, r, cite) for r in shared)
    return tuple(p for p in found if p is not None)


def rank(found: Sequence[StoredDevelopment]) -> list[Ranked]:
    """Each development with its score and its most central report (and that report's
    vector), best first."""
    if not found:
        return []
    newest = max((d.last_day for d in found if d.last_day), default=None)
    matrix = vectors.embed([r.text for d in found for r in d.reports[:SHOWABLE]])
    out, at = [], 0
    for d in found:
        own = matrix[at : at + len(d.reports[:SHOWABLE])]
        at += len(own)
        best = central(d, own)
        score = math.log2(1 + weighted(d)) + RECENT * recency(d.last_day, newest)
        docs = frozenset(r.doc_id for r in d.reports)
        out.append(Ranked(d, score, d.reports[best], own[best], docs))
    return sorted(out, key=lambda r: -r.score)


def weighted(d: StoredDevelopment) -> float:
    """Its documents, each counted by how early it reports it (a lead counts most)."""
    best: dict[str, int] = {}
    for hit, rank in zip(d.reports, d.ranks, strict=True):
        best[hit.doc_id] = min(rank, best.get(hit.doc_id, rank))
    return sum(rank_weight(rank) for rank in best.values())


def rank_weight(rank: int) -> float:
    return WEIGHT_BY_RANK[rank] if rank < len(WEIGHT_BY_RANK) else BACKGROUND


def escalated(store: Store, ranked: list[Ranked]) -> list[Ranked]:
    """The ranking with the ESCALATED best developments raised by how hostile the events
    their reports tell are (a strike outranks a statement told as widely), best first."""
    head, rest = ranked[:ESCALATED], ranked[ESCALATED:]
    raised = [replace(r, score=r.score + ESCALATION * hostility(store, r)) for r in head]
    return sorted(raised, key=lambda r: -r.score) + rest


def hostility(store: Store, ranked: Ranked) -> float:
    """0..1: the most hostile intensity (-10 .. +10, negative: conflict) among the events that
    happened in a development's first reports."""
    worst = 0.0
    for hit in ranked.development.reports[:SHOWABLE]:
        for event in store.events_in(hit.doc_id, hit.start, hit.end):
            if event.mode == "happened" and event.intensity is not None:
                worst = min(worst, event.intensity)
    return -worst / 10


def central(d: StoredDevelopment, own: np.ndarray) -> int:
    """The report most like the others; a lead and a sentence with a number count extra."""
    likeness = (own @ own.T).mean(axis=1) if len(own) > 1 else np.zeros(1)
    bonus = [
        0.1 * rank_weight(rank) + 0.05 * any(c.isdigit() for c in hit.text)
        for hit, rank in zip(d.reports[: len(own)], d.ranks, strict=False)
    ]
    return int(np.argmax(likeness + np.asarray(bonus)))


def recency(day: date | None, newest: date | None) -> float:
    if day is None or newest is None:
        return 0.0
    return max(0.0, 1.0 - (newest - day).days / FRESH_DAYS)


def pick(ranked: list[Ranked]) -> list[Ranked]:
    """Developments in the order they are shown: best first, each discounted by how many of
    its documents the ones taken already cover; near-repeats of a taken one left out."""
    left, taken, covered = list(ranked), list[Ranked](), set[str]()
    while left:
        gain = [r.score - COVER * share(r.docs, covered) for r in left]
        best = left.pop(int(np.argmax(gain)))
        if any(float(best.vector @ t.vector) >= SAME for t in taken):
            continue
        taken.append(best)
        covered |= best.docs
    return taken


def share(docs: frozenset[str], covered: set[str]) -> float:
    return len(docs & covered) / len(docs) if docs else 0.0


@overload
def point_of(headings: "Headings", chosen: Ranked, cite: Citer) -> Point | None: ...


@overload
def point_of(
    headings: "Headings", chosen: Ranked, cite: Citer, make: Callable[..., PointT]
) -> PointT | None: ...


def point_of(
    headings: "Headings", chosen: Ranked, cite: Citer, make: Callable[..., Point] | None = None
) -> Point | None:
    """The point (made by `make`) of a development: its central report, citing one report per
    document (the central one first); None when the shown sentence no longer checks."""
    citations = cited(chosen, cite)
    if not citations or citations[0].text != chosen.shown.text:
        return None
    d = chosen.development
    return (make or Point)(
        text=chosen.shown.text.strip(),
        actor=headings(chosen.shown),
        documents=d.documents,
        outlets=len(d.outlets),
        first=d.first_day,
        last=d.last_day,
        citations=tuple(citations),
    )


def cited(chosen: Ranked, cite: Citer) -> list[Citation]:
    """One checked citation per document: the shown report first, then each other
    document's first report."""
    order = [chosen.shown, *(r for r in chosen.development.reports if r is not chosen.shown)]
    seen: set[str] = set()
    out = []
    for hit in order:
        if hit.doc_id not in seen and (c := cite(hit)) is not None:
            seen.add(hit.doc_id)
            out.append(c)
    return out


class Headings:
    """The heading of a point: the actor its sentence is about. One of the MAIN most
    mentioned actors of the store if it names one; a person before an organisation before a
    state, then the first named ("United States automaker General Motors": General Motors;
    "Venezuelan President Nicolás Maduro": Nicolás Maduro); OTHER when it names none."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._main: frozenset[str] | None = None

    def __call__(self, hit: SentenceHit) -> str:
        if self._main is None:
            self._main = frozenset(a.name for a in self._store.top_actors(limit=MAIN))
        main, order = self._main, len(HEADING_ORDER)
        named = [e for e in self._store.entities_in(hit.doc_id, hit.start, hit.end) if e.actor]
        ranked = sorted(
            named, key=lambda e: (e.actor not in main, HEADING_ORDER.get(e.label, order), e.start)
        )
        return ranked[0].actor or OTHER if ranked else OTHER


def point_words(point: Point) -> int:
    """Words of a point as the brief checks count them: every string but the citations."""
    strings = [point.text, point.actor or ""]
    strings += [v for v in point.fields().values() if isinstance(v, str)]
    return sum(len(s.split()) for s in strings)
