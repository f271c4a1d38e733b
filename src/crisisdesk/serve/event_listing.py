"""Stored events as rows (table, CSV), JSON lines and PLOVER-style JSON lines, each pointing to
its evidence: the first report's document, sentence and offsets, and every report's citation.

One row per event, never per report: `reports` counts the reports, `outlets` names who carried
them. Stored text is untrusted: printing goes through `listing.emit` and `safe.json_line`.
"""

import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from crisisdesk import safe
from crisisdesk.events import PERIODS, Period, escalation
from crisisdesk.records import Event, Participant
from crisisdesk.serve.listing import cited, emit
from crisisdesk.store import Located, StoredEvent

if TYPE_CHECKING:
    from crisisdesk.desk import Desk

EVENT_FORMATS = ("table", "json", "csv", "plover")
COLUMNS = ("day", "type", "mode", "source", "target", "place", "reports", "outlets")
TREND_COLUMNS = ("period", "index", "conflict", "cooperation", "events")


def show_events(events: list[StoredEvent], fmt: str) -> None:
    """Print stored events in one of EVENT_FORMATS."""
    if fmt == "plover":
        for event in events:
            sys.stdout.write(safe.json_line(plover(event)) + "\n")
    elif fmt == "json":
        for event in events:
            sys.stdout.write(safe.json_line(event_json(event)) + "\n")
    else:
        emit([event_row(e) for e in events], fmt, columns=COLUMNS)


def names(parts: tuple[Participant, ...]) -> str:
    """ "Donald Trump (USA); the boats" for a side."""
    shown = [f"{p.actor or p.text} ({p.code})" if p.code else (p.actor or p.text) for p in parts]
    return "; ".join(dict.fromkeys(shown))


def event_row(event: StoredEvent) -> dict[str, Any]:
    """One flat row: what happened, between whom, how often reported, and the first report."""
    first = event.first.record
    return {
        "id": event.id,
        "day": event.first_day.isoformat() if event.first_day else None,
        "last_day": event.last_day.isoformat() if event.last_day else None,
        "type": event.type,
        "mode": event.mode,
        "intensity": round(event.intensity, 2) if event.intensity is not None else None,
        "source": names(first.source),
        "target": names(first.target),
        "place": first.place.text if first.place else None,
        "trigger": first.trigger.text if first.trigger else None,
        "reports": len(event.reports),
        "documents": event.documents,
        "outlets": "; ".join(event.outlets),
        **cited(event.first),
    }


def event_json(event: StoredEvent) -> dict[str, Any]:
    """The whole event: its fields, sides, and every report with its citation."""
    first = event.first.record
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "first_day": event.first_day.isoformat() if event.first_day else None,
        "last_day": event.last_day.isoformat() if event.last_day else None,
        "intensity": event.intensity,
        "source": [side(p) for p in first.source],
        "target": [side(p) for p in first.target],
        "place": side(first.place) if first.place else None,
        "reports": [report_json(r) for r in event.reports],
        "outlets": list(event.outlets),
    }


def side(part: Participant) -> dict[str, Any]:
    return {"text": part.text, "actor": part.actor, "code": part.code, "sector": part.sector}


def report_json(report: Located[Event]) -> dict[str, Any]:
    """A report: how it words the event (mode, trigger, who claims it) and where it is."""
    event = report.record
    return {
        "mode": event.mode,
        "type": event.type,
        "trigger": event.trigger.text if event.trigger else None,
        "claimed_by": event.claimed_by,
        "time": event.time,
        "start": event.start,
        "end": event.end,
        **cited(report),
    }


def plover(event: StoredEvent) -> dict[str, Any]:
    """A PLOVER-style event record (the keys of PLOVER's gold-standard records; PLOVER's own
    "mode" and "context" are left empty), crisisdesk's additions under "crisisdesk"."""
    first = event.first
    record = first.record
    return {
        "id": f"crisisdesk-{event.id}",
        "date": event.first_day.isoformat() if event.first_day else None,
        "event": event.type,
        "mode": "",
        "context": "",
        "source": [plover_actor(p) for p in record.source],
        "target": [plover_actor(p) for p in record.target],
        "eventText": record.trigger.text if record.trigger else "",
        "text": first.sentence.text,
        "location": [{"placeName": record.place.text, "code": record.place.code}]
        if record.place
        else [],
        "publication": first.sentence.outlet,
        "language": "en",
        "crisisdesk": {
            "mode": event.mode,
            "intensity": event.intensity,
            "reports": len(event.reports),
            "outlets": list(event.outlets),
            "citations": [
                cited(r) | {"start": r.record.start, "end": r.record.end} for r in event.reports
            ],
        },
    }


def plover_actor(part: Participant) -> dict[str, Any]:
    return {"actorText": part.text, "code": part.code or "---", "sector": part.sector or ""}


def parse_pair(value: str) -> tuple[str, str]:
    """ "USA-VEN" or "Maduro,Trump" -> the two sides; ValueError for anything else."""
    one, sep, other = value.partition("," if "," in value else "-")
    if not (sep and one.strip() and other.strip()):
        raise ValueError(f"a pair is two actors, e.g. USA-VEN: {value!r}")
    return one.strip(), other.strip()


def trend_periods(
    desk: "Desk", pair: tuple[str, str], *, by: str, since: date | None
) -> list[Period]:
    """The escalation index of `pair` per day or week (`by`, one of PERIODS)."""
    if by not in PERIODS:
        raise ValueError(f"the period must be one of {', '.join(PERIODS)}")
    return escalation(desk.events(pair=pair, since=since), by=by)


def trend_row(period: Period) -> dict[str, Any]:
    """One period of the index with the events it counts (their types and ids)."""
    return {
        "period": period.start.isoformat(),
        "index": period.index,
        "conflict": round(period.conflict, 2),
        "cooperation": round(period.cooperation, 2),
        "events": ", ".join(f"{e.type} #{e.id}" for e in period.events),
    }


def show_trend(periods: list[Period], fmt: str) -> None:
    """Print the index per period as a table, JSON lines or CSV (events: their types)."""
    rows = [trend_row(p) for p in periods]
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        grid = Table(*TREND_COLUMNS)
        for row in rows:
            grid.add_row(*(safe.text(row[c]) for c in TREND_COLUMNS))
        Console().print(grid)
        return
    emit(rows, fmt, columns=TREND_COLUMNS)
