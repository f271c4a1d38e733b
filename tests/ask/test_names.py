"""What counts as naming what a question names: an acronym's full name, a month written
short, the region after a place's name."""

import pytest
from spacy.language import Language

from crisisdesk.ask import question as questions
from crisisdesk.ask.words import spelled_out
from crisisdesk.settings import Settings
from tests.ask.test_ask import asked


@pytest.mark.parametrize(
    ("acronym", "text", "spelled"),
    [
        ("DNC", "the Democratic National Committee said", True),
        ("DOJ", "the Department of Justice is investigating", True),
        ("U.N.", "a United Nations envoy", True),
        ("OAS", "the Organization of American States met", True),
        ("DNC", "the Democratic convention", False),
        ("Caracas", "Caracas Central", False),
    ],
)
def test_an_acronym_is_named_by_its_name_in_full(acronym: str, text: str, spelled: bool) -> None:
    assert spelled_out(acronym, text) is spelled


def test_an_acronym_the_document_only_spells_out_still_answers(
    nlp: Language, settings: Settings
) -> None:
    text = "The Democratic National Committee raised $10 million in March, its treasurer said."
    answer = asked("How much money did the DNC raise in March?", text, nlp, settings)
    assert answer.text == "$10 million"


def test_a_month_written_short_is_a_time_not_a_name(nlp: Language) -> None:
    read = questions.read("By Sept. 1, how many days had the senator gone without a briefing?", nlp)
    assert "Sept" not in read.names


@pytest.mark.parametrize(
    ("question", "qualifiers"),
    [
        ("Why was Independence, Missouri picked to host the ceremony?", ("Missouri",)),
        ("Who met the envoy in Maracaibo, Zulia on Monday?", ("Zulia",)),
        ("Did Clinton, Trump and Sanders debate on Monday?", ()),
    ],
)
def test_the_region_after_a_place_only_says_where_it_is(
    question: str, qualifiers: tuple[str, ...], nlp: Language
) -> None:
    assert questions.read(question, nlp).qualifiers == qualifiers


def test_which_town_is_answered_by_the_town_not_its_state(
    nlp: Language, settings: Settings
) -> None:
    text = "Florida police charged him when he came to headquarters in Jupiter, Fla., on Tuesday."
    answer = asked("Police in which Florida town charged him?", text, nlp, settings)
    assert answer.text == "Jupiter"
