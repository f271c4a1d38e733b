"""What only the SQLite backend promises: its file, pragmas, migrations and URLs."""

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from store_samples import said

from crisisdesk import actor_links
from crisisdesk.errors import StoreError
from crisisdesk.records import Analysis, Document
from crisisdesk.store import SQLiteStore, StoryLink, _rows, _sql, open_store
from crisisdesk.store.migrations import MIGRATIONS


def raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Read the file with a plain connection, independent of the store under test."""
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def test_migrations_are_recorded_by_name(tmp_path: Path) -> None:
    path = tmp_path / "cd.db"
    with SQLiteStore(path) as store:
        assert store.status().schema_version == len(MIGRATIONS)
    names = [step.__name__ for step in MIGRATIONS]
    assert len(set(names)) == len(names)
    assert [n for (n,) in raw(path, 'SELECT "name" FROM "_migrations" ORDER BY rowid')] == names


def test_reopening_keeps_data_and_applies_nothing_twice(
    tmp_path: Path, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    path = tmp_path / "cd.db"
    with SQLiteStore(path) as store:
        store.add(doc, analysis, link)
        before = store.status()
    with open_store(path) as store:
        assert store.status() == before
        assert store.document(doc.id) == doc
        assert [h.doc_id for h in store.search("Marines")][:1] == [doc.id]
    assert raw(path, 'SELECT count(*) FROM "_migrations"') == [(len(MIGRATIONS),)]


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cd.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute('INSERT INTO "_migrations" ("name") VALUES (?)', ("m999_from_the_future",))
    with pytest.raises(StoreError, match="newer crisisdesk"):
        SQLiteStore(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for" * 100)
    with pytest.raises(StoreError, match="file is not a database"):
        SQLiteStore(path)


def test_pragmas(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "cd.db") as store:
        pragma = {
            name: store._db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "foreign_keys", "synchronous")
        }
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 1}  # 1: NORMAL


def test_interrupt_midway_rolls_everything_back(
    tmp_path: Path,
    doc: Document,
    analysis: Analysis,
    link: StoryLink,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C after the document, sentences (and their FTS rows) and entities were written."""
    path = tmp_path / "cd.db"

    def interrupt(*args: object) -> list[tuple[object, ...]]:
        raise KeyboardInterrupt

    with SQLiteStore(path) as store:
        before = store.status()
        monkeypatch.setattr(_rows, "quantity_rows", interrupt)
        with pytest.raises(KeyboardInterrupt):
            store.add(doc, analysis, link)
        assert store.status() == before
        assert store.search("Marines") == []
        monkeypatch.undo()
        assert store.add(doc, analysis, link) is True  # no transaction was left open
    assert raw(path, 'SELECT count(*) FROM "passages_fts"') == [(2,)]


@pytest.mark.parametrize("url", [":memory:", "sqlite://", "sqlite:///:memory:"])
def test_in_memory_stores(url: str, doc: Document, analysis: Analysis, link: StoryLink) -> None:
    with open_store(url) as store:
        assert store.add(doc, analysis, link) is True
        assert store.status().counts["documents"] == 1


def test_sqlite_urls_name_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    absolute = tmp_path / "abs.db"
    open_store(f"sqlite:///{absolute}").close()  # sqlite:////tmp/…: an absolute path
    monkeypatch.chdir(tmp_path)
    open_store("sqlite:///relative.db").close()
    open_store(str(tmp_path / "plain.db")).close()
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["abs.db", "plain.db", "relative.db"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://localhost/crisisdesk", "PostgreSQL backend not yet available"),
        ("postgresql+psycopg://localhost/crisisdesk", "PostgreSQL backend not yet available"),
        ("mysql://localhost/crisisdesk", "unknown store URL scheme 'mysql'"),
    ],
)
def test_other_urls_are_refused(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_counts_kept_by_triggers_match_the_tables(
    tmp_path: Path, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    path = tmp_path / "cd.db"
    with SQLiteStore(path) as store:
        store.add(doc, analysis, link)
        store.add(replace(doc, id="copy", outlet=None), analysis, link)
        for speaker in ("Holloway", "Jane Holloway"):  # the second renames the first
            store.add(*said(speaker, speaker), StoryLink((), b""))
        counts = store.status().counts
        top = store.top_actors(limit=100)
    tables = {"events": "event_clusters", "event_reports": "events"}  # one event, many reports
    for name, n in counts.items():
        table = tables.get(name, name)
        assert raw(path, f'SELECT count(*) FROM "{table}"') == [(n,)], name
    assert (counts["events"], counts["event_reports"]) == (1, 2)  # the copy reports the same

    assert counts["outlets"] == 1
    assert [(a.name, a.mentions, a.documents) for a in top] == mentions(path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute('DELETE FROM "documents" WHERE "id" = \'copy\'')  # cascades to records
    with SQLiteStore(path) as store:
        assert store.status().counts["documents"] == 3
        top = store.top_actors(limit=100)
    assert [(a.name, a.mentions, a.documents) for a in top] == mentions(path)
    assert ("United States", 2, 1) in mentions(path)


def mentions(path: Path) -> list[tuple[object, ...]]:
    """Entity mentions and documents per actor, counted from the entities themselves."""
    return raw(
        path,
        'SELECT "actor", count(*), count(DISTINCT "doc_id") FROM "entities" '
        'WHERE "actor" IS NOT NULL GROUP BY "actor" ORDER BY 2 DESC, 3 DESC, 1',
    )


def test_m011_repairs_actors_split_before_issue_8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store where "Holloway" was left beside "Jane Holloway" (linking switched off here, as
    a race between two ingests did) is repaired when the step runs."""
    path = tmp_path / "split.db"
    with SQLiteStore(path) as store, monkeypatch.context() as patch:
        patch.setattr(actor_links, "unique", lambda candidates: {})
        for speaker in ("Jane Holloway", "Holloway", "Lee", "Ann Lee", "Bo Lee"):
            store.add(*said(speaker, speaker), StoryLink((), b""))
        assert len(store.actors()) == 5
    with sqlite3.connect(path) as db:
        db.execute('DELETE FROM "_migrations" WHERE "name" = \'m011_repair_split_actors\'')
    with SQLiteStore(path) as store:
        assert [a.name for a in store.actors()] == ["Ann Lee", "Bo Lee", "Jane Holloway", "Lee"]
        assert store.top_actors(limit=1)[0].documents == 2
        assert len(store.attributions(actor="Jane Holloway")) == 2
        assert store.status().counts["actors"] == 4


def query_plan(store: SQLiteStore, sql: str) -> str:
    params = dict.fromkeys(("actor", "stance", "kind", "since", "limit", "offset"), "x")
    rows = store._db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return " / ".join(row[3] for row in rows)


def test_pages_walk_the_newest_documents_and_probe_records_by_index(tmp_path: Path) -> None:
    """No variant scans a record table or sorts all its rows: a page stops when it is full."""
    pages = [
        *_sql.ATTRIBUTIONS.items(),
        *_sql.QUANTITIES.items(),
        *_sql.DOUBTS.items(),
        *((filters | {"actor"}, sql) for filters, sql in _sql.ACTOR_SENTENCES.items()),
    ]
    with SQLiteStore(tmp_path / "cd.db") as store:
        for filters, sql in pages:
            first, probe, *rest = query_plan(store, sql).split(" / ")
            since = " (published>?)" if "since" in filters else ""
            assert first.endswith(f"USING INDEX documents_recent{since}")
            assert probe.startswith("SEARCH r USING INDEX ")
            assert probe.endswith("=? AND doc_id=?)" if "actor" in filters else "_1 (doc_id=?)")
            assert "USE TEMP B-TREE FOR ORDER BY" not in rest
        assert "USING INDEX times_value" in query_plan(store, _sql.TIMES[frozenset()])
        top = query_plan(store, _sql.TOP_ACTORS[frozenset()])
        assert top.startswith("SCAN m USING COVERING INDEX actor_mentions_top")
