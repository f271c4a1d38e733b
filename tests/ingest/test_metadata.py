from datetime import date

import pytest

from crisisdesk.ingest.metadata import clean, make_document, parse_date


@pytest.mark.parametrize(
    "value",
    ["2025-10-22", "2025-10-22T08:15:00Z", "Wed, 22 Oct 2025 08:15:00 GMT", "22 October 2025"],
)
def test_parse_date_reads_iso_and_feed_dates(value: str) -> None:
    assert parse_date(value) == date(2025, 10, 22)


@pytest.mark.parametrize("value", ["2025", "Tuesday", "October 2025", "soon", "2025-13-45"])
def test_parse_date_refuses_partial_or_invalid_dates(value: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        parse_date(value)


def test_make_document_cleans_metadata_and_hashes_text() -> None:
    doc = make_document("Ships sailed.", origin="x.txt", title="  ", url=42, outlet=" HW ")
    assert (doc.title, doc.url, doc.outlet) == (None, None, "HW")
    assert doc.id == make_document("SHIPS   sailed.", origin="y.txt").id
    assert clean("\n") is None
