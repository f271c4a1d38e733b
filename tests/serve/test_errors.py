"""Failures at the command line are one line on stderr and a non-zero exit, never a traceback;
commands that only read never create an evidence base."""

import json
import sqlite3
from pathlib import Path

import pytest

from crisisdesk.serve.cli import main
from tests.conftest import SEED


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, list[str]]:
    """Exit code, stdout and stderr lines of `crisisdesk ARGS` run through the entry point."""
    with pytest.raises(SystemExit) as stop:
        main([str(a) for a in args])
    out = capsys.readouterr()
    return int(stop.value.code or 0), out.out, out.err.splitlines()


@pytest.fixture
def stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "desk.db"
    text = tmp_path / "seed.txt"
    text.write_text(SEED, encoding="utf-8")
    assert run(capsys, "ingest", text, "--db", db)[0] == 0
    return db


@pytest.mark.parametrize(
    "command",
    [
        ("status",),
        ("brief",),
        ("claims",),
        ("numbers", "--format", "json"),
        ("ask", "Who claimed the deployment?"),
    ],
)
def test_read_only_commands_never_create_a_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    db = tmp_path / "missing.db"
    code, out, err = run(capsys, *command, "--db", db)
    assert code == 1
    assert out == ""
    assert len(err) == 1
    assert err[0].startswith("error: no evidence base at ")
    assert not db.exists()


def test_a_damaged_store_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4096)
    for command in (("status",), ("claims", "--format", "csv"), ("brief",)):
        code, _, err = run(capsys, *command, "--db", db)
        assert code == 1
        assert len(err) == 1
        assert err[0].startswith("error: ")


def test_a_store_missing_a_table_is_one_line(
    capsys: pytest.CaptureFixture[str], stored: Path
) -> None:
    with sqlite3.connect(stored) as db:
        db.execute('DROP TABLE "quantities"')
    db.close()
    code, out, err = run(capsys, "numbers", "--db", stored, "--format", "csv")
    assert code == 1
    assert out == ""
    assert len(err) == 1
    assert "no such table: quantities" in err[0]


def test_batch_file_missing_is_one_line(capsys: pytest.CaptureFixture[str], stored: Path) -> None:
    code, out, err = run(capsys, "ask", "--batch", stored.parent / "nope.jsonl", "--db", stored)
    assert code == 1
    assert out == ""
    assert err == [f"error: cannot read {stored.parent / 'nope.jsonl'}: No such file or directory"]


def test_bad_batch_lines_are_reported_and_good_ones_answered(
    capsys: pytest.CaptureFixture[str], stored: Path
) -> None:
    batch = stored.parent / "q.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "question": "Who authorized covert action?"}),
                "{not json",
                json.dumps({"id": 1, "question": 5}),
                json.dumps(["a list"]),
                json.dumps({"id": "b", "question": "Who is weighing military action?"}),
                json.dumps({"id": "c", "question": "Who?", "context": 7}),
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "ask", "--batch", batch, "--db", stored)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]
    assert err == [
        f"error: {batch}:2: not JSON (Expecting property name enclosed in double quotes)",
        f'error: {batch}:3: "question" must be a string',
        f"error: {batch}:4: not a JSON object",
        f'error: {batch}:6: "context" must be a string or null',
    ]


def test_a_batch_of_contexts_needs_no_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "q.jsonl"
    line = {"id": 3, "question": "Who authorized covert action?", "context": SEED}
    batch.write_text(json.dumps(line), encoding="utf-8")
    db = tmp_path / "missing.db"
    code, out, _ = run(capsys, "ask", "--batch", batch, "--db", db)
    assert code == 0
    assert json.loads(out)["id"] == "3"
    assert json.loads(out)["answer"] == "Trump"
    assert not db.exists()


def test_brief_into_a_missing_folder_names_it(
    capsys: pytest.CaptureFixture[str], stored: Path
) -> None:
    folder = stored.parent / "no" / "such"
    code, out, err = run(capsys, "brief", "--db", stored, "--out", folder / "brief.md")
    assert code == 1
    assert out == ""
    assert err == [f"error: cannot write {folder / 'brief.md'}: no folder {folder}"]


def test_brief_onto_a_folder_is_one_line(capsys: pytest.CaptureFixture[str], stored: Path) -> None:
    code, _, err = run(capsys, "brief", "--db", stored, "--out", stored.parent)
    assert code == 1
    assert err == [f"error: cannot write {stored.parent}: Is a directory"]


def test_brief_out_writes_the_file(capsys: pytest.CaptureFixture[str], stored: Path) -> None:
    target = stored.parent / "brief.html"
    code, _, err = run(capsys, "brief", "--db", stored, "--format", "html", "--out", target)
    assert code == 0
    assert err == [f"wrote {target}"]
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
