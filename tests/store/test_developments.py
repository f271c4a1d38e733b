"""Developments over real text: the reports of one development across outlets join, unrelated
sentences do not, and placing is idempotent and can be redone from the stored analyses."""

from datetime import date
from pathlib import Path

import pytest

from crisisdesk.desk import Desk
from crisisdesk.flow import backfill_developments
from crisisdesk.store import DevelopmentScope, StoredDevelopment


@pytest.fixture
def sampled(desk: Desk, sample_path: Path) -> Desk:
    desk.ingest([sample_path])
    return desk


def grouping(developments: list[StoredDevelopment]) -> set[frozenset[tuple[str, int]]]:
    """Each development as the set of (document, sentence) it holds."""
    return {frozenset((r.doc_id, r.index) for r in d.reports) for d in developments}


def holding(developments: list[StoredDevelopment], words: str) -> StoredDevelopment:
    return next(d for d in developments if any(words in r.text for r in d.reports))


def test_one_development_reported_by_two_outlets_is_one(sampled: Desk) -> None:
    found = sampled.store.developments()
    missiles = holding(found, "5,000 Russian-made Igla-S")
    assert missiles.documents == 2
    assert len(missiles.outlets) == 2
    assert missiles.first_day is not None
    assert missiles.first_day.isoformat() == "2025-10-22"  # "on Wednesday", not publication


def test_unrelated_sentences_stay_apart(sampled: Desk) -> None:
    found = sampled.store.developments()
    covert = holding(found, "authorized the CIA to conduct covert action")
    assert covert.documents == 1
    assert not any("Igla-S" in r.text for r in covert.reports)


def test_most_widely_reported_come_first(sampled: Desk) -> None:
    found = sampled.store.developments()
    counts = [d.documents for d in found]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == 2
    assert sampled.store.developments(limit=2, offset=1) == found[1:3]


def test_ingesting_twice_changes_nothing(sampled: Desk, sample_path: Path) -> None:
    before = grouping(sampled.store.developments())
    sampled.ingest([sample_path])
    assert grouping(sampled.store.developments()) == before


def test_developments_are_redone_from_the_stored_analyses(sampled: Desk) -> None:
    store = sampled.store
    joined = {g for g in grouping(store.developments()) if len({d for d, _ in g}) > 1}
    store.reset_developments()
    assert store.developments() == []
    assert backfill_developments(store) == 5
    redone = {g for g in grouping(store.developments()) if len({d for d, _ in g}) > 1}
    assert redone == joined
    assert store.undeveloped(10) == []


def test_a_date_filter_keeps_developments_of_those_days(sampled: Desk) -> None:
    late = sampled.store.developments(DevelopmentScope(since=date(2025, 10, 24)))
    assert late
    assert all(d.last_day and d.last_day >= date(2025, 10, 24) for d in late)
    early = sampled.store.developments(DevelopmentScope(until=date(2025, 10, 22)))
    assert all(d.first_day and d.first_day <= date(2025, 10, 22) for d in early)
    assert any(d.documents == 2 for d in early)


def test_a_document_tells_a_development_once(desk: Desk, tmp_path: Path) -> None:
    text = (
        "Venezuelan President Nicolás Maduro claimed on Wednesday that his country has deployed "
        "5,000 Russian-made Igla-S anti-aircraft missiles across its territory.\n"
        "Venezuela's Defense: Maduro highlighted the Igla-S missiles, which are short-range, "
        "low-altitude, shoulder-fired systems capable of shooting down drones and planes."
    )
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    desk.ingest([tmp_path / "one.txt"], published=date(2025, 10, 24))
    found = desk.store.developments()
    assert len(found) == 2
    assert all(len(d.reports) == 1 for d in found)
