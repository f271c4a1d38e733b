"""`crisisdesk events` and `crisisdesk trend` on four short reports written for these tests."""

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crisisdesk.serve.cli import app

runner = CliRunner()
REPORTS = [
    (
        "a1",
        "North Wire",
        "2025-09-02",
        "US forces struck a boat off Venezuela on Tuesday, killing three, the Pentagon said.",
    ),
    (
        "a2",
        "South Post",
        "2025-09-03",
        "The United States military struck a vessel off Venezuela's coast on Tuesday.",
    ),
    ("a3", "East Daily", "2025-09-10", "Venezuela condemned the United States over the strike."),
    ("a4", "North Wire", "2025-10-20", "Colombia and Brazil held talks in Bogota."),
]


def invoke(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("events")
    source = folder / "reports.jsonl"
    lines = [
        {"id": i, "outlet": outlet, "published": day, "text": text}
        for i, outlet, day, text in REPORTS
    ]
    source.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    path = folder / "events.db"
    assert invoke("ingest", source, "--db", path).exit_code == 0
    return path


def events_json(db: Path, *args: str) -> list[dict[str, object]]:
    result = invoke("events", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_one_strike_told_by_two_outlets_is_one_event(db: Path) -> None:
    status = json.loads(invoke("status", "--db", db, "--json").stdout)
    # the strike is told three times ("struck", "killing", "struck"), the rest once each
    assert (status["events"], status["event_reports"]) == (3, 5)
    strike = next(e for e in events_json(db) if e["type"] == "FIGHT")
    assert strike["outlets"] == ["North Wire", "South Post"]
    assert [r["trigger"] for r in strike["reports"]] == ["struck", "killing", "struck"]
    assert {r["sentence"] for r in strike["reports"]} == {REPORTS[0][3], REPORTS[1][3]}
    assert strike["first_day"] == "2025-09-02"


def test_pair_either_way_round_and_actor(db: Path) -> None:
    pair = [e["type"] for e in events_json(db, "--pair", "USA-VEN")]
    assert pair == ["DISAPPROVE", "FIGHT"]  # the strike by its place: off Venezuela
    assert [e["type"] for e in events_json(db, "--pair", "Venezuela,United States")] == pair
    assert [e["type"] for e in events_json(db, "--actor", "Brazil")] == ["CONSULT"]
    assert events_json(db, "--since", "2025-10-01", "--actor", "Venezuela") == []


def test_csv_and_plover_lines_cite_the_first_report(db: Path) -> None:
    result = invoke("events", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    talks = next(r for r in rows if r["type"] == "CONSULT")
    assert talks["sentence"] == REPORTS[3][3]
    assert talks["source"] == "Colombia (COL); Brazil (BRA)"
    lines = invoke("events", "--db", db, "--format", "plover").stdout.splitlines()
    record = json.loads(lines[0])
    assert (record["event"], record["source"][0]["code"]) == ("CONSULT", "COL")
    assert record["crisisdesk"]["citations"][0]["sentence"] == REPORTS[3][3]


def test_trend_counts_each_event_once(db: Path) -> None:
    result = invoke("trend", "--db", db, "--pair", "USA-VEN", "--format", "json")
    periods = [json.loads(line) for line in result.stdout.splitlines()]
    assert [p["period"] for p in periods] == ["2025-09-01", "2025-09-08"]
    assert [p["index"] for p in periods] == [10.0, 2.0]  # one strike (-10), one condemnation (-2)


def test_trend_chart_is_drawn(db: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    for name in ("trend.png", "trend.svg"):
        result = invoke("trend", "--db", db, "--pair", "USA-VEN", "--out", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "trend.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_trend_chart_without_matplotlib_says_how_to_install(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    result = runner.invoke(
        app, ["trend", "--db", str(db), "--pair", "USA-VEN", "--out", str(tmp_path / "t.png")]
    )
    assert result.exit_code != 0
    assert "pip install 'crisisdesk[plot]'" in str(result.exception)


def test_bad_pair_and_format_are_refused(db: Path) -> None:
    assert invoke("events", "--db", db, "--pair", "USA").exit_code == 2
    assert invoke("events", "--db", db, "--format", "xml").exit_code == 2
    assert invoke("trend", "--db", db, "--pair", "USA-VEN", "--by", "year").exit_code == 2


def test_brief_trend_cites_the_weeks_events(db: Path) -> None:
    brief = json.loads(invoke("brief", "--db", db, "--format", "json").stdout)
    weeks = [(t["actor"], t["week"], t["index"]) for t in brief["trend"]]
    assert weeks == [("USA–VEN", "2025-09-01", 10.0), ("USA–VEN", "2025-09-08", 2.0)]
    assert brief["trend"][1]["citations"][0]["text"] == REPORTS[2][3]


def test_hostile_text_comes_out_inert(tmp_path: Path) -> None:
    source = tmp_path / "bad.txt"
    source.write_text("=cmd|' /C calc'!A0 Venezuela condemned the \x1b[2JUnited States.\n")
    db = tmp_path / "bad.db"
    assert invoke("ingest", source, "--db", db, "--published", "2025-09-01").exit_code == 0
    for fmt in ("table", "csv", "json", "plover"):
        out = invoke("events", "--db", db, "--format", fmt).stdout
        assert "\x1b" not in out
        assert "DISAP" in out  # a narrow table cuts the cell
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").stdout)))
    assert rows[0]["sentence"].startswith("'=")  # no spreadsheet formula
