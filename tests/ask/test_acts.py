"""Which outcome a figure counts and which act a time dates (ask/acts.py), on parsed news
sentences of our own."""

import pytest
from spacy.language import Language

from crisisdesk.ask import question as questions
from crisisdesk.ask.acts import (
    OTHER,
    OTHER_ACT,
    OTHER_OWNER,
    UNSAID,
    act_figure_fit,
    act_time_fit,
    denied_act,
    outcome_fit,
    owner_fit,
    reversed_roles,
)
from crisisdesk.ask.span import parsed


@pytest.mark.parametrize(
    ("text", "figure", "acts", "fit"),
    [
        (
            "More than 100 people have died and over 1,000 injured since the blast.",
            "1,000",
            ("kill",),
            OTHER,
        ),
        (
            "More than 100 people have died and over 1,000 injured since the blast.",
            "100",
            ("kill",),
            1.0,
        ),
        (
            "The blast killed 258 people, including 12 Americans, and injured 5,500.",
            "12",
            ("die",),
            1.0,
        ),
        (
            "The blast killed 258 people, including 12 Americans, and injured 5,500.",
            "5,500",
            ("die",),
            OTHER,
        ),
        ("Some 5 percent prefer Hale and 1 percent support Ortiz.", "5", ("support",), 1.0),
        (
            "The attack left 14 people dead, and police reported at least 20 victims.",
            "14",
            ("kill",),
            1.0,
        ),
        (
            "The attack left 14 people dead, and police reported at least 20 victims.",
            "20",
            ("kill",),
            UNSAID,
        ),
        (  # the question's own act, though it names an outcome in a clause besides
            "About 500 people attended the vigil, a year after he was killed.",
            "500",
            ("attend", "kill"),
            1.0,
        ),
    ],
)
def test_a_figure_counts_the_outcome_of_its_verb(
    text: str, figure: str, acts: tuple[str, ...], fit: float, nlp: Language
) -> None:
    start = text.index(figure)
    assert outcome_fit(parsed(text, nlp), start, start + len(figure), acts) == fit


INVITED = (
    "It started March 3, when the rebel commander invited the envoy to visit him in Goma on May 9."
)


@pytest.mark.parametrize(
    ("text", "time", "acts", "fit"),
    [
        (INVITED, "March 3", ("invite",), 1.0),
        (INVITED, "May 9", ("invite",), OTHER_ACT),
        (INVITED, "May 9", ("visit",), 1.0),
        (  # the time of the report, not of the act reported
            "On Friday the minister said she would resign in June.",
            "Friday",
            ("resign",),
            OTHER_ACT,
        ),
        ("On Friday the minister said she would resign in June.", "June", ("resign",), 1.0),
        ("On Friday the minister said she would resign in June.", "Friday", ("say",), 1.0),
        (  # the time of a clause beside the act's, not above it
            "The colonel, who later became defence minister, fled after the army mutinied in 1992.",
            "1992",
            ("become",),
            OTHER_ACT,
        ),
        (  # the time of a clause that holds the act's
            "In 1992 the army mutinied and the colonel became defence minister.",
            "1992",
            ("become",),
            1.0,
        ),
        (  # the time of a clause above an act told as done before it
            "The president lashed out on Thursday at Pelmark for having shot down a drone.",
            "Thursday",
            ("shoot",),
            OTHER_ACT,
        ),
        (
            "The president lashed out on Thursday at Pelmark for shooting down a drone.",
            "Thursday",
            ("shoot",),
            1.0,
        ),
    ],
)
def test_a_time_dates_the_act_of_its_clause(
    text: str, time: str, acts: tuple[str, ...], fit: float, nlp: Language
) -> None:
    start = text.index(time)
    assert act_time_fit(parsed(text, nlp), start, start + len(time), acts) == fit


CHARGES = (
    "The agency says the coach, who charges between $20,000 and $30,000 for a speech, has lost "
    "close to $100,000 since he endorsed the senator."
)


@pytest.mark.parametrize(
    ("text", "figure", "acts", "fit"),
    [
        (CHARGES, "$30,000", ("lose",), OTHER_ACT),  # a clause describing the loser
        (CHARGES, "$100,000", ("lose",), 1.0),
        (CHARGES, "$30,000", ("charge",), 1.0),
        (  # a figure in the act's own clause
            "The navy sent what officials said were 4,500 Marines to the region.",
            "4,500",
            ("send",),
            1.0,
        ),
        (  # an outcome asked: `outcome_fit` judges it
            "They died after the attack that left 14 people dead.",
            "14",
            ("kill",),
            1.0,
        ),
    ],
)
def test_a_figure_of_another_act_than_the_question_s_fits_less(
    text: str, figure: str, acts: tuple[str, ...], fit: float, nlp: Language
) -> None:
    start = text.index(figure)
    assert act_figure_fit(parsed(text, nlp), start, start + len(figure), acts) == fit


def test_a_verb_the_tagger_took_for_the_object_of_did_is_the_act(nlp: Language) -> None:
    question = "How much money did the governor's campaign raise in the last three months of 2015?"
    assert questions.read(question, nlp).acts == ("raise",)
    suit = "How much money does the planned class-action suit against the bank demand?"
    assert "suit" not in questions.read(suit, nlp).acts  # a noun with its article
    blast = "What fuel could help North Korea get a bigger nuclear blast?"
    assert questions.read(blast, nlp).acts == ("help",)  # "blast" here is a thing


@pytest.mark.parametrize(
    ("question", "fit"),
    [
        ("How many delegates does Ruiz have?", OTHER_OWNER),
        ("How many delegates does Florida have?", 1.0),
        ("How many delegates does Florida's primary award?", 1.0),
    ],
)
def test_a_figure_of_someone_the_question_does_not_name_fits_less(
    question: str, fit: float, nlp: Language
) -> None:
    text = "Ruiz and Ortega are busy courting Florida's 99 delegates before the primary."
    start = text.index("99")
    assert owner_fit(parsed(text, nlp), start, start + 2, question) == fit


@pytest.mark.parametrize(
    ("question", "sentence", "reversed_"),
    [
        (
            "Who did General Lanza swear loyalty to?",
            "The rebels, under their commander Ortega, agreed to swear loyalty to General Lanza.",
            True,
        ),
        (
            "Who did General Lanza swear loyalty to?",
            "General Lanza swore loyalty to the rebel commander Ortega.",
            False,
        ),
        (  # the filler only mentions the name
            "What share of Google does Time Warner hold?",
            "Time Warner said it holds 8% of search-engine Google.",
            False,
        ),
        (  # an act two sides do together
            "Who did Maduro meet in Moscow?",
            "Putin met Maduro in Moscow on Tuesday.",
            False,
        ),
    ],
)
def test_a_sentence_giving_the_asked_role_to_the_named_side_tells_it_reversed(
    question: str, sentence: str, reversed_: bool, nlp: Language
) -> None:
    assert reversed_roles(questions.read(question, nlp), parsed(sentence, nlp)) is reversed_


@pytest.mark.parametrize(
    ("question", "sentence", "opposite"),
    [
        (
            "Which shoal did Carter warn China not to build on?",
            "Any move by China to build on the Pelham Shoal would have consequences.",
            False,  # what he warned against, not an act the question denies
        ),
        (
            "How many troops did Petro send?",
            "Petro did not send troops to the border.",
            True,
        ),
    ],
)
def test_an_act_warned_against_is_not_denied(
    question: str, sentence: str, opposite: bool, nlp: Language
) -> None:
    read = questions.read(question, nlp)
    asked, doc = parsed(question, nlp), parsed(sentence, nlp)
    assert denied_act(asked, doc, read.acts) is opposite


def test_a_claim_s_time_does_not_date_an_act_the_sentence_does_not_tell(nlp: Language) -> None:
    sentence = "Maduro claimed on Wednesday that his country has deployed 5,000 missiles."
    doc = parsed(sentence, nlp)
    start = sentence.index("Wednesday")
    end = start + len("Wednesday")
    assert act_time_fit(doc, start, end, ("deliver",)) == OTHER_ACT
    assert act_time_fit(doc, start, end, ("claim",)) == 1.0
    assert act_time_fit(doc, start, end, ("deliver",), telling=True) == 1.0  # when it was told
