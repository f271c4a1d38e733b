"""Events in the store: one stored event, many reports.

Each event record of a document is a report (a row of "events") and joins the stored event it
tells of (a row of "event_clusters"), inside the transaction that stores the document. A report
joins a stored event when:
- the types agree (ASSAULT and FIGHT count as one: outlets word a strike either way);
- its day (its own date when the text gives one, else the document's publication date) is
  within WINDOW_DAYS of the stored event's first day;
- the sides agree: on each side (source, target) the actor keys (ISO code, else canonical actor)
  share one, or one of the two does not name any; and at least one key is shared;
- the places do not differ (both named and different).
The best match (most shared keys, then the nearest day) wins; otherwise the report starts a
new stored event. A stored event keeps the union of its reports' keys ("event_actors", indexed,
for `--actor` and `--pair`) and its first and last day; triggers keep its count of reports and
drop it with its last report. Limits: two strikes by the same side on the same kind of target
within the window are one event; a report dated only by publication can fall outside the window
of the event it tells of (a retrospective piece) and then starts one of its own.
"""

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from textwrap import dedent
from typing import Any

from crisisdesk.records import Document, Event, Participant, Span
from crisisdesk.store import _rows, _sql
from crisisdesk.store.base import Located, StoredEvent

WINDOW_DAYS = 3
FAMILIES = {"ASSAULT": ("ASSAULT", "FIGHT"), "FIGHT": ("ASSAULT", "FIGHT")}
Query = Callable[[str, Any], list[sqlite3.Row]]

# Stored events that may take a report: of its type family, near its day, and sharing one of
# its keys (by the event_actors index, so the cost does not grow with the store).
CANDIDATES = dedent("""
    SELECT * FROM "event_clusters"
    WHERE "id" IN (
        SELECT "cluster" FROM "event_actors"
        WHERE "key" IN (SELECT "value" FROM json_each(:keys)) AND "role" <> 'place')
    AND "type" IN (SELECT "value" FROM json_each(:types))
    AND "first_day" BETWEEN :low AND :high
    ORDER BY "id"
""")
NEW_CLUSTER = dedent("""
    INSERT INTO "event_clusters" ("type", "first_day", "last_day", "source", "target", "place")
    VALUES (:type, :day, :day, :source, :target, :place)
""")
JOIN_CLUSTER = dedent("""
    UPDATE "event_clusters" SET
        "first_day" = min("first_day", :day), "last_day" = max("last_day", :day),
        "source" = :source, "target" = :target, "place" = coalesce("place", :place)
    WHERE "id" = :id
""")
CLUSTER_KEY = """INSERT INTO "event_actors" ("cluster", "role", "key") VALUES (?, ?, ?)
    ON CONFLICT DO NOTHING"""
IN_KEYS = """c."id" IN (SELECT "cluster" FROM "event_actors"
    WHERE "key" IN (SELECT "value" FROM json_each(:keys)))"""


def _clusters(conditions: tuple[str, ...]) -> str:
    return dedent(f"""
        SELECT c.* FROM "event_clusters" AS c
        {_sql.where(conditions)}
        ORDER BY c."first_day" DESC NULLS LAST, c."id" DESC
        LIMIT :limit OFFSET :offset
    """)


CLUSTERS = _sql.variants(_clusters, {"keys": IN_KEYS, "since": 'c."last_day" >= :since'})
# Every report of some stored events with the sentence holding it, oldest document first.
# The first reports of one stored event (by their day), with their sentences: the index on
# (cluster, day) serves it, however many outlets carried the event.
REPORTS = dedent(f"""
    SELECT r.*, {_sql.HIT}, 0.0 AS "score"
    FROM (
        SELECT * FROM "events" WHERE "cluster" = :cluster ORDER BY "day", "doc_id", "idx"
        LIMIT :most
    ) AS r
    JOIN "documents" AS d ON d."id" = r."doc_id"
    JOIN "sentences" AS s ON s."id" = (
        SELECT "id" FROM "sentences"
        WHERE "doc_id" = r."doc_id" AND "start" <= r."start"
        ORDER BY "start" DESC LIMIT 1
    ) AND r."start" < s."end"
    ORDER BY r."day", r."doc_id", r."idx"
""")
#: reports read per stored event: an event a hundred outlets carried costs what it shows
REPORTS_READ = 20


@dataclass(frozen=True, slots=True)
class Keys:
    """Who an event is between, as keys: a participant's code, else its canonical actor."""

    source: frozenset[str]
    target: frozenset[str]
    place: str | None

    @classmethod
    def of(cls, event: Event) -> "Keys":
        place = event.place
        return cls(
            keys(event.source), keys(event.target), place.code or place.actor if place else None
        )

    @classmethod
    def stored(cls, row: sqlite3.Row) -> "Keys":
        source, target = json.loads(row["source"]), json.loads(row["target"])
        return cls(frozenset(source), frozenset(target), row["place"])

    def shared(self, other: "Keys") -> int:
        return len(self.source & other.source) + len(self.target & other.target)

    def agrees(self, other: "Keys") -> bool:
        """Both sides agree, at least one key is shared and the places do not differ."""
        sides = all(not a or not b or a & b for a, b in self.sides(other))
        places = not (self.place and other.place and self.place != other.place)
        return sides and places and self.shared(other) > 0

    def sides(self, other: "Keys") -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
        return ((self.source, other.source), (self.target, other.target))

    def union(self, other: "Keys") -> "Keys":
        return Keys(self.source | other.source, self.target | other.target, self.place)


def keys(participants: Sequence[Participant]) -> frozenset[str]:
    return frozenset(k for p in participants if (k := p.code or p.actor))


def event_day(event: Event, published: date | None) -> date | None:
    """The event's own date when its time is a calendar day, else the publication date."""
    if event.time and len(event.time) == 10:
        try:
            return date.fromisoformat(event.time)
        except ValueError:
            pass
    return published


# -- writes (inside the store's `add` transaction) ---------------------------------------------


def add_events(db: sqlite3.Connection, doc: Document, events: Sequence[Event]) -> None:
    """Store a document's events, each joined to the stored event it reports."""
    rows = []
    for idx, event in enumerate(events):
        day = event_day(event, doc.published)
        rows.append(event_row(doc, idx, event, day, cluster_for(db, event, day)))
    if rows:
        db.executemany(_sql.insert("events", tuple(rows[0])), rows)


def cluster_for(db: sqlite3.Connection, event: Event, day: date | None) -> int:
    """The stored event this report joins, or a new one."""
    mine = Keys.of(event)
    if day is not None and (mine.source or mine.target):
        window = timedelta(days=WINDOW_DAYS)
        params = {
            "keys": json.dumps(sorted(mine.source | mine.target)),
            "types": json.dumps(FAMILIES.get(event.type, (event.type,))),
            "low": (day - window).isoformat(),
            "high": (day + window).isoformat(),
        }
        found = [(Keys.stored(r), r) for r in db.execute(CANDIDATES, params)]
        matching = [(k, r) for k, r in found if mine.agrees(k)]
        if matching:
            best = max(matching, key=lambda m: (mine.shared(m[0]), -distance(m[1], day)))
            return join(db, best[1], best[0].union(mine), day, event)
    return new_cluster(db, event, mine, day)


def distance(row: sqlite3.Row, day: date) -> int:
    return abs((date.fromisoformat(row["first_day"]) - day).days)


def new_cluster(db: sqlite3.Connection, event: Event, mine: Keys, day: date | None) -> int:
    cursor = db.execute(
        NEW_CLUSTER,
        {
            "type": event.type,
            "day": day.isoformat() if day else None,
            "source": json.dumps(sorted(mine.source)),
            "target": json.dumps(sorted(mine.target)),
            "place": mine.place,
        },
    )
    cluster = int(cursor.lastrowid or 0)
    add_keys(db, cluster, event)
    return cluster


def join(db: sqlite3.Connection, row: sqlite3.Row, merged: Keys, day: date, event: Event) -> int:
    params = {
        "id": row["id"],
        "day": day.isoformat(),
        "source": json.dumps(sorted(merged.source)),
        "target": json.dumps(sorted(merged.target)),
        "place": merged.place,
    }
    db.execute(JOIN_CLUSTER, params)
    add_keys(db, row["id"], event)
    return int(row["id"])


def add_keys(db: sqlite3.Connection, cluster: int, event: Event) -> None:
    """Index a report's codes and canonical actors (both: `--actor Maduro` and `--actor VEN`
    find Maduro's events) under its stored event."""
    roles = [("source", event.source), ("target", event.target)]
    roles += [("place", (event.place,))] if event.place else []
    rows = {
        (cluster, role, key)
        for role, parts in roles
        for part in parts
        for key in (part.code, part.actor)
        if key
    }
    db.executemany(CLUSTER_KEY, sorted(rows))


# -- rows ----------------------------------------------------------------------------------------


def event_row(doc: Document, idx: int, e: Event, day: date | None, cluster: int) -> _rows.Params:
    """An event's columns; its text is its stretch of the document, nested parts are JSON."""
    return {
        "doc_id": doc.id,
        "idx": idx,
        "start": e.start,
        "end": e.end,
        "text": doc.text[e.start : e.end],
        "type": e.type,
        "source": json.dumps([asdict(p) for p in e.source]),
        "target": json.dumps([asdict(p) for p in e.target]),
        "time": e.time,
        "mode": e.mode,
        "intensity": e.intensity,
        "code": e.code,
        "trigger": json.dumps(asdict(e.trigger)) if e.trigger else None,
        "place": json.dumps(asdict(e.place)) if e.place else None,
        "claimed_by": e.claimed_by,
        "day": day.isoformat() if day else None,
        "cluster": cluster,
    }


def event_from(row: _rows.Row) -> Event:
    trigger, place = row["trigger"], row["place"]
    return Event(
        start=row["start"],
        end=row["end"],
        type=row["type"],
        source=tuple(Participant(**p) for p in json.loads(row["source"])),
        target=tuple(Participant(**p) for p in json.loads(row["target"])),
        time=row["time"],
        mode=row["mode"],
        intensity=row["intensity"],
        code=row["code"],
        trigger=Span(**json.loads(trigger)) if trigger else None,
        place=Participant(**json.loads(place)) if place else None,
        claimed_by=row["claimed_by"],
    )


# -- reads ---------------------------------------------------------------------------------------


def stored_events(
    query: Query,
    *,
    actors: Sequence[str] = (),
    since: date | None = None,
    page: tuple[int | None, int] = (None, 0),
) -> list[StoredEvent]:
    """Stored events with their reports, the latest first; `actors`: involving any of these
    keys; `since`: whose last day is on or after it."""
    limit, offset = page
    params = {
        "keys": json.dumps(list(actors)) if actors else None,
        "since": since.isoformat() if since else None,
    }
    sql = _sql.chosen(CLUSTERS, params)
    rows = query(sql, params | {"limit": -1 if limit is None else limit, "offset": offset})
    reports = reports_of(query, [r["id"] for r in rows])
    return [
        StoredEvent(
            r["id"],
            r["type"],
            _rows.day(r["first_day"]),
            _rows.day(r["last_day"]),
            tuple(reports.get(r["id"], ())),
        )
        for r in rows
        if r["id"] in reports
    ]


def reports_of(query: Query, ids: list[int]) -> dict[int, list[Located[Event]]]:
    """The first REPORTS_READ reports of these stored events (by day), each with its
    sentence."""
    found: dict[int, list[Located[Event]]] = {}
    if not ids:
        return found
    for cluster in ids:
        for row in query(REPORTS, {"cluster": cluster, "most": REPORTS_READ}):
            found.setdefault(cluster, []).append(Located(event_from(row), _rows.hit_from(row)))
    return found


def between(event: StoredEvent, one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether a stored event is between two sides, either way round; an event without a
    target counts where its place belongs to the other side ("strikes off Venezuela")."""
    return any(
        sides(report.record, one, other) or sides(report.record, other, one)
        for report in event.reports
    )


def sides(event: Event, source: frozenset[str], target: frozenset[str]) -> bool:
    """From `source` to `target`: by its target, or by its place when no target is named."""
    if not names(event.source) & source:
        return False
    targets = names(event.target)
    if targets:
        return bool(targets & target)
    return event.place is not None and bool(names((event.place,)) & target)


def names(participants: Sequence[Participant]) -> frozenset[str]:
    """Every code and canonical actor of some participants."""
    return frozenset(k for p in participants for k in (p.code, p.actor) if k)
