"""The command line, end to end, on the bundled sample and small real inputs."""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crisisdesk.serve.cli import app
from tests.conftest import SEED

runner = CliRunner()


def invoke(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def status_of(db: Path) -> dict[str, object]:
    result = invoke("status", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def stored(tmp_path: Path, sample_path: Path) -> Path:
    db = tmp_path / "desk.db"
    assert invoke("ingest", sample_path, "--db", db).exit_code == 0
    return db


def test_extract_contract_offsets_slice_the_input(tmp_path: Path) -> None:
    source = tmp_path / "seed.txt"
    source.write_text(SEED, encoding="utf-8")
    result = invoke("extract", source, "--published", "2025-10-23")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["text"] == SEED
    assert out["published"] == "2025-10-23"
    for key in ("sentences", "entities", "attributions", "doubts", "quantities", "times", "events"):
        assert isinstance(out[key], list)
    assert all(SEED[e["start"] : e["end"]] == e["text"] for e in out["entities"])
    actors = {e["text"]: e["actor"] for e in out["entities"]}
    assert actors["Maduro"] == actors["Nicolás Maduro"] == "Nicolás Maduro"


def test_extract_jsonl_keeps_ids(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    lines = [{"id": "a", "text": SEED}, {"id": "b", "text": "Trump spoke in Washington."}]
    source.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    result = invoke("extract", source)
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a", "b"]


def test_ingest_twice_changes_nothing(stored: Path, sample_path: Path) -> None:
    before = status_of(stored)
    assert invoke("ingest", sample_path, "--db", stored).exit_code == 0
    assert status_of(stored) == before
    assert before["documents"] == 5
    assert before["stories"] == 4  # the wire copy joined its original's story
    assert before["outlets"] == 3


@pytest.mark.parametrize(
    "content",
    [
        b"",
        os.urandom(4096),
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire'
        b"</title><item><title>Strikes</title><description>The US has",
    ],
    ids=["empty", "random-bytes", "truncated-rss"],
)
def test_unreadable_input_fails_in_few_lines_and_changes_nothing(
    stored: Path, tmp_path: Path, content: bytes
) -> None:
    before = status_of(stored)
    bad = tmp_path / ("feed.rss" if content.startswith(b"<?xml") else "bad.txt")
    bad.write_bytes(content)
    result = invoke("ingest", bad, "--db", stored)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 3
    assert lines[0].startswith(f"error: {bad}")
    assert status_of(stored) == before


def test_ask_answers_with_the_sentence_that_says_so(stored: Path) -> None:
    result = invoke("ask", "How many Igla-S missiles did Maduro say were deployed?", "--db", stored)
    assert result.exit_code == 0
    assert "5,000" in result.stdout.split("A:")[1].splitlines()[0]


def test_ask_batch_abstains_and_answers_from_context(stored: Path, tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    rows = [
        {"id": "1", "question": "How many Igla-S missiles did Maduro say were deployed?"},
        {"id": "2", "question": "What is the population of Norway?"},
        {"id": "3", "question": "Who authorized covert action?", "context": SEED},
        {"id": "4", "question": "What is the range of the Stinger?"},
    ]
    questions.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = invoke("ask", "--batch", questions, "--db", stored)
    answers = {a["id"]: a for a in map(json.loads, result.stdout.splitlines())}
    assert answers["1"]["answer"] == "5,000"
    cited = answers["1"]["citations"][0]
    assert "5,000" in cited["text"]
    assert cited["end"] - cited["start"] == len(cited["text"])
    assert answers["2"]["answer"] is None
    assert answers["2"]["citations"] == []
    assert answers["3"]["answer"] == "Trump"
    assert answers["3"]["citations"][0]["text"] in SEED
    assert answers["4"]["answer"] is None  # the stored range is the Igla-S's, not the Stinger's


def test_brief_html_escapes_article_text(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    page = tmp_path / "note.txt"
    page.write_text("Maduro said <script>alert(1)</script> was a conspiracy.", encoding="utf-8")
    assert invoke("ingest", page, "--db", db, "--published", "2025-10-24").exit_code == 0
    html = invoke("brief", "--db", db, "--format", "html").stdout
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_brief_json_sections_cite_stored_text(stored: Path) -> None:
    brief = json.loads(invoke("brief", "--db", stored, "--format", "json").stdout)
    assert brief["documents"] == 5
    points = brief["key_points"]
    assert {p["actor"] for p in points} >= {"Nicolás Maduro", "Donald Trump"}
    for section in ("key_points", "claims", "numbers", "timeline", "trend"):
        for item in brief[section]:
            assert item["citations"], section


def test_demo_prints_brief_and_answers() -> None:
    result = invoke("demo")
    assert result.exit_code == 0
    assert "## Key points" in result.stdout
    assert result.stdout.count("Q:") == 3


def test_numbers_lists_quantities_with_their_citation(stored: Path) -> None:
    result = invoke("numbers", "--db", stored, "--format", "json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    marines = [r for r in rows if r["value"] == 4500]
    assert marines
    assert marines[0]["counted"] == "Marines and sailors"
    assert marines[0]["text"] in marines[0]["sentence"]
    assert marines[0]["end"] - marines[0]["start"] == len(marines[0]["text"])
    missiles = [r for r in rows if r["value"] == 5000]
    assert {r["claimed_by"] for r in missiles} == {"Nicolás Maduro"}


def test_claims_filter_by_actor_alias_and_write_csv(stored: Path) -> None:
    result = invoke("claims", "--db", stored, "--actor", "Maduro", "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) > 1
    assert lines[0].startswith("source,actor,cue")
    assert all("Nicolás Maduro" in line for line in lines[1:])


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("How many Marines and sailors has the US deployed to the Caribbean?", "4,500"),
        ("How many reservists did Maduro claim?", "8 million"),
        ("What is the maximum altitude of the Igla-S?", "3,500 meters"),
        ("Who questioned the strikes?", "US lawmakers"),
    ],
)
def test_ask_reads_aliases_and_the_previous_sentence(
    stored: Path, tmp_path: Path, question: str, answer: str
) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "q", "question": question}), encoding="utf-8")
    result = invoke("ask", "--batch", questions, "--db", stored)
    assert json.loads(result.stdout)["answer"] == answer
