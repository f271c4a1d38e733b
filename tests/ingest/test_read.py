import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from crisisdesk.errors import IngestError
from crisisdesk.ingest import read, read_one, sniff
from crisisdesk.records import Document
from crisisdesk.settings import Settings


@pytest.fixture
def folder(tmp_path: Path, texts: Path) -> Path:
    root = tmp_path / "inbox"
    (root / "feeds").mkdir(parents=True)
    (root / ".cache").mkdir()
    shutil.copy(texts / "naval_deployment.txt", root / "b_story.txt")
    shutil.copy(texts / "harbour_watch.rss", root / "feeds" / "hw.rss")
    (root / "a_empty.txt").write_bytes(b"")
    (root / "c_noise.bin").write_bytes(os.urandom(2048))
    (root / ".hidden.txt").write_text("Hidden note.", encoding="utf-8")
    (root / ".cache" / "seen.txt").write_text("Cached note.", encoding="utf-8")
    return root


def test_folder_reads_what_it_can_in_sorted_order(folder: Path, settings: Settings) -> None:
    items = list(read([folder], settings=settings))
    origins = [item.origin if isinstance(item, Document) else item.source for item in items]
    assert origins == [
        str(folder / "a_empty.txt"),
        str(folder / "b_story.txt"),
        str(folder / "c_noise.bin"),
        f"{folder / 'feeds' / 'hw.rss'}#entry-1",
        f"{folder / 'feeds' / 'hw.rss'}#entry-2",
    ]
    errors = [item.reason for item in items if isinstance(item, IngestError)]
    assert errors == ["empty file", "binary content, not text"]


def test_explicit_metadata_overrides_the_source(texts: Path, settings: Settings) -> None:
    docs = read_one(
        texts / "harbour_watch.rss", settings=settings, published=date(2025, 11, 1), outlet="Desk"
    )
    assert {(d.published, d.outlet) for d in docs} == {(date(2025, 11, 1), "Desk")}
    assert docs[0].title == "Frigates sail for the strait"


def test_explicit_metadata_fills_plain_text(texts: Path, settings: Settings) -> None:
    [doc] = read_one(
        texts / "naval_deployment.txt", settings=settings, published=date(2025, 10, 22)
    )
    assert (doc.published, doc.outlet) == (date(2025, 10, 22), None)


def test_read_one_raises_what_read_yields(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(IngestError, match="empty file") as caught:
        read_one(path, settings=settings)
    assert caught.value.source == str(path)


def test_unknown_suffix_with_plain_text_is_unsupported(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("Frigates sailed at dawn.", encoding="utf-8")
    with pytest.raises(IngestError, match=r"unsupported format '\.pdf'"):
        read_one(path, settings=settings)


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"Frigates sailed.", "story.txt", "text"),
        (b"Frigates sailed.", "story", "text"),
        (b'{"text": "x"}', "batch.JSONL", "jsonl"),
        (b"\xef\xbb\xbf\n<!DOCTYPE html><html></html>", "page.txt", "html"),
        (b"<html><body></body></html>", "page", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"></rss>', "feed", "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "x.cgi", "feed"),
        (b'<?xml version="1.0"?>\n<note>hi</note>', "note.txt", "text"),
        (b"anything", "page.htm", "html"),
        (b"Frigates sailed.", "notes.docx", None),
    ],
)
def test_sniff(data: bytes, name: str, kind: str | None) -> None:
    assert sniff(data, name) == kind


def test_symlinks_leading_out_of_the_folder_are_skipped(
    tmp_path: Path, texts: Path, settings: Settings
) -> None:
    root, outside = tmp_path / "inbox", tmp_path / "private"
    root.mkdir()
    outside.mkdir()
    (outside / "notes.txt").write_text("Private notes.", encoding="utf-8")
    shutil.copy(texts / "naval_deployment.txt", root / "story.txt")
    (root / "a_file.txt").symlink_to(outside / "notes.txt")
    (root / "b_folder").symlink_to(outside)
    (root / "c_copy.txt").symlink_to(root / "story.txt")
    (root / "d_loop.txt").symlink_to(root / "d_loop.txt")
    (root / "e_root").symlink_to(root)
    items = list(read([root], settings=settings))
    errors = {Path(i.source).name: i.reason for i in items if isinstance(i, IngestError)}
    assert errors == {
        "a_file.txt": "symlink leads outside the folder",
        "b_folder": "symlink leads outside the folder",
        "d_loop.txt": "broken symlink or symlink loop",
    }
    docs = [i for i in items if isinstance(i, Document)]
    assert [Path(d.origin or "").name for d in docs] == ["c_copy.txt", "story.txt"]
