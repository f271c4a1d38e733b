"""Sentence vectors: stored with their document, searched by meaning, backfilled for old stores."""

from pathlib import Path

import pytest
from store_samples import FIRST, SECOND

from crisisdesk import flow, vectors
from crisisdesk.errors import StoreError
from crisisdesk.records import Analysis, Document
from crisisdesk.store import SQLiteStore, Store, StoryLink


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


def test_the_two_pass_index_finds_the_nearest_among_many() -> None:
    import numpy as np

    rng = np.random.default_rng(7)
    rows = rng.normal(size=(1000, vectors.DIM)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    index = vectors.VectorIndex()
    index.extend(list(range(1, 1001)), [vectors.to_bytes(v) for v in rows])
    assert len(rows) > vectors.SHORTLIST  # the first pass really shortlists
    query = rows[123] + 0.05 * rows[500]
    found = index.top(query / np.linalg.norm(query), 5)
    assert found[0][0] == 124  # the nearest, found through the 64-dimension pass
    assert [score for _, score in found] == sorted((score for _, score in found), reverse=True)


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
