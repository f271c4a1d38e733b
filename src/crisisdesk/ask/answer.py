"""From ranked sentences to one answer: a typed span where the question asks for one, else the
sentence; abstain when no sentence covers enough of the question.

The span is the entity (or quantity) of a fitting label closest to where the question's words
occur in the sentence, leaving out entities the question itself names. Every name the question
uses ("the Stinger", "Maduro") must occur in the sentence or the one before it: a sentence about
another weapon's range does not answer a question about the Stinger's.
"""

import re

from crisisdesk.ask.cite import cite
from crisisdesk.ask.qtype import answer_type
from crisisdesk.ask.retrieve import coverage, stem
from crisisdesk.records import Answer
from crisisdesk.settings import AskSettings
from crisisdesk.store import SentenceHit, Store


def best_answer(
    question: str, terms: list[str], hits: list[SentenceHit], *, store: Store, settings: AskSettings
) -> Answer:
    """The best supported answer among `hits`, or an abstention saying why."""
    kind, labels = answer_type(question)
    ranked = sorted(hits, key=lambda h: (-coverage(terms, h.text), -h.score))
    wanted = names(question)
    for hit in ranked:
        support = coverage(terms, hit.text)
        if support < settings.min_coverage:
            break
        if not names_present(wanted, hit, store):
            continue
        text = hit.text if kind == "span" else typed_span(question, terms, hit, store, labels)
        citation = cite(hit, store) if text else None
        if text and citation:
            return Answer(None, text, confidence=support, citations=(citation,))
    reason = "no stored sentence supports an answer" if hits else "nothing in the store matches"
    return Answer(None, None, confidence=0.0, reason=reason)


def typed_span(
    question: str, terms: list[str], hit: SentenceHit, store: Store, labels: tuple[str, ...]
) -> str | None:
    """The fitting entity or quantity in the sentence: the best-fitting label first, then the
    one nearest to where the question's words occur."""
    spans = [
        (labels.index(e.label), e.start, e.end)
        for e in store.entities_in(hit.doc_id, hit.start, hit.end)
        if e.label in labels and e.text.lower() not in question.lower()
    ]
    if "CARDINAL" in labels:
        spans += [(0, q.start, q.end) for q in store.quantities_in(hit.doc_id, hit.start, hit.end)]
    if not spans:
        return None
    anchors = term_positions(terms, hit)
    _, start, end = min(
        spans, key=lambda s: (s[0], min((abs(s[1] - a) for a in anchors), default=0))
    )
    return hit.text[start - hit.start : end - hit.start]


def term_positions(terms: list[str], hit: SentenceHit) -> list[int]:
    """Document offsets where the question's words occur in the sentence."""
    wanted = {stem(t) for t in terms}
    return [
        hit.start + m.start()
        for m in re.finditer(r"\w[\w-]*", hit.text)
        if stem(m.group()) in wanted or m.group().lower() in terms
    ]


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
