from datetime import date
from pathlib import Path

import pytest

from crisisdesk.errors import IngestError
from crisisdesk.ingest import read, read_one
from crisisdesk.records import Document
from crisisdesk.settings import Settings


def test_rss_entries_become_documents(texts: Path, settings: Settings) -> None:
    path = texts / "harbour_watch.rss"
    first, second = read_one(path, settings=settings)
    assert first.text == (
        "Three frigates and a tanker left the northern base before dawn.\n\n"
        "The ministry called it a routine patrol."
    )
    assert first.title == "Frigates sail for the strait"
    assert first.url == "https://harbourwatch.example/2025/10/frigates-sail"
    assert first.published == date(2025, 10, 22)
    assert first.outlet == second.outlet == "Harbour Watch"
    assert first.origin == f"{path}#entry-1"
    assert second.origin == f"{path}#entry-2"
    assert second.published == date(2025, 10, 23)
    assert second.text.startswith("A coastguard officer said at least 40 naval vessels")


def test_atom_entry_uses_content_and_updated_date(texts: Path, settings: Settings) -> None:
    [doc] = read_one(texts / "harbour_watch.atom", settings=settings)
    assert doc.text == (
        "Reservists in the northern district were told to keep their phones on.\n\n"
        "The ministry said the order was administrative."
    )
    assert doc.title == "Reservists told to stay reachable"
    assert doc.url == "https://harbourwatch.example/2025/10/reservists"
    assert doc.outlet == "Harbour Watch Atom"
    assert doc.published == date(2025, 10, 24)


def test_truncated_rss_is_one_error_and_no_documents(
    tmp_path: Path, texts: Path, settings: Settings
) -> None:
    whole = (texts / "harbour_watch.rss").read_bytes()
    path = tmp_path / "cut.rss"
    path.write_bytes(whole[: whole.index(b"</item>", whole.index(b"</item>") + 1)])
    items = list(read([path], settings=settings))
    assert len(items) == 1
    assert isinstance(items[0], IngestError)
    assert items[0].reason.startswith("malformed feed:")


def test_text_with_a_feed_suffix_is_not_a_feed(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "notes.rss"
    path.write_text("Frigates sailed at dawn, said the ministry.", encoding="utf-8")
    with pytest.raises(IngestError, match="malformed feed: "):
        read_one(path, settings=settings)


def test_entry_without_text_is_reported_alone(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "thin.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>HW</title>'
        "<item><title>Headline only</title></item>"
        "<item><title>Full</title><description>Tankers followed the frigates.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    empty, full = read([path], settings=settings)
    assert isinstance(empty, IngestError)
    assert empty.source == f"{path}#entry-1"
    assert isinstance(full, Document)
    assert full.text == "Tankers followed the frigates."


def test_feed_without_entries_is_an_error(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text('<rss version="2.0"><channel><title>HW</title></channel></rss>', "utf-8")
    with pytest.raises(IngestError, match="feed has no entries"):
        read_one(path, settings=settings)
