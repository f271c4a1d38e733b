"""Answers to questions that describe what they ask for instead of naming a predicate ("What
is *the most common model in complexity theory*?", "What was *the naval base* called?", "What
is the name of *Bohemond's nephew*?"): the sentence pairs a phrase that says most of the
description with another one, which is the answer: the two sides of a copula ("*the Turing
machine* is the most commonly used model in complexity theory"), an apposition
("*Dyrrachium*, one of the most important naval bases of the Adriatic"), a naming verb ("a
style known as *Norman-Arab architecture*") or the words set before a name ("his nephew
*Tancred*").

Limit: the description is matched word by word (stems and shared roots), so "the Norse
religion" does not describe "Catholicism" in "replaced the Norse religion with Catholicism".
"""

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from crisisdesk.ask.align import (
    CALLING,
    LIGHT,
    Slot,
    before_name,
    content_word,
    matches_root,
    name_start,
    named,
    unbroken,
)
from crisisdesk.ask.words import stem

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ROLE = "described"
#: verbs that say what something is called ("called", "known as", "termed")
NAMING = CALLING | {"refer"}
#: words of a description that only say a name is wanted ("the term for", "another name of")
ASKING = frozenset(
    stem(w)
    for w in [
        "term",
        "name",
        "word",
        "another",
        "called",
        "known",
        "given",
        "used",
        "describe",
        "identify",
        "refer",
        "one",
    ]
)
#: a question asking what something is: its wh-word, a copula, the description ("what
#: religion was Calvin" asks for a kind of thing, not for what fits a description)
DESCRIPTION = re.compile(r"^\W*(?:what|which|who) (?:is|are|was|were) (?P<description>.+)", re.I)
#: tags and words of a description that say which one of several it is: superlatives,
#: numbers, "least", "other", "only"; the describing phrase must say them, and its head noun
MARKING = frozenset(["JJS", "RBS", "CD"])
MARKS = frozenset(["least", "most", "other", "only", "first", "last", "next", "not", "never"])
#: what only describes an answer further: its clauses and appositions
ASIDES = frozenset(["relcl", "acl", "advcl", "appos", "parataxis"])
#: how surely "the N of X" names an N ("the colony of Fort Caroline"; "the ruling class of
#: England" does not)
OF_NAME = 0.8
#: share of the description the other side must say
DESCRIBED_SHARE = 0.5
#: dependency labels of the phrases a copula or naming verb joins
JOINED = frozenset(["nsubj", "nsubjpass", "attr", "oprd"])


def described_slot(doc: "Doc") -> Slot | None:
    """The description a question asks the answer to fit, when it asks what something is
    ("What is <description>?", "What was <description> called?")."""
    asked = DESCRIPTION.match(doc.text)
    if asked is None or _verbal(doc):
        return None
    start, end = asked.span("description")
    tokens = [t for t in doc if start <= t.idx < end]
    words = _stems(tokens) - ASKING
    marks = {stem(t.lower_) for t in tokens if t.tag_ in MARKING or t.lower_ in MARKS}
    head = next((t for t in tokens if _head_noun(t)), None)
    if head is not None:
        marks.add(stem(head.lower_))
    return Slot(frozenset(words), ROLE, marks=frozenset(marks)) if words else None


def _verbal(doc: "Doc") -> bool:
    """The question's "is" or "was" is an auxiliary of its verb ("What was the CIA authorized
    to conduct?"), not a copula; a naming verb's ("What is the term used for ...") excepted."""
    be = next((t for t in doc if t.lemma_ == "be"), None)
    return (
        be is not None
        and be.dep_ in ("aux", "auxpass")
        and be.head.lemma_ not in NAMING | {"use", "give"}
    )


def described(slot: Slot, sentence: "Doc | Span") -> Iterator[tuple[int, int, float]]:
    """Character spans (sentence offsets) and fits of what the sentence pairs with a phrase
    that says the description's marks (its head noun, superlatives, numbers), where the rest
    of the sentence says most of the description and the answer itself little of it."""
    start = sentence[0].idx if len(sentence) else 0
    for token in sentence:
        for answer, other, joint, fit in _pairs(token):
            if not _marked(slot, other):
                continue
            span = _answer_span(answer, joint)
            if span is None:
                continue
            inside = [t for t in sentence if span[0] <= t.idx < span[1]]
            rest = _said(slot.words, (t for t in sentence if not span[0] <= t.idx < span[1]))
            enough = rest >= max(1.0, DESCRIBED_SHARE * len(slot.words))
            if enough and _said(slot.words, inside) < rest:
                yield span[0] - start, span[1] - start, fit


Pair = tuple["Token", "list[Token]", "Token", float]


def _pairs(token: "Token") -> Iterator[Pair]:
    """(answer head, the words describing it, the token joining them, how surely the
    construction says one is the other) for the phrases this token joins: a copula's or
    naming verb's two sides, a name and its apposition, a name and the words before it, a
    noun and the name "of" it ("the colony *of Fort Caroline*")."""
    yield from _joined(token)
    for kid in token.children:
        if kid.dep_ == "appos":
            yield token, list(kid.subtree), kid, 1.0
            yield kid, [t for t in token.subtree if t.i < kid.left_edge.i], token, 1.0
    for prep in (k for k in token.children if k.lower_ == "of" and token.pos_ == "NOUN"):
        for name in (o for o in prep.children if o.dep_ == "pobj" and named(o)):
            yield name, [t for t in token.subtree if t.i <= token.i], prep, OF_NAME
    if named(token) and token.dep_ not in ("compound", "flat"):
        before = before_name(token)
        if before:
            yield token, before, token, 1.0


def _joined(token: "Token") -> Iterator[Pair]:
    """The two sides of a copula or naming verb ("X is Y", "X is to do Y", "X is called Y", "a
    style known as Y"), each as the answer with the other describing it; another verb's object
    and what it is "as" ("replaced X as the ruling class")."""
    if token.lemma_ not in NAMING | {"be"}:
        if token.pos_ == "VERB":  # "replaced *the Anglo-Saxons* as the ruling class"
            kinds = [o for k in token.children if k.lower_ == "as" for o in k.children]
            for obj in (k for k in token.children if k.dep_ == "dobj"):
                for kind in kinds:
                    yield obj, list(kind.subtree), token, 1.0
        return
    sides = [k for k in token.children if k.dep_ in JOINED]
    sides += [o for k in token.children if k.lower_ == "as" for o in k.children]
    if token.lemma_ == "be":  # "the US goal is *to establish a credible threat*"
        sides += [k for k in token.children if k.dep_ == "xcomp" and _infinitive(k)]
    if token.dep_ == "acl" and token.lemma_ in NAMING:
        sides.append(token.head)
    for a in sides:
        for b in sides:
            if a is not b:
                yield a, describing(b), token, 1.0


def _infinitive(verb: "Token") -> bool:
    """The verb opens a clause of "to" ("to establish ...")."""
    return any(k.dep_ == "aux" and k.lower_ == "to" for k in verb.children)


def describing(side: "Token") -> "list[Token]":
    """The words of a copula's side that say what it is: less what a preposition other than
    "of" hangs on it ("*remarks* about a federal judge" are remarks, not a judge)."""
    hung = {t.i for k in side.children if k.dep_ == "prep" and k.lower_ != "of" for t in k.subtree}
    return [t for t in side.subtree if t.i not in hung]


def _answer_span(answer: "Token", joint: "Token") -> tuple[int, int] | None:
    """The answer's words: a name from its first word, else its phrase less the joint's and
    less what only describes it further ("the Weavers, *a half-timbered house*")."""
    if joint is answer:  # a name after the words describing it: "his nephew *Tancred*"
        first = answer.doc[name_start(answer)]
        return first.idx, answer.idx + len(answer)
    cut = {joint.i} | {t.i for k in answer.children if k.dep_ in ASIDES for t in k.subtree}
    if answer.is_ancestor(joint):
        cut |= {t.i for t in joint.subtree}
    words = unbroken([t for t in answer.subtree if t.i not in cut], answer)
    while words and (words[0].is_punct or words[0].dep_ in ("det", "cc")):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].dep_ in ("cc", "prep")):
        words = words[:-1]
    if not words or (len(words) == 1 and words[0].pos_ == "PRON"):
        return None
    return words[0].idx, words[-1].idx + len(words[-1])


def _head_noun(token: "Token") -> bool:
    """The noun a description is about ("the *score* of the Davis Cup match", "the naval
    *base*"), not the word asking for a name ("the term for")."""
    return token.pos_ == "NOUN" and token.dep_ != "compound" and stem(token.lower_) not in ASKING


def _marked(slot: Slot, tokens: "Iterable[Token]") -> bool:
    """The describing words say the description's head noun and every word marking which
    one of several it is ("most", "four", "other"); a noun only modifying another ("*law*
    professor") does not say it."""
    given = {stem(t.lower_) for t in tokens if not _modifying(t)}
    return all(m in given or any(matches_root(m, g) for g in given) for m in slot.marks)


def _modifying(token: "Token") -> bool:
    """The noun only says what kind another noun is ("a *law* professor", "education and
    *law* professor")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    kind = token.head if token.dep_ == "conj" else token
    return kind.dep_ in ("compound", "nmod") and kind.head.pos_ == "NOUN"


def _stems(tokens: "Iterable[Token]") -> set[str]:
    """Stems of the content words and content verbs."""
    return {
        stem(t.lower_)
        for t in tokens
        if content_word(t) or (t.pos_ == "VERB" and t.lemma_.lower() not in LIGHT)
    }


def _said(words: frozenset[str], tokens: "Iterable[Token]") -> float:
    """How many of the description's words these tokens say (a stem or a shared root)."""
    given = _stems(tokens)
    return sum(1 for w in words if w in given or any(matches_root(w, g) for g in given))
