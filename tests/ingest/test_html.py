import shutil
from datetime import date
from pathlib import Path

import pytest

from crisisdesk.errors import IngestError
from crisisdesk.ingest import read_one
from crisisdesk.ingest.html import html_to_text
from crisisdesk.settings import Settings


def test_page_gives_main_text_and_metadata(texts: Path, settings: Settings) -> None:
    [doc] = read_one(texts / "frigates.html", settings=settings)
    assert "replenishment tanker left the northern naval base" in doc.text
    assert "Opposition lawmakers questioned that account" in doc.text
    assert "All rights reserved" not in doc.text
    assert "<p>" not in doc.text
    assert doc.title == "Frigates sail for the strait"
    assert doc.url == "https://harbourwatch.example/2025/10/frigates-sail"
    assert doc.outlet == "Harbour Watch"
    assert doc.published == date(2025, 10, 22)


def test_html_is_sniffed_in_a_txt_file(tmp_path: Path, texts: Path, settings: Settings) -> None:
    path = tmp_path / "saved_page.txt"
    shutil.copy(texts / "frigates.html", path)
    [doc] = read_one(path, settings=settings)
    assert doc.title == "Frigates sail for the strait"
    assert "<!DOCTYPE" not in doc.text


def test_page_without_text_is_an_error(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Nothing</title></head><body></body></html>", "utf-8")
    with pytest.raises(IngestError, match="no text extracted from HTML"):
        read_one(path, settings=settings)


def test_fragment_blocks_become_paragraphs() -> None:
    fragment = (
        "<p>Two frigates  sailed.</p><p>The ministry said <b>nothing</b>.<br>Later: more.</p>"
    )
    assert (
        html_to_text(fragment) == "Two frigates sailed.\n\nThe ministry said nothing.\nLater: more."
    )
    assert html_to_text("plain words") == "plain words"
    assert html_to_text("<p>a\x01b\x00c</p>") == "abc"  # lxml refuses control characters


def test_markup_trafilatura_fails_on_is_an_error(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "odd.html"
    path.write_bytes(b"<svg><html><body>" + b"x" * 100)
    with pytest.raises(IngestError, match="cannot extract HTML: AssertionError"):
        read_one(path, settings=settings)
