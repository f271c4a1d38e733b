"""crisisdesk_quantities on short texts: values, units, counts, qualifiers, ranges, non-numbers."""

from typing import Any

import pytest
from spacy.language import Language

SEED = (
    "Maduro claimed on Wednesday that his country has deployed 5,000 Russian-made Igla-S "
    "anti-aircraft missiles. The missiles have a range of up to 6,000 meters and a maximum "
    "altitude of 3,500 meters. The US has deployed 4,500 Marines and sailors to the Caribbean. "
    "Maduro claimed to have mobilized over 8 million reservists in volunteer militias."
)


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
        ("The convoy drove 3.5 km before dawn.", 3.5, "km"),
        ("Congress approved $2 billion in aid.", 2e9, "USD"),
        ("The ministry lost 4.5bn euros last year.", 4.5e9, "EUR"),
        ("Turnout fell to 40% in the capital.", 40, "percent"),
        ("Inflation reached 25 per cent.", 25, "percent"),
        ("The ship carried 300 tonnes of grain.", 300, "t"),
        ("They paid £2,000 for the permit.", 2000, "GBP"),
        ("Rice costs 300 bolívars now.", 300, "VES"),
        ("Two dozen boats left the harbour.", 24, "count"),
        ("The firm paid HK$1.5 billion for the port.", 1.5e9, "HKD"),
        ("Ottawa pledged C$300 million in aid.", 3e8, "CAD"),
        ("The fund has raised Rs 500 crore so far.", 5e9, "INR"),
        ("The fare came to 4 dollars 25 cents.", 4.25, "USD"),
        ("The kidnappers demanded dlrs 1 million for his release.", 1e6, "USD"),
        ("The war cost us $1 billion, which is cheap.", 1e9, "USD"),
        ("The meal cost twelve dollars and thirty-five cents.", 12.35, "USD"),
        ("About 1 414 021 100 people live there.", 1_414_021_100, "count"),
        ("One-third of the homes were destroyed.", 1 / 3, "count"),
        ("More than half of the residents fled.", 0.5, "count"),
        ("Iran exports 1.2 million barrels a day.", 1.2e6, "bbl/day"),
        ("The minimum wage rises to $15.4/hour in May.", 15.4, "USD/h"),
        ("Tens of thousands of protesters marched.", 10_000, "count"),
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


def test_value_is_as_written_and_in_the_base_unit(nlp: Language) -> None:
    q = only(nlp, "The convoy drove 3.5 km before dawn.")
    assert (q["text"], q["value"], q["unit"]) == ("3.5 km", 3.5, "km")
    assert (q["base_value"], q["base_unit"]) == (3500, "m")


def test_a_change_after_a_verb_is_two_quantities(nlp: Language) -> None:
    found = quantities(nlp, "Unemployment rose 3.4 percent to 7.2% in March.")
    assert [(q["text"], q["low"]) for q in found] == [("3.4 percent", None), ("7.2%", None)]


def test_vague_plural_is_a_lower_bound_with_its_counted_thing(nlp: Language) -> None:
    q = only(nlp, "Tens of thousands of protesters marched through the city.")
    assert (q["text"], q["qualifier"], q["counted"]) == (
        "Tens of thousands",
        "at least",
        "protesters",
    )


def test_fraction_counts_what_follows_of(nlp: Language) -> None:
    q = only(nlp, "More than half of the residents fled.")
    assert (q["text"], q["qualifier"], q["counted"]) == ("half", "more than", "residents")


def test_two_amounts_joined_by_and_stay_two(nlp: Language) -> None:
    found = quantities(nlp, "The company paid C$300 million and HK$1.5 billion for the assets.")
    assert [(q["text"], q["unit"]) for q in found] == [
        ("C$300 million", "CAD"),
        ("HK$1.5 billion", "HKD"),
    ]


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
        "The 45-year-old man was arrested.",
        "It was the first half of the season.",
        "He won for a third time.",
        "Prices peaked in the 1990s.",
    ],
)
def test_not_quantities(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


def test_a_figure_after_a_comma_without_a_space_is_read(nlp: Language) -> None:
    text = "Among them were 30 Egyptian citizens,15 French nationals and two Iraqis."
    found = {q["value"]: q["counted"] for q in quantities(nlp, text)}
    assert found[15] == "French nationals"
    assert found[30] == "Egyptian citizens"
