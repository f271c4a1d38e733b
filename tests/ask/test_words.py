"""The crude stems that coverage checks and the reader lexicons compare words by."""

import pytest

from crisisdesk.ask.words import abbreviated, found, stem, stems_for, words_of


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("missiles", "missile"), ("countries", "country"), ("marches", "march"), ("ships", "ship")],
)
def test_a_plural_has_its_singulars_stem(plural: str, singular: str) -> None:
    assert stem(plural) == stem(singular)


@pytest.mark.parametrize(
    ("form", "verb"),
    [("stopped", "stop"), ("cutting", "cut"), ("planned", "plan"), ("falling", "fall")],
)
def test_a_verb_s_doubled_consonant_is_its_own(form: str, verb: str) -> None:
    assert stem(form) == stem(verb)


def test_a_lexicon_row_written_in_plurals_gives_the_singulars_synonyms() -> None:
    assert {"nation", "state"} <= stems_for("country")


@pytest.mark.parametrize(
    ("term", "text"),
    [("sub-prime", "Which subprime lender is the exchange delisting?"), ("subprime", "sub-prime")],
)
def test_a_word_is_found_with_or_without_its_hyphen(term: str, text: str) -> None:
    assert found(term, words_of(text))


@pytest.mark.parametrize(
    ("name", "text", "written"),
    [
        ("General Motors", "GM said its sales rose.", True),
        ("General Motors", "G.M. said its sales rose.", True),
        ("Bank of Japan", "The BOJ held rates.", True),
        ("General Motors", "GMC trucks sold well.", False),
        ("New York", "The NYT reported it.", False),
    ],
)
def test_a_name_of_several_words_is_written_by_its_initials(
    name: str, text: str, written: bool
) -> None:
    assert abbreviated(name, text) is written
