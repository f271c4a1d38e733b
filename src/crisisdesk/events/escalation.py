"""The escalation index of an actor pair over time, from stored events (one per event, never one
per report: four outlets telling of one strike count it once).

For each day or week (starting Monday), index = conflict - cooperation, weighted by intensity:
an event of negative intensity (Goldstein-like: a strike -10, a threat about -6) adds its size
to conflict, one of positive intensity (talks +3, aid +7) to cooperation. An event counts on its
first day; an event every report of which denies it counts nothing. Periods without events
between the first and the last are zero, so the line is continuous. Limits: intensity is the
CAMEO code's, not the event's size (ten deaths or a hundred weigh alike), and an event is
between the pair only when its sides name them (or its place, when it names no target).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from crisisdesk.store import StoredEvent

PERIODS = ("day", "week")
UNCOUNTED = frozenset({"denied"})


@dataclass(frozen=True, slots=True)
class Period:
    """One day or week of the index, with the events it counts."""

    start: date
    conflict: float = 0.0
    cooperation: float = 0.0
    events: tuple[StoredEvent, ...] = ()

    @property
    def index(self) -> float:
        return round(self.conflict - self.cooperation, 2)

    def counting(self, event: StoredEvent) -> "Period":
        """This period with one more event counted."""
        value = event.intensity or 0.0
        return Period(
            self.start,
            self.conflict - min(value, 0.0),
            self.cooperation + max(value, 0.0),
            (*self.events, event),
        )


def period_of(day: date, by: str) -> date:
    """The first day of the period holding `day`: itself, or the Monday of its week."""
    return day - timedelta(days=day.weekday()) if by == "week" else day


def escalation(events: list[StoredEvent], *, by: str = "week") -> list[Period]:
    """The index per period, first to last, over the events that count (see the module)."""
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    counted = [e for e in events if e.first_day is not None and e.mode not in UNCOUNTED]
    if not counted:
        return []
    days = [e.first_day for e in counted if e.first_day is not None]
    step = timedelta(days=7 if by == "week" else 1)
    periods: dict[date, Period] = {}
    start, last = period_of(min(days), by), period_of(max(days), by)
    while start <= last:
        periods[start] = Period(start)
        start += step
    for event in sorted(counted, key=lambda e: (e.first_day, e.id)):
        key = period_of(event.first_day or last, by)
        periods[key] = periods[key].counting(event)
    return list(periods.values())


def main_events(periods: list[Period], *, limit: int = 5) -> list[StoredEvent]:
    """The events to mark on a chart, one per period at most: each period's most intense (then
    most reported) event, the `limit` most intense of those, in time order."""
    tops = [min(p.events, key=weight) for p in periods if p.events]
    chosen = sorted(tops, key=weight)[:limit]
    return sorted(chosen, key=lambda e: (e.first_day or date.min, e.id))


def weight(event: StoredEvent) -> tuple[float, int, int]:
    """Sort key: most intense first, then most reported, then first stored."""
    return (-abs(event.intensity or 0.0), -len(event.reports), event.id)
