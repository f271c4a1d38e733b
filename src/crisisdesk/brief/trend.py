"""The brief's trend: the escalation of the pairs of states most stored events are between,
week by week, each week citing the first report of each of its events.

Pairs: the PAIRS pairs of states (ISO codes) that most of the latest READ stored events since
`since` are between (source and target, either way round). Per pair, one item per week that has
events (the chart, `crisisdesk trend --out`, shows the empty weeks too); the index is
`crisisdesk.events.escalation`'s: conflict minus cooperation, weighted by intensity, each event
counted once however many outlets report it.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from crisisdesk.ask.cite import Citer
from crisisdesk.brief.model import Item
from crisisdesk.events import Period, escalation
from crisisdesk.records import Participant
from crisisdesk.store import Store, StoredEvent

PAIRS = 2
READ = 300


@dataclass(frozen=True, slots=True, kw_only=True)
class TrendPoint(Item):
    """One week of a pair's escalation index and the events it counts (their types)."""

    week: str
    index: float
    conflict: float
    cooperation: float
    events: tuple[str, ...] = ()

    def fields(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "index": self.index,
            "conflict": self.conflict,
            "cooperation": self.cooperation,
            "events": list(self.events),
        }


def trend(store: Store, since: date | None, cite: Citer) -> tuple[TrendPoint, ...]:
    """Weekly index items of the main pairs, each citing its events' first reports."""
    items = []
    for one, other in main_pairs(store.events(since=since, limit=READ)):
        pair = f"{one}–{other}"
        pair_events = store.events(pair=([one], [other]), since=since, limit=READ)
        for period in escalation(pair_events, by="week"):
            if period.events:
                items.append(point(pair, period, cite))
    return tuple(item for item in items if item.citations)


def main_pairs(events: list[StoredEvent]) -> list[tuple[str, str]]:
    """The pairs of states most events are between (ordered alphabetically within a pair)."""
    counts: Counter[tuple[str, str]] = Counter()
    for event in events:
        record = event.first.record
        sources, targets = states(record.source), states(record.target)
        counts.update({(min(a, b), max(a, b)) for a in sources for b in targets if a != b})
    return [pair for pair, _ in counts.most_common(PAIRS)]


def states(parts: tuple[Participant, ...]) -> set[str]:
    """The ISO codes of the states among some participants (not IGO, NGO, IMG)."""
    return {p.code for p in parts if p.code and len(p.code) == 3 and p.code not in BODIES}


BODIES = frozenset({"IGO", "NGO", "IMG"})


def point(pair: str, period: Period, cite: Citer) -> TrendPoint:
    types = tuple(e.type for e in period.events)
    item = TrendPoint(
        text=f"week of {period.start.isoformat()}: escalation {period.index:+.1f} "
        f"({len(types)} events: {', '.join(types)})",
        actor=pair,
        week=period.start.isoformat(),
        index=period.index,
        conflict=round(period.conflict, 2),
        cooperation=round(period.cooperation, 2),
        events=types,
    )
    citations = [c for e in period.events if (c := cite(e.first.sentence)) is not None]
    return item.citing(*citations)
