"""The escalation index over stored events (crisisdesk.events): periods, weights, marks."""

from datetime import date

import pytest

from crisisdesk.events import escalation, main_events
from crisisdesk.records import Event
from crisisdesk.store import Located, SentenceHit, StoredEvent


def stored(n: int, day: date, kind: str, intensity: float, *modes: str) -> StoredEvent:
    """A stored event with one report per mode (one "happened" report by default)."""
    hit = SentenceHit(f"d{n}", 0, 0, 1, "x")
    reports = tuple(
        Located(Event(0, 1, kind, intensity=intensity, mode=m), hit) for m in modes or ("happened",)
    )
    return StoredEvent(n, kind, day, day, reports)


def test_weeks_start_on_monday_and_empty_weeks_are_zero() -> None:
    events = [
        stored(1, date(2025, 9, 3), "FIGHT", -10.0),  # a Wednesday
        stored(2, date(2025, 9, 4), "CONSULT", 3.0),
        stored(3, date(2025, 9, 22), "THREATEN", -7.0),
    ]
    periods = escalation(events)
    assert [p.start for p in periods] == [
        date(2025, 9, 1),
        date(2025, 9, 8),
        date(2025, 9, 15),
        date(2025, 9, 22),
    ]
    assert [p.index for p in periods] == [7.0, 0.0, 0.0, 7.0]
    assert (periods[0].conflict, periods[0].cooperation) == (10.0, 3.0)


def test_an_event_every_report_denies_counts_nothing() -> None:
    denied = stored(1, date(2025, 9, 3), "FIGHT", -10.0, "denied", "denied")
    disputed = stored(2, date(2025, 9, 3), "FIGHT", -10.0, "denied", "happened")
    (period,) = escalation([denied, disputed], by="day")
    assert period.index == 10.0
    assert [e.id for e in period.events] == [2]


def test_main_events_one_per_period_most_intense_first() -> None:
    events = [
        stored(1, date(2025, 9, 1), "DISAPPROVE", -2.0),
        stored(2, date(2025, 9, 1), "ASSAULT", -10.0),
        stored(3, date(2025, 9, 2), "THREATEN", -7.0),
        stored(4, date(2025, 9, 3), "CONSULT", 3.0),
    ]
    periods = escalation(events, by="day")
    assert [e.id for e in main_events(periods, limit=2)] == [2, 3]
    with pytest.raises(ValueError, match="period must be one of"):
        escalation(events, by="month")
