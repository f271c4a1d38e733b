"""The SQLite store's statements, built once at import.

A query whose filters may be absent is one static statement per combination of the filters set
(`Variants`, keyed by their names), never `(:x IS NULL OR ...)`, which keeps SQLite off the
indexes. Every table, column and condition here is a constant of this module, never user input.
"""

from collections.abc import Callable, Mapping
from functools import cache
from itertools import combinations
from textwrap import dedent
from typing import Any

Variants = dict[frozenset[str], str]
Builder = Callable[[tuple[str, ...]], str]  # the query with these conditions


@cache
def insert(table: str, columns: tuple[str, ...], then: str = "") -> str:
    """INSERT of named parameters, one per column (the keys of `_rows`' dicts), and `then`
    (an ON CONFLICT clause)."""
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(f":{c}" for c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({values}) {then}'.strip()


def chosen(variants: Variants, params: Mapping[str, Any]) -> str:
    """The variant for the filters that are set (not None) in `params`."""
    return variants[frozenset(k for k, v in params.items() if v is not None) & _keys(variants)]


def _keys(variants: Variants) -> frozenset[str]:
    return frozenset().union(*variants)


def variants(build: Builder, filters: Mapping[str, str]) -> Variants:
    """`build(conditions)` for every subset of `filters` (name -> SQL condition)."""
    names = sorted(filters)
    return {
        frozenset(subset): build(tuple(filters[n] for n in subset))
        for size in range(len(names) + 1)
        for subset in combinations(names, size)
    }


def where(conditions: tuple[str, ...]) -> str:
    return "WHERE " + " AND ".join(conditions) if conditions else ""


# An actor stored again keeps the code it had unless the new record brings one.
ACTOR_CONFLICT = """ON CONFLICT ("name") DO UPDATE
    SET "kind" = excluded."kind", "code" = coalesce(excluded."code", "actors"."code")"""
# Move every record of actor :old to :new and drop :old (the count triggers follow).
RENAME_ACTOR = (
    """UPDATE "entities" SET "actor" = :new,
    "label" = coalesce((SELECT "kind" FROM "actors" WHERE "name" = :new), "label"),
    "code" = (SELECT "code" FROM "actors" WHERE "name" = :new) WHERE "actor" = :old""",
    """UPDATE "attributions" SET "source_actor" = :new,
    "source" = json_set("source", '$.actor', :new) WHERE "source_actor" = :old""",
    'UPDATE "doubts" SET "by_actor" = :new WHERE "by_actor" = :old',
    'UPDATE "quantities" SET "claimed_by" = :new WHERE "claimed_by" = :old',
    'DELETE FROM "actors" WHERE "name" = :old',
)
ACTOR = 'SELECT * FROM "actors" WHERE "name" = ?'
ACTOR_ANY_CASE = 'SELECT * FROM "actors" WHERE "name" = ? COLLATE NOCASE ORDER BY "name"'
ACTORS_BY_SURNAME = 'SELECT * FROM "actors" WHERE "surname" = ? ORDER BY "name"'
STORY_CANDIDATES = dedent("""
    SELECT "id", "story", "signature" FROM "documents" WHERE "id" IN (
        SELECT "doc_id" FROM "bands" WHERE "band" IN (SELECT "value" FROM json_each(?)))
    ORDER BY "added"
""")
DOC_ACTORS = dedent("""
    SELECT * FROM "actors" WHERE "name" IN (
        SELECT "actor" FROM "entities" WHERE "doc_id" = :doc_id
        UNION SELECT "source_actor" FROM "attributions" WHERE "doc_id" = :doc_id)
    ORDER BY "name"
""")
# The contents of every attribution of some documents (a JSON list of ids), in one query.
CONTENTS = dedent("""
    SELECT "doc_id", "attribution", "start", "end", "text" FROM "attribution_contents"
    WHERE "doc_id" IN (SELECT "value" FROM json_each(?))
    ORDER BY "doc_id", "idx"
""")
COUNTS = 'SELECT "name", "n" FROM "counts" ORDER BY rowid'
# Two statements: SQLite answers a lone min() or max() from the index.
FIRST_PUBLISHED = 'SELECT min("published") FROM "documents"'
LAST_PUBLISHED = 'SELECT max("published") FROM "documents"'
SCHEMA_VERSION = 'SELECT count(*) FROM "_migrations"'

# A sentence and its document's metadata, as `_rows.hit_from` reads them.
HIT = """s."doc_id", s."idx" AS "s_idx", s."start" AS "s_start", s."end" AS "s_end",
    s."text" AS "s_text", d."outlet", d."published", d."title\""""
RECENT_FIRST = 'd."published" DESC NULLS LAST, d."added" DESC'
SINCE = 'd."published" >= :since'
# The best sentences are chosen in the full-text index alone, then joined: ties go to the
# sentence stored first (sentence ids grow with each document added, in sentence order).
#: the full-text index's words (Porter stems) as a table, made once per connection
VOCABULARY = """
    CREATE VIRTUAL TABLE IF NOT EXISTS temp."passages_vocab"
    USING fts5vocab(main, 'passages_fts', 'row')
"""
WORDS_FROM = """
    SELECT "term", "doc" FROM temp."passages_vocab"
    WHERE "term" >= :start AND "term" < :stop
    ORDER BY "doc" DESC
"""
SEARCH = dedent(f"""
    SELECT s."id" AS "s_id", {HIT}, -best."bm25" AS "score"
    FROM (
        SELECT "rowid" AS "id", bm25("passages_fts", 1.0, :context_weight) AS "bm25"
        FROM "passages_fts"
        WHERE "passages_fts" MATCH :match
        ORDER BY "bm25", "rowid"
        LIMIT :limit
    ) AS best
    JOIN "sentences" AS s ON s."id" = best."id"
    JOIN "documents" AS d ON d."id" = s."doc_id"
    ORDER BY best."bm25", s."id"
""")
SENTENCE_AT = dedent(f"""
    SELECT {HIT}, 0.0 AS "score"
    FROM "sentences" AS s JOIN "documents" AS d ON d."id" = s."doc_id"
    WHERE s."doc_id" = :doc_id AND s."start" <= :offset AND :offset < s."end"
    ORDER BY s."start" DESC
    LIMIT 1
""")
SENTENCE_NUMBER = dedent(f"""
    SELECT {HIT}, 0.0 AS "score"
    FROM "sentences" AS s JOIN "documents" AS d ON d."id" = s."doc_id"
    WHERE s."doc_id" = :doc_id AND s."idx" = :idx
""")
# Without `since`: the counts the triggers keep; with it, the entities of those documents.
TOP_ACTORS = {
    frozenset(): dedent("""
        SELECT m."actor" AS "name", coalesce(a."kind", 'unknown') AS "kind", a."code",
            m."mentions", m."documents"
        FROM "actor_mentions" AS m LEFT JOIN "actors" AS a ON a."name" = m."actor"
        ORDER BY m."mentions" DESC, m."documents" DESC, m."actor"
        LIMIT :limit
    """),
    frozenset({"since"}): dedent(f"""
        SELECT e."actor" AS "name", coalesce(a."kind", 'unknown') AS "kind", a."code",
            count(*) AS "mentions", count(DISTINCT e."doc_id") AS "documents"
        FROM "documents" AS d
        CROSS JOIN "entities" AS e ON e."doc_id" = d."id"
        LEFT JOIN "actors" AS a ON a."name" = e."actor"
        WHERE {SINCE} AND e."actor" IS NOT NULL
        GROUP BY e."actor"
        ORDER BY "mentions" DESC, "documents" DESC, "name"
        LIMIT :limit
    """),
}


def _holding(anchor: str) -> str:
    """JOIN the sentence holding character `anchor` (a column of r) by one index lookup."""
    return dedent(f"""
        JOIN "sentences" AS s ON s."id" = (
            SELECT "id" FROM "sentences"
            WHERE "doc_id" = r."doc_id" AND "start" <= r."{anchor}"
            ORDER BY "start" DESC LIMIT 1
        ) AND r."{anchor}" < s."end"
    """).strip()


# Documents first (CROSS JOIN fixes the order of the loops), newest first by the
# documents_recent index, so a page stops after its rows whatever the size of the store, and
# each record table is probed per document by (filter column, doc_id) or its primary key.
NEWEST_DOCUMENTS = 'FROM "documents" AS d CROSS JOIN "{table}" AS r ON r."doc_id" = d."id"'


def _actor_sentences(conditions: tuple[str, ...]) -> str:
    return dedent(f"""
        SELECT DISTINCT {HIT}, 0.0 AS "score"
        {NEWEST_DOCUMENTS.format(table="entities")} AND r."actor" = :actor
        {_holding("start")}
        {where(conditions)}
        ORDER BY {RECENT_FIRST}, s."idx"
        LIMIT :limit
    """)


ACTOR_SENTENCES = variants(_actor_sentences, {"since": SINCE})

# Records inside [start, end) of a document; the table name is one of this module's constants.
INSIDE = dedent("""
    SELECT * FROM "{table}"
    WHERE "doc_id" = :doc_id AND "start" >= :start AND "end" <= :end
    ORDER BY "start", "idx"
""")
# Records overlapping [start, end) of a document (an attribution may run past its sentence).
OVERLAPPING = dedent("""
    SELECT * FROM "{table}"
    WHERE "doc_id" = :doc_id AND "start" < :end AND "end" > :start
    ORDER BY "start", "idx"
""")


def located(table: str, *, anchor: str = "start", by_value: bool = False) -> Builder:
    """SELECT records of `table` with the sentence holding their `anchor` offset and their
    document's metadata, one page (`:limit`, -1 for all, and `:offset`). Newest documents
    first, then analysis order; `by_value`: resolved values first (times, by their index).
    A record outside every stored sentence is left out."""
    source = NEWEST_DOCUMENTS.format(table=table)
    order = f'{RECENT_FIRST}, r."idx"'
    fixed: tuple[str, ...] = ()
    if by_value:
        source = f'FROM "{table}" AS r JOIN "documents" AS d ON d."id" = r."doc_id"'
        order, fixed = f'r."value", {order}', ('r."value" IS NOT NULL',)

    def build(conditions: tuple[str, ...]) -> str:
        return dedent(f"""
            SELECT r.*, {HIT}, 0.0 AS "score"
            {source}
            {_holding(anchor)}
            {where((*fixed, *conditions))}
            ORDER BY {order}
            LIMIT :limit OFFSET :offset
        """)

    return build


ATTRIBUTIONS = variants(
    located("attributions", anchor="cue_start"),
    {"actor": 'r."source_actor" = :actor', "stance": 'r."stance" = :stance', "since": SINCE},
)
# With an actor: the numbers that actor is reported to give (`claimed_by`, decided once in
# analyze/convert.py: the innermost attribution holding the number that does not dispute it).
QUANTITIES = variants(located("quantities"), {"actor": 'r."claimed_by" = :actor', "since": SINCE})
TIMES = variants(located("times", by_value=True), {"since": SINCE})
DOUBTS = variants(located("doubts"), {"kind": 'r."kind" = :kind', "since": SINCE})
STORE_ID = """SELECT "value" FROM "meta" WHERE "key" = 'id'"""
SENTENCE_TEXTS = 'SELECT "id", "text" FROM "sentences" WHERE "doc_id" = ? ORDER BY "idx"'
VECTORS_AFTER = """SELECT "id", "vector" FROM "sentence_vectors" WHERE "id" > ? ORDER BY "id"
    LIMIT ?"""
HAS_VECTOR = 'SELECT 1 FROM "sentence_vectors" WHERE "id" = ?'
VECTOR_BACKFILLS = """SELECT "value" FROM "meta" WHERE "key" = 'vector_backfills'"""
COUNT_BACKFILL = """INSERT INTO "meta" VALUES ('vector_backfills', '1') ON CONFLICT ("key")
    DO UPDATE SET "value" = CAST(CAST("value" AS INTEGER) + 1 AS TEXT)"""
UNVECTORED = dedent("""
    SELECT d."id" FROM "documents" AS d
    WHERE EXISTS (SELECT 1 FROM "sentences" AS s WHERE s."doc_id" = d."id") AND NOT EXISTS (
        SELECT 1 FROM "sentences" AS s JOIN "sentence_vectors" AS v ON v."id" = s."id"
        WHERE s."doc_id" = d."id")
    ORDER BY d."added" LIMIT ?
""")
SENTENCES_BY_ID = dedent(f"""
    SELECT s."id" AS "s_id", {HIT}, 0.0 AS "score"
    FROM "sentences" AS s JOIN "documents" AS d ON d."id" = s."doc_id"
    WHERE s."id" IN (SELECT "value" FROM json_each(:ids))
""")
