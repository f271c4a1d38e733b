"""Contested numbers and running tallies over small real-style reports (written here)."""

from datetime import date
from pathlib import Path

from crisisdesk.desk import Desk

TOLL = (
    (
        "2025-09-03",
        "Wire",
        "A US strike on a boat in the Caribbean killed 11 people, officials said.",
    ),
    (
        "2025-09-16",
        "Gazette",
        "Another US strike on a boat killed three people on Monday, raising the death toll "
        "from the strikes on boats in the Caribbean to 14 people.",
    ),
    (
        "2025-10-17",
        "Herald",
        "US strikes on boats in the Caribbean have killed at least 27 people since September, "
        "officials said.",
    ),
)


def test_a_rising_death_toll_is_one_series_by_date(desk: Desk, tmp_path: Path) -> None:
    for n, (day, outlet, text) in enumerate(TOLL):
        path = tmp_path / f"{n}.txt"
        path.write_text(text, encoding="utf-8")
        desk.ingest([path], published=date.fromisoformat(day), outlet=outlet)
    found = desk.brief(questions=False, remember=False).contested
    series = [c for c in found if c.kind == "series"]
    assert len(series) == 1
    values = [v["amount"] for v in series[0].values]
    assert values == [11, 14, 27]
    assert [c.outlet for c in series[0].citations] == ["Wire", "Gazette", "Herald"]
    assert all(c.text in t for c, (_, _, t) in zip(series[0].citations, TOLL, strict=True))


def ingest_reports(desk: Desk, tmp_path: Path, reports: tuple[tuple[str, str, str], ...]) -> None:
    for n, (day, outlet, text) in enumerate(reports):
        path = tmp_path / f"{outlet}-{n}.txt"
        path.write_text(text, encoding="utf-8")
        desk.ingest([path], published=date.fromisoformat(day), outlet=outlet)


def test_two_outlets_giving_one_figure_differently_are_side_by_side(
    desk: Desk, tmp_path: Path
) -> None:
    ingest_reports(
        desk,
        tmp_path,
        (
            (
                "2025-08-20",
                "Wire",
                "The Pentagon has sent 4,500 Marines to the southern Caribbean.",
            ),
            (
                "2025-08-21",
                "Herald",
                "The Pentagon has sent 4,000 Marines to the southern Caribbean.",
            ),
        ),
    )
    found = desk.brief(questions=False, remember=False).contested
    assert len(found) == 1
    assert found[0].kind == "contested"
    assert [v["amount"] for v in found[0].values] == [4500, 4000]
    assert {c.outlet for c in found[0].citations} == {"Wire", "Herald"}


def test_one_share_price_on_two_days_is_not_contested(desk: Desk, tmp_path: Path) -> None:
    ingest_reports(
        desk,
        tmp_path,
        (
            (
                "2025-03-03",
                "Wire",
                "Shares of Boeing fell 2.1 percent in New York trading.",
            ),
            (
                "2025-03-14",
                "Herald",
                "Shares of Boeing fell 1.4 percent in New York trading.",
            ),
        ),
    )
    assert len(desk.store.developments()) == 1  # one story on two days: related documents
    assert desk.brief(questions=False, remember=False).contested == ()
