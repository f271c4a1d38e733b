"""One actor per person across the store, whichever document arrives first."""

from pathlib import Path

import pytest
from spacy.language import Language

from crisisdesk.actor_links import ActorIndex
from crisisdesk.analyze import analyze
from crisisdesk.desk import Desk

FULL = "Senator Jane Holloway said on Monday that the vote on the strikes would wait."
LONE = "Holloway said the navy had not briefed the committee about the second strike."


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
    people = {a.name for a in desk.store.top_actors(limit=50) if a.kind == "PERSON"}
    assert "Jane Holloway" in people
    assert "Holloway" not in people
    assert claim_sources(desk) == {"Jane Holloway"}


def test_two_people_sharing_a_surname_stay_apart(nlp: Language) -> None:
    lone = next(analyze([(LONE, None)], nlp=nlp))
    one = ActorIndex({"Jane Holloway": "PERSON", "Ann Smith": "PERSON"})
    assert one.links(lone) == {"Holloway": "Jane Holloway"}
    two = ActorIndex({"Jane Holloway": "PERSON", "Tom Holloway": "PERSON"})
    assert two.links(lone) == {}
