"""events: what the stored events say over time: the escalation index of an actor pair
(`escalation`) and its chart (`chart`, needs the optional `plot` extra: matplotlib)."""

from crisisdesk.events.escalation import PERIODS, Period, escalation, main_events, period_of

__all__ = ["PERIODS", "Period", "escalation", "main_events", "period_of"]
