"""The SQLite store: one file, WAL, FTS5 (porter, unicode61) over sentences.

The connection runs in autocommit mode and every write is an explicit `BEGIN IMMEDIATE`
transaction, rolled back on any exception, KeyboardInterrupt included; a lone surname is linked
to its person inside the transaction that stores the document (see `add`). Counts and actor
mentions are kept by triggers (migrations m012, m013), so `status` and the brief's main actors
read a few rows. A record is located in the sentence holding its first character (an
attribution: its cue); a record outside every stored sentence is not returned by the `Located`
queries. Any sqlite3 error surfaces as a one-line StoreError. Sentence vectors live in a table
and, once asked for, in an index that grows as rows arrive (`crisisdesk.sentence_index`: in
memory while few, then a graph saved in the folder `<store file>.vectors` beside the store).
"""

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from crisisdesk import actor_links
from crisisdesk.actor_links import last_word
from crisisdesk.errors import StoreError
from crisisdesk.records import (
    Actor,
    Analysis,
    Attribution,
    Document,
    Doubt,
    Entity,
    Event,
    Quantity,
    Span,
    TimeExpr,
)
from crisisdesk.store import _rows, _sql
from crisisdesk.store import developments as _developments
from crisisdesk.store import events as _events
from crisisdesk.store.base import (
    ActorCount,
    DevelopmentScope,
    Located,
    SentenceHit,
    Status,
    StoredDevelopment,
    StoredEvent,
    StoryLink,
)
from crisisdesk.store.migrations import migrate

if TYPE_CHECKING:
    from crisisdesk.developments import Report
    from crisisdesk.sentence_index import SentenceIndex
    from crisisdesk.vector_graph import Ids, Rows
    from crisisdesk.vectors import Matrix

#: with a limit, a pair's events are looked for among this many times as many latest events
#: of either side, so a page of them costs what it shows
PAIR_SCAN = 10
BUSY_TIMEOUT_S = 10.0  # how long to wait for another process's write (or migration) to end
IN_MEMORY = (":memory:", "")


class SQLiteStore:
    """The evidence base in one SQLite file (or ":memory:"); migrated on open.

    With `create=False` a missing file is refused (StoreError) and nothing is created."""

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        self.path = str(path)
        self._vectors: SentenceIndex | None = None
        self._db = self._connect(create)
        try:
            self._setup()
        except BaseException:
            self._db.close()
            raise

    def _connect(self, create: bool) -> sqlite3.Connection:
        """Connect, waiting up to BUSY_TIMEOUT_S for other writers from the first statement."""
        target, uri = self.path, False
        if not create and self.path not in IN_MEMORY:
            if not Path(self.path).is_file():
                raise StoreError(f"no evidence base at {self.path} (run crisisdesk ingest first)")
            target, uri = Path(self.path).resolve().as_uri() + "?mode=rw", True
        try:
            return sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None, uri=uri)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    def _setup(self) -> None:
        self._db.row_factory = sqlite3.Row
        try:
            if self.path not in IN_MEMORY:
                self._wal()
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA synchronous = NORMAL")
            migrate(self._db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    def _wal(self) -> None:
        """Switch the file to WAL. SQLite may refuse at once, without waiting, while another
        process creates the same new file; then try again until BUSY_TIMEOUT_S."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self._db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

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
        """Rows of one statement; a damaged file gives a StoreError, not a sqlite3 error."""
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    def _one(self, sql: str, params: Any = ()) -> Any:
        """The first column of the first row (None without rows)."""
        rows = self._all(sql, params)
        return rows[0][0] if rows else None

    def _insert(self, table: str, rows: list[_rows.Params], then: str = "") -> None:
        if rows:
            self._db.executemany(_sql.insert(table, tuple(rows[0]), then), rows)

    # -- writes ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this id is stored."""
        return bool(self._all('SELECT 1 FROM "documents" WHERE "id" = ?', (doc_id,)))

    def story_candidates(self, bands: tuple[str, ...]) -> list[tuple[str, str, bytes]]:
        """(doc_id, story, signature) of stored documents sharing a MinHash band."""
        rows = self._all(_sql.STORY_CANDIDATES, (json.dumps(list(bands)),))
        return [(r["id"], r["story"], r["signature"]) for r in rows]

    def add(
        self,
        doc: Document,
        analysis: Analysis,
        link: StoryLink,
        vectors: Sequence[bytes] = (),
        reports: "Sequence[Report] | None" = None,
    ) -> bool:
        """Store a document, its records and its sentences' `vectors` (one per sentence, in
        order, or none) in one transaction; False if already stored.

        In the same transaction its lone surnames join the one stored person they name, and
        stored lone surnames that one of its people now names join that person (actor_links),
        so concurrent ingests and crashes never split a person in two.
        Raises StoreError, with nothing written, when a record cannot be stored."""
        if analysis.text != doc.text:
            raise StoreError(f"{doc.id}: analysis is of a different text than the document")
        try:
            with self._transaction():
                if self.has_document(doc.id):
                    return False
                linked = self._linked(analysis)
                self._insert_document(doc, linked, link)
                self._insert_records(doc, linked)
                self._insert_passages(doc, vectors)
                self._take_over(linked)
                if reports is not None:
                    _developments.add_reports(self._db, doc.id, reports)
        except sqlite3.Error as exc:
            raise StoreError(f"{doc.id}: {exc}") from exc
        return True

    def _insert_passages(self, doc: Document, blobs: Sequence[bytes]) -> None:
        """Index the document's sentences for search, each with its title and the sentence
        before it as context, and store their vectors (when given)."""
        rows = self._db.execute(_sql.SENTENCE_TEXTS, (doc.id,)).fetchall()
        previous = ["", *(r[1] for r in rows[:-1])]
        self._db.executemany(
            'INSERT INTO "passages_fts" ("rowid", "text", "context") VALUES (?, ?, ?)',
            [(r[0], r[1], f"{doc.title or ''} {p}") for r, p in zip(rows, previous, strict=True)],
        )
        if not blobs:
            return
        if len(rows) != len(blobs):
            raise StoreError(f"{doc.id}: {len(blobs)} vectors for {len(rows)} sentences")
        pairs = [(r[0], blob) for r, blob in zip(rows, blobs, strict=True)]
        self._db.executemany('INSERT INTO "sentence_vectors" ("id", "vector") VALUES (?, ?)', pairs)

    def add_vectors(self, doc_id: str, vectors: Sequence[bytes]) -> None:
        """Store the vectors of a document stored without them (one per sentence, in order)."""
        try:
            with self._transaction():
                ids = [r[0] for r in self._db.execute(_sql.SENTENCE_TEXTS, (doc_id,))]
                if len(ids) != len(vectors):
                    raise StoreError(f"{doc_id}: {len(vectors)} vectors for {len(ids)} sentences")
                self._db.executemany(
                    'INSERT OR IGNORE INTO "sentence_vectors" ("id", "vector") VALUES (?, ?)',
                    list(zip(ids, vectors, strict=True)),
                )
                self._db.execute(_sql.COUNT_BACKFILL)  # tells a saved graph it lacks these
        except sqlite3.Error as exc:
            raise StoreError(f"storing vectors of {doc_id}: {exc}") from exc

    def add_reports(self, doc_id: str, reports: Sequence["Report"]) -> None:
        """Place the reports of a document stored without them in developments."""
        try:
            with self._transaction():
                _developments.add_reports(self._db, doc_id, reports)
        except sqlite3.Error as exc:
            raise StoreError(f"placing the reports of {doc_id}: {exc}") from exc

    def undeveloped(self, limit: int) -> list[str]:
        """Up to `limit` ids of documents whose reports are not placed yet, oldest first."""
        return [r[0] for r in self._all(_developments.UNDEVELOPED, (limit,))]

    def developments_of(self, doc_id: str) -> frozenset[int]:
        """The ids of the developments a document reports."""
        sql = 'SELECT DISTINCT "development" FROM "development_reports" WHERE "doc_id" = ?'
        return frozenset(r[0] for r in self._all(sql, (doc_id,)))

    def development_at(self, doc_id: str, start: int) -> int | None:
        """The development the sentence starting at `start` of a document reports, if any."""
        found: int | None = self._one(_developments.AT, (doc_id, start))
        return found

    def remember_brief(self, newest: date | None) -> None:
        """Record that a brief was made of the documents published up to `newest`."""
        with self._transaction():
            self._db.execute(
                'INSERT INTO "briefs" ("newest") VALUES (?)',
                (newest.isoformat() if newest else None,),
            )

    def last_brief(self) -> date | None:
        """The newest publication day the last recorded brief covered (None: no brief yet)."""
        return _rows.day(self._one('SELECT "newest" FROM "briefs" ORDER BY "id" DESC LIMIT 1'))

    def reset_developments(self) -> None:
        """Forget every development, so the next placing redoes them all."""
        with self._transaction():
            for table in ("development_keys", "development_reports", "developments"):
                self._db.execute(f'DELETE FROM "{table}"')  # constant names, never input
            self._db.execute('UPDATE "documents" SET "developed" = 0')

    def unvectored(self, limit: int) -> list[str]:
        """Up to `limit` ids of documents stored without sentence vectors."""
        return [r[0] for r in self._all(_sql.UNVECTORED, (limit,))]

    def _people(self, surname: str) -> list[Actor]:
        """Stored people with a full name ending in `surname` (exactly, case included)."""
        rows = self._all(_sql.ACTORS_BY_SURNAME, (surname,))
        found = map(_rows.actor_from, rows)
        return [a for a in found if actor_links.is_full_name(a) and last_word(a.name) == surname]

    def _linked(self, analysis: Analysis) -> Analysis:
        """The analysis with its lone surnames joined to the one stored person they name."""
        lone = {a.name for a in analysis.actors if actor_links.is_lone_name(a)}
        return actor_links.relinked(
            analysis, actor_links.unique({n: self._people(n) for n in lone})
        )

    def _take_over(self, analysis: Analysis) -> None:
        """Join to their person the stored lone surnames of the document's people, when that
        person is the only stored one with the surname (after this document is inserted)."""
        people = (a.name for a in analysis.actors if actor_links.is_full_name(a))
        surnames = {s for s in map(last_word, people) if s}
        lone = [s for s in surnames if any(map(actor_links.is_lone_name, self._actors_named(s)))]
        for old, person in actor_links.unique({s: self._people(s) for s in lone}).items():
            self._rename(old, person.name)

    def _actors_named(self, name: str) -> list[Actor]:
        return [_rows.actor_from(r) for r in self._all(_sql.ACTOR, (name,))]

    def _rename(self, old: str, new: str) -> None:
        """Move every record of actor `old` to actor `new` and drop `old` (in `add`'s
        transaction)."""
        for sql in _sql.RENAME_ACTOR:
            self._db.execute(sql, {"old": old, "new": new})

    def _insert_document(self, doc: Document, analysis: Analysis, link: StoryLink) -> None:
        story = link.story or doc.id
        added = self._one('SELECT coalesce(max("added"), 0) + 1 FROM "documents"')
        self._db.execute('INSERT INTO "stories" ("id") VALUES (?) ON CONFLICT DO NOTHING', (story,))
        self._insert(
            "documents", [_rows.document_row(doc, story, link.signature) | {"added": added}]
        )
        self._db.executemany(
            'INSERT INTO "bands" ("band", "doc_id") VALUES (?, ?) ON CONFLICT DO NOTHING',
            [(band, doc.id) for band in link.bands],
        )
        actors = [_rows.actor_row(a) for a in analysis.actors]
        self._insert("actors", actors, _sql.ACTOR_CONFLICT)

    def _insert_records(self, doc: Document, analysis: Analysis) -> None:
        """Rows are built table by table, so a failure can strike midway (see the tests)."""
        a = analysis
        self._insert("sentences", _rows.sentence_rows(doc, a.sentences))
        self._insert("entities", _rows.entity_rows(doc.id, a.entities))
        self._insert("attributions", _rows.attribution_rows(doc, a.attributions))
        self._insert("attribution_contents", _rows.content_rows(doc.id, a.attributions))
        self._insert("doubts", _rows.doubt_rows(doc.id, a.doubts))
        self._insert("quantities", _rows.quantity_rows(doc.id, a.quantities))
        self._insert("times", _rows.time_rows(doc.id, a.times))
        _events.add_events(self._db, doc, a.events)

    # -- reads ----------------------------------------------------------------------------

    def actors(self) -> list[Actor]:
        """Every stored actor."""
        return [_rows.actor_from(r) for r in self._all('SELECT * FROM "actors" ORDER BY "name"')]

    def resolve_actor(self, name: str) -> str | None:
        """The stored actor a typed name means, found by index: that very name, else the one
        name equal to it in any case, else the one name of several words ending in it
        ("maduro" -> "Nicolás Maduro"); None when none or several match."""
        if self._actors_named(name):
            return name
        same = [r["name"] for r in self._all(_sql.ACTOR_ANY_CASE, (name,))]
        if same:
            return same[0] if len(same) == 1 else None
        tail = " " + name.casefold()
        rows = self._all(_sql.ACTORS_BY_SURNAME, (name.rsplit(" ", 1)[-1],))
        ending = [r["name"] for r in rows if r["name"].casefold().endswith(tail)]
        return ending[0] if len(ending) == 1 else None

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
                [(a, r["parent"]) for a, r in self._attributions(records("attributions"))]
            ),
            doubts=tuple(map(_rows.doubt_from, records("doubts"))),
            quantities=tuple(map(_rows.quantity_from, records("quantities"))),
            times=tuple(map(_rows.time_from, records("times"))),
            events=tuple(map(_events.event_from, records("events"))),
            actors=tuple(map(_rows.actor_from, self._all(_sql.DOC_ACTORS, {"doc_id": doc_id}))),
        )

    def _attributions(self, rows: list[sqlite3.Row]) -> Iterator[tuple[Attribution, sqlite3.Row]]:
        """Attributions of `rows` with their contents, read in one query for all of them."""
        docs = json.dumps(sorted({r["doc_id"] for r in rows}))
        contents: dict[tuple[str, int], list[Span]] = {}
        for c in self._all(_sql.CONTENTS, (docs,)) if rows else ():
            contents.setdefault((c["doc_id"], c["attribution"]), []).append(_rows.span_from(c))
        for r in rows:
            yield _rows.attribution_from(r, tuple(contents.get((r["doc_id"], r["idx"]), ()))), r

    def status(self) -> Status:
        """Counts (kept by triggers), published range and schema version, read without a scan;
        nothing depends on when data came in. `actors` counts stored actors."""
        counts = {r["name"]: r["n"] for r in self._all(_sql.COUNTS)}
        first = _rows.day(self._one(_sql.FIRST_PUBLISHED))
        last = _rows.day(self._one(_sql.LAST_PUBLISHED))
        return Status(counts, first, last, self._one(_sql.SCHEMA_VERSION))

    def search(
        self, query: str, *, limit: int = 10, context_weight: float = 0.5, prefix: bool = False
    ) -> list[SentenceHit]:
        """Sentences matching any of the words in `query`, best BM25 first; words found in a
        sentence's context (its title, the sentence before) count `context_weight` as much;
        with `prefix`, a word also matches the words it begins ("Yugoslav": "Yugoslavian").

        Each whitespace-separated term becomes an FTS5 string ("a""b" for a"b), so user input
        is never read as FTS5 syntax (AND, NEAR(, *, column filters)."""
        star = "*" if prefix else ""
        terms = ['"{}"{}'.format(term.replace('"', '""'), star) for term in query.split()]
        if not terms:
            return []
        params = {"match": " OR ".join(terms), "limit": limit, "context_weight": context_weight}
        rows = self._all(_sql.SEARCH, params)
        return [_rows.hit_from(r) for r in rows]

    def indexed_words(self, start: str) -> list[tuple[str, int]]:
        """The full-text index's words (lowercased Porter stems) that begin with the letter
        `start`, with how many passages hold each, most held first."""
        self._all(_sql.VOCABULARY)
        bounds = {"start": start.lower(), "stop": chr(ord(start.lower()) + 1)}
        return [(r["term"], r["doc"]) for r in self._all(_sql.WORDS_FROM, bounds)]

    def nearest(self, query: "Matrix", *, limit: int = 10) -> list[SentenceHit]:
        """The sentences whose vectors are nearest `query` (cosine as `score`), nearest first."""
        index = self._vector_index()
        best = dict(index.top(query, limit))
        rows = self._all(_sql.SENTENCES_BY_ID, {"ids": json.dumps(list(best))})
        hits = [replace(_rows.hit_from(r), score=best[r["s_id"]]) for r in rows]
        return sorted(hits, key=lambda h: -h.score)

    def _vector_index(self) -> "SentenceIndex":
        """The index of this store's vectors, brought up to the rows stored (numpy and
        usearch are imported here, not by commands that never search by meaning)."""
        if self._vectors is None:
            from crisisdesk.sentence_index import shared

            folder = None if self.path in IN_MEMORY else Path(f"{self.path}.vectors")
            self._vectors = shared(self._one(_sql.STORE_ID), folder)
        self._vectors.refresh(self)
        return self._vectors

    def vector_rows(self, after: int, limit: int) -> "tuple[Ids, Rows]":
        """Up to `limit` stored vectors of sentence ids after `after`, ids ascending."""
        import numpy as np

        from crisisdesk.vectors import DIM

        rows = self._all(_sql.VECTORS_AFTER, (after, limit))
        ids = np.asarray([r[0] for r in rows], dtype=np.int64)
        blobs = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float16)
        return ids, blobs.reshape(-1, DIM)

    def has_vector(self, sentence_id: int) -> bool:
        return bool(self._all(_sql.HAS_VECTOR, (sentence_id,)))

    def vector_backfills(self) -> str:
        """How many times vectors were given to sentences stored without them."""
        return str(self._one(_sql.VECTOR_BACKFILLS) or 0)

    def sentence_at(self, doc_id: str, offset: int) -> SentenceHit | None:
        """The sentence holding character `offset` of a document."""
        rows = self._all(_sql.SENTENCE_AT, {"doc_id": doc_id, "offset": offset})
        return _rows.hit_from(rows[0]) if rows else None

    def sentence_before(self, hit: SentenceHit) -> SentenceHit | None:
        """The sentence right before `hit` in its document, if any."""
        rows = self._all(_sql.SENTENCE_NUMBER, {"doc_id": hit.doc_id, "idx": hit.index - 1})
        return _rows.hit_from(rows[0]) if rows else None

    def top_actors(self, *, limit: int = 10, since: date | None = None) -> list[ActorCount]:
        """Actors by entity mentions; `documents` counts distinct documents mentioning them."""
        params = {"since": _rows.iso(since), "limit": limit}
        rows = self._all(_sql.chosen(_sql.TOP_ACTORS, params), params)
        return [
            ActorCount(r["name"], r["kind"], r["code"], r["mentions"], r["documents"]) for r in rows
        ]

    def actor_sentences(
        self, actor: str, *, limit: int = 5, since: date | None = None
    ) -> list[SentenceHit]:
        """Distinct sentences holding an entity of this actor, the most recent documents first."""
        params = {"actor": actor, "since": _rows.iso(since), "limit": limit}
        rows = self._all(_sql.chosen(_sql.ACTOR_SENTENCES, params), params)
        return [_rows.hit_from(r) for r in rows]

    def _span_rows(
        self, table: str, doc_id: str, span: tuple[int, int], *, overlapping: bool = False
    ) -> list[sqlite3.Row]:
        """Rows of `table` (a constant of this module) inside, or overlapping, [start, end)."""
        sql = _sql.OVERLAPPING if overlapping else _sql.INSIDE
        params = {"doc_id": doc_id, "start": span[0], "end": span[1]}
        return self._all(sql.format(table=table), params)

    def entities_in(self, doc_id: str, start: int, end: int) -> list[Entity]:
        """Entities whose offsets lie inside [start, end) of a document."""
        return [_rows.entity_from(r) for r in self._span_rows("entities", doc_id, (start, end))]

    def events_in(self, doc_id: str, start: int, end: int) -> list[Event]:
        """Events whose offsets lie inside [start, end) of a document."""
        return [_events.event_from(r) for r in self._span_rows("events", doc_id, (start, end))]

    def quantities_in(self, doc_id: str, start: int, end: int) -> list[Quantity]:
        """Quantities whose offsets lie inside [start, end) of a document."""
        rows = self._span_rows("quantities", doc_id, (start, end))
        return [_rows.quantity_from(r) for r in rows]

    def times_in(self, doc_id: str, start: int, end: int) -> list[TimeExpr]:
        """Time expressions whose offsets lie inside [start, end) of a document."""
        return [_rows.time_from(r) for r in self._span_rows("times", doc_id, (start, end))]

    def attributions_over(self, doc_id: str, start: int, end: int) -> list[Attribution]:
        """Attributions (flat, nested ones too) overlapping [start, end) of a document."""
        rows = self._span_rows("attributions", doc_id, (start, end), overlapping=True)
        return [a for a, _ in self._attributions(rows)]

    def doubts_over(self, doc_id: str, start: int, end: int) -> list[Doubt]:
        """Doubts overlapping [start, end) of a document."""
        rows = self._span_rows("doubts", doc_id, (start, end), overlapping=True)
        return [_rows.doubt_from(r) for r in rows]

    def _located(
        self, variants: _sql.Variants, page: tuple[int | None, int], **filters: Any
    ) -> list[sqlite3.Row]:
        """Rows of the variant for the filters set, one page of (limit: None for all, offset)."""
        params = {k: _rows.iso(v) if isinstance(v, date) else v for k, v in filters.items()}
        limit, offset = page
        sql = _sql.chosen(variants, params)
        return self._all(sql, params | {"limit": -1 if limit is None else limit, "offset": offset})

    def times(
        self, *, since: date | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Located[TimeExpr]]:
        """Time expressions with a resolved value, in the order of their values (ISO text, so
        earlier first); `since` filters by the document's publication date, like the others."""
        rows = self._located(_sql.TIMES, (limit, offset), since=since)
        return [Located(_rows.time_from(r), _rows.hit_from(r)) for r in rows]

    def doubts(
        self,
        *,
        kind: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Located[Doubt]]:
        """Doubts (hedges, allegations, denials, disputes), filtered by kind; recent first."""
        rows = self._located(_sql.DOUBTS, (limit, offset), kind=kind, since=since)
        return [Located(_rows.doubt_from(r), _rows.hit_from(r)) for r in rows]

    def attributions(
        self,
        *,
        actor: str | None = None,
        stance: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Located[Attribution]]:
        """Attributions, filtered by source actor, stance and publication date; recent first."""
        page = (limit, offset)
        rows = self._located(_sql.ATTRIBUTIONS, page, actor=actor, stance=stance, since=since)
        return [Located(a, _rows.hit_from(r)) for a, r in self._attributions(rows)]

    def quantities(
        self,
        *,
        actor: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Located[Quantity]]:
        """Quantities, recent first. With `actor`: only the numbers that actor gives
        (`claimed_by`), not every number in a sentence that merely mentions the actor."""
        rows = self._located(_sql.QUANTITIES, (limit, offset), actor=actor, since=since)
        return [Located(_rows.quantity_from(r), _rows.hit_from(r)) for r in rows]

    def developments(
        self,
        scope: DevelopmentScope | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredDevelopment]:
        """Developments in `scope` (default: all) with their first reports, most widely
        reported first (store/developments.py)."""
        scope = scope or DevelopmentScope()
        return _developments.stored_developments(self._all, scope, (limit, offset))

    def events(
        self,
        *,
        actors: Sequence[str] = (),
        pair: tuple[Sequence[str], Sequence[str]] | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredEvent]:
        """Stored events with their reports, the latest first (store/events.py). With `pair`,
        the events involving either side are read (with a `limit`: the latest PAIR_SCAN times
        as many) and those between them kept, then paged."""
        if pair is None:
            return _events.stored_events(
                self._all, actors=actors, since=since, page=(limit, offset)
            )
        one, other = frozenset(pair[0]), frozenset(pair[1])
        scan = (None if limit is None else (offset + limit) * PAIR_SCAN, 0)
        found = _events.stored_events(self._all, actors=[*one, *other], since=since, page=scan)
        kept = [e for e in found if _events.between(e, one, other)]
        return kept[offset:] if limit is None else kept[offset : offset + limit]
