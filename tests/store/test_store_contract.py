"""The Store contract: every backend must pass these (the `store` fixture runs each one)."""

from dataclasses import replace
from datetime import date

import pytest
from store_samples import FIRST, SECOND, TEXT, make_analysis, said, span

from crisisdesk.errors import StoreError
from crisisdesk.records import Analysis, Document, Entity, TimeExpr
from crisisdesk.store import ActorCount, Store, StoryLink

EXPECTED_COUNTS = {
    "documents": 1,
    "stories": 1,
    "outlets": 1,
    "sentences": 2,
    "entities": 3,
    "actors": 2,
    "attributions": 1,
    "doubts": 1,
    "quantities": 1,
    "times": 1,
    "events": 1,
    "event_reports": 1,
}


@pytest.fixture
def filled(store: Store, doc: Document, analysis: Analysis, link: StoryLink) -> Store:
    assert store.add(doc, analysis, link) is True
    return store


def test_add_then_status_counts(filled: Store) -> None:
    status = filled.status()
    assert status.counts == EXPECTED_COUNTS
    assert status.first_published == status.last_published == date(2025, 10, 23)
    assert status.schema_version > 0


def test_empty_store_status(store: Store) -> None:
    status = store.status()
    assert set(status.counts.values()) == {0}
    assert status.first_published is None


def test_add_twice_returns_false_and_changes_nothing(
    filled: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    before = filled.status()
    assert filled.add(doc, analysis, link) is False
    assert filled.status() == before


def test_document_and_analysis_round_trip(filled: Store, doc: Document, analysis: Analysis) -> None:
    assert filled.has_document(doc.id)
    assert filled.document(doc.id) == doc
    assert filled.analysis(doc.id) == analysis
    assert filled.document("nope") is None
    assert filled.analysis("nope") is None


def test_search_finds_the_sentence(filled: Store, doc: Document) -> None:
    hits = filled.search("deploying marines")  # porter stems "deploying" to "deploy"
    assert [(h.doc_id, h.index, h.text) for h in hits][:1] == [(doc.id, 0, FIRST)]
    assert [h.index for h in hits[1:]] == [1]  # the next sentence, by its context
    assert TEXT[hits[0].start : hits[0].end] == FIRST
    assert (hits[0].outlet, hits[0].published, hits[0].title) == (
        doc.outlet,
        doc.published,
        doc.title,
    )
    assert hits[0].score > 0


def test_search_ranks_the_better_match_first(filled: Store) -> None:
    hits = filled.search("Venezuela missiles Caribbean")
    assert [h.text for h in hits] == [SECOND, FIRST]
    assert hits[0].score > hits[1].score


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"missiles" OR NEAR(', [SECOND]),
        ("AND", []),
        ("NEAR(", []),
        ("text:Marines", []),
        ('"', []),
        ("*", []),
        ("", []),
        ("   ", []),
    ],
)
def test_search_never_reads_input_as_fts_syntax(
    filled: Store, query: str, expected: list[str]
) -> None:
    assert [h.text for h in filled.search(query)] == expected


def test_failing_add_leaves_the_store_as_before(
    filled: Store, analysis: Analysis, link: StoryLink
) -> None:
    """The bad entity (end before start) comes after the document and sentences are written."""
    other = Document(id="doc-bad", text=TEXT, outlet="Other Outlet", published=date(2025, 11, 1))
    bad = replace(analysis, entities=(*analysis.entities, Entity(10, 5, "x", "GPE")))
    before = filled.status()
    with pytest.raises(StoreError, match="doc-bad"):
        filled.add(other, bad, link)
    assert filled.status() == before
    assert not filled.has_document("doc-bad")
    assert {h.doc_id for h in filled.search("Marines")} == {"doc-marines"}
    assert filled.add(other, analysis, link) is True  # the store is usable afterwards


def test_analysis_of_another_text_is_refused(store: Store, doc: Document, link: StoryLink) -> None:
    with pytest.raises(StoreError, match="different text"):
        store.add(doc, make_analysis(TEXT + " More."), link)
    assert not store.has_document(doc.id)


def test_story_joins_an_existing_one(
    filled: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    copy = replace(doc, id="doc-copy", outlet="Copy Wire")
    assert filled.add(copy, analysis, StoryLink(("b1:bb", "b9:zz"), b"sig", story=doc.id))
    assert filled.story_candidates(("b1:bb",)) == [
        (doc.id, doc.id, link.signature),
        ("doc-copy", doc.id, b"sig"),
    ]
    assert filled.story_candidates(("b9:zz", "b7:none")) == [("doc-copy", doc.id, b"sig")]
    assert filled.story_candidates(()) == []
    counts = filled.status().counts
    assert (counts["documents"], counts["stories"], counts["outlets"]) == (2, 1, 2)


def test_status_does_not_depend_on_ingest_history(
    store: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    later = replace(doc, id="doc-later", published=date(2025, 10, 30))
    store.add(later, analysis, link)
    store.add(doc, analysis, link)
    store.add(later, analysis, link)
    status = store.status()
    assert (status.first_published, status.last_published) == (
        date(2025, 10, 23),
        date(2025, 10, 30),
    )
    assert status.counts["documents"] == 2


def test_sentence_at(filled: Store, doc: Document) -> None:
    inside_second = TEXT.index("missiles")
    hit = filled.sentence_at(doc.id, inside_second)
    assert hit is not None
    assert (hit.index, hit.text, hit.outlet) == (1, SECOND, doc.outlet)
    assert filled.sentence_at(doc.id, len(TEXT) + 5) is None
    assert filled.sentence_at("nope", 0) is None


def test_sentence_before(filled: Store, doc: Document) -> None:
    second = filled.sentence_at(doc.id, TEXT.index("missiles"))
    assert second is not None
    first = filled.sentence_before(second)
    assert first is not None
    assert (first.index, first.end <= second.start) == (0, True)
    assert filled.sentence_before(first) is None


def test_top_actors(filled: Store) -> None:
    assert filled.top_actors() == [
        ActorCount("United States", "state", "USA", mentions=2, documents=1),
        ActorCount("Venezuela", "state", "VEN", mentions=1, documents=1),
    ]
    assert [a.name for a in filled.top_actors(limit=1)] == ["United States"]
    assert filled.top_actors(since=date(2025, 10, 24)) == []


def test_actor_sentences_are_distinct_and_recent_first(
    filled: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    assert [h.text for h in filled.actor_sentences("United States")] == [FIRST]
    later = replace(doc, id="doc-later", published=date(2025, 10, 30))
    filled.add(later, analysis, link)
    hits = filled.actor_sentences("Venezuela")
    assert [(h.doc_id, h.text) for h in hits] == [("doc-later", SECOND), (doc.id, SECOND)]
    assert [h.doc_id for h in filled.actor_sentences("Venezuela", limit=1)] == ["doc-later"]
    assert [h.doc_id for h in filled.actor_sentences("Venezuela", since=date(2025, 10, 24))] == [
        "doc-later"
    ]
    assert filled.actor_sentences("Atlantis") == []


def test_quantities_in(filled: Store, doc: Document, analysis: Analysis) -> None:
    first, second = span(FIRST), span(SECOND)
    assert filled.quantities_in(doc.id, first.start, first.end) == list(analysis.quantities)
    assert filled.quantities_in(doc.id, second.start, second.end) == []


def test_entities_in(filled: Store, doc: Document, analysis: Analysis) -> None:
    first, second = span(FIRST), span(SECOND)
    assert filled.entities_in(doc.id, first.start, first.end) == list(analysis.entities[:2])
    assert filled.entities_in(doc.id, second.start, second.end) == [analysis.entities[2]]
    assert filled.entities_in(doc.id, 0, 3) == []  # "The": no entity lies inside


def test_times_in_the_order_of_their_values(
    filled: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    earlier = TimeExpr(0, 3, "The", value="2025-10-01", type="DATE")
    unresolved = TimeExpr(0, 3, "The", value=None, type="DATE")
    later_doc = replace(doc, id="doc-later", published=date(2025, 10, 30))
    filled.add(later_doc, replace(analysis, times=(*analysis.times, earlier, unresolved)), link)
    found = filled.times()
    assert [(t.sentence.doc_id, t.record.value) for t in found] == [
        ("doc-later", "2025-10-01"),
        ("doc-later", "2025-10-22"),
        (doc.id, "2025-10-22"),
    ]
    assert found[-1].sentence.text == FIRST
    assert [t.sentence.doc_id for t in filled.times(since=date(2025, 10, 24))] == ["doc-later"] * 2


def test_attributions_located_and_filtered(filled: Store, analysis: Analysis) -> None:
    (located,) = filled.attributions()
    assert located.record == analysis.attributions[0]
    assert (located.sentence.index, located.sentence.text) == (0, FIRST)
    assert len(filled.attributions(actor="United States", stance="asserted")) == 1
    assert filled.attributions(actor="Venezuela") == []
    assert filled.attributions(stance="denied") == []
    assert filled.attributions(since=date(2025, 10, 24)) == []


def test_quantities_by_the_actor_who_gave_them(filled: Store, analysis: Analysis) -> None:
    (located,) = filled.quantities(actor="United States")
    assert located.record == analysis.quantities[0]
    assert TEXT[located.record.start : located.record.end] == "4,500"
    assert located.sentence.text == FIRST
    assert filled.quantities(actor="Venezuela") == []
    assert len(filled.quantities()) == 1
    assert filled.quantities(since=date(2025, 10, 24)) == []


def test_doubts_filter_by_kind_and_carry_their_sentence(filled: Store) -> None:
    found = filled.doubts(kind="denial")
    assert [d.record.by for d in found] == ["Venezuela"]
    assert found[0].record.text in found[0].sentence.text
    assert filled.doubts(kind="dispute") == []


def test_nested_attributions_round_trip_and_list_flat(
    store: Store, doc: Document, analysis: Analysis, link: StoryLink
) -> None:
    outer = analysis.attributions[0]
    inner = replace(outer, kind="indirect", stance="claimed")
    deepest = replace(outer, kind="direct", stance="denied")
    nested = replace(outer, nested=(replace(inner, nested=(deepest,)),))
    given = replace(analysis, attributions=(nested, outer))
    store.add(doc, given, link)
    assert store.analysis(doc.id) == given
    assert sorted(a.record.stance for a in store.attributions()) == [
        "asserted",
        "asserted",
        "claimed",
        "denied",
    ]


def test_actors_lists_every_stored_actor(filled: Store) -> None:
    assert {a.name: a.code for a in filled.actors()} == {
        "United States": "USA",
        "Venezuela": "VEN",
    }


@pytest.mark.parametrize("full_first", [True, False])
def test_a_lone_surname_joins_its_person_in_either_order(store: Store, full_first: bool) -> None:
    reports = [said("Jane Holloway", "Jane Holloway"), said("Holloway", "Holloway")]
    for doc, analysis in reports if full_first else reversed(reports):
        assert store.add(doc, analysis, StoryLink((), b"")) is True
    assert [a.name for a in store.actors()] == ["Jane Holloway"]
    lone = store.analysis("doc-Holloway")
    assert lone is not None
    assert {e.actor for e in lone.entities} == {"Jane Holloway"}
    assert {a.source.actor for a in lone.attributions if a.source} == {"Jane Holloway"}
    assert lone.quantities[0].claimed_by == lone.doubts[0].by_actor == "Jane Holloway"
    assert len(store.quantities(actor="Jane Holloway")) == 2
    assert store.top_actors() == [ActorCount("Jane Holloway", "PERSON", None, 2, 2)]
    assert store.status().counts["actors"] == 1


def test_people_sharing_a_surname_and_organisations_stay_apart(store: Store) -> None:
    for speaker, actor, kind in [
        ("Jane Holloway", "Jane Holloway", "PERSON"),
        ("Tom Holloway", "Tom Holloway", "PERSON"),
        ("Holloway", "Holloway", "PERSON"),
        ("Ford", "Ford", "ORG"),
        ("Gerald Ford", "Gerald Ford", "PERSON"),
    ]:
        store.add(*said(speaker, actor, kind=kind), StoryLink((), b""))
    assert len(store.actors()) == 5


def test_resolve_actor_by_name_case_and_last_word(filled: Store) -> None:
    filled.add(*said("Jane Holloway", "Jane Holloway"), StoryLink((), b""))
    assert filled.resolve_actor("Venezuela") == "Venezuela"
    assert filled.resolve_actor("united states") == "United States"
    assert filled.resolve_actor("holloway") == "Jane Holloway"
    assert filled.resolve_actor("States") == "United States"
    assert filled.resolve_actor("Atlantis") is None
    filled.add(*said("Tom Holloway", "Tom Holloway"), StoryLink((), b""))
    assert filled.resolve_actor("Holloway") is None  # two people: the user must say which


def test_located_records_come_in_pages(store: Store, doc: Document, analysis: Analysis) -> None:
    for n in range(5):
        later = replace(doc, id=f"doc-{n}", published=date(2025, 10, 20 + n))
        store.add(later, analysis, StoryLink((), b""))
    newest_first = [f"doc-{n}" for n in reversed(range(5))]
    pages = [store.quantities(actor="United States", limit=2, offset=k) for k in (0, 2, 4)]
    assert [[q.sentence.doc_id for q in page] for page in pages] == [
        newest_first[:2],
        newest_first[2:4],
        newest_first[4:],
    ]
    assert [a.sentence.doc_id for a in store.attributions(limit=3)] == newest_first[:3]
    assert len(store.attributions(actor="United States", stance="asserted", limit=10)) == 5
    assert len(store.doubts(kind="denial", limit=1, offset=4)) == 1
    assert len(store.times(since=date(2025, 10, 23), limit=None)) == 2
    assert store.quantities(limit=0) == []
