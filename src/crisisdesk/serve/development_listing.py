"""Stored developments as rows (table, CSV) or JSON lines: one per development however many
documents report it, shown by its most central report, with every report's citation (JSON)
or the count of reports and the outlets (table, CSV).

Stored text is untrusted: printing goes through `listing.emit` and `safe.json_line`.
"""

import sys
from typing import Any

from crisisdesk import safe, vectors
from crisisdesk.brief.points import SHOWABLE, central
from crisisdesk.serve.listing import emit
from crisisdesk.store import SentenceHit, StoredDevelopment

COLUMNS = ("first", "last", "documents", "outlets", "text")


def show_developments(found: list[StoredDevelopment], fmt: str) -> None:
    """Print developments as a table, CSV or JSON lines."""
    if fmt == "json":
        for d in found:
            sys.stdout.write(safe.json_line(development_json(d)) + "\n")
    else:
        emit([development_row(d) for d in found], fmt, columns=COLUMNS)


def shown_report(d: StoredDevelopment) -> SentenceHit:
    """The report a development is shown by: the one most like the others."""
    return d.reports[central(d, vectors.embed([r.text for r in d.reports[:SHOWABLE]]))]


def development_json(d: StoredDevelopment) -> dict[str, Any]:
    return {
        "id": d.id,
        "text": shown_report(d).text,
        "first": d.first_day.isoformat() if d.first_day else None,
        "last": d.last_day.isoformat() if d.last_day else None,
        "documents": d.documents,
        "outlets": list(d.outlets),
        "reports": [report_json(r) for r in d.reports],
    }


def report_json(hit: SentenceHit) -> dict[str, Any]:
    return {
        "doc": hit.doc_id,
        "start": hit.start,
        "end": hit.end,
        "text": hit.text,
        "outlet": hit.outlet,
        "published": hit.published.isoformat() if hit.published else None,
    }


def development_row(d: StoredDevelopment) -> dict[str, Any]:
    """One flat row: the development's days, size, outlets and its shown report's citation."""
    hit = shown_report(d)
    return {
        "id": d.id,
        "first": d.first_day.isoformat() if d.first_day else None,
        "last": d.last_day.isoformat() if d.last_day else None,
        "documents": d.documents,
        "reports": len(d.reports),
        "outlets": "; ".join(d.outlets),
        "text": hit.text,
        "doc": hit.doc_id,
        "sentence_start": hit.start,
        "sentence_end": hit.end,
        "outlet": hit.outlet,
        "published": hit.published.isoformat() if hit.published else None,
    }
