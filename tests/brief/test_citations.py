"""Briefs and answers show only citations whose offsets slice the stored text to the sentence."""

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from crisisdesk.ask.cite import Citer
from crisisdesk.brief import build_brief
from crisisdesk.desk import Desk
from crisisdesk.store import SentenceHit


@pytest.fixture
def hit(desk: Desk, sample_path: Path) -> SentenceHit:
    desk.ingest([sample_path])
    return desk.store.search("Igla", limit=1)[0]


def test_a_stored_sentence_is_cited_with_its_document(desk: Desk, hit: SentenceHit) -> None:
    cited = Citer(desk.store)(hit)
    assert cited is not None
    doc = desk.store.document(hit.doc_id)
    assert doc is not None
    assert doc.text[cited.start : cited.end] == cited.text == hit.text
    assert (cited.outlet, cited.published) == (doc.outlet, doc.published)


@pytest.mark.parametrize(
    "change",
    [
        {"text": "Forged words."},
        {"start": -5, "end": -1},
        {"doc_id": "0" * 16},
    ],
    ids=["text", "negative-offsets", "unknown-document"],
)
def test_a_citation_that_does_not_check_is_none(
    desk: Desk, hit: SentenceHit, change: dict[str, object]
) -> None:
    assert Citer(desk.store)(replace(hit, **change)) is None  # type: ignore[arg-type]


def test_brief_leaves_out_citations_of_tampered_sentences(
    desk: Desk, sample_path: Path, tmp_path: Path
) -> None:
    desk.ingest([sample_path])
    with sqlite3.connect(tmp_path / "test.db") as db:
        forged = db.execute('SELECT "doc_id" FROM "sentences" LIMIT 1').fetchone()[0]
        db.execute(
            'UPDATE "sentences" SET "text" = \'Forged \' || "text" WHERE "doc_id" = ?', (forged,)
        )
    db.close()
    brief = build_brief(desk.store).to_json()
    assert "Forged" not in json.dumps(brief)
    cited = [
        c["doc"]
        for name in ("key_points", "claims", "numbers", "timeline")
        for i in brief[name]
        for c in i["citations"]
    ]
    assert cited
    assert forged not in cited
