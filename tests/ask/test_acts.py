"""Which outcome a figure counts (ask/acts.py), on parsed news sentences of our own."""

import pytest
from spacy.language import Language

from crisisdesk.ask.acts import other_outcome
from crisisdesk.ask.span import parsed


@pytest.mark.parametrize(
    ("text", "figure", "acts", "other"),
    [
        (
            "More than 100 people have died and over 1,000 injured since the blast.",
            "1,000",
            ("kill",),
            True,
        ),
        (
            "More than 100 people have died and over 1,000 injured since the blast.",
            "100",
            ("kill",),
            False,
        ),
        (
            "The blast killed 258 people, including 12 Americans, and injured 5,500.",
            "12",
            ("die",),
            False,
        ),
        (
            "The blast killed 258 people, including 12 Americans, and injured 5,500.",
            "5,500",
            ("die",),
            True,
        ),
        ("Some 5 percent prefer Hale and 1 percent support Ortiz.", "5", ("support",), False),
    ],
)
def test_a_figure_counts_the_outcome_of_its_verb(
    text: str, figure: str, acts: tuple[str, ...], other: bool, nlp: Language
) -> None:
    start = text.index(figure)
    assert other_outcome(parsed(text, nlp), start, start + len(figure), acts) is other
