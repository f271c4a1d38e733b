"""The SQLite store: one file, WAL, FTS5 (porter, unicode61) over sentences.

The connection runs in autocommit mode and every write is an explicit `BEGIN IMMEDIATE`
transaction, rolled back on any exception, KeyboardInterrupt included. Filters that may be
absent are written `(:x IS NULL OR ...)`, so each query is one static, parameterized template.
A record is located in the sentence holding its first character (an attribution: its cue);
a record outside every stored sentence is not returned by the `Located` queries.
Not here yet: sentence vectors for dense retrieval.
"""

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from textwrap import dedent
from typing import Any, Self

from crisisdesk.errors import StoreError
from crisisdesk.records import (
    Actor,
    Analysis,
    Attribution,
    Document,
    Doubt,
    Entity,
    Quantity,
    TimeExpr,
)
from crisisdesk.store import _rows
from crisisdesk.store.base import ActorCount, Located, SentenceHit, Status, StoryLink
from crisisdesk.store.migrations import migrate

_KEY = ("doc_id", "idx", "start", "end", "text")  # every record row begins so
_CUE = ("cue_start", "cue_end", "cue_text")
_COLUMNS = {
    "sentences": _KEY,
    "entities": (*_KEY, "label", "actor", "code"),
    "attributions": (*_KEY, "source", "source_actor", *_CUE, "kind", "stance", "parent"),
    "attribution_contents": (*_KEY, "attribution"),
    "doubts": (*_KEY, "kind", "target", "by", "by_actor"),
    "quantities": (
        *_KEY,
        "value",
        "unit",
        "counted",
        "qualifier",
        "low",
        "high",
        "claimed_by",
        "stance",
        "base_value",
        "base_unit",
    ),
    "times": (*_KEY, "value", "type"),
    "events": (*_KEY, "type", "source", "target", "time"),
}
_INSERT = {
    table: 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        table, ", ".join(f'"{c}"' for c in columns), ", ".join("?" * len(columns))
    )
    for table, columns in _COLUMNS.items()
}
_INSERT_DOCUMENT = dedent("""
    INSERT INTO "documents"
        ("id", "text", "title", "url", "outlet", "published", "origin", "story", "signature",
         "added")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max("added"), 0) + 1 FROM "documents"))
""")
_UPSERT_ACTOR = dedent("""
    INSERT INTO "actors" ("name", "kind", "code") VALUES (?, ?, ?)
    ON CONFLICT ("name") DO UPDATE
    SET "kind" = excluded."kind", "code" = coalesce(excluded."code", "actors"."code")
""")
_RENAME_ACTOR = (
    """UPDATE "entities" SET "actor" = :new,
    "label" = coalesce((SELECT "kind" FROM "actors" WHERE "name" = :new), "label"),
    "code" = (SELECT "code" FROM "actors" WHERE "name" = :new) WHERE "actor" = :old""",
    """UPDATE "attributions" SET "source_actor" = :new,
    "source" = json_set("source", '$.actor', :new) WHERE "source_actor" = :old""",
    'UPDATE "doubts" SET "by_actor" = :new WHERE "by_actor" = :old',
    'UPDATE "quantities" SET "claimed_by" = :new WHERE "claimed_by" = :old',
    'DELETE FROM "actors" WHERE "name" = :old',
)
_COUNTS = {
    "documents": 'SELECT count(*) FROM "documents"',
    "stories": 'SELECT count(*) FROM "stories"',
    "outlets": 'SELECT count(DISTINCT "outlet") FROM "documents"',
    "sentences": 'SELECT count(*) FROM "sentences"',
    "entities": 'SELECT count(*) FROM "entities"',
    "actors": 'SELECT count(DISTINCT "actor") FROM "entities"',
    "attributions": 'SELECT count(*) FROM "attributions"',
    "doubts": 'SELECT count(*) FROM "doubts"',
    "quantities": 'SELECT count(*) FROM "quantities"',
    "times": 'SELECT count(*) FROM "times"',
    "events": 'SELECT count(*) FROM "events"',
}
# A sentence and its document's metadata, as `_rows.hit_from` reads them.
_HIT = """s."doc_id", s."idx" AS "s_idx", s."start" AS "s_start", s."end" AS "s_end",
    s."text" AS "s_text", d."outlet", d."published", d."title\""""
_RECENT_FIRST = 'd."published" DESC NULLS LAST, d."added" DESC'
_SEARCH = dedent(f"""
    SELECT {_HIT}, -bm25("sentences_fts") AS "score"
    FROM "sentences_fts"
    JOIN "sentences" AS s ON s."id" = "sentences_fts"."rowid"
    JOIN "documents" AS d ON d."id" = s."doc_id"
    WHERE "sentences_fts" MATCH :match
    ORDER BY bm25("sentences_fts"), d."added", s."idx"
    LIMIT :limit
""")
_SENTENCE_AT = dedent(f"""
    SELECT {_HIT}, 0.0 AS "score"
    FROM "sentences" AS s JOIN "documents" AS d ON d."id" = s."doc_id"
    WHERE s."doc_id" = :doc_id AND s."start" <= :offset AND :offset < s."end"
    ORDER BY s."start" DESC
    LIMIT 1
""")
_SENTENCE_NUMBER = dedent(f"""
    SELECT {_HIT}, 0.0 AS "score"
    FROM "sentences" AS s JOIN "documents" AS d ON d."id" = s."doc_id"
    WHERE s."doc_id" = :doc_id AND s."idx" = :idx
""")
_TOP_ACTORS = dedent("""
    SELECT e."actor" AS "name", coalesce(a."kind", 'unknown') AS "kind",
        coalesce(a."code", max(e."code")) AS "code",
        count(*) AS "mentions", count(DISTINCT e."doc_id") AS "documents"
    FROM "entities" AS e
    JOIN "documents" AS d ON d."id" = e."doc_id"
    LEFT JOIN "actors" AS a ON a."name" = e."actor"
    WHERE e."actor" IS NOT NULL AND (:since IS NULL OR d."published" >= :since)
    GROUP BY e."actor"
    ORDER BY "mentions" DESC, "documents" DESC, "name"
    LIMIT :limit
""")
_ACTOR_SENTENCES = dedent(f"""
    SELECT {_HIT}, 0.0 AS "score"
    FROM "entities" AS e
    JOIN "sentences" AS s
        ON s."doc_id" = e."doc_id" AND s."start" <= e."start" AND e."start" < s."end"
    JOIN "documents" AS d ON d."id" = e."doc_id"
    WHERE e."actor" = :actor AND (:since IS NULL OR d."published" >= :since)
    GROUP BY s."id"
    ORDER BY {_RECENT_FIRST}, s."idx"
    LIMIT :limit
""")
# Records inside [start, end) of a document; the table name is one of this module's constants.
_INSIDE = dedent("""
    SELECT * FROM "{table}"
    WHERE "doc_id" = :doc_id AND "start" >= :start AND "end" <= :end
    ORDER BY "start", "idx"
""")


def _located(table: str, where: str, order: str, *, anchor: str = "start") -> str:
    """SELECT records of `table` with the sentence holding their `anchor` offset and their
    document's metadata. Arguments are constants of this module, never user input."""
    return dedent(f"""
        SELECT r.*, {_HIT}, 0.0 AS "score"
        FROM "{table}" AS r
        JOIN "documents" AS d ON d."id" = r."doc_id"
        JOIN "sentences" AS s
            ON s."doc_id" = r."doc_id" AND s."start" <= r."{anchor}" AND r."{anchor}" < s."end"
        WHERE (:since IS NULL OR d."published" >= :since) AND {where}
        ORDER BY {order}
    """)


_ATTRIBUTIONS = _located(
    "attributions",
    '(:actor IS NULL OR r."source_actor" = :actor) AND (:stance IS NULL OR r."stance" = :stance)',
    f'{_RECENT_FIRST}, r."idx"',
    anchor="cue_start",
)

_CONTENTS = dedent("""
    SELECT "start", "end", "text" FROM "attribution_contents"
    WHERE "doc_id" = ? AND "attribution" = ?
    ORDER BY "idx"
""")

# With an actor: the numbers that actor is reported to give (`claimed_by`, decided once in
# analyze/convert.py: the innermost attribution holding the number that does not dispute it).
_QUANTITIES = _located(
    "quantities", '(:actor IS NULL OR r."claimed_by" = :actor)', f'{_RECENT_FIRST}, r."idx"'
)
_TIMES = _located("times", 'r."value" IS NOT NULL', f'r."value", {_RECENT_FIRST}, r."idx"')
_DOUBTS = _located(
    "doubts", '(:kind IS NULL OR r."kind" = :kind)', f'{_RECENT_FIRST}, r."doc_id", r."idx"'
)
_DOC_ACTORS = dedent("""
    SELECT * FROM "actors" WHERE "name" IN (
        SELECT "actor" FROM "entities" WHERE "doc_id" = :doc_id
        UNION SELECT "source_actor" FROM "attributions" WHERE "doc_id" = :doc_id)
    ORDER BY "name"
""")


class SQLiteStore:
    """The evidence base in one SQLite file (or ":memory:"); migrated on open."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc
        try:
            self._setup()
        except BaseException:
            self._db.close()
            raise

    def _setup(self) -> None:
        self._db.row_factory = sqlite3.Row
        try:
            if self.path not in (":memory:", ""):
                self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA synchronous = NORMAL")
            migrate(self._db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._db.in_transaction:  # some errors make SQLite roll back by itself
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _all(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        return self._db.execute(sql, params).fetchall()

    # -- writes ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this id is stored."""
        return bool(self._all('SELECT 1 FROM "documents" WHERE "id" = ?', (doc_id,)))

    def story_candidates(self, bands: tuple[str, ...]) -> list[tuple[str, str, bytes]]:
        """(doc_id, story, signature) of stored documents sharing a MinHash band."""
        sql = dedent("""
            SELECT "id", "story", "signature" FROM "documents" WHERE "id" IN (
                SELECT "doc_id" FROM "bands" WHERE "band" IN (SELECT "value" FROM json_each(?)))
            ORDER BY "added"
        """)
        rows = self._all(sql, (json.dumps(list(bands)),))
        return [(r["id"], r["story"], r["signature"]) for r in rows]

    def add(self, doc: Document, analysis: Analysis, link: StoryLink) -> bool:
        """Store a document and its records in one transaction; False if already stored.

        Raises StoreError, with nothing written, when a record cannot be stored."""
        if analysis.text != doc.text:
            raise StoreError(f"{doc.id}: analysis is of a different text than the document")
        try:
            with self._transaction():
                if self.has_document(doc.id):
                    return False
                self._insert_document(doc, analysis, link)
                self._insert_records(doc, analysis)
        except sqlite3.Error as exc:
            raise StoreError(f"{doc.id}: {exc}") from exc
        return True

    def actors(self) -> list[Actor]:
        """Every stored actor."""
        return [_rows.actor_from(r) for r in self._all('SELECT * FROM "actors" ORDER BY "name"')]

    def rename_actor(self, old: str, new: str) -> None:
        """Move every record of actor `old` to actor `new` and drop `old`, in one transaction."""
        try:
            with self._transaction():
                for sql in _RENAME_ACTOR:
                    self._db.execute(sql, {"old": old, "new": new})
        except sqlite3.Error as exc:
            raise StoreError(f"renaming actor {old!r}: {exc}") from exc

    def _insert_document(self, doc: Document, analysis: Analysis, link: StoryLink) -> None:
        story = link.story or doc.id
        db = self._db
        db.execute('INSERT INTO "stories" ("id") VALUES (?) ON CONFLICT DO NOTHING', (story,))
        db.execute(_INSERT_DOCUMENT, _rows.document_row(doc, story, link.signature))
        db.executemany(
            'INSERT INTO "bands" ("band", "doc_id") VALUES (?, ?) ON CONFLICT DO NOTHING',
            [(band, doc.id) for band in link.bands],
        )
        db.executemany(_UPSERT_ACTOR, [(a.name, a.kind, a.code) for a in analysis.actors])

    def _insert_records(self, doc: Document, analysis: Analysis) -> None:
        """Rows are built table by table, so a failure can strike midway (see the tests)."""
        a, db = analysis, self._db
        db.executemany(_INSERT["sentences"], _rows.sentence_rows(doc, a.sentences))
        db.executemany(_INSERT["entities"], _rows.entity_rows(doc.id, a.entities))
        db.executemany(_INSERT["attributions"], _rows.attribution_rows(doc, a.attributions))
        db.executemany(_INSERT["attribution_contents"], _rows.content_rows(doc.id, a.attributions))
        db.executemany(_INSERT["doubts"], _rows.doubt_rows(doc.id, a.doubts))
        db.executemany(_INSERT["quantities"], _rows.quantity_rows(doc.id, a.quantities))
        db.executemany(_INSERT["times"], _rows.time_rows(doc.id, a.times))
        db.executemany(_INSERT["events"], _rows.event_rows(doc, a.events))

    # -- reads ----------------------------------------------------------------------------

    def document(self, doc_id: str) -> Document | None:
        rows = self._all('SELECT * FROM "documents" WHERE "id" = ?', (doc_id,))
        return _rows.document_from(rows[0]) if rows else None

    def analysis(self, doc_id: str) -> Analysis | None:
        """Every stored record of a document, in analysis order; actors: those it mentions."""
        doc = self.document(doc_id)
        if doc is None:
            return None

        def records(table: str) -> list[sqlite3.Row]:
            return self._all(
                f'SELECT * FROM "{table}" WHERE "doc_id" = ? ORDER BY "idx"', (doc_id,)
            )

        return Analysis(
            text=doc.text,
            published=doc.published,
            sentences=tuple(map(_rows.span_from, records("sentences"))),
            entities=tuple(map(_rows.entity_from, records("entities"))),
            attributions=_rows.nest(
                [(self._attribution_from(r), r["parent"]) for r in records("attributions")]
            ),
            doubts=tuple(map(_rows.doubt_from, records("doubts"))),
            quantities=tuple(map(_rows.quantity_from, records("quantities"))),
            times=tuple(map(_rows.time_from, records("times"))),
            events=tuple(map(_rows.event_from, records("events"))),
            actors=tuple(map(_rows.actor_from, self._all(_DOC_ACTORS, {"doc_id": doc_id}))),
        )

    def _attribution_from(self, row: sqlite3.Row) -> Attribution:
        contents = self._all(_CONTENTS, (row["doc_id"], row["idx"]))
        return _rows.attribution_from(row, tuple(map(_rows.span_from, contents)))

    def status(self) -> Status:
        """Counts, published range and schema version; nothing depends on when data came in."""
        counts = {name: self._db.execute(sql).fetchone()[0] for name, sql in _COUNTS.items()}
        first, last = self._db.execute(
            'SELECT min("published"), max("published") FROM "documents"'
        ).fetchone()
        version = self._db.execute('SELECT count(*) FROM "_migrations"').fetchone()[0]
        return Status(counts, _rows.day(first), _rows.day(last), version)

    def search(self, query: str, *, limit: int = 10) -> list[SentenceHit]:
        """Sentences matching any of the words in `query`, best BM25 first.

        Each whitespace-separated term becomes an FTS5 string ("a""b" for a"b), so user input
        is never read as FTS5 syntax (AND, NEAR(, *, column filters)."""
        terms = ['"{}"'.format(term.replace('"', '""')) for term in query.split()]
        if not terms:
            return []
        rows = self._all(_SEARCH, {"match": " OR ".join(terms), "limit": limit})
        return [_rows.hit_from(r) for r in rows]

    def sentence_at(self, doc_id: str, offset: int) -> SentenceHit | None:
        """The sentence holding character `offset` of a document."""
        rows = self._all(_SENTENCE_AT, {"doc_id": doc_id, "offset": offset})
        return _rows.hit_from(rows[0]) if rows else None

    def sentence_before(self, hit: SentenceHit) -> SentenceHit | None:
        """The sentence right before `hit` in its document, if any."""
        rows = self._all(_SENTENCE_NUMBER, {"doc_id": hit.doc_id, "idx": hit.index - 1})
        return _rows.hit_from(rows[0]) if rows else None

    def top_actors(self, *, limit: int = 10, since: date | None = None) -> list[ActorCount]:
        """Actors by entity mentions; `documents` counts distinct documents mentioning them."""
        rows = self._all(_TOP_ACTORS, {"since": _rows.iso(since), "limit": limit})
        return [
            ActorCount(r["name"], r["kind"], r["code"], r["mentions"], r["documents"]) for r in rows
        ]

    def actor_sentences(
        self, actor: str, *, limit: int = 5, since: date | None = None
    ) -> list[SentenceHit]:
        """Distinct sentences holding an entity of this actor, the most recent documents first."""
        params = {"actor": actor, "since": _rows.iso(since), "limit": limit}
        return [_rows.hit_from(r) for r in self._all(_ACTOR_SENTENCES, params)]

    def entities_in(self, doc_id: str, start: int, end: int) -> list[Entity]:
        """Entities whose offsets lie inside [start, end) of a document."""
        params = {"doc_id": doc_id, "start": start, "end": end}
        rows = self._all(_INSIDE.format(table="entities"), params)
        return [_rows.entity_from(r) for r in rows]

    def quantities_in(self, doc_id: str, start: int, end: int) -> list[Quantity]:
        """Quantities whose offsets lie inside [start, end) of a document."""
        params = {"doc_id": doc_id, "start": start, "end": end}
        rows = self._all(_INSIDE.format(table="quantities"), params)
        return [_rows.quantity_from(r) for r in rows]

    def times(self, *, since: date | None = None) -> list[Located[TimeExpr]]:
        """Time expressions with a resolved value, in the order of their values (ISO text, so
        earlier first); `since` filters by the document's publication date, like the others."""
        rows = self._all(_TIMES, {"since": _rows.iso(since)})
        return [Located(_rows.time_from(r), _rows.hit_from(r)) for r in rows]

    def doubts(self, *, kind: str | None = None, since: date | None = None) -> list[Located[Doubt]]:
        """Doubts (hedges, allegations, denials, disputes), filtered by kind; recent first."""
        rows = self._all(_DOUBTS, {"kind": kind, "since": _rows.iso(since)})
        return [Located(_rows.doubt_from(r), _rows.hit_from(r)) for r in rows]

    def attributions(
        self, *, actor: str | None = None, stance: str | None = None, since: date | None = None
    ) -> list[Located[Attribution]]:
        """Attributions, filtered by source actor, stance and publication date; recent first."""
        params = {"actor": actor, "stance": stance, "since": _rows.iso(since)}
        rows = self._all(_ATTRIBUTIONS, params)
        return [Located(self._attribution_from(r), _rows.hit_from(r)) for r in rows]

    def quantities(
        self, *, actor: str | None = None, since: date | None = None
    ) -> list[Located[Quantity]]:
        """Quantities, recent first. With `actor`: only the numbers that actor gives
        (`claimed_by`), not every number in a sentence that merely mentions the actor."""
        rows = self._all(_QUANTITIES, {"actor": actor, "since": _rows.iso(since)})
        return [Located(_rows.quantity_from(r), _rows.hit_from(r)) for r in rows]
