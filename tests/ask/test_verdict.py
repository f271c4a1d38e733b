"""Yes or no from a sentence: the question's predicate said, denied or only supposed."""

import pytest
from spacy.language import Language

from crisisdesk.ask.verdict import verdict


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        (
            "Has Ostrin authorized covert action in Pelmark?",
            "President Ostrin has authorized the agency to conduct covert action in Pelmark.",
            "yes",
        ),
        (
            "Did the minister sign the harbour accord?",
            "The minister did not sign the harbour accord on Friday.",
            "no",
        ),
        (
            "Did the firm confirm the bid?",
            "The firm declined to confirm the bid, saying it does not comment on speculation.",
            "no",
        ),
        (  # the opposite word
            "Do the shipping firms admit to a conspiracy?",
            "The shipping firms deny that they conspired to fix prices.",
            "no",
        ),
        (  # asked whether someone denied: the denial says yes
            "Did Voss deny the report?",
            "Voss denied the report in a statement on Monday.",
            "yes",
        ),
        (  # what someone said is so, not that they spoke
            "Did Voss say the strikes were connected to the inquiry?",
            "Voss said the strikes were not connected to the inquiry.",
            "no",
        ),
        (
            "Was Voss planning to attend the convention?",
            "Voss has no plans to attend the convention.",
            "no",
        ),
        (  # only weighed, only supposed: the reader judges
            "Did Ostrin order strikes on land?",
            "Ostrin is weighing whether to order strikes on land.",
            None,
        ),
        (
            "Did the party win the by-election?",
            "If the party wins the by-election, it will hold the seat.",
            None,
        ),
        (  # what a copula says of its subject: the adjective itself
            "Is the Igla-S similar to the Stinger?",
            "The Igla-S missiles are short-range systems (similar to US Stingers).",
            "yes",
        ),
        (
            "Are the strikes legal?",
            "These strikes have been questioned by lawmakers for their legality.",
            None,
        ),
        ("Was the reward the biggest ever offered?", "It was the biggest reward ever.", None),
    ],
)
def test_a_sentence_says_yes_or_no_or_neither(
    question: str, sentence: str, expected: str | None, nlp: Language
) -> None:
    assert verdict(nlp(question), nlp(sentence)) == expected
