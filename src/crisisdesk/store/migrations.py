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
    Several processes may open a new store at once: each step is applied under the write lock
    and only if the names read inside that lock do not list it yet."""
    pending = [step for step in MIGRATIONS if step.__name__ not in _applied(db)]
    for step in pending:
        _apply(db, step)
    return len(MIGRATIONS)


def _applied(db: sqlite3.Connection) -> set[str]:
    """Names of the steps the database records; refuses one written by a newer crisisdesk."""
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
    ).fetchone()
    applied = (
        {name for (name,) in db.execute('SELECT "name" FROM "_migrations"')} if exists else set()
    )
    if applied - {step.__name__ for step in MIGRATIONS}:
        raise StoreError("database was written by a newer crisisdesk")
    return applied


def _apply(db: sqlite3.Connection, step: Migration) -> None:
    """Run one step and record its name in one write transaction, unless another process
    applied it first."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute('CREATE TABLE IF NOT EXISTS "_migrations" ("name" TEXT PRIMARY KEY) STRICT')
        if step.__name__ not in _applied(db):
            step(db)
            db.execute('INSERT INTO "_migrations" ("name") VALUES (?)', (step.__name__,))
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _run(db: sqlite3.Connection, *statements: str) -> None:
    """Run DDL one statement at a time (`executescript` would commit the open transaction)."""
    for statement in statements:
        db.execute(dedent(statement))


def _count_rows(db: sqlite3.Connection, name: str, table: str) -> None:
    """Keep the row count of `table` as `name` in "counts", by triggers, from its rows now.
    Both are constants of this module, never user input."""
    _run(
        db,
        f"""
        CREATE TRIGGER "{table}_count_ai" AFTER INSERT ON "{table}" BEGIN
            UPDATE "counts" SET "n" = "n" + 1 WHERE "name" = '{name}';
        END
        """,
        f"""
        CREATE TRIGGER "{table}_count_ad" AFTER DELETE ON "{table}" BEGIN
            UPDATE "counts" SET "n" = "n" - 1 WHERE "name" = '{name}';
        END
        """,
        f"""INSERT INTO "counts" ("name", "n") SELECT '{name}', count(*) FROM "{table}" """,
    )


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


@migration
def m010_actor_surnames(db: sqlite3.Connection) -> None:
    """Actors by their last word and by name in any case, so linking a lone surname inside
    `add` and resolving a typed name are index lookups (issue 8). `surname`: the last word
    of a name of several words (a person's surname), else NULL."""
    _run(
        db,
        'ALTER TABLE "actors" ADD COLUMN "surname" TEXT COLLATE NOCASE',
        'CREATE INDEX "actors_surname" ON "actors" ("surname")',
        'CREATE INDEX "actors_name_nocase" ON "actors" ("name" COLLATE NOCASE)',
    )
    names = [
        name for (name,) in db.execute("""SELECT "name" FROM "actors" WHERE "name" LIKE '% %'""")
    ]
    db.executemany(
        'UPDATE "actors" SET "surname" = ? WHERE "name" = ?',
        [(name.rsplit(" ", 1)[1], name) for name in names],
    )


# m011's own copy of the rename: a step must keep doing what it did when it shipped.
_M011_RENAME = (
    """UPDATE "entities" SET "actor" = :new,
    "label" = coalesce((SELECT "kind" FROM "actors" WHERE "name" = :new), "label"),
    "code" = (SELECT "code" FROM "actors" WHERE "name" = :new) WHERE "actor" = :old""",
    """UPDATE "attributions" SET "source_actor" = :new,
    "source" = json_set("source", '$.actor', :new) WHERE "source_actor" = :old""",
    'UPDATE "doubts" SET "by_actor" = :new WHERE "by_actor" = :old',
    'UPDATE "quantities" SET "claimed_by" = :new WHERE "claimed_by" = :old',
    'DELETE FROM "actors" WHERE "name" = :old',
)


@migration
def m011_repair_split_actors(db: sqlite3.Connection) -> None:
    """Join lone surnames split from their person by concurrent or interrupted ingests before
    issue 8: a lone PERSON name with exactly one stored full-name PERSON ending in it."""
    lone = [
        name
        for (name,) in db.execute(
            """SELECT "name" FROM "actors" WHERE "kind" = 'PERSON' AND "surname" IS NULL"""
        )
    ]
    for name in lone:
        people = [
            full
            for (full,) in db.execute(
                """SELECT "name" FROM "actors" WHERE "kind" = 'PERSON' AND "surname" = ?""",
                (name,),
            )
            if full.rsplit(" ", 1)[1] == name
        ]
        if len(people) == 1:
            for sql in _M011_RENAME:
                db.execute(sql, {"old": name, "new": people[0]})


# What `status` counts, in the order it shows them; "outlets" counts the rows of "outlets".
_COUNTED = (
    "documents",
    "stories",
    "outlets",
    "sentences",
    "entities",
    "actors",
    "attributions",
    "doubts",
    "quantities",
    "times",
    "events",
)


@migration
def m012_counts(db: sqlite3.Connection) -> None:
    """Row counts and outlets kept by triggers in the writing transaction, so `status` reads
    a dozen rows instead of counting millions (issue 8)."""
    _run(
        db,
        'CREATE TABLE "counts" ("name" TEXT PRIMARY KEY, "n" INTEGER NOT NULL) STRICT',
        """
        CREATE TABLE "outlets" ("name" TEXT PRIMARY KEY, "documents" INTEGER NOT NULL) STRICT
        """,
        """
        CREATE TRIGGER "documents_outlet_ai" AFTER INSERT ON "documents"
        WHEN new."outlet" IS NOT NULL BEGIN
            INSERT INTO "outlets" ("name", "documents") VALUES (new."outlet", 1)
            ON CONFLICT ("name") DO UPDATE SET "documents" = "documents" + 1;
        END
        """,
        """
        CREATE TRIGGER "documents_outlet_ad" AFTER DELETE ON "documents"
        WHEN old."outlet" IS NOT NULL BEGIN
            UPDATE "outlets" SET "documents" = "documents" - 1 WHERE "name" = old."outlet";
            DELETE FROM "outlets" WHERE "name" = old."outlet" AND "documents" = 0;
        END
        """,
        """
        INSERT INTO "outlets" ("name", "documents")
        SELECT "outlet", count(*) FROM "documents" WHERE "outlet" IS NOT NULL GROUP BY "outlet"
        """,
    )
    for table in _COUNTED:
        _count_rows(db, table, table)


# Another entity row of the same actor in the same document (before or after a change).
_SAME_DOC = """EXISTS (SELECT 1 FROM "entities" AS e
    WHERE e."actor" = {row}."actor" AND e."doc_id" = {row}."doc_id" AND e."idx" <> {row}."idx")"""
_MENTIONED = """
    INSERT INTO "actor_mentions" ("actor", "mentions", "documents")
    SELECT new."actor", 1, 1 WHERE new."actor" IS NOT NULL
    ON CONFLICT ("actor") DO UPDATE
    SET "mentions" = "mentions" + 1, "documents" = "documents" + NOT {same_doc};
""".format(same_doc=_SAME_DOC.format(row="new"))
_UNMENTIONED = """
    UPDATE "actor_mentions"
    SET "mentions" = "mentions" - 1, "documents" = "documents" - NOT {same_doc}
    WHERE "actor" = old."actor";
    DELETE FROM "actor_mentions" WHERE "actor" = old."actor" AND "mentions" = 0;
""".format(same_doc=_SAME_DOC.format(row="old"))


@migration
def m013_actor_mentions(db: sqlite3.Connection) -> None:
    """Entity mentions and documents per actor, kept by triggers (a rename moves them too), so
    the brief's main actors are read from an index instead of grouping every entity
    (issue 8). Entities by (actor, doc_id, idx) serve the triggers and an actor's sentences."""
    _run(
        db,
        """
        CREATE TABLE "actor_mentions" (
            "actor" TEXT PRIMARY KEY,
            "mentions" INTEGER NOT NULL,
            "documents" INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE INDEX "actor_mentions_top"
        ON "actor_mentions" ("mentions" DESC, "documents" DESC, "actor")
        """,
        'DROP INDEX "entities_actor"',
        'CREATE INDEX "entities_actor_doc" ON "entities" ("actor", "doc_id", "idx")',
        f"""
        CREATE TRIGGER "entities_mention_ai" AFTER INSERT ON "entities" BEGIN {_MENTIONED} END
        """,
        f"""
        CREATE TRIGGER "entities_mention_ad" AFTER DELETE ON "entities" BEGIN {_UNMENTIONED} END
        """,
        f"""
        CREATE TRIGGER "entities_mention_au" AFTER UPDATE OF "actor" ON "entities"
        WHEN old."actor" IS NOT new."actor" BEGIN {_UNMENTIONED} {_MENTIONED} END
        """,
        """
        INSERT INTO "actor_mentions" ("actor", "mentions", "documents")
        SELECT "actor", count(*), count(DISTINCT "doc_id") FROM "entities"
        WHERE "actor" IS NOT NULL GROUP BY "actor"
        """,
    )


@migration
def m014_newest_first(db: sqlite3.Connection) -> None:
    """Pages of records walk the documents newest first and probe each record table by
    (filter column, doc_id), so a page costs what it shows (issue 8). The recency index
    covers the document id, so documents without a match are skipped without reading them."""
    _run(
        db,
        'DROP INDEX "documents_published"',
        'CREATE INDEX "documents_recent" ON "documents" ("published", "added", "id")',
        'DROP INDEX "attributions_source_actor"',
        """
        CREATE INDEX "attributions_source_actor_doc"
        ON "attributions" ("source_actor", "doc_id", "idx")
        """,
        'DROP INDEX "quantities_claimed_by"',
        'CREATE INDEX "quantities_claimed_by_doc" ON "quantities" ("claimed_by", "doc_id", "idx")',
        'CREATE INDEX "times_value" ON "times" ("value")',
    )


@migration
def m015_sentence_vectors(db: sqlite3.Connection) -> None:
    """A vector per sentence for dense retrieval (issue 9): float16 bytes (crisisdesk.vectors)."""
    _run(
        db,
        """
        CREATE TABLE "sentence_vectors" (
            "id" INTEGER PRIMARY KEY REFERENCES "sentences" ("id") ON DELETE CASCADE,
            "vector" BLOB NOT NULL
        ) STRICT
        """,
    )


@migration
def m016_passages_fts(db: sqlite3.Connection) -> None:
    """Full-text search over passages (issue 9): a sentence with, as a second column, its
    document's title and the sentence before it, so a sentence that does not repeat its subject
    ("killing all 228 people on board") is still found by it. Contentless (the text lives in
    "sentences"); it replaces the sentence-only index and its triggers: rows are written by
    the store's `add`, which knows the title and the neighbour."""
    _run(
        db,
        'DROP TRIGGER "sentences_ai"',
        'DROP TRIGGER "sentences_ad"',
        'DROP TRIGGER "sentences_au"',
        'DROP TABLE "sentences_fts"',
        """
        CREATE VIRTUAL TABLE "passages_fts" USING fts5 (
            "text", "context", content='', tokenize="porter unicode61"
        )
        """,
        """
        INSERT INTO "passages_fts" ("rowid", "text", "context")
        SELECT s."id", s."text", coalesce(d."title", '') || ' ' || coalesce(
            lag(s."text") OVER (PARTITION BY s."doc_id" ORDER BY s."idx"), '')
        FROM "sentences" AS s JOIN "documents" AS d ON d."id" = s."doc_id"
        """,
    )


# The events table's count row is renamed "event_reports"; "events" now counts stored events.
_EVENT_COUNTS = (
    ("events", "event_clusters"),
    ("event_reports", "events"),
)


@migration
def m017_event_clusters(db: sqlite3.Connection) -> None:
    """One stored event, many reports (issue 10): each event row (a report) carries its mode,
    intensity, CAMEO code, trigger, place, who reports it, its day and the stored event it
    joins ("event_clusters", with the actor keys of its sides in "event_actors"). Triggers keep
    a stored event's count of reports and drop it with its last one. `status` counts stored
    events as "events" and their reports as "event_reports". Rows stored before this step
    become one stored event each."""
    _run(
        db,
        """
        CREATE TABLE "event_clusters" (
            "id" INTEGER PRIMARY KEY,
            "type" TEXT NOT NULL,
            "first_day" TEXT,
            "last_day" TEXT,
            "source" TEXT NOT NULL,  -- JSON list of keys (ISO codes or canonical actors)
            "target" TEXT NOT NULL,
            "place" TEXT,
            "reports" INTEGER NOT NULL DEFAULT 0
        ) STRICT
        """,
        'CREATE INDEX "event_clusters_type_day" ON "event_clusters" ("type", "first_day")',
        'CREATE INDEX "event_clusters_recent" ON "event_clusters" ("first_day", "id")',
        """
        CREATE TABLE "event_actors" (
            "key" TEXT NOT NULL,
            "role" TEXT NOT NULL,
            "cluster" INTEGER NOT NULL REFERENCES "event_clusters" ("id") ON DELETE CASCADE,
            PRIMARY KEY ("key", "role", "cluster")
        ) STRICT, WITHOUT ROWID
        """,
        'CREATE INDEX "event_actors_cluster" ON "event_actors" ("cluster")',
        *(
            f'ALTER TABLE "events" ADD COLUMN {column}'
            for column in (
                """"mode" TEXT NOT NULL DEFAULT 'happened'""",
                '"intensity" REAL',
                '"code" TEXT',
                '"trigger" TEXT',  # JSON Span
                '"place" TEXT',  # JSON Participant
                '"claimed_by" TEXT',
                '"day" TEXT',
                '"cluster" INTEGER REFERENCES "event_clusters" ("id")',
            )
        ),
        'CREATE INDEX "events_cluster" ON "events" ("cluster", "doc_id", "idx")',
        """
        INSERT INTO "event_clusters" ("id", "type", "first_day", "last_day", "source", "target")
        SELECT e.rowid, e."type", d."published", d."published", '[]', '[]'
        FROM "events" AS e JOIN "documents" AS d ON d."id" = e."doc_id"
        """,
        """
        UPDATE "events" SET "cluster" = rowid,
            "day" = (SELECT "published" FROM "documents" WHERE "id" = "events"."doc_id")
        """,
        """
        CREATE TRIGGER "events_cluster_ai" AFTER INSERT ON "events"
        WHEN new."cluster" IS NOT NULL BEGIN
            UPDATE "event_clusters" SET "reports" = "reports" + 1 WHERE "id" = new."cluster";
        END
        """,
        """
        CREATE TRIGGER "events_cluster_ad" AFTER DELETE ON "events"
        WHEN old."cluster" IS NOT NULL BEGIN
            UPDATE "event_clusters" SET "reports" = "reports" - 1 WHERE "id" = old."cluster";
            DELETE FROM "event_clusters" WHERE "id" = old."cluster" AND "reports" <= 0;
        END
        """,
        'UPDATE "event_clusters" SET "reports" = 1',
        'DROP TRIGGER "events_count_ai"',
        'DROP TRIGGER "events_count_ad"',
        """DELETE FROM "counts" WHERE "name" = 'events'""",
    )
    for name, table in _EVENT_COUNTS:
        _count_rows(db, name, table)


@migration
def m018_event_reports_by_day(db: sqlite3.Connection) -> None:
    """A stored event's first reports are read by index, however many there are (issue 8:
    commands cost what they show)."""
    _run(db, 'CREATE INDEX "events_cluster_day" ON "events" ("cluster", "day", "doc_id", "idx")')


@migration
def m019_developments(db: sqlite3.Connection) -> None:
    """Developments: the reports of one development across documents (issue 11). Documents
    stored before are placed by the next ingest ("developed" = 0)."""
    _run(
        db,
        """
        CREATE TABLE "developments" (
            "id" INTEGER PRIMARY KEY,
            "first_day" TEXT,
            "last_day" TEXT,
            "reports" INTEGER NOT NULL DEFAULT 0,
            "documents" INTEGER NOT NULL DEFAULT 0,
            "total" BLOB NOT NULL
        ) STRICT
        """,
        """
        CREATE INDEX "developments_rank"
        ON "developments" ("documents" DESC, "reports" DESC, "last_day" DESC)
        """,
        'CREATE INDEX "developments_recent" ON "developments" ("last_day")',
        """
        CREATE TABLE "development_reports" (
            "development" INTEGER NOT NULL REFERENCES "developments" ("id") ON DELETE CASCADE,
            "sentence" INTEGER NOT NULL REFERENCES "sentences" ("id") ON DELETE CASCADE,
            "doc_id" TEXT NOT NULL REFERENCES "documents" ("id") ON DELETE CASCADE,
            "day" TEXT,
            "rank" INTEGER NOT NULL,
            PRIMARY KEY ("development", "sentence")
        ) STRICT, WITHOUT ROWID
        """,
        """CREATE INDEX "development_reports_by_day"
        ON "development_reports" ("development", "day", "doc_id", "sentence")""",
        'CREATE INDEX "development_reports_doc" ON "development_reports" ("doc_id")',
        """
        CREATE TABLE "development_keys" (
            "key" TEXT NOT NULL,
            "development" INTEGER NOT NULL REFERENCES "developments" ("id") ON DELETE CASCADE,
            "day" TEXT,
            PRIMARY KEY ("key", "development")
        ) STRICT, WITHOUT ROWID
        """,
        'CREATE INDEX "development_keys_recent" ON "development_keys" ("key", "day")',
        'CREATE INDEX "development_keys_of" ON "development_keys" ("development")',
        'ALTER TABLE "documents" ADD COLUMN "developed" INTEGER NOT NULL DEFAULT 0',
        """CREATE INDEX "documents_undeveloped" ON "documents" ("published", "id")
        WHERE "developed" = 0""",
    )


@migration
def m020_briefs(db: sqlite3.Connection) -> None:
    """The briefs made, so the next one can say what changed since (issue 11)."""
    _run(
        db,
        """
        CREATE TABLE "briefs" (
            "id" INTEGER PRIMARY KEY,
            "made" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            "newest" TEXT
        ) STRICT
        """,
    )


@migration
def m021_store_id(db: sqlite3.Connection) -> None:
    """A random id per store file, so a process can share one in-memory vector index among
    its connections to one store, and never with a store made anew at the same path."""
    _run(
        db,
        """CREATE TABLE "meta" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL) STRICT""",
        """INSERT INTO "meta" VALUES ('id', lower(hex(randomblob(16))))""",
    )


@migration
def m022_development_reports_by_sentence(db: sqlite3.Connection) -> None:
    """A sentence's development read by index (the claims ledger asks it of every claim; and
    deleting a sentence finds its reports)."""
    _run(db, 'CREATE INDEX "development_reports_sentence" ON "development_reports" ("sentence")')
