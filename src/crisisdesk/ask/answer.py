"""From ranked sentences to one answer: a typed entity where the question asks for one, else a
noun phrase of the sentence; abstain when no sentence covers enough of the question.

Sentences are ranked by how much of the question they cover, rare words weighing more (IDF over
the retrieved sentences). Every name the question uses ("the Stinger", "Maduro") must occur in
the sentence or the one before it: a sentence about another weapon's range does not answer a
question about the Stinger's. The confidence estimates the answer's F1: weighted coverage
times a prior for how the span was found (see PRIOR); below `settings.min_coverage` it abstains.
"""

import re
from dataclasses import dataclass

from spacy.language import Language

from crisisdesk.analyze.gazetteer import Gazetteer
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

#: words at the start of the previous sentence that may supply a name the question asks about
TOPIC_WORDS = 6
#: how many of the best-covering sentences are tried for a span (each may be parsed)
TRIED = 2
#: answer types a noun phrase may answer when no entity of a fitting label is found
UNTYPED_FALLBACK = frozenset({"phrase", "actor", "place"})
#: expected F1 of an answer whose sentence covers the whole question, by how it was found:
#: measured on SQuAD 2.0 dev questions 0-1200 (typed entity 0.46-0.50, noun phrase 0.03-0.30,
#: both falling about linearly with coverage). Confidence = prior x coverage, so the bar
#: `settings.min_coverage` (0.5) answers only when the expected F1 is worth the risk.
PRIOR = {"typed": 0.55, "phrase": 0.3}


@dataclass(frozen=True, slots=True)
class Sources:
    """What answering reads: the store, the pipeline (to parse a candidate sentence), the
    actor gazetteer (to accept "US" for "the United States") and the ask settings."""

    store: Store
    nlp: Language
    known: Gazetteer
    settings: AskSettings


def best_answer(question: str, terms: list[str], hits: list[SentenceHit], src: Sources) -> Answer:
    """The best supported answer among `hits`, or an abstention saying why."""
    weights = term_weights(terms, hits)
    unique = list({h.text: h for h in reversed(hits)}.values())  # wire copies: try one
    ranked = sorted(unique, key=lambda h: (-coverage(terms, h.text, weights), -h.score))
    wanted = names(question)
    supported = ((h, covered_names(wanted, h, src)) for h in ranked)
    for hit, extra in [(h, c) for h, c in supported if c is not None][:TRIED]:
        found = span_in(question, terms, hit, store=src.store, nlp=src.nlp)
        citation = cite(hit, src.store) if found else None
        if found and citation:
            span, how = found
            evidence = " ".join((hit.text, *extra))
            confidence = PRIOR[how] * coverage(terms, evidence, weights)
            if confidence < src.settings.min_coverage:
                break
            return Answer(None, span_text(hit, span), confidence, citations=(citation,))
    reason = "no stored sentence supports an answer" if hits else "nothing in the store matches"
    return Answer(None, None, confidence=0.0, reason=reason)


def topic(text: str) -> str:
    """The opening words of a sentence, where its subject usually stands."""
    return " ".join(text.split()[:TOPIC_WORDS])


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


def covered_names(wanted: list[str], hit: SentenceHit, src: Sources) -> list[str] | None:
    """The question's names that the sentence lacks but its neighbourhood supplies: the topic
    of the sentence before it ("Maduro responded ... He claimed"), or an actor mentioned there
    under another alias ("US" for "the United States"). None when a name is not supported.
    Only the previous sentence's opening words count (its subject, as a rule): "The Igla-S is
    ... similar to US Stingers" makes the next sentence about the Igla-S, not the Stinger."""
    missing = [name for name in wanted if coverage([name], hit.text) < 1.0]
    if not missing:
        return []
    before = src.store.sentence_before(hit)
    start = before.start if before else hit.start
    actors = {e.actor for e in src.store.entities_in(hit.doc_id, start, hit.end) if e.actor}
    for name in missing:
        entry = src.known.lookup(name)
        in_before = before is not None and coverage([name], topic(before.text)) == 1.0
        if not in_before and (entry is None or entry.name not in actors):
            return None
    return missing
