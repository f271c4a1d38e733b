"""The brief's escalation charts, drawn inline in its HTML: one SVG per pair of its trend.

Drawn by `crisisdesk.events.chart` (matplotlib, the optional `plot` extra); without it the
brief has the trend's items and no chart. Only types, dates and the pair codes are written
on a chart, never article text.
"""

import importlib.util
import tempfile
from datetime import date
from pathlib import Path

from crisisdesk.brief.model import Brief
from crisisdesk.events import escalation, main_events
from crisisdesk.store import Store


def can_draw() -> bool:
    return importlib.util.find_spec("matplotlib") is not None


def trend_charts(store: Store, brief: Brief, since: date | None = None) -> list[str]:
    """An SVG chart of the weekly escalation of each pair in the brief's trend."""
    if not can_draw():
        return []
    from crisisdesk.events.chart import draw

    charts = []
    for pair in dict.fromkeys(item.actor for item in brief.trend if item.actor):
        one, _, other = pair.partition("–")
        periods = escalation(store.events(pair=([one], [other]), since=since), by="week")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "trend.svg"
            draw(periods, main_events(periods), pair=pair, by="week", path=path)
            charts.append(path.read_text(encoding="utf-8"))
    return charts
