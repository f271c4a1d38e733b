from datetime import date

import pytest
from spacy.language import Language

from crisisdesk.analyze import analyze
from crisisdesk.analyze.components.timex_anaphora import mask
from crisisdesk.analyze.components.timex_holidays import holiday_date
from crisisdesk.analyze.components.timex_resolve import weekday_date
from crisisdesk.records import TimeExpr
from tests.conftest import SEED

THURSDAY = date(2025, 10, 23)


def times(nlp: Language, text: str, published: date | None = THURSDAY) -> list[TimeExpr]:
    return list(next(analyze([(text, published)], nlp=nlp)).times)


def found(nlp: Language, text: str, surface: str) -> TimeExpr:
    """The one time expression whose text is `surface`, checked against the text's offsets."""
    matches = [t for t in times(nlp, text) if t.text == surface]
    assert len(matches) == 1, [t.text for t in times(nlp, text)]
    assert text[matches[0].start : matches[0].end] == surface
    return matches[0]


def test_seed_wednesday_is_the_day_before_publication(nlp: Language) -> None:
    wednesday = found(nlp, SEED, "Wednesday")
    assert (wednesday.value, wednesday.type) == ("2025-10-22", "DATE")


def test_preposition_is_not_part_of_the_expression(nlp: Language) -> None:
    result = times(nlp, "The talks ended on Monday.")
    assert [t.text for t in result] == ["Monday"]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Officials met on Thursday.", "Thursday", "2025-10-23"),
        ("The ministers will meet on Friday.", "Friday", "2025-10-24"),
        ("The ultimatum expires Friday.", "Friday", "2025-10-24"),
        ("The fiscal year ends Sept. 30.", "Sept. 30", "2026-09-30"),
        ("Troops arrived last Thursday.", "last Thursday", "2025-10-16"),
        ("The ship docked yesterday.", "yesterday", "2025-10-22"),
        ("The vote is tomorrow.", "tomorrow", "2025-10-24"),
        ("Strikes began last week.", "last week", "2025-W42"),
        ("Prices rose this month.", "this month", "2025-10"),
        ("Exports fell last year.", "last year", "2024"),
        ("The accord was signed Oct. 22, 2025.", "Oct. 22, 2025", "2025-10-22"),
        ("The accord was signed on 22 October.", "22 October", "2025-10-22"),
        ("The embargo dates from 1990.", "1990", "1990"),
        ("Oil prices collapsed in the 1990s.", "the 1990s", "199"),
        ("The port was built in the 11th century.", "the 11th century", "10"),
        ("The canal opened in the 19th century.", "the 19th century", "18"),
        ("Profit fell in the third quarter.", "the third quarter", "2025-Q3"),
        ("Profit fell in the first quarter of 2024.", "the first quarter of 2024", "2024-Q1"),
        ("The blast came at 3 p.m. near the port.", "3 p.m.", "2025-10-23T15:00"),
        ("Rebels attacked this morning.", "this morning", "2025-10-23TMO"),
        ("The convoy left Sunday night.", "Sunday night", "2025-10-19TNI"),
        ("Troops withdrew three days ago.", "three days ago", "2025-10-20"),
        ("The port was busy in March.", "March", "2025-03"),
    ],
)
def test_dates_resolve_against_publication(
    nlp: Language, text: str, surface: str, value: str
) -> None:
    assert found(nlp, text, surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The siege lasted three days.", "three days", "P3D"),
        ("He served two years in prison.", "two years", "P2Y"),
        ("The war went on for a decade.", "a decade", "P10Y"),
        ("The talks took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("The truce has held for years.", "years", "PXY"),
        ("Sanctions hit exports over the past two months.", "the past two months", "P2M"),
    ],
)
def test_durations(nlp: Language, text: str, surface: str, value: str) -> None:
    expression = found(nlp, text, surface)
    assert (expression.value, expression.type) == (value, "DURATION")


@pytest.mark.parametrize(
    ("text", "surface", "value", "kind"),
    [
        ("Patrols run every week.", "every week", "P1W", "SET"),
        ("The ministry briefs reporters daily.", "daily", "P1D", "SET"),
        ("The army is now on alert.", "now", "PRESENT_REF", "DATE"),
        ("Fighting recently intensified.", "recently", "PAST_REF", "DATE"),
        ("Talks may resume in the future.", "the future", "FUTURE_REF", "DATE"),
    ],
)
def test_sets_and_vague_references(
    nlp: Language, text: str, surface: str, value: str, kind: str
) -> None:
    expression = found(nlp, text, surface)
    assert (expression.value, expression.type) == (value, kind)


def test_words_that_are_not_times_are_left_alone(nlp: Language) -> None:
    text = "The former minister may march with 2000 people, a 6-year-old boy among them."
    assert times(nlp, text) == []


def test_relative_dates_need_a_publication_date(nlp: Language) -> None:
    result = times(nlp, "Fighting resumed yesterday, as in May 2024.", published=None)
    assert {t.text: t.value for t in result} == {"yesterday": None, "May 2024": "2024-05"}


def test_bare_weekday_rule() -> None:
    assert weekday_date(THURSDAY, 3, None, future=False) == date(2025, 10, 22)
    assert weekday_date(THURSDAY, 4, None, future=False) == THURSDAY
    assert weekday_date(THURSDAY, 5, None, future=True) == date(2025, 10, 24)
    assert weekday_date(THURSDAY, 4, 1, future=False) == date(2025, 10, 30)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The plant opened in March 2019. Later that year it closed.", "Later that year", "2019"),
        ("Troops left on June 3, 2020. The following month, talks began.",
         "The following month", "2020-07"),
        ("Rebels struck on May 2, 2021. Earlier that day police left.",
         "Earlier that day", "2021-05-02"),
        ("Shares closed on Friday, May 7, 2021, up from the previous Friday.",
         "the previous Friday", "2021-04-30"),
        ("The siege began on Aug. 4, 2020. The next day the port fell.",
         "The next day", "2020-08-05"),
        ("The strike came in 2019. That same day, police moved in.",
         "That same day", "2019-XX-XX"),
        ("Exports fell that year.", "that year", "2025"),
    ],
)  # fmt: skip
def test_anaphors_read_the_last_date_in_the_text(
    nlp: Language, text: str, surface: str, value: str
) -> None:
    assert found(nlp, text, surface).value == value


def test_mask_keeps_what_the_reference_fixes() -> None:
    assert mask("1998-10-23", 1) == "1998-XX-XX"
    assert mask("1998-10-23", 2) == "1998-10-XX"
    assert mask("1998-10", 1) == "1998-XX"
    assert mask("1998", 1) == "1998"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The boy was found on Thanksgiving Day.", "Thanksgiving Day", "2024-11-28"),
        ("Aid arrived last Christmas.", "last Christmas", "2024-12-25"),
        ("The ceasefire will start on Christmas Day.", "Christmas Day", "2025-12-25"),
        ("The raid came on New Year's Day 1998.", "New Year's Day 1998", "1998-01-01"),
        ("In nineteen ninety-six a bomb went off.", "nineteen ninety-six", "1996"),
        ("January nineteen ninety-seven was cold.", "January nineteen ninety-seven", "1997-01"),
        ("Output rose in the first half of 2024.", "the first half of 2024", "2024-H1"),
        ("Output fell in the second half of last year.", "the second half of last year",
         "2024-H2"),
        ("The board declared a dividend payable Dec. 7.", "Dec. 7", "2025-12-07"),
        ("Talks are set to resume Monday.", "Monday", "2025-10-27"),
    ],
)  # fmt: skip
def test_holidays_spelled_years_halves_and_plans(
    nlp: Language, text: str, surface: str, value: str
) -> None:
    assert found(nlp, text, surface).value == value


def test_holiday_rules() -> None:
    assert holiday_date("nth:11:4:4", 1999).isoformat() == "1999-11-25"
    assert holiday_date("nth:11:1:1:+1", 1998).isoformat() == "1998-11-03"
    assert holiday_date("nth:5:1:-1", 2025).isoformat() == "2025-05-26"
    assert holiday_date("easter:-2", 2024).isoformat() == "2024-03-29"
    assert holiday_date("easter:0", 2000).isoformat() == "2000-04-23"


def test_reporting_year_is_a_duration(nlp: Language) -> None:
    expression = found(nlp, "Net rose 5% in the year ended June 30.", "the year")
    assert (expression.value, expression.type) == ("P1Y", "DURATION")


def test_spelled_numbers_and_shares_are_not_years_or_times(nlp: Language) -> None:
    assert found(nlp, "He served nineteen years.", "nineteen years").value == "P19Y"
    assert times(nlp, "Iraq imports three-quarters of its food.") == []
    assert times(nlp, "A second group of bidders emerged.") == []


def test_dateline_extent_has_no_punctuation(nlp: Language) -> None:
    text = "WASHINGTON, Oct. 22 (AP) -- Talks resumed."
    assert [t.text for t in times(nlp, text)] == ["Oct. 22"]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The quake struck at 18:00 UTC Monday.", "18:00 UTC Monday", "2025-10-20T18:00Z"),
        ("Markets opened at 0800 GMT today.", "0800 GMT today", "2025-10-23T08:00Z"),
        ("The record set in '82 still stands.", "'82", "1982"),
        ("Rates peaked in the 80s.", "the 80s", "198"),
        ("Police came on June 3, 2020. The next morning they left.", "The next morning",
         "2020-06-04TMO"),
        ("Prices may rise in the coming weeks.", "the coming weeks", "FUTURE_REF"),
        ("Losses doubled from the first quarter of last year.",
         "the first quarter of last year", "2024-Q1"),
        ("Sales fell in the final quarter of 2024.", "the final quarter of 2024", "2024-Q4"),
        ("Shares fell over the past five trading days.", "the past five trading days", "P5D"),
    ],
)  # fmt: skip
def test_zones_elided_years_next_morning_vague_plurals_and_quarters(
    nlp: Language, text: str, surface: str, value: str
) -> None:
    assert found(nlp, text, surface).value == value


def test_decade_of_a_life_is_an_age(nlp: Language) -> None:
    assert times(nlp, "The pilot, in his 30s, was unhurt.") == []
