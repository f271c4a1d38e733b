"""The converter ties each number to who claims it, through nested attributions."""

from datetime import date

from spacy.language import Language

from crisisdesk.analyze import analyze

TEXT = (
    "Maduro has responded by claiming to have mobilized over 8 million reservists in volunteer "
    "militias (a number experts have questioned)."
)


def test_a_number_is_claimed_by_its_speaker_not_by_who_questions_it(nlp: Language) -> None:
    result = next(analyze([(TEXT, date(2025, 10, 23))], nlp=nlp))
    reservists = [q for q in result.quantities if q.value == 8_000_000]
    assert [(q.claimed_by, q.stance) for q in reservists] == [("Nicolás Maduro", "claimed")]
