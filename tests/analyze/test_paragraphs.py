from datetime import date

from spacy.language import Language

from crisisdesk.analyze import analyze


def test_a_line_break_ends_a_sentence(nlp: Language) -> None:
    text = "The Latest: 9:30 p.m.\n\nDonald Trump says he will win.\nHe spoke in Ohio."
    starts = [
        text[s.start : s.end]
        for s in next(analyze([(text, date(2025, 10, 23))], nlp=nlp)).sentences
    ]
    assert any(s.startswith("Donald Trump says") for s in starts)
