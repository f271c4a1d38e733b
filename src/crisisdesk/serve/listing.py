"""Stored records as flat rows with their citation, printed as a table, JSON lines or CSV.

Stored text is untrusted: table cells are plain rich `Text`, CSV cells cannot start a formula,
JSON lines carry no raw control characters (see `crisisdesk.safe`).
"""

import csv
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from crisisdesk import safe
from crisisdesk.records import Attribution, Quantity
from crisisdesk.store import Located, Status

if TYPE_CHECKING:
    from crisisdesk.desk import Desk

FORMATS = ("table", "json", "csv")


def cited(found: Located[Any]) -> dict[str, Any]:
    """The citation columns of a located record: document, offsets, outlet, date, sentence."""
    hit = found.sentence
    return {
        "doc": hit.doc_id,
        "sentence_start": hit.start,
        "sentence_end": hit.end,
        "outlet": hit.outlet,
        "published": hit.published.isoformat() if hit.published else None,
        "sentence": hit.text,
    }


def claim_row(found: Located[Attribution]) -> dict[str, Any]:
    att = found.record
    return {
        "source": att.source.text if att.source else None,
        "actor": att.source.actor if att.source else None,
        "cue": att.cue.text,
        "cue_start": att.cue.start,
        "cue_end": att.cue.end,
        "stance": att.stance,
        "kind": att.kind,
        "content": " … ".join(c.text for c in att.content),
        **cited(found),
    }


def number_row(found: Located[Quantity]) -> dict[str, Any]:
    """Every field of the quantity, then its citation."""
    return {**asdict(found.record), **cited(found)}


def claim_rows(
    desk: "Desk", *, actor: str | None, stance: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    """A page of the claims ledger, newest first; `actor` is any alias ("Maduro")."""
    name = desk.resolve_actor(actor) if actor else None
    found = desk.store.attributions(actor=name, stance=stance, limit=limit, offset=offset)
    return [claim_row(f) for f in found]


def number_rows(
    desk: "Desk", *, actor: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    """A page of the numbers table, newest first; with `actor`, the numbers it gives."""
    name = desk.resolve_actor(actor) if actor else None
    return [number_row(f) for f in desk.store.quantities(actor=name, limit=limit, offset=offset)]


def status_json(state: Status) -> dict[str, Any]:
    """The counts, the dates covered and the schema version, as `status --json` prints them."""
    first, last = state.first_published, state.last_published
    return {
        **state.counts,
        "first_published": first.isoformat() if first else None,
        "last_published": last.isoformat() if last else None,
        "schema_version": state.schema_version,
    }


def emit(rows: list[dict[str, Any]], fmt: str, *, columns: tuple[str, ...]) -> None:
    """Print rows: a rich table of `columns` (+ citation), JSON lines, or CSV of every field."""
    if fmt == "json":
        for row in rows:
            sys.stdout.write(safe.json_line(row) + "\n")
    elif fmt == "csv":
        write_csv(rows, columns)
    else:
        Console().print(table(rows, columns))


def write_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    """Every field of every row as CSV; string cells neutralised (`safe.csv_cell`)."""
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else list(columns))
    writer.writeheader()
    writer.writerows({k: safe.csv_cell(v) for k, v in row.items()} for row in rows)


def table(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Table:
    """A rich table of `columns` and where each row is cited; every cell is plain text."""
    grid = Table(*(c.replace("_", " ") for c in columns), "cited", show_lines=True)
    for row in rows:
        doc = f"{row['doc'][:8]}:{row['sentence_start']}"
        where = f"{row['outlet'] or '?'} {row['published'] or ''} {doc}"
        grid.add_row(*(safe.text(shown(row[c])) for c in columns), safe.text(where))
    return grid


def shown(value: Any) -> str:
    """A cell as a reader wants it: 8,000,000 rather than 8000000.0; nothing for None."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4f}".rstrip("0")
    return str(value)
