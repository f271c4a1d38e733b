"""crisisdesk_quantities on short texts: values, units, counts, qualifiers, ranges, non-numbers."""

from typing import Any

import pytest
from spacy.language import Language

from crisisdesk.analyze import load_nlp
from crisisdesk.settings import Settings

SEED = (
    "Maduro claimed on Wednesday that his country has deployed 5,000 Russian-made Igla-S "
    "anti-aircraft missiles. The missiles have a range of up to 6,000 meters and a maximum "
    "altitude of 3,500 meters. The US has deployed 4,500 Marines and sailors to the Caribbean. "
    "Maduro claimed to have mobilized over 8 million reservists in volunteer militias."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(Settings())


def quantities(nlp: Language, text: str) -> list[dict[str, Any]]:
    found = nlp(text)._.quantities
    for q in found:
        assert text[q["start"] : q["end"]] == q["text"]
    return found


def only(nlp: Language, text: str) -> dict[str, Any]:
    found = quantities(nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_seed_counts_and_measures(nlp: Language) -> None:
    found = {q["value"]: q for q in quantities(nlp, SEED)}
    assert set(found) == {5000, 6000, 3500, 4500, 8e6}
    assert "Igla-S anti-aircraft missiles" in found[5000]["counted"]
    assert found[5000]["unit"] == "count"
    assert (found[6000]["unit"], found[6000]["qualifier"]) == ("m", "up to")
    assert found[6000]["text"] == "6,000 meters"
    assert (found[3500]["unit"], found[3500]["qualifier"]) == ("m", "maximum")
    assert found[4500]["counted"] == "Marines and sailors"
    assert (found[8e6]["counted"], found[8e6]["qualifier"]) == ("reservists", "over")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The convoy drove 3.5 km before dawn.", 3500, "m"),
        ("Congress approved $2 billion in aid.", 2e9, "USD"),
        ("The ministry lost 4.5bn euros last year.", 4.5e9, "EUR"),
        ("Turnout fell to 40% in the capital.", 40, "percent"),
        ("Inflation reached 25 per cent.", 25, "percent"),
        ("The ship carried 300 tonnes of grain.", 300_000, "kg"),
        ("They paid £2,000 for the permit.", 2000, "GBP"),
        ("Rice costs 300 bolívars now.", 300, "VES"),
        ("Two dozen boats left the harbour.", 24, "count"),
    ],
)
def test_value_and_unit(nlp: Language, text: str, value: float, unit: str) -> None:
    q = only(nlp, text)
    assert (q["value"], q["unit"]) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "Between 3,000 and 5,000 soldiers crossed the border.",
        "Officials counted 3,000-5,000 soldiers at the border.",
        "Officials counted 3,000 to 5,000 soldiers at the border.",
    ],
)
def test_ranges_give_bounds_and_midpoint(nlp: Language, text: str) -> None:
    q = only(nlp, text)
    assert (q["low"], q["high"], q["value"]) == (3000, 5000, 4000)
    assert q["counted"] == "soldiers"


def test_scale_word_carries_to_the_lower_bound(nlp: Language) -> None:
    q = only(nlp, "Aid reached 3 to 5 million people.")
    assert (q["low"], q["high"]) == (3e6, 5e6)


def test_a_change_is_two_quantities_not_a_range(nlp: Language) -> None:
    found = quantities(nlp, "Unemployment rose from 5% to 9% this spring.")
    assert [q["value"] for q in found] == [5, 9]
    assert all(q["low"] is None for q in found)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Nearly 200 people were evacuated.", "nearly"),
        ("At least 12 soldiers died.", "at least"),
        ("The army has more than 300 tanks.", "more than"),
        ("About 40 villages lost power.", "about"),
    ],
)
def test_qualifier(nlp: Language, text: str, qualifier: str) -> None:
    assert only(nlp, text)["qualifier"] == qualifier


def test_counted_noun_is_not_a_unit(nlp: Language) -> None:
    q = only(nlp, "The navy moved 5,000 missiles to the coast.")
    assert (q["unit"], q["counted"]) == ("count", "missiles")


@pytest.mark.parametrize(
    "text",
    [
        "The talks resume in 2025.",
        "The vote took place on March 3.",
        "The meeting starts at 3 pm.",
        "The victim, aged 45, was a teacher.",
        "Call 555-123-4567 for details.",
        "Resolution 2231 was adopted.",
        "No. 5 was the first item.",
        "The F-16 jets were seen.",
        "One of them left early.",
    ],
)
def test_not_quantities(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []
