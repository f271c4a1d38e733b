"""ask's rules on short texts of our own: question typing, spans, weights and abstention."""

import pytest
from spacy.language import Language

from crisisdesk import flow
from crisisdesk.ask import ask
from crisisdesk.ask.qtype import answer_type
from crisisdesk.ask.retrieve import coverage, key_terms, retrieve, term_weights
from crisisdesk.ask.span import choice, phrase_candidates
from crisisdesk.ingest.metadata import make_document
from crisisdesk.settings import Settings
from crisisdesk.store import SentenceHit, Store

PORT = (
    "The harbour of Valdoro was rebuilt in 1884 after a storm. "
    "Its first harbour master was Elena Marsh, who served for twelve years. "
    "Ships entering the harbour must pass the lighthouse on Gull Rock."
)


def context_store(text: str, settings: Settings) -> Store:
    """A private store of one analysed text, as `Desk.ask` with a context builds it."""
    doc = make_document(text, origin="context")
    return flow.memory_store(doc, next(flow.analyzed([doc], settings))[1])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "kind", "first_label"),
    [
        ("What year was the harbour rebuilt?", "date", "DATE"),
        ("In which city did the talks take place?", "place", "GPE"),
        ("What percentage of voters turned out?", "number", "PERCENT"),
        ("How many ships were sunk?", "number", "CARDINAL"),
        ("Which leader signed the accord?", "actor", "PERSON"),
        ("Who authorized the strike?", "actor", "PERSON"),
    ],
)
def test_head_noun_refines_the_wh_word(question: str, kind: str, first_label: str) -> None:
    assert answer_type(question)[0] == kind
    assert answer_type(question)[1][0] == first_label


def test_untyped_questions_ask_for_a_phrase() -> None:
    assert answer_type("What did the storm destroy?") == ("phrase", ())


def test_rare_question_words_weigh_more_than_shared_ones() -> None:
    hits = [
        SentenceHit("d", 0, 0, 40, "The harbour was busy in summer."),
        SentenceHit("d", 1, 41, 90, "The harbour lighthouse stands on Gull Rock."),
    ]
    terms = key_terms("Where does the harbour lighthouse stand?")
    weights = term_weights(terms, hits)
    assert weights["lighthouse"] > weights["harbour"]
    assert coverage(terms, hits[1].text, weights) > coverage(terms, hits[0].text, weights)


def test_noun_phrase_drops_the_words_the_question_says(nlp: Language) -> None:
    text = "The convoy crossed the river Tamsa at dawn."
    hit = SentenceHit("d", 0, 0, len(text), text)
    spans = [text[c.start : c.end] for c in phrase_candidates("What river did it cross?", hit, nlp)]
    assert "Tamsa" in spans
    assert all("river" not in s for s in spans)


def test_either_or_question_takes_the_option_the_sentence_says() -> None:
    text = "The treaty was signed in secret at a border post."
    hit = SentenceHit("d", 0, 0, len(text), text)
    picked = choice("Was the treaty signed in public or secret?", hit)
    assert picked is not None
    assert text[picked.start : picked.end] == "secret"
    both = "It was drafted in public and signed in secret."
    assert choice("Was it signed in public or secret?", SentenceHit("d", 0, 0, 46, both)) is None


def test_typed_answer_with_its_citation(nlp: Language, settings: Settings) -> None:
    store = context_store(PORT, settings)
    answer = ask("Who was the first harbour master?", store, nlp=nlp, settings=settings)
    assert answer.text == "Elena Marsh"
    cited = answer.citations[0]
    assert PORT[cited.start : cited.end] == cited.text
    assert "Elena Marsh" in cited.text


def test_abstains_when_a_named_thing_is_absent(nlp: Language, settings: Settings) -> None:
    store = context_store(PORT, settings)
    answer = ask("Who was the first harbour master of Korsby?", store, nlp=nlp, settings=settings)
    assert answer.text is None
    assert answer.citations == ()


def test_abstains_on_a_weakly_covered_question(nlp: Language, settings: Settings) -> None:
    store = context_store(PORT, settings)
    terms = key_terms("Who designed the new railway station near the harbour?")
    assert retrieve(terms, store, limit=8)  # "harbour" matches, the rest does not
    answer = ask(
        "Who designed the new railway station near the harbour?", store, nlp=nlp, settings=settings
    )
    assert answer.text is None


def test_measure_question_with_an_adjective_is_a_quantity() -> None:
    assert answer_type("What is the maximum altitude of the Igla-S?")[0] == "quantity"
