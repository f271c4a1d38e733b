from datetime import date

from spacy.language import Language

from crisisdesk.analyze import analyze


def sentences_of(text: str, nlp: Language) -> list[str]:
    """The text's sentences as the pipeline splits them, spaces trimmed."""
    found = next(analyze([(text, date(2025, 10, 23))], nlp=nlp)).sentences
    return [text[s.start : s.end].strip() for s in found]


def test_a_line_break_ends_a_sentence(nlp: Language) -> None:
    text = "The Latest: 9:30 p.m.\n\nDonald Trump says he will win.\nHe spoke in Ohio."
    assert any(s.startswith("Donald Trump says") for s in sentences_of(text, nlp))


def test_a_closing_quotation_mark_stays_with_the_sentence_it_closes(nlp: Language) -> None:
    text = (
        'A student at the rally called him "somebody\'s savage grandpa."\n\n'
        "Come again?\n\n"
        "He said: \u201cWe know that foreign hackers broke in.\u201d\nThen he left."
    )
    sentences = sentences_of(text, nlp)
    assert 'A student at the rally called him "somebody\'s savage grandpa."' in sentences
    assert "He said: \u201cWe know that foreign hackers broke in.\u201d" in sentences
    assert not any(s in ('"', "\u201d") for s in sentences)


def test_a_quotation_mark_opening_a_paragraph_starts_the_sentence_it_opens(
    nlp: Language,
) -> None:
    text = "The talks ended.\n\n''There's no way we can keep every promise,'' the minister said.\n"
    sentences = sentences_of(text, nlp)
    assert sentences == [
        "The talks ended.",
        "''There's no way we can keep every promise,'' the minister said.",
    ]


def test_a_headline_is_one_sentence(nlp: Language) -> None:
    text = (
        "Donald Trump Is Now Calling Obama The \u2018Most Valuable Player\u2019 For ISIS.\n\n"
        "Trump spoke during multiple interviews on Thursday. He did not say more."
    )
    sentences = sentences_of(text, nlp)
    assert sentences == [
        "Donald Trump Is Now Calling Obama The \u2018Most Valuable Player\u2019 For ISIS.",
        "Trump spoke during multiple interviews on Thursday.",
        "He did not say more.",
    ]


def test_a_title_written_short_ends_no_sentence(nlp: Language) -> None:
    text = (
        '"We are already at war," said Pentagon spokesman Navy Capt. Jeff Davis, who was '
        "asked about the strategy. Lt. Gen. Sean Ruiz agreed."
    )
    sentences = sentences_of(text, nlp)
    assert len(sentences) == 2
    assert sentences[0].endswith("who was asked about the strategy.")
