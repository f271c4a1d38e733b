"""Questions that describe what they ask for (`ask/described.py`): the sentence pairs a phrase
saying the description with the answer, by a copula, an apposition, a naming verb or the
words before a name."""

import pytest
from spacy.language import Language

from crisisdesk.ask import question as questions
from crisisdesk.ask.described import ROLE, described
from crisisdesk.settings import Settings
from tests.ask.test_ask import asked


def fitting(question: str, sentence: str, nlp: Language) -> list[str]:
    """What the sentence gives for the question's description."""
    slot = questions.read(question, nlp).slot
    assert slot is not None
    assert slot.role == ROLE
    return [sentence[a:b] for a, b, _ in described(slot, questions.parse(sentence, nlp))]


@pytest.mark.parametrize(
    ("question", "sentence", "answer"),
    [
        (  # the other side of a copula
            "What is the most widely used air defense system in Venezuela?",
            "The Igla-S is the most widely used air defense system in Venezuela, analysts say.",
            "Igla-S",
        ),
        (  # a name and its apposition
            "What was the naval base called?",
            "Frigates docked at Puerto Cabello, the largest naval base on the coast, on Tuesday.",
            "Puerto Cabello",
        ),
        (  # the words before a name
            "What is the name of Maduro's defense minister?",
            "His defense minister Vladimir Padrino López said the troops were ready.",
            "Vladimir Padrino López",
        ),
        (  # a verb's object and what it is "as"
            "Who was the ruling party before the socialists?",
            "The socialists replaced the Democratic Action party as the ruling party in 1999.",
            "Democratic Action party",
        ),
        (  # a noun and the name "of" it, the rest of the description said elsewhere
            "What was the name of the Venezuelan base on the island?",
            "On the island, Venezuelan troops built the base of La Orchila last year.",
            "La Orchila",
        ),
        (  # a copula's clause of "to"
            "What is the government's aim?",
            "Analysts say the government's aim is to keep the ports open through the winter.",
            "to keep the ports open through the winter",
        ),
        (  # a naming verb
            "What was the deployment called?",
            "The deployment, known as Operation Southern Spear, began in September.",
            "Operation Southern Spear",
        ),
    ],
)
def test_the_answer_is_what_the_sentence_pairs_with_the_description(
    question: str, sentence: str, answer: str, nlp: Language
) -> None:
    assert answer in fitting(question, sentence, nlp)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (  # "least" is not said: the sentence describes another system
            "What is the least widely used air defense system in Venezuela?",
            "The Igla-S is the most widely used air defense system in Venezuela, analysts say.",
        ),
        (  # the head noun is not said: the score is not the players
            "What was the score of the match between Courier and Kafelnikov?",
            "A pair of former champions, Jim Courier and Yevgeny Kafelnikov, met on Friday.",
        ),
        (  # the head noun only modifies another: a law professor is no law
            "What is the name of the law replacing the old schools act?",
            "The old schools act was too rigid, said Ana Ruiz, education and law professor.",
        ),
    ],
)
def test_a_phrase_missing_the_question_s_marks_describes_nothing(
    question: str, sentence: str, nlp: Language
) -> None:
    assert fitting(question, sentence, nlp) == []


@pytest.mark.parametrize(
    "question",
    [
        "What religion was Maduro?",
        "Who said the missiles were deployed?",
        "What was sold?",
        "What was the CIA authorized to conduct?",  # a passive's auxiliary, not a copula
    ],
)
def test_only_what_is_questions_describe(question: str, nlp: Language) -> None:
    slot = questions.read(question, nlp).slot
    assert slot is None or slot.role != ROLE


def test_the_option_a_sentence_says_answers_a_choice(nlp: Language, settings: Settings) -> None:
    text = "The Igla-S is a short-range, shoulder-fired system similar to US Stingers."
    answer = asked("Is the Igla-S short-range or long-range?", text, nlp, settings)
    assert answer.text == "short-range"
    assert asked("What system is either short-range or long-range?", text, nlp, settings).text != (
        "short-range"
    )


def test_a_side_is_what_its_head_says_not_what_hangs_on_it(nlp: Language) -> None:
    sentence = (
        "Trump's remarks about a federal judge in the Trump University case were the textbook "
        "definition of a racist comment, Ryan said."
    )
    assert fitting("Who is the federal judge in the Trump University case?", sentence, nlp) == []
