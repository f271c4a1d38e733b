"""The brief over the bundled sample: claims with who disputes them, numbers with who claims
them, a calendar timeline, and wire copies merged into one cited item."""

from pathlib import Path

import pytest

from crisisdesk.brief import Brief, build_brief
from crisisdesk.brief.render import render
from crisisdesk.desk import Desk


@pytest.fixture
def brief(desk: Desk, sample_path: Path) -> Brief:
    desk.ingest([sample_path])
    return build_brief(desk.store)


def test_numbers_say_who_claims_them(brief: Brief) -> None:
    by_value = {item.quantity.value: item for item in brief.numbers}
    assert by_value[5000].actor == "Nicolás Maduro"
    assert by_value[5000].quantity.stance == "claimed"
    assert by_value[8_000_000].actor == "Nicolás Maduro"


def test_disputed_claim_names_who_disputes(brief: Brief) -> None:
    reservists = [c for c in brief.claims if "8 million reservists" in c.text]
    assert any("experts" in c.disputed_by for c in reservists)


def test_wire_copies_are_one_item_citing_both_outlets(brief: Brief) -> None:
    missiles = [n for n in brief.numbers if n.quantity.value == 5000]
    assert len(missiles) == 1
    assert len({c.outlet for c in missiles[0].citations}) == 2


def test_timeline_has_calendar_dates_only(brief: Brief) -> None:
    assert brief.timeline
    assert all(item.day[:4].isdigit() for item in brief.timeline)
    assert brief.timeline[0].day == "2025-10-22"


def test_hedged_claim_shows_its_hedge(desk: Desk, tmp_path: Path) -> None:
    text = "Officials said the convoy reportedly carried 300 soldiers across the border."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    desk.ingest([tmp_path / "a.txt"])
    said = [c for c in build_brief(desk.store).claims if "convoy" in c.text]
    assert said
    assert said[0].hedged == ("reportedly",)
    assert said[0].disputed_by == ()


def test_a_dispute_is_not_listed_as_disputing_itself(brief: Brief) -> None:
    own = [c for c in brief.claims if c.actor == "experts"]
    assert own
    assert all(c.disputed_by == () for c in own)


def test_json_keeps_the_contract_keys(brief: Brief) -> None:
    keys = {name: list(brief.to_json()[name][0]) for name in Brief.SECTIONS if name != "trend"}
    assert keys == {
        "key_points": ["text", "actor", "kind", "code", "citations"],
        "claims": ["text", "actor", "cue", "stance", "kind", "disputed_by", "hedged", "citations"],
        "numbers": [
            *("text", "actor", "value", "unit", "counted", "qualifier", "low", "high"),
            *("stance", "base_value", "base_unit", "citations"),
        ],
        "timeline": ["text", "actor", "date", "time_text", "type", "citations"],
    }
    first = brief.to_json()["numbers"][0]["citations"][0]
    assert list(first) == ["doc", "start", "end", "text", "outlet", "published", "title"]


def test_markdown_heads_each_kind_of_item(brief: Brief) -> None:
    lines = render(brief, "md").splitlines()
    assert any(line.startswith("- **Nicolás Maduro (claimed, “claimed”)**: ") for line in lines)
    assert any(line.startswith("- **Nicolás Maduro (claimed)**: 5,000 ") for line in lines)
    assert any(line.startswith("- **2025-10-22**: ") for line in lines)
    assert any("(disputed by experts" in line for line in lines)
