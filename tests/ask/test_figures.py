"""What kind of money a sum is, as the words beside it say (ask/figures.py), on sentences of
our own."""

import pytest
from spacy.language import Language

from crisisdesk.ask import question as questions
from crisisdesk.ask.answer import qualifies
from crisisdesk.ask.figures import (
    FOR_COMPARISON,
    FRACTION_FIT,
    OTHER_MONEY,
    OTHER_OUTCOME,
    PART_FIT,
    RATIO_PART,
    counted_after,
    given,
    measure_fit,
    money_kind_fit,
    outcome_said,
    quantities,
    time_fit,
)
from crisisdesk.settings import Settings
from crisisdesk.store import SentenceHit
from tests.ask.test_ask import context_store


@pytest.mark.parametrize(
    ("question", "text", "figure", "fit"),
    [
        (
            "What price did Corvina Air pay for the jets?",
            "Corvina Air reported record profits of $269m last year.",
            "$269m",
            OTHER_MONEY,
        ),
        (
            "What price did Corvina Air pay for the jets?",
            "Corvina Air paid $310m for the jets.",
            "$310m",
            1.0,
        ),
        (
            "How much did Corvina Air pay in taxes for 2015?",
            "Its revenue rose from $362 million in 2014 to $557 million in 2015.",
            "$557 million",
            OTHER_MONEY,
        ),
        (
            "How much is the Corvina Air order worth?",
            "The order, believed to be worth $12 billion, was signed on Monday.",
            "$12 billion",
            1.0,
        ),
        (
            "How many jets did Corvina Air order?",
            "Corvina Air reported record profits of $269m last year.",
            "$269m",
            1.0,
        ),
    ],
    ids=["profits for a price", "paid for a price", "revenue for taxes", "worth", "no sum asked"],
)
def test_a_sum_fits_as_the_kind_of_money_its_words_say(
    question: str, text: str, figure: str, fit: float, nlp: Language
) -> None:
    hit = SentenceHit("doc", 0, 0, len(text), text)
    start = text.index(figure)
    read = questions.read(question, nlp)
    assert money_kind_fit(read, hit, start, start + len(figure), "USD") == fit


def test_a_count_of_them_counts_what_the_question_counts(nlp: Language) -> None:
    text = "The president ordered nearly 300 of them to Chad on Friday."
    hit = SentenceHit("doc", 0, 0, len(text), text)
    end = text.index("300") + 3
    read = questions.read("How many Marines did the president order to Chad?", nlp)
    assert counted_after(read, hit, end) == read.focus == "marines"
    other = "The president ordered nearly 300 to Chad on Friday."
    assert counted_after(read, SentenceHit("doc", 0, 0, len(other), other), end) is None


def test_a_place_before_what_is_counted_says_whose_it_is(nlp: Language) -> None:
    read = questions.read("How many U.S. Special Operations troops did Obama send to Chad?", nlp)
    assert qualifies("U.S.", read)
    assert not qualifies("Chad", read)


@pytest.mark.parametrize(
    ("focus", "text", "value", "best"),
    [
        ("century", "the 11th century", "10", True),
        ("century", "1679", "1679", False),
        ("decade", "the 1990s", "199", True),
        ("decade", "1994", "1994", False),
        ("year", "1994", "1994", True),
        ("date", "Dec. 28", "2015-12-28", True),
        ("date", "later this month", "2015-12", False),
    ],
)
def test_a_century_or_decade_asked_is_answered_by_one_not_a_year_of_it(
    focus: str, text: str, value: str, best: bool
) -> None:
    assert (time_fit(focus, text, value) == 1.0) is best


def test_a_count_the_question_gives_restates_it(nlp: Language) -> None:
    question = questions.read("After three rounds of the Open, how big was Ali's lead?", nlp)
    assert given(question, "rounds")
    assert not given(question, "strokes")
    assert not given(questions.read("How many rounds did Ali lead?", nlp), "rounds")


def test_a_figure_beside_what_is_sized_says_its_size(nlp: Language) -> None:
    question = questions.read("After three rounds, how big was Ali's lead?", nlp)
    text = "Ali took a 3-stroke lead in the $300,000 Open after the first two rounds."
    hit = SentenceHit("doc", 0, 0, len(text), text)
    fits = {}
    for figure, unit in (("3", "count"), ("$300,000", "USD")):
        start = text.index(figure)
        fits[figure] = measure_fit(question, hit, start, start + len(figure), unit)
    assert fits["3"] > fits["$300,000"]


@pytest.mark.parametrize(
    ("figure", "fit"),
    [("130", OTHER_OUTCOME), ("32", OTHER_OUTCOME), ("18", 1.0), ("2,000", 1.0)],
)
def test_a_figure_beside_only_another_outcome_counts_it(
    figure: str, fit: float, nlp: Language
) -> None:
    text = (
        "The attacks killed 130 in Paris and 32 in Brussels, and 18 others were critically "
        "injured; 2,000 police were deployed."
    )
    hit = SentenceHit("doc", 0, 0, len(text), text)
    start = text.index(figure)
    for asked in (
        "How many people were injured in the attacks?",
        "How many people were left in critical condition after the attacks?",  # no outcome verb
    ):
        question = questions.read(asked, nlp)
        assert outcome_said(question, hit, start, start + len(figure)) == fit


def figure_fits(question: str, text: str, nlp: Language, settings: Settings) -> dict[str, float]:
    """Each figure of a one-sentence store with its fit to the question."""
    store = context_store(text, settings)
    hit = store.search(text.split()[1], limit=1)[0]
    return {c.text: c.fit for c in quantities(questions.read(question, nlp), hit, store)}


def test_others_counts_what_the_figure_before_counted(nlp: Language, settings: Settings) -> None:
    text = "The minister said 80 people were killed and 18 others were critically injured."
    fits = figure_fits("How many people were critically injured?", text, nlp, settings)
    assert fits["18"] == 1.0  # "others": people, as the question counts
    assert fits["80"] < fits["18"]  # killed, not injured


def test_some_of_them_of_another_kind_count_part_of_the_whole(
    nlp: Language, settings: Settings
) -> None:
    text = "More than 100 people have died in the blast, eight of them Pelmarkians."
    fits = figure_fits("How many people died in the blast?", text, nlp, settings)
    assert fits["eight"] < fits["100"]  # a part of those who died, not all of them
    own = figure_fits("How many Pelmarkians died in the blast?", text, nlp, settings)
    assert own["eight"] == 1.0


def test_gis_are_troops(nlp: Language, settings: Settings) -> None:
    text = "An estimated 20,000 American GIs have already massed to defend the border."
    question = "How many American troops had massed at the border?"
    assert figure_fits(question, text, nlp, settings) == {"20,000": 1.0}


def test_how_much_is_not_answered_by_a_count_of_something_else(
    nlp: Language, settings: Settings
) -> None:
    text = "The bomb was packed with 800 kilograms of explosive and wounded at least 1,000 people."
    fits = figure_fits("How much explosive was packed into the bomb?", text, nlp, settings)
    assert fits["1,000"] < 0.5 < fits["800 kilograms"]


def test_copies_of_a_thing_count_that_thing(nlp: Language, settings: Settings) -> None:
    text = "Seventy-five million copies of the rifle have been built since 1947."
    fits = figure_fits("How many rifles have been built?", text, nlp, settings)
    assert fits == {"Seventy-five million": 1.0}


def test_on_what_date_a_month_alone_fits_less_than_a_weekday() -> None:
    assert time_fit("date", "later this month", "2015-12") < time_fit(
        "date", "Wednesday", "2015-12-09"
    )


def test_a_share_of_a_count_does_not_say_how_many(nlp: Language, settings: Settings) -> None:
    text = "Now roughly half of the 7,500 elite troops are posted outside the Middle East."
    fits = figure_fits("How many troops are posted outside the Middle East?", text, nlp, settings)
    assert fits["half"] <= FRACTION_FIT


@pytest.mark.parametrize(
    ("text", "other"),
    [
        (
            "The fund raised $16 million, compared with $103 million raised by its rival.",
            "$103 million",
        ),
        (
            "The fund raised $16 million, better than market expectations of $9 million.",
            "$9 million",
        ),
    ],
)
def test_a_figure_given_to_compare_with_is_not_the_one_asked(
    text: str, other: str, nlp: Language, settings: Settings
) -> None:
    fits = figure_fits("How much did the fund raise?", text, nlp, settings)
    assert fits["$16 million"] == 1.0
    assert fits[other] == FOR_COMPARISON


def test_the_first_number_of_a_ratio_counts_no_total(nlp: Language, settings: Settings) -> None:
    text = "The county cut its polling places to 60, or one polling place per every 21,000 voters."
    fits = figure_fits("How many polling places did the county open?", text, nlp, settings)
    assert fits["one"] == RATIO_PART  # its count of polling places fits, but for the ratio


def test_a_total_asked_is_the_total_told(nlp: Language, settings: Settings) -> None:
    text = "The firm will cut 277 jobs this week, the first wave in a total of 600 jobs."
    fits = figure_fits("How many jobs is the firm cutting in all?", text, nlp, settings)
    assert fits == {"277": PART_FIT, "600": 1.0}
