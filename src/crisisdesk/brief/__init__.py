"""brief: assemble what the store knows into cited sections.

The lede and key points are the developments that matter most (brief/points.py), grouped
under the actor each is about; contested numbers side by side (brief/contested.py); the
claims ledger, numbers and timeline from the stored records (brief/ledger.py); what changed
since a date or the last brief (brief/changed.py); the weekly escalation of the pairs of
states most events are between (brief/trend.py); and questions `ask` answers from the store.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from crisisdesk.ask.cite import Citer
from crisisdesk.ask.suggest import number_question, statement_question, suggestions
from crisisdesk.brief.changed import changed
from crisisdesk.brief.contested import contested
from crisisdesk.brief.ledger import claims, ledger, merged, numbers, timeline
from crisisdesk.brief.model import Brief, Claim, Dated, Item, Number, Point, Question
from crisisdesk.brief.points import OTHER, POOL, developments, escalated, key_points, rank
from crisisdesk.brief.trend import trend
from crisisdesk.records import Answer
from crisisdesk.store import DevelopmentScope, Store

__all__ = ["Brief", "Claim", "Dated", "Item", "Number", "Point", "Scope", "build_brief"]

Ask = Callable[[str], Answer]
QUESTIONS = 5


@dataclass(frozen=True, slots=True)
class Scope:
    """What a brief covers: developments of the days from `since` to `until` (records of
    documents published since `since`), about `actor` (canonical) and `topic` (all its words)."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None
    topic: str | None = None

    def developments(self) -> DevelopmentScope:
        return DevelopmentScope(self.since, self.until, self.actor, self.topic)


def build_brief(
    store: Store,
    scope: Scope | None = None,
    *,
    changed_since: date | None = None,
    ask: Ask | None = None,
) -> Brief:
    """The brief of `scope` (everything stored by default); `changed_since`: the day "what
    changed" starts (default: the newest day the last stored brief covered); `ask`: answers
    the suggested questions (none without it)."""
    scope = scope or Scope()
    cite = Citer(store)
    pool = store.developments(scope.developments(), limit=POOL)
    ranked = escalated(store, rank(pool))
    points = key_points(store, cite, ranked)
    since_last = changed_since or store.last_brief()
    return Brief(
        since=scope.since,
        until=scope.until,
        documents=store.status().counts.get("documents", 0),
        lede=points[0] if points else None,
        key_points=grouped(points[1:]),
        developments=developments(store, cite, ranked),
        contested=contested(store, cite, scope.since, pool),
        claims=ledger(store, claims(store, scope.since), cite),
        numbers=merged(numbers(store, scope.since), cite),
        timeline=merged(timeline(store, scope.since), cite),
        trend=trend(store, scope.since, cite),
        changed_since=since_last,
        changed=changed(store, cite, since_last) if since_last else (),
        questions=questions(store, ask, points) if ask else (),
    )


def grouped(points: Sequence[Point]) -> tuple[Point, ...]:
    """Points under their headings: each heading where its best point ranks, the points
    in rank order within it; the catch-all heading last."""
    groups: dict[str | None, list[Point]] = {}
    for point in points:
        groups.setdefault(point.actor, []).append(point)
    order = sorted(groups, key=lambda h: h == OTHER)
    return tuple(p for h in order for p in groups[h])


def questions(store: Store, ask: Ask, points: Sequence[Point]) -> tuple[Question, ...]:
    """Questions `ask` answers from the store, each with its answer and citations: first
    those about the numbers and claims of the lede and key points, then about the latest."""
    return tuple(
        Question(text=q, answer=a.summary() or a.text or "", citations=a.citations)
        for q, a in suggestions(store, ask, limit=QUESTIONS, first=about(store, points))
    )


def about(store: Store, points: Sequence[Point]) -> Iterator[str]:
    """Questions about the numbers and claims in the sentences the points show."""
    for point in points:
        c = point.citations[0]
        for q in store.quantities_in(c.doc, c.start, c.end):
            if asked := number_question(q):
                yield asked
        for att in store.attributions_over(c.doc, c.start, c.end):
            if asked := statement_question(att):
                yield asked
