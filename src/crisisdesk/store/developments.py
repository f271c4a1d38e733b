"""Developments in the store: one development, its reports across documents and outlets.

A document's reports (crisisdesk.developments) are placed inside the transaction that stores
the document: candidates are the developments that share a key with one of its reports (the
CANDIDATES_PER_KEY most recent per key, by the index on ("key", "day")), so placing costs the
same on a store of 1,000 or 100,000 articles. A development keeps the sum of its reports'
vectors, its first and last day, and its counts of reports and documents.
"""

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date
from textwrap import dedent
from typing import Any

import numpy as np

from crisisdesk import developments as dev
from crisisdesk.store import _rows, _sql
from crisisdesk.store.base import DevelopmentScope, StoredDevelopment

Query = Callable[[str, Any], list[sqlite3.Row]]
#: developments read per key of a new report (the most recent ones)
CANDIDATES_PER_KEY = 20
#: developments counted per key to weigh its rarity (a key more common than this is common)
RARITY_CAP = 1_000
#: reports read per development listed: one a hundred outlets carried costs what it shows
REPORTS_READ = 20

KEY_DEVELOPMENTS = dedent("""
    SELECT "development" FROM "development_keys" WHERE "key" = ?
    ORDER BY "day" DESC LIMIT ?
""")
KEY_COUNT = """SELECT count(*) FROM (SELECT 1 FROM "development_keys" WHERE "key" = ? LIMIT ?)"""
DEVELOPMENT_ROWS = """SELECT * FROM "developments"
    WHERE "id" IN (SELECT "value" FROM json_each(?))"""
AT = """SELECT "development" FROM "development_reports" WHERE "sentence" = (
    SELECT "id" FROM "sentences" WHERE "doc_id" = ? AND "start" = ? LIMIT 1)"""
UNDEVELOPED = """SELECT "id" FROM "documents" WHERE "developed" = 0
    ORDER BY "published", "id" LIMIT ?"""
KEYS_OF = """SELECT "development", "key" FROM "development_keys"
    WHERE "development" IN (SELECT "value" FROM json_each(?))"""
NEW = """INSERT INTO "developments" ("first_day", "last_day", "total") VALUES (?, ?, ?)"""
UPDATE = dedent("""
    UPDATE "developments" SET "first_day" = ?, "last_day" = ?, "total" = ?,
        "documents" = "documents" + 1, "reports" = "reports" + ?
    WHERE "id" = ?
""")
REPORT = """INSERT INTO "development_reports" ("development", "sentence", "doc_id", "day", "rank")
    SELECT ?, "id", "doc_id", ?, ? FROM "sentences" WHERE "doc_id" = ? AND "idx" = ?"""
KEY = """INSERT INTO "development_keys" ("key", "development", "day") VALUES (?, ?, ?)
    ON CONFLICT DO UPDATE SET "day" = max("day", excluded."day")"""
DONE = """UPDATE "documents" SET "developed" = 1 WHERE "id" = ?"""


def _listing(conditions: tuple[str, ...]) -> str:
    return dedent(f"""
        SELECT * FROM "developments" AS v
        {_sql.where(conditions)}
        ORDER BY v."documents" DESC, v."reports" DESC, v."last_day" DESC NULLS LAST, v."id"
        LIMIT :limit OFFSET :offset
    """)


LISTING = _sql.variants(
    _listing,
    {
        "since": 'v."last_day" >= :since',
        "until": 'v."first_day" <= :until',
        "actor": """v."id" IN (
            SELECT "development" FROM "development_keys" WHERE "key" = :actor)""",
        "topic": """v."id" IN (
            SELECT r."development" FROM "development_reports" AS r WHERE r."sentence" IN (
                SELECT "rowid" FROM "passages_fts" WHERE "passages_fts" MATCH :topic))""",
    },
)
# The first reports of one development (by day, then document and sentence), with sentences.
REPORTS = dedent(f"""
    SELECT {_sql.HIT}, 0.0 AS "score", r."rank"
    FROM (
        SELECT "sentence", "rank" FROM "development_reports" WHERE "development" = :development
        ORDER BY "day", "doc_id", "sentence" LIMIT :most
    ) AS r
    JOIN "sentences" AS s ON s."id" = r."sentence"
    JOIN "documents" AS d ON d."id" = s."doc_id"
""")


# -- writes (inside a transaction of the store) --------------------------------------------


def add_reports(db: sqlite3.Connection, doc_id: str, reports: Sequence[dev.Report]) -> None:
    """Place a document's reports in the developments they join or start; mark it placed."""
    if reports:
        keys = sorted({k for r in reports for k in r.keys})
        placed = dev.place(reports, candidates(db, keys), rarity(db, keys))
        for development in placed:
            save(db, doc_id, development)
    db.execute(DONE, (doc_id,))


def candidates(db: sqlite3.Connection, keys: Sequence[str]) -> list[dev.Candidate]:
    """The stored developments sharing one of `keys` (the most recent per key)."""
    ids = sorted(
        {row[0] for key in keys for row in db.execute(KEY_DEVELOPMENTS, (key, CANDIDATES_PER_KEY))}
    )
    if not ids:
        return []
    held: dict[int, set[str]] = {}
    for development, key in db.execute(KEYS_OF, (json.dumps(ids),)):
        held.setdefault(development, set()).add(key)
    return [
        dev.Candidate(
            row["id"],
            np.frombuffer(row["total"], dtype=np.float32).copy(),
            held.get(row["id"], set()),
            _rows.day(row["first_day"]),
            _rows.day(row["last_day"]),
            held=row["reports"],
        )
        for row in db.execute(DEVELOPMENT_ROWS, (json.dumps(ids),))
    ]


def rarity(db: sqlite3.Connection, keys: Sequence[str]) -> dict[str, float]:
    """Each key's weight factor by how many stored developments hold it."""
    total = db.execute('SELECT coalesce(max("id"), 0) FROM "developments"').fetchone()[0]
    return {
        k: dev.key_rarity(total, db.execute(KEY_COUNT, (k, RARITY_CAP)).fetchone()[0]) for k in keys
    }


def save(db: sqlite3.Connection, doc_id: str, development: dev.Candidate) -> None:
    """Store a development this document started or joined, with its new reports and keys."""
    first, last = (_iso(development.first), _iso(development.last))
    total = development.total.astype(np.float32).tobytes()
    if development.id is None:
        development.id = int(db.execute(NEW, (first, last, total)).lastrowid or 0)
    db.execute(UPDATE, (first, last, total, len(development.reports), development.id))
    for report in development.reports:
        day = _iso(report.day)
        db.execute(REPORT, (development.id, day, report.rank, doc_id, report.index))
        db.executemany(KEY, [(k, development.id, day) for k in report.keys])


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# -- reads -------------------------------------------------------------------------------------


def stored_developments(
    query: Query, scope: DevelopmentScope, page: tuple[int | None, int] = (None, 0)
) -> list[StoredDevelopment]:
    """Developments with their first reports, most widely reported first, in `scope`."""
    limit, offset = page
    params = {
        "since": _iso(scope.since),
        "until": _iso(scope.until),
        "actor": f"a:{scope.actor}" if scope.actor else None,
        "topic": all_words(scope.topic) if scope.topic else None,
    }
    rows = query(
        _sql.chosen(LISTING, params),
        params | {"limit": -1 if limit is None else limit, "offset": offset},
    )
    return [development_from(query, r) for r in rows]


def all_words(text: str) -> str | None:
    """An FTS5 query for sentences (not their context) holding every word of `text`, each
    word quoted so user input is never read as FTS5 syntax; None when it has no words."""
    terms = ['"{}"'.format(w.replace('"', '""')) for w in text.split()]
    return f"text : ({' '.join(terms)})" if terms else None


def development_from(query: Query, row: sqlite3.Row) -> StoredDevelopment:
    """A development's row with its first REPORTS_READ reports and their ranks."""
    reports = query(REPORTS, {"development": row["id"], "most": REPORTS_READ})
    return StoredDevelopment(
        row["id"],
        _rows.day(row["first_day"]),
        _rows.day(row["last_day"]),
        row["documents"],
        tuple(_rows.hit_from(h) for h in reports),
        tuple(h["rank"] for h in reports),
    )
