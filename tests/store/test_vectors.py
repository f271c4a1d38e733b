"""Sentence vectors: stored with their document, searched by meaning, backfilled for old stores."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from store_samples import FIRST, SECOND, said

from crisisdesk import flow, sentence_index, vectors
from crisisdesk.errors import StoreError
from crisisdesk.records import Analysis, Document
from crisisdesk.store import SQLiteStore, Store, StoryLink
from crisisdesk.vector_graph import Graph


def test_a_paraphrase_finds_its_sentence(
    store: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    assert store.add(doc, analysis, link, flow.sentence_vectors(doc, analysis))
    query = vectors.embed(["Which troops did the United States send to the sea?"])[0]
    hits = store.nearest(query, limit=1)
    assert hits[0].text.strip() == FIRST
    assert 0 < hits[0].score <= 1.0
    assert hits[0].doc_id == doc.id


def test_stores_without_vectors_are_backfilled(
    store: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    store.add(doc, analysis, link)
    assert store.nearest(vectors.embed(["missiles"])[0]) == []
    assert flow.backfill_vectors(store) == 1
    assert flow.backfill_vectors(store) == 0
    assert len(store.nearest(vectors.embed(["missiles"])[0], limit=5)) == len(analysis.sentences)


def test_vectors_must_match_the_sentences(
    store: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    with pytest.raises(StoreError, match="vectors for"):
        store.add(doc, analysis, link, [b"\x00" * 512])
    assert not store.has_document(doc.id)
    with pytest.raises(StoreError, match="vectors for"):
        store.add(doc, analysis, link, [b"\x00" * 512] * 5)
    assert not store.has_document(doc.id)


def test_search_finds_a_sentence_by_its_title(
    store: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    store.add(doc, analysis, link)
    hits = store.search("Venezuela missiles Caribbean", limit=2)
    assert [h.text.strip() for h in hits] == [SECOND, FIRST]  # "Caribbean" is in the title
    title_only = store.search("Caribbean", limit=5)
    assert {h.text.strip() for h in title_only} == {FIRST, SECOND}


def unit_rows(n: int, seed: int = 7) -> "np.ndarray":
    rows = np.random.default_rng(seed).normal(size=(n, vectors.DIM)).astype(np.float32)
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float16)


#: of an exact search's top 20, how many the graph must find (it finds ~97% of a top 30)
RECALLED = 18


def test_the_graph_finds_what_an_exact_search_finds() -> None:
    rows = unit_rows(1500)
    rows = np.vstack([rows, np.repeat(rows[4:5], 12, axis=0)])  # 12 copies of sentence 5
    ids = np.arange(1, len(rows) + 1, dtype=np.int64)
    exact, graph = vectors.VectorIndex(), Graph.empty()
    exact.extend(ids, rows)
    graph.add(ids[:700], rows[:700])
    graph.add(ids[700:], rows[700:])  # in two parts, as a store grows
    assert len(graph) == len(rows)
    for i in (4, 99, 1234):
        query = rows[i].astype(np.float32) + 0.05 * rows[i + 1].astype(np.float32)
        query /= np.linalg.norm(query)
        near, truth = graph.top(query, 20), exact.top(query, 20)
        assert near[0] == truth[0]
        # HNSW is approximate: random vectors tie near 0 below the first, and a build on
        # several threads links them in a different order from run to run
        assert len(set(near) & set(truth)) >= RECALLED
    found = graph.top(rows[4].astype(np.float32), 13)
    assert [sentence for sentence, _ in found] == [5, *range(1501, 1513)]  # the copies


@pytest.fixture
def small_graphs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A graph from the first vector on, and a fresh process's view of shared indexes."""
    monkeypatch.setattr(sentence_index, "GRAPH_MIN", 1)
    monkeypatch.setattr(sentence_index, "_SHARED", {})


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sentence_index, "_SHARED", {})


def folders(path: Path) -> list[str]:
    return sorted(p.name for p in Path(f"{path}.vectors").iterdir())


@pytest.mark.usefixtures("small_graphs")
def test_a_saved_graph_is_opened_by_the_next_process(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    doc: Document,
    analysis: Analysis,
    link: StoryLink,
) -> None:
    path, query = tmp_path / "graph.db", vectors.embed(["missiles"])[0]
    with SQLiteStore(path) as store:
        store.add(doc, analysis, link, flow.sentence_vectors(doc, analysis))
        before = store.nearest(query, limit=5)
        stamp = store._vector_index().stamp
    assert stamp is not None
    assert folders(path) == [stamp.name]
    new_process(monkeypatch)
    with SQLiteStore(path) as store:
        assert store.nearest(query, limit=5) == before
        assert store._vector_index().stamp == stamp
    assert folders(path) == [stamp.name]


@pytest.mark.usefixtures("small_graphs")
def test_a_graph_behind_the_store_is_topped_up(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    doc: Document,
    analysis: Analysis,
    link: StoryLink,
) -> None:
    path, query = tmp_path / "graph.db", vectors.embed(["Maria Lopez troops leave"])[0]
    other, other_analysis = said("Maria Lopez", "Maria Lopez")
    with SQLiteStore(path) as store:
        store.add(doc, analysis, link, flow.sentence_vectors(doc, analysis))
        first = store._vector_index().stamp
        store.add(other, other_analysis, link, flow.sentence_vectors(other, other_analysis))
        assert store.nearest(query, limit=1)[0].doc_id == other.id  # from the tail
        assert store._vector_index().stamp == first
    new_process(monkeypatch)
    monkeypatch.setattr(sentence_index, "TAIL_MAX", 1)
    with SQLiteStore(path) as store:
        assert store.nearest(query, limit=1)[0].doc_id == other.id
        grown = store._vector_index().stamp
    assert first is not None
    assert grown is not None
    assert grown.last > first.last
    assert folders(path) == [grown.name]


@pytest.mark.usefixtures("small_graphs")
def test_a_graph_of_another_store_or_ahead_of_it_is_built_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    doc: Document,
    analysis: Analysis,
    link: StoryLink,
) -> None:
    path, query = tmp_path / "graph.db", vectors.embed(["missiles"])[0]
    with SQLiteStore(path) as store:
        store.add(doc, analysis, link, flow.sentence_vectors(doc, analysis))
        store.nearest(query)
        old = store._vector_index().stamp
    assert old is not None
    ahead = Path(f"{path}.vectors") / replace(old, last=old.last + 50).name
    (Path(f"{path}.vectors") / old.name).rename(ahead)  # as if the store were an older copy
    new_process(monkeypatch)
    with SQLiteStore(path) as store:
        assert [h.doc_id for h in store.nearest(query)] == [doc.id, doc.id]
        assert store._vector_index().stamp == old
    assert folders(path) == [old.name]
    for name in ("graph.db", "graph.db-wal", "graph.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    other, other_analysis = said("Maria Lopez", "Maria Lopez")
    with SQLiteStore(path) as anew:  # a new store at the same path: a new id
        anew.add(other, other_analysis, link, flow.sentence_vectors(other, other_analysis))
        assert [h.doc_id for h in anew.nearest(query)] == [other.id]
        made = anew._vector_index().stamp
    assert made is not None
    assert made.store != old.store
    assert folders(path) == [made.name]


@pytest.mark.usefixtures("small_graphs")
def test_a_backfill_below_the_graph_is_searched(
    tmp_path: Path, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    other, other_analysis = said("Maria Lopez", "Maria Lopez")
    query = vectors.embed(["missiles"])[0]
    with SQLiteStore(tmp_path / "graph.db") as store:
        store.add(doc, analysis, link)  # stored without vectors, before the graph
        store.add(other, other_analysis, link, flow.sentence_vectors(other, other_analysis))
        assert [h.doc_id for h in store.nearest(query, limit=5)] == [other.id]
        assert flow.backfill_vectors(store) == 1
        assert {h.doc_id for h in store.nearest(query, limit=5)} == {doc.id, other.id}


def test_stores_of_one_file_share_one_index(
    tmp_path: Path, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    path = tmp_path / "shared.db"
    query = vectors.embed(["missiles"])[0]
    with SQLiteStore(path) as one, SQLiteStore(path) as other:
        one.add(doc, analysis, link, flow.sentence_vectors(doc, analysis))
        assert other.nearest(query, limit=1) == one.nearest(query, limit=1)
        assert one._vector_index() is other._vector_index()
        held = one._vector_index()
    path.unlink()
    with SQLiteStore(path) as anew:
        assert anew.nearest(query) == []
        assert anew._vector_index() is not held
