"""Ordered, append-only schema steps for the SQLite store; applied names live in `_migrations`.

Pattern from simonw/llm `llm/migrations.py`: a migration is a small named function appended to
`MIGRATIONS` by the `@migration` decorator. Never edit or reorder a shipped step: append a new
one, with a comment naming the issue that forced it. Each step runs in its own transaction
together with the row recording its name, so a crash never leaves a half-applied step.
A database that records a name this code does not know was written by a newer crisisdesk, and
is refused rather than guessed at.
"""

import sqlite3
from collections.abc import Callable
from textwrap import dedent

from crisisdesk.errors import StoreError

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(step: Migration) -> Migration:
    """Append a step to `MIGRATIONS`; its function name is the name recorded in the db."""
    MIGRATIONS.append(step)
    return step


def migrate(db: sqlite3.Connection) -> int:
    """Apply every pending step in order and return the schema version (steps applied).

    `db` must be in autocommit mode (`isolation_level=None`): transactions are explicit here.
    """
    db.execute('CREATE TABLE IF NOT EXISTS "_migrations" ("name" TEXT PRIMARY KEY) STRICT')
    applied = {name for (name,) in db.execute('SELECT "name" FROM "_migrations"')}
    unknown = applied - {step.__name__ for step in MIGRATIONS}
    if unknown:
        raise StoreError("database was written by a newer crisisdesk")
    for step in MIGRATIONS:
        if step.__name__ not in applied:
            _apply(db, step)
    return len(MIGRATIONS)


def _apply(db: sqlite3.Connection, step: Migration) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        step(db)
        db.execute('INSERT INTO "_migrations" ("name") VALUES (?)', (step.__name__,))
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _run(db: sqlite3.Connection, *statements: str) -> None:
    """Run DDL one statement at a time (`executescript` would commit the open transaction)."""
    for statement in statements:
        db.execute(dedent(statement))


@migration
def m001_documents(db: sqlite3.Connection) -> None:
    """Documents, their stories, and MinHash bands for finding wire copies."""
    _run(
        db,
        """
        CREATE TABLE "stories" ("id" TEXT PRIMARY KEY) STRICT
        """,
        """
        CREATE TABLE "documents" (
            "id" TEXT PRIMARY KEY,
            "added" INTEGER NOT NULL UNIQUE,
            "text" TEXT NOT NULL,
            "title" TEXT,
            "url" TEXT,
            "outlet" TEXT,
            "published" TEXT,
            "origin" TEXT,
            "story" TEXT NOT NULL REFERENCES "stories" ("id"),
            "signature" BLOB NOT NULL
        ) STRICT
        """,
        """
        CREATE INDEX "documents_published" ON "documents" ("published")
        """,
        """
        CREATE TABLE "bands" (
            "band" TEXT NOT NULL,
            "doc_id" TEXT NOT NULL REFERENCES "documents" ("id") ON DELETE CASCADE,
            PRIMARY KEY ("band", "doc_id")
        ) STRICT, WITHOUT ROWID
        """,
    )


@migration
def m002_sentences(db: sqlite3.Connection) -> None:
    """Sentences and their FTS5 index: external content kept in sync by triggers.

    `id` is an explicit INTEGER PRIMARY KEY because FTS5 points at it, and an implicit rowid
    may change on VACUUM.
    """
    _run(
        db,
        """
        CREATE TABLE "sentences" (
            "id" INTEGER PRIMARY KEY,
            "doc_id" TEXT NOT NULL REFERENCES "documents" ("id") ON DELETE CASCADE,
            "idx" INTEGER NOT NULL,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            "text" TEXT NOT NULL,
            UNIQUE ("doc_id", "idx"),
            CHECK (0 <= "start" AND "start" <= "end")
        ) STRICT
        """,
        """
        CREATE INDEX "sentences_offsets" ON "sentences" ("doc_id", "start")
        """,
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS "sentences_fts" USING fts5 (
            "text", content="sentences", content_rowid="id", tokenize="porter unicode61"
        )
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "sentences_ai" AFTER INSERT ON "sentences" BEGIN
            INSERT INTO "sentences_fts" ("rowid", "text") VALUES (new."id", new."text");
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "sentences_ad" AFTER DELETE ON "sentences" BEGIN
            INSERT INTO "sentences_fts" ("sentences_fts", "rowid", "text")
            VALUES ('delete', old."id", old."text");
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "sentences_au" AFTER UPDATE ON "sentences" BEGIN
            INSERT INTO "sentences_fts" ("sentences_fts", "rowid", "text")
            VALUES ('delete', old."id", old."text");
            INSERT INTO "sentences_fts" ("rowid", "text") VALUES (new."id", new."text");
        END
        """,
    )


_RECORD_KEY = """
    "doc_id" TEXT NOT NULL REFERENCES "documents" ("id") ON DELETE CASCADE,
    "idx" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
"""
_RECORD_END = """
    PRIMARY KEY ("doc_id", "idx"),
    CHECK (0 <= "start" AND "start" <= "end")
) STRICT
"""


def _record_table(name: str, columns: str) -> str:
    """A record table: doc_id + idx (order within the document) + offsets + text, then its own
    columns. `name` and `columns` are constants of this module, never user input."""
    return f'CREATE TABLE "{name}" ({_RECORD_KEY}{dedent(columns)}{_RECORD_END}'


@migration
def m003_records(db: sqlite3.Connection) -> None:
    """Actors and one table per record kind; nested parts are JSON text columns."""
    _run(
        db,
        """
        CREATE TABLE "actors" ("name" TEXT PRIMARY KEY, "kind" TEXT NOT NULL, "code" TEXT) STRICT
        """,
        _record_table("entities", '"label" TEXT NOT NULL, "actor" TEXT, "code" TEXT,'),
        'CREATE INDEX "entities_actor" ON "entities" ("actor")',
        _record_table(
            "attributions",
            """
            "source" TEXT,          -- JSON ActorRef or null
            "source_actor" TEXT,    -- copied out of "source" so it can be indexed
            "cue_start" INTEGER NOT NULL,
            "cue_end" INTEGER NOT NULL,
            "cue_text" TEXT NOT NULL,
            "kind" TEXT NOT NULL,
            "stance" TEXT NOT NULL,
            """,
        ),
        'CREATE INDEX "attributions_source_actor" ON "attributions" ("source_actor")',
        _record_table(
            "attribution_contents",
            """
            "attribution" INTEGER NOT NULL,
            FOREIGN KEY ("doc_id", "attribution")
                REFERENCES "attributions" ("doc_id", "idx") ON DELETE CASCADE,
            """,
        ),
        _record_table("doubts", '"kind" TEXT NOT NULL, "target" TEXT, "by" TEXT,'),  # JSON Span
        _record_table(
            "quantities",
            """
            "value" REAL, "unit" TEXT NOT NULL, "counted" TEXT, "qualifier" TEXT,
            "low" REAL, "high" REAL,
            """,
        ),
        _record_table("times", '"value" TEXT, "type" TEXT NOT NULL,'),
        _record_table(
            "events",  # source, target: JSON lists of ActorRef
            '"type" TEXT NOT NULL, "source" TEXT NOT NULL, "target" TEXT NOT NULL, "time" TEXT,',
        ),
    )


@migration
def m004_doubt_by_actor(db: sqlite3.Connection) -> None:
    """The canonical actor of who doubts (issue 4: doubt records gained `by_actor`)."""
    _run(db, 'ALTER TABLE "doubts" ADD COLUMN "by_actor" TEXT')


@migration
def m005_quantity_claims(db: sqlite3.Connection) -> None:
    """Who a number is claimed by, and the stance of that claim (issue 4)."""
    _run(
        db,
        'ALTER TABLE "quantities" ADD COLUMN "claimed_by" TEXT',
        'ALTER TABLE "quantities" ADD COLUMN "stance" TEXT',
    )


@migration
def m006_quantity_base_units(db: sqlite3.Connection) -> None:
    """Quantities keep the value as written and add it in the kind's base unit (issue 4)."""
    _run(
        db,
        'ALTER TABLE "quantities" ADD COLUMN "base_value" REAL',
        'ALTER TABLE "quantities" ADD COLUMN "base_unit" TEXT',
    )


@migration
def m007_nested_attributions(db: sqlite3.Connection) -> None:
    """An attribution inside another's content points to it (issue 4: "X said Y claimed Z")."""
    _run(db, 'ALTER TABLE "attributions" ADD COLUMN "parent" INTEGER')


@migration
def m008_quantities_by_claimant(db: sqlite3.Connection) -> None:
    """`numbers --actor` filters on who claims a number (issue 4)."""
    _run(db, 'CREATE INDEX "quantities_claimed_by" ON "quantities" ("claimed_by")')


@migration
def m009_doubts_by_actor(db: sqlite3.Connection) -> None:
    """Renaming an actor across the store (actor_links) finds its doubts by index."""
    _run(db, 'CREATE INDEX "doubts_by_actor" ON "doubts" ("by_actor")')
