"""The one path through, under faults: a failing component skips its document only, long texts
are analysed in pieces with exact offsets, worker processes give the same records, and
`extract` reads what `ingest` reads."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from crisisdesk import flow
from crisisdesk.analyze.pipeline import Failure, analyze, piece_bounds
from crisisdesk.desk import Desk
from crisisdesk.ingest.metadata import make_document
from crisisdesk.records import Analysis
from crisisdesk.serve.cli import app
from crisisdesk.settings import ModelSettings, Settings

POISON = "Zyzzogeton"  # a word no news text holds: the injected fault fires on it
REPORTS = [
    "The navy sent 4,500 Marines to the Caribbean on Monday, officials said.",
    f"Analysts said the {POISON} report could not be verified.",
    "Venezuelan President Nicolás Maduro claimed that 5,000 missiles were deployed.",
]


@Language.component("test_fault_on_marker")
def fault_on_marker(doc: Doc) -> Doc:
    """A component that fails on one marked document, as a bug in a real component would."""
    if POISON in doc.text:
        raise ValueError("injected fault")
    return doc


@pytest.fixture
def faulty(nlp: Language) -> Iterator[Language]:
    """The shared pipeline with the fault component appended, removed after the test."""
    nlp.add_pipe("test_fault_on_marker", last=True)
    try:
        yield nlp
    finally:
        nlp.remove_pipe("test_fault_on_marker")


def one_process(settings: Settings, **models: int) -> Settings:
    return settings.model_copy(update={"models": ModelSettings(**{"workers": 1, **models})})


def test_a_failing_component_skips_its_document_only(faulty: Language) -> None:
    results = list(analyze([(t, None) for t in REPORTS], nlp=faulty))
    assert [type(r) for r in results] == [Analysis, Failure, Analysis]
    assert results[1].component == "test_fault_on_marker"  # type: ignore[union-attr]
    assert "injected fault" in str(results[1])
    assert results[2].text == REPORTS[2]  # order kept after the failure


def test_ingest_goes_on_after_a_failing_document(
    faulty: Language, tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for number, text in enumerate(REPORTS):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    with Desk(tmp_path / "s.db", settings=one_process(settings)) as desk:
        report = desk.ingest([folder])
        assert report.added == 2
        assert [e.source for e in report.skipped] == [str(folder / "1.txt")]
        assert "test_fault_on_marker" in report.skipped[0].reason
        assert desk.status().counts["documents"] == 2


def test_a_direct_call_still_raises(faulty: Language) -> None:
    list(analyze([("A first run sets the handler.", None)], nlp=faulty))
    with pytest.raises(ValueError, match="injected fault"):
        faulty(f"A {POISON} outside any run.")


def test_pieces_cover_the_text_and_cut_at_paragraphs() -> None:
    text = "First paragraph here.\n\nSecond one is longer than that.\n\nThird."
    bounds = piece_bounds(text, 40)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(b - a <= 40 for a, b in bounds)
    assert text[bounds[0][0] : bounds[0][1]].endswith("\n\n")
    assert piece_bounds("short", 40) == [(0, 5)]


def test_a_long_text_in_pieces_keeps_exact_offsets(nlp: Language) -> None:
    paragraph = (
        "Venezuelan President Nicolás Maduro claimed on Wednesday that 5,000 missiles were "
        "deployed. Experts questioned the figure.\n\n"
    )
    text = paragraph * 12
    whole = next(analyze([(text, None)], nlp=nlp, piece_chars=1_000_000))
    pieces = next(analyze([(text, None)], nlp=nlp, piece_chars=300))
    assert isinstance(whole, Analysis)
    assert isinstance(pieces, Analysis)
    assert len(pieces.quantities) == len(whole.quantities) == 12
    assert [q.start for q in pieces.quantities] == [q.start for q in whole.quantities]
    for record in (*pieces.entities, *pieces.quantities, *pieces.times, *pieces.doubts):
        assert text[record.start : record.end] == record.text
    for att in pieces.attributions:
        assert text[att.cue.start : att.cue.end] == att.cue.text
    assert [s.start for s in pieces.sentences] == [s.start for s in whole.sentences]


def test_worker_processes_give_the_same_records(settings: Settings) -> None:
    docs = [
        make_document(f"{text} Report number {n}.", origin=str(n))
        for n in range(6)
        for text in REPORTS[::2]
    ]
    alone = list(flow.analyzed(docs, one_process(settings)))
    pooled = list(flow.analyzed(docs, one_process(settings, workers=2)))
    assert [d.id for d, _ in pooled] == [d.id for d in docs]
    assert [a for _, a in pooled] == [a for _, a in alone]


def test_extract_reads_jsonl_as_ingest_does(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": REPORTS[0], "published": "Wed, 22 Oct 2025 09:30:00 GMT"},
        {"id": "b", "text": 5},
        {"id": "c", "text": REPORTS[2]},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["published"]) for o in out] == [("a", "2025-10-22"), ("c", None)]
    assert "line 2" in result.stderr


def test_extract_of_a_failing_document_says_why(faulty: Language, tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(REPORTS[1], encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert "injected fault" in json.loads(result.stdout)["error"]
