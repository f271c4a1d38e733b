"""From ranked sentences to one answer: a typed entity where the question asks for one, else a
noun phrase of the sentence; abstain when no sentence covers enough of the question.

Sentences are ranked by how much of the question they cover, rare words weighing more (IDF over
the retrieved sentences). Every name the question uses ("the Stinger", "Maduro") must occur in
the sentence or the one before it: a sentence about another weapon's range does not answer a
question about the Stinger's. The confidence estimates the answer's F1: weighted coverage
times a prior for how the span was found (see PRIOR); below `settings.min_coverage` it abstains.
"""

import re

from spacy.language import Language

from crisisdesk.ask.cite import cite
from crisisdesk.ask.qtype import answer_type
from crisisdesk.ask.retrieve import coverage, term_weights
from crisisdesk.ask.span import (
    Candidate,
    anchors,
    choice,
    nearest,
    phrase_candidates,
    typed_candidates,
)
from crisisdesk.records import Answer
from crisisdesk.settings import AskSettings
from crisisdesk.store import SentenceHit, Store

#: how many of the best-covering sentences are tried for a span (each may be parsed)
TRIED = 2
#: answer types a noun phrase may answer when no entity of a fitting label is found
UNTYPED_FALLBACK = frozenset({"phrase", "actor", "place"})
#: expected F1 of an answer whose sentence covers the whole question, by how it was found:
#: measured on SQuAD 2.0 dev questions 0-1200 (typed entity 0.46-0.50, noun phrase 0.03-0.30,
#: both falling about linearly with coverage). Confidence = prior x coverage, so the bar
#: `settings.min_coverage` (0.5) answers only when the expected F1 is worth the risk.
PRIOR = {"typed": 0.55, "phrase": 0.3}


def best_answer(
    question: str,
    terms: list[str],
    hits: list[SentenceHit],
    *,
    store: Store,
    nlp: Language,
    settings: AskSettings,
) -> Answer:
    """The best supported answer among `hits`, or an abstention saying why."""
    weights = term_weights(terms, hits)
    ranked = sorted(hits, key=lambda h: (-coverage(terms, h.text, weights), -h.score))
    wanted = names(question)
    for hit in [h for h in ranked if names_present(wanted, h, store)][:TRIED]:
        found = span_in(question, terms, hit, store=store, nlp=nlp)
        citation = cite(hit, store) if found else None
        if found and citation:
            span, how = found
            confidence = PRIOR[how] * coverage(terms, hit.text, weights)
            if confidence < settings.min_coverage:
                break
            return Answer(None, span_text(hit, span), confidence, citations=(citation,))
    reason = "no stored sentence supports an answer" if hits else "nothing in the store matches"
    return Answer(None, None, confidence=0.0, reason=reason)


def span_in(
    question: str, terms: list[str], hit: SentenceHit, *, store: Store, nlp: Language
) -> tuple[Candidate, str] | None:
    """The answer span in one sentence and how it was found ("typed" or "phrase")."""
    kind, labels = answer_type(question)
    points = anchors(terms, hit)
    typed = choice(question, hit) or nearest(
        typed_candidates(question, hit, store, labels) if labels else [], points
    )
    if typed is not None:
        return typed, "typed"
    if kind in UNTYPED_FALLBACK:
        phrase = nearest(phrase_candidates(question, hit, nlp), points)
        return (phrase, "phrase") if phrase else None
    return None


def span_text(hit: SentenceHit, span: Candidate) -> str:
    return hit.text[span.start - hit.start : span.end - hit.start]


def names(question: str) -> list[str]:
    """Capitalized words after the question's first word: the names it asks about."""
    words = re.findall(r"\b[\w][\w-]*", question)[1:]
    return [w for w in words if w[0].isupper() and w.lower() not in {"i"}]


def names_present(wanted: list[str], hit: SentenceHit, store: Store) -> bool:
    """Each name occurs (stem match) in the sentence or the sentence before it."""
    if not wanted:
        return True
    before = store.sentence_at(hit.doc_id, hit.start - 1) if hit.start else None
    window = f"{before.text if before else ''} {hit.text}"
    return coverage(wanted, window) == 1.0
