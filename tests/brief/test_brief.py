"""The brief over the bundled sample: claims with who disputes them, numbers with who claims
them, a calendar timeline, and wire copies merged into one cited item."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from crisisdesk.brief import Brief, Scope, build_brief
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


def test_a_disputed_number_says_who_disputes_it(brief: Brief) -> None:
    by_value = {item.quantity.value: item for item in brief.numbers}
    assert by_value[8_000_000].disputed_by == ("experts",)
    assert by_value[5000].disputed_by == ()
    assert "over 8 million reservists (disputed by experts)" in render(brief, "md")


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


def test_lede_is_the_development_both_outlets_report(brief: Brief) -> None:
    assert brief.lede is not None
    assert "5,000 Russian-made Igla-S" in brief.lede.text
    assert brief.lede.documents == 2
    assert len({c.outlet for c in brief.lede.citations}) == 2
    assert brief.lede.first is not None
    assert brief.lede.first.isoformat() == "2025-10-22"


def test_key_points_show_each_sentence_once_under_an_actor(brief: Brief) -> None:
    shown = [p.text for p in (brief.lede, *brief.key_points) if p]
    assert len(shown) == len(set(shown))
    assert any("8 million reservists" in text for text in shown)
    assert all(p.actor for p in brief.key_points)
    headings = [p.actor for p in brief.key_points]
    assert headings == sorted(headings, key=headings.index)  # each heading's points together


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
    contract = ("key_points", "claims", "numbers", "timeline")
    keys = {name: list(brief.to_json()[name][0]) for name in contract}
    assert keys == {
        "key_points": ["text", "actor", "documents", "outlets", "first", "last", "citations"],
        "claims": ["text", "actor", "cue", "stance", "kind", "disputed_by", "hedged", "citations"],
        "numbers": [
            *("text", "actor", "value", "unit", "counted", "qualifier", "low", "high"),
            *("stance", "base_value", "base_unit", "disputed_by", "citations"),
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


def test_json_adds_lede_developments_contested_changed_and_questions(brief: Brief) -> None:
    made = brief.to_json()
    assert made["lede"]["text"] == brief.lede.text if brief.lede else False
    assert {"developments", "contested", "changed", "questions", "changed_since"} <= set(made)
    assert all(d["documents"] > 1 for d in made["developments"])
    assert made["developments"]


def test_what_changed_lists_developments_since_the_day(desk: Desk, sample_path: Path) -> None:
    desk.ingest([sample_path])
    made = desk.brief(changed_since=date(2025, 10, 24), questions=False)
    assert made.changed
    assert all(c.last and c.last >= date(2025, 10, 24) for c in made.changed)
    assert {c.status for c in made.changed} == {"new"}
    assert not any("Igla-S" in c.text for c in made.changed)


def test_the_next_brief_says_what_changed_since_the_last(desk: Desk, sample_path: Path) -> None:
    desk.ingest([sample_path])
    assert desk.brief(questions=False).changed_since is None
    assert desk.brief(questions=False).changed_since == date(2025, 10, 24)


def test_suggested_questions_are_answered_with_citations(desk: Desk, sample_path: Path) -> None:
    desk.ingest([sample_path])
    asked = desk.brief(questions=True, remember=False).questions
    assert asked
    assert all(q.answer and q.citations for q in asked)
    assert any("8 million" in q.answer for q in asked)


@pytest.mark.parametrize(
    ("scope", "words"), [(Scope(topic="Igla-S"), "Igla-S"), (Scope(actor="Trump"), "Trump")]
)
def test_a_topic_or_actor_keeps_its_developments(
    desk: Desk, sample_path: Path, scope: Scope, words: str
) -> None:
    desk.ingest([sample_path])
    made = desk.brief(scope, questions=False, remember=False)
    shown = [p.text for p in (made.lede, *made.key_points) if p]
    assert shown
    assert all(words in text for text in shown)


def test_a_date_implausible_for_its_document_is_not_on_the_timeline(
    desk: Desk, tmp_path: Path
) -> None:
    text = "The president told CBS's '60 Minutes' on Sunday that strikes on boats would go on."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    desk.ingest([tmp_path / "a.txt"], published=date(2025, 11, 4))
    days = [item.day for item in desk.brief(questions=False).timeline]
    assert days
    assert all(day.startswith("2025") for day in days)


def test_html_links_each_citation_to_its_highlighted_passage(brief: Brief) -> None:
    page = render(brief, "html")
    assert "<script" not in page
    assert "href='#src-1'" in page
    assert "id='src-1'" in page
    assert "<mark>Venezuelan President Nicolás Maduro claimed on Wednesday" in page


def test_html_draws_the_trend_inline(desk: Desk, sample_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="the chart needs the plot extra")
    from crisisdesk.brief.charts import trend_charts

    desk.ingest([sample_path])
    made = desk.brief(questions=False, remember=False)
    charts = trend_charts(desk.store, made)
    assert len(charts) == 1
    page = render(made, "html", charts=charts)
    trend = page[page.index("<section id='trend'>") :]
    assert trend.index("<svg") < trend.index("</section>")
    assert "<script" not in page


def test_an_item_shows_five_citations_and_counts_the_rest(brief: Brief) -> None:
    first = brief.key_points[0].citations[0]
    many = replace(brief.key_points[0], citations=(first,) * 8)
    crowded = replace(brief, key_points=(many,))
    md = render(crowded, "md")
    line = next(line for line in md.splitlines() if line.startswith(f"- {many.text[:20]}"))
    assert line.count("[") == 5
    assert line.endswith(" and 3 more")
    assert len(crowded.to_json()["key_points"][0]["citations"]) == 8


def test_the_ledger_puts_disputed_claims_first(brief: Brief) -> None:
    first = brief.claims[0]
    assert "8 million reservists" in first.text
    assert first.disputed_by == ("experts",)
    asserted = [i for i, c in enumerate(brief.claims) if c.stance == "asserted"]
    claimed = [i for i, c in enumerate(brief.claims) if c.stance == "claimed"]
    assert max(claimed) < min(asserted)


def test_a_point_sits_under_the_person_it_is_about(brief: Brief) -> None:
    """ "Venezuelan President Nicolás Maduro ...": Maduro, not Venezuela; "Trump has
    authorized the CIA ...": Trump, not the CIA."""
    by_text = {p.text: p.actor for p in brief.key_points}
    cia = next(t for t in by_text if "authorized the CIA" in t)
    assert by_text[cia] == "Donald Trump"
    marines = next(t for t in by_text if "4,500 Marines" in t)
    assert by_text[marines] == "United States"


def test_one_claim_reworded_by_two_outlets_is_one_ledger_line(desk: Desk, tmp_path: Path) -> None:
    reports = {
        "wire": "Venezuelan President Nicolás Maduro claimed on Wednesday that his country has "
        "deployed 5,000 Igla-S missiles.",
        "herald": "Nicolás Maduro said on Wednesday that Venezuela had deployed 5,000 Russian "
        "Igla-S missiles in key positions.",
    }
    for outlet, text in reports.items():
        (tmp_path / f"{outlet}.txt").write_text(text, encoding="utf-8")
        desk.ingest([tmp_path / f"{outlet}.txt"], published=date(2025, 10, 23), outlet=outlet)
    lines = list(desk.brief(questions=False, remember=False).claims)
    assert len(lines) == 1
    assert {c.outlet for c in lines[0].citations} == {"wire", "herald"}


def test_a_strike_leads_a_statement_told_as_widely(desk: Desk, tmp_path: Path) -> None:
    reports = {
        "wire": "Venezuelan officials said talks with Colombia on trade would resume next week.",
        "herald": "US forces struck a boat off the coast of Venezuela, killing 11 people.",
    }
    for outlet, text in reports.items():
        (tmp_path / f"{outlet}.txt").write_text(text, encoding="utf-8")
        desk.ingest([tmp_path / f"{outlet}.txt"], published=date(2025, 9, 2), outlet=outlet)
    made = desk.brief(questions=False, remember=False)
    assert made.lede is not None
    assert "struck a boat" in made.lede.text


def test_a_store_from_before_developments_is_briefed_with_them(
    desk: Desk, sample_path: Path
) -> None:
    desk.ingest([sample_path])
    desk.store.reset_developments()  # as a store made before developments were stored
    made = desk.brief(questions=False, remember=False)
    assert made.lede is not None
    assert made.key_points
    assert desk.store.undeveloped(1) == []


def test_a_point_says_how_many_documents_only_when_several(brief: Brief) -> None:
    md = render(brief, "md")
    assert "1 document" not in md
    assert "(2 documents, 2 outlets, 2025-10-23)" in md
