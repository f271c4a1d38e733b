"""The answer span inside one sentence: a stretch of it the question does not already say, of the
kind the question asks for, close to where the question's words occur.

Typed questions take a stored entity (or quantity) of a fitting label. Other questions take a
noun phrase of the sentence, parsed at answer time (one sentence, a few milliseconds; the store
is never re-parsed). Distance to the question's words stands in for a trained reader, which no
offline package ships (models.md §3): it finds "who did X" in "Y did X" but not in long
sentences where the answer sits far from the words it shares with the question.
"""

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Token

from crisisdesk.analyze.pipeline import component_names
from crisisdesk.ask.retrieve import WORD, found, stem, words_of
from crisisdesk.store import SentenceHit, Store

#: the components a noun phrase needs: spaCy's own and our paragraph breaks (the others are
#: skipped, which keeps the parse cheap)
NEEDED = frozenset({"crisisdesk_paragraphs"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible answer: document offsets (end exclusive) and how well its kind fits (0 best)."""

    start: int
    end: int
    fit: int = 0


def typed_candidates(
    question: str, hit: SentenceHit, store: Store, labels: tuple[str, ...]
) -> list[Candidate]:
    """Entities of a fitting label (quantities too for numbers) that the question does not name."""
    asked = words_of(question)
    found_ = [
        Candidate(e.start, e.end, labels.index(e.label))
        for e in store.entities_in(hit.doc_id, hit.start, hit.end)
        if e.label in labels and not said(e.text, asked)
    ]
    if "CARDINAL" in labels:
        found_ += [
            Candidate(q.start, q.end)
            for q in store.quantities_in(hit.doc_id, hit.start, hit.end)
            if not said(q.text, asked)
        ]
    return found_


def phrase_candidates(question: str, hit: SentenceHit, nlp: Language) -> list[Candidate]:
    """Noun phrases of the sentence less the words the question already says ("the river
    Seine" answers "what river" as "Seine"). `fit` is the number of dependency arcs to the
    nearest word the question shares: the answer to "what did X found" hangs off "found", not
    off a noun three clauses away."""
    ours = set(component_names()) - NEEDED
    doc = nlp(hit.text, disable=[p for p in nlp.pipe_names if p in ours])
    asked = words_of(question)
    shared = [t for t in doc if not t.is_stop and found(t.lower_, asked)]
    out = []
    for chunk in doc.noun_chunks:
        words = unsaid(list(chunk), asked)
        if words:
            arcs = min((arcs_between(chunk.root, t) for t in shared), default=0)
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            out.append(Candidate(hit.start + start, hit.start + end, arcs))
    return out


def unsaid(tokens: list[Token], asked: set[str]) -> list[Token]:
    """The tokens left once words the question says, stop words and punctuation are trimmed
    from both ends; nothing when a question word remains inside."""

    def said_(t: Token) -> bool:
        return t.is_stop or t.is_punct or found(t.lower_, asked)

    while tokens and said_(tokens[0]):
        tokens = tokens[1:]
    while tokens and said_(tokens[-1]):
        tokens = tokens[:-1]
    return [] if any(found(t.lower_, asked) for t in tokens) else tokens


def arcs_between(a: Token, b: Token) -> int:
    """Length of the dependency path between two tokens of one sentence."""
    up = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up:
            return n + up[t.i]
    return len(up) + n


def choice(question: str, hit: SentenceHit) -> Candidate | None:
    """For "is it X or Y?", whichever of X and Y the sentence says, when it says only one.

    Limit: one-word options only ("abstract or concrete"), the words just around the "or"."""
    match = re.search(r"\b([\w-]+),? or ([\w-]+)\W*$", question)
    if not match:
        return None
    options = [
        m for m in (re.search(rf"\b{re.escape(w)}\b", hit.text, re.I) for w in match.groups()) if m
    ]
    if len(options) != 1:
        return None
    return Candidate(hit.start + options[0].start(), hit.start + options[0].end())


def said(text: str, asked: set[str]) -> bool:
    """True when every word of `text` already occurs in the question (it cannot be the answer)."""
    words = WORD.findall(text.lower())
    return bool(words) and all(found(w, asked) for w in words)


def anchors(terms: list[str], hit: SentenceHit) -> list[tuple[int, int]]:
    """Document spans where the question's words occur in the sentence."""
    wanted = {stem(t) for t in terms}
    return [
        (hit.start + m.start(), hit.start + m.end())
        for m in re.finditer(r"\w[\w-]*", hit.text)
        if stem(m.group()) in wanted or m.group().lower() in terms
    ]


def nearest(candidates: list[Candidate], points: list[tuple[int, int]]) -> Candidate | None:
    """The best-fitting candidate, the one closest to the question's words among equals
    (characters between the two spans: "altitude of 3,500 m" is 4 apart)."""

    def distance(c: Candidate) -> int:
        return min((max(c.start - end, start - c.end, 0) for start, end in points), default=0)

    return min(candidates, key=lambda c: (c.fit, distance(c)), default=None)
