"""A measure a yes/no question gives, set against a limit the seed's sentences state."""

import pytest
from spacy.language import Language

from crisisdesk.ask.limits import dimension
from crisisdesk.settings import Settings
from tests.ask.test_align import SEED
from tests.ask.test_ask import asked

RANGE = "the missiles have a range of up to 6,000 meters and a maximum altitude of 3,500 meters"


@pytest.mark.parametrize(
    ("measure", "kind"),
    [("6,000 meters", "range"), ("3,500 meters", "altitude")],
)
def test_what_a_measure_is_of_is_the_nearest_word_that_says_it(measure: str, kind: str) -> None:
    start = RANGE.index(measure)
    assert dimension(RANGE, start, start + len(measure)) == kind


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "Could an Igla-S hit a plane flying at 5,000 meters?",
            "No — maximum altitude of 3,500 meters",
        ),
        (
            "Would a target 4 kilometers away be within reach of an Igla-S?",
            "Yes — range of up to 6,000 meters",
        ),
        ("Can an Igla-S hit a drone 7 km away?", "No — range of up to 6,000 meters"),
    ],
)
def test_a_measure_within_or_beyond_the_stated_limit(
    question: str, answer: str, nlp: Language, settings: Settings
) -> None:
    got = asked(question, SEED, nlp, settings)
    assert got.text == answer
    assert got.citations[0].text.startswith("According to Russian exporter Rosoboronexport")


def test_a_floor_is_no_limit(nlp: Language, settings: Settings) -> None:
    text = "The Igla-S missiles can fly at altitudes of at least 3,000 meters, the exporter said."
    got = asked("Could an Igla-S hit a plane flying at 5,000 meters?", text, nlp, settings)
    assert not (got.text or "").startswith("No")


def test_the_reader_sees_the_verdict(nlp: Language, settings: Settings) -> None:
    got = asked("Could an Igla-S hit a plane flying at 5,000 meters?", SEED, nlp, settings)
    assert got.summary() == "No — maximum altitude of 3,500 meters, according to Rosoboronexport"
