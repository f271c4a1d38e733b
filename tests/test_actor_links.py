"""One actor per person across the store, whichever document arrives first."""

from pathlib import Path

import pytest
from spacy.language import Language

from crisisdesk.actor_links import ActorIndex
from crisisdesk.analyze import analyze
from crisisdesk.desk import Desk
from crisisdesk.records import Actor, Entity

FULL = "Senator Jane Holloway said on Monday that the vote on the strikes would wait."
LONE = "Ms. Holloway said the navy had not briefed the committee about the second strike."


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def claim_sources(desk: Desk) -> set[str | None]:
    return {
        located.record.source.actor
        for located in desk.store.attributions()
        if located.record.source
    }


@pytest.mark.parametrize("order", [("full", "lone"), ("lone", "full")])
def test_lone_surname_joins_the_stored_full_name(
    desk: Desk, tmp_path: Path, order: tuple[str, str]
) -> None:
    texts = {"full": FULL, "lone": LONE}
    for name in order:
        desk.ingest([write(tmp_path, f"{name}.txt", texts[name])])
    stored = {a.name for a in desk.store.actors()}
    assert "Jane Holloway" in stored
    assert "Holloway" not in stored
    assert claim_sources(desk) == {"Jane Holloway"}
    labels = {e.label for e in entities_of(desk, "Jane Holloway")}
    assert labels == {"PERSON"}


def entities_of(desk: Desk, actor: str) -> list[Entity]:
    docs = {located.sentence.doc_id for located in desk.store.attributions()}
    found = [e for doc in docs for e in desk.store.entities_in(doc, 0, 10_000)]
    return [e for e in found if e.actor == actor]


def test_two_people_sharing_a_surname_stay_apart(nlp: Language) -> None:
    lone = next(analyze([(LONE, None)], nlp=nlp))
    jane = Actor("Jane Holloway", "PERSON", "USA")
    one = ActorIndex([jane, Actor("Ann Smith", "PERSON")])
    assert one.links(lone) == {"Holloway": jane}
    two = ActorIndex([jane, Actor("Tom Holloway", "PERSON")])
    assert two.links(lone) == {}


def test_an_organisation_is_never_a_surname(desk: Desk, tmp_path: Path) -> None:
    company = "Ford said on Monday that it would cut 3,000 jobs at its plants."
    person = "Former president Gerald Ford was remembered at a ceremony in Michigan."
    desk.ingest([write(tmp_path, "company.txt", company)])
    desk.ingest([write(tmp_path, "person.txt", person)])
    stored = {a.name: a.kind for a in desk.store.actors()}
    assert stored.get("Gerald Ford") == "PERSON"
    assert "Ford" in stored
