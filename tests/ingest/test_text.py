import json
import os
from datetime import date
from pathlib import Path

import pytest

from crisisdesk.errors import IngestError
from crisisdesk.ingest import read, read_one
from crisisdesk.ingest.decoding import decode
from crisisdesk.ingest.identity import doc_id
from crisisdesk.settings import IngestSettings, Settings

LATIN = "Les frégates ont quitté le port de Brest à l'aube, a déclaré le ministère.\n"


def only_error(path: Path, settings: Settings) -> IngestError:
    items = list(read([path], settings=settings))
    assert len(items) == 1
    assert isinstance(items[0], IngestError)
    return items[0]


def test_plain_text_is_kept_unchanged(tmp_path: Path, texts: Path, settings: Settings) -> None:
    raw = "  " + (texts / "naval_deployment.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "story.txt"
    path.write_bytes(raw.encode("utf-8"))
    [doc] = read_one(path, settings=settings)
    assert doc.text == raw
    assert doc.text[doc.text.index("frigates") :].startswith("frigates and a replenishment")
    assert doc.id == doc_id(raw)
    assert (doc.title, doc.url, doc.outlet, doc.published) == (None, None, None, None)
    assert doc.origin == str(path)


def test_utf8_bom_is_dropped(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbfFrigates sailed at dawn.")
    [doc] = read_one(path, settings=settings)
    assert doc.text == "Frigates sailed at dawn."


def test_latin1_text_is_detected(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "depeche"
    path.write_bytes(LATIN.encode("latin-1"))
    [doc] = read_one(path, settings=settings)
    assert doc.text == LATIN
    assert doc.note == "decoded as latin-1"


def test_invalid_utf8_after_bom_cannot_be_decoded() -> None:
    with pytest.raises(IngestError, match="cannot decode as utf-8"):
        decode(b"\xef\xbb\xbfabc\xff\xfe", "x.txt")


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf \n"])
def test_empty_file_is_an_error(tmp_path: Path, settings: Settings, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert only_error(path, settings).reason == "empty file"


def test_random_bytes_are_binary(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(os.urandom(4096))
    assert only_error(path, settings).reason == "binary content, not text"


def test_a_nul_byte_marks_binary(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Frigates sailed\x00 at dawn.")
    assert only_error(path, settings).reason == "binary content, not text"


def test_oversize_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Frigates sailed at dawn. " * 10, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise AssertionError("read the whole file")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    tiny = Settings(ingest=IngestSettings(max_bytes=64))
    err = only_error(path, tiny)
    assert err.reason == "file too large (250 bytes > 64)"


def test_missing_path_is_an_error(tmp_path: Path, settings: Settings) -> None:
    err = only_error(tmp_path / "nowhere.txt", settings)
    assert err.reason == "no such file or folder"
    assert err.source == str(tmp_path / "nowhere.txt")


def test_jsonl_keeps_good_lines_and_names_the_bad_one(tmp_path: Path, settings: Settings) -> None:
    first = {
        "id": "a1",
        "text": "Frigates sailed at dawn.\u2028Two tankers followed.",
        "title": "Dawn sailing",
        "outlet": "Harbour Watch",
        "published": "2025-10-22",
    }
    third = {"id": "a3", "text": "The ministry called it routine.", "url": "https://x.example/3"}
    lines = [json.dumps(first), '{"id": "a2", "text": "unterminated', "", json.dumps(third)]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read([path], settings=settings))
    assert [type(item).__name__ for item in items] == ["Document", "IngestError", "Document"]
    doc1, err, doc3 = items
    assert doc1.text == first["text"]
    assert doc1.id == doc_id(first["text"]) != "a1"
    assert (doc1.title, doc1.outlet, doc1.published) == (
        "Dawn sailing",
        "Harbour Watch",
        date(2025, 10, 22),
    )
    assert doc1.origin == f"{path}:line 1"
    assert err.source == f"{path}:line 2"
    assert err.reason.startswith("malformed JSON")
    assert (doc3.url, doc3.published, doc3.origin) == (
        "https://x.example/3",
        None,
        f"{path}:line 4",
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('["not", "an", "object"]', "expected a JSON object"),
        ('{"id": "b", "text": "  "}', 'missing or empty "text"'),
        ('{"id": "b", "title": "no text"}', 'missing or empty "text"'),
        (
            '{"id": "b", "text": "Ships sailed.", "published": "last Tuesday-ish"}',
            'bad "published"',
        ),
    ],
)
def test_jsonl_line_errors(tmp_path: Path, settings: Settings, line: str, reason: str) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    err = only_error(path, settings)
    assert err.reason.startswith(reason)
    assert err.source.endswith(":line 1")
