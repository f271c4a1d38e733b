from datetime import date
from pathlib import Path

import pytest

from crisisdesk.errors import IngestError
from crisisdesk.ingest import read, read_one
from crisisdesk.ingest.csv_rows import read_csv
from crisisdesk.records import Document
from crisisdesk.settings import IngestSettings, Settings

EXPORT = (
    "Headline,Body,Link,Source,PubDate,Tone\r\n"
    'Frigates sail,"Three frigates left port.\r\n\r\nThe ministry called it routine.",'
    "https://hw.example/1,Harbour Watch,2025-10-22,-1.5\r\n"
    ",Reservists were told to stay reachable.,,,,0\r\n"
)


def write(tmp_path: Path, content: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return path


def test_rows_become_documents_by_header_names(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path, EXPORT)
    first, second = read_one(path, settings=settings)
    assert first.text == "Three frigates left port.\r\n\r\nThe ministry called it routine."
    assert (first.title, first.url, first.outlet, first.published) == (
        "Frigates sail",
        "https://hw.example/1",
        "Harbour Watch",
        date(2025, 10, 22),
    )
    assert (first.origin, first.ref) == (f"{path}:line 2", 2)
    assert second.text == "Reservists were told to stay reachable."
    assert (second.title, second.url, second.outlet, second.published) == (None,) * 4
    assert second.origin == f"{path}:line 5"  # the first row spans lines 2-4


def test_bad_rows_are_named_and_the_others_kept(tmp_path: Path, settings: Settings) -> None:
    content = (
        "text,date\n"
        "Frigates sailed.,2025-10-22\n"
        "Too,many,fields\n"
        "  ,2025-10-22\n"
        "Tankers followed.,sometime\n"
        "\n"
        "Coastguard counted 40 ships.,\n"
    )
    path = write(tmp_path, content)
    items = list(read([path], settings=settings))
    reasons = [(i.source, i.reason) if isinstance(i, IngestError) else i.text for i in items]
    assert reasons[0] == "Frigates sailed."
    assert reasons[1] == (f"{path}:line 3", "expected 2 fields, found 3")
    assert reasons[2] == (f"{path}:line 4", "empty text")
    assert isinstance(reasons[3], tuple)
    assert reasons[3][0] == f"{path}:line 5"
    assert reasons[3][1].startswith('bad "published": not a date')
    assert reasons[4] == "Coastguard counted 40 ships."


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("title,url\nFrigates,https://x.example\n", "no text column: expected one of text, body"),
        ("content\n", "CSV has no rows"),
    ],
)
def test_bad_files(tmp_path: Path, settings: Settings, content: str, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        read_one(write(tmp_path, content), settings=settings)


def test_a_long_article_is_read(tmp_path: Path) -> None:
    article = "Frigates sailed at dawn. " * 8000  # 200,000 characters: over csv's 128 KiB default
    roomy = Settings(ingest=IngestSettings(max_bytes=1_000_000))
    [doc] = read_one(write(tmp_path, f"text\n{article}\n"), settings=roomy)
    assert doc.text == article


def test_a_field_over_the_limit_is_an_error_for_its_row() -> None:
    data = b'text\n"Frigates sailed at dawn."\n"' + b"x" * 100 + b'"\nTankers followed.\n'
    first, long, last = read_csv(data, origin="big.csv", max_chars=50)
    assert isinstance(first, Document)
    assert isinstance(long, IngestError)
    assert (long.source, long.reason) == ("big.csv:line 3", "field longer than 50 characters")
    assert isinstance(last, Document)


def test_cp1252_export_is_decoded_with_a_note() -> None:
    data = "ID,text,outlet\nd-7,José Núñez spoke.,Diario de Cádiz\n".encode("cp1252")
    [doc] = read_csv(data, origin="x.csv", max_chars=1000)
    assert isinstance(doc, Document)
    assert doc.ref == "d-7"
    assert (doc.text, doc.outlet, doc.note) == (
        "José Núñez spoke.",
        "Diario de Cádiz",
        "decoded as latin-1",
    )
