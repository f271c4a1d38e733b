"""One actor per person across the store, whichever document arrives first."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from crisisdesk.actor_links import is_full_name, is_lone_name, last_word, relinked, unique
from crisisdesk.analyze import analyze
from crisisdesk.records import Actor, Analysis, Document, Entity
from crisisdesk.store import Store, StoryLink, open_store

FULL = "Senator Jane Holloway said on Monday that the vote on the strikes would wait."
LONE = "Ms. Holloway said the navy had not briefed the committee about the second strike."
TOM = FULL.replace("Jane", "Tom")
COMPANY = "Ford said on Monday that it would cut 3,000 jobs at its plants."
PERSON = "Former president Gerald Ford was remembered at a ceremony in Michigan."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "links.db") as opened:
        yield opened


def analysed(nlp: Language, text: str) -> Analysis:
    return next(analyze([(text, None)], nlp=nlp))


def add(store: Store, nlp: Language, *texts: str) -> None:
    """Analyse and store each text as its own document, in order."""
    for text in texts:
        store.add(Document(f"doc-{hash(text)}", text), analysed(nlp, text), StoryLink((), b""))


def claim_sources(store: Store) -> set[str | None]:
    return {
        located.record.source.actor for located in store.attributions() if located.record.source
    }


def entities_of(store: Store, actor: str) -> list[Entity]:
    docs = {located.sentence.doc_id for located in store.attributions()}
    found = [e for doc in docs for e in store.entities_in(doc, 0, 10_000)]
    return [e for e in found if e.actor == actor]


@pytest.mark.parametrize("order", [(FULL, LONE), (LONE, FULL)])
def test_lone_surname_joins_the_stored_full_name(
    store: Store, nlp: Language, order: tuple[str, str]
) -> None:
    add(store, nlp, *order)
    stored = {a.name for a in store.actors()}
    assert "Jane Holloway" in stored
    assert "Holloway" not in stored
    assert claim_sources(store) == {"Jane Holloway"}
    assert {e.label for e in entities_of(store, "Jane Holloway")} == {"PERSON"}
    assert store.top_actors(limit=1)[0].name == "Jane Holloway"
    assert store.top_actors(limit=1)[0].documents == 2


def test_two_people_sharing_a_surname_stay_apart(store: Store, nlp: Language) -> None:
    add(store, nlp, FULL, TOM, LONE)
    assert {"Jane Holloway", "Tom Holloway", "Holloway"} <= {a.name for a in store.actors()}


def test_an_organisation_is_never_a_surname(store: Store, nlp: Language) -> None:
    add(store, nlp, COMPANY, PERSON)
    stored = {a.name: a.kind for a in store.actors()}
    assert stored.get("Gerald Ford") == "PERSON"
    assert "Ford" in stored


def test_pure_helpers() -> None:
    jane, ford = Actor("Jane Holloway", "PERSON"), Actor("Ford", "ORG")
    assert (is_full_name(jane), is_lone_name(jane)) == (True, False)
    assert (is_lone_name(Actor("Holloway", "PERSON")), is_lone_name(ford)) == (True, False)
    assert (last_word("Jane van Holloway"), last_word("Holloway")) == ("Holloway", None)
    assert unique({"Holloway": [jane], "Smith": [], "Lee": [jane, jane]}) == {"Holloway": jane}


def test_relinked_moves_every_record_to_the_person(nlp: Language) -> None:
    lone = analysed(nlp, LONE)
    jane = Actor("Jane Holloway", "PERSON", "USA")
    moved = relinked(lone, {"Holloway": jane})
    assert "Holloway" not in {a.name for a in moved.actors}
    assert {e.actor for e in moved.entities if "Holloway" in e.text} == {"Jane Holloway"}
    assert {a.source.actor for a in moved.attributions if a.source} == {"Jane Holloway"}
    assert relinked(lone, {}) is lone
