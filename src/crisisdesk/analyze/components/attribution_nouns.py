"""Attribution noun cues: a noun with a "that"-clause complement ("his claim that ..."), a
possessed one with an object ("Trump's criticism of the deal"; of, on, against, about, for,
over), one with a "to"-infinitive ("the decision to run", "her pledge to close the plant"), or one
equated with a clause ("Their fear is that it could be too late").

Any noun whose clause is marked "that" and is not a relative clause counts ("the claim that",
"made the case that", "in a statement that", "there is no doubt that"), as PolNeAR annotates
them all; the lexicon only sets the stance ("allegation" -> alleged). The source is the
possessor ("Trump's claim"), else the subject of the verb the noun depends on ("X said in a
statement that", "X made the point that"). Not handled: noun cues with none of these ("in a
statement", "questions about X": PolNeAR counts them too seldom to take them all), and
"whether" complements.
"""

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.attribution_quotes import Quotes, word_cue
from crisisdesk.analyze.components.attribution_spans import (
    Found,
    subject_of,
    subtree_span,
)

CLAUSE_OF_NOUN = frozenset({"acl", "ccomp"})
OBJECT_PREPS = frozenset({"of", "on", "against", "about", "for", "over"})
GOVERNED = frozenset({"dobj", "pobj", "attr", "nsubjpass", "appos", "conj"})


def that_clause(noun: Token) -> Token | None:
    """The noun's complement clause opened by "that" (not a relative clause), if any."""
    for child in noun.rights:
        if child.dep_ in CLAUSE_OF_NOUN and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return child
    return None


def possessed_object(noun: Token) -> Token | None:
    """The object of "Trump's criticism of the deal": with a possessor (the source) only,
    as without one the noun names no speaker ("the criticism of the deal")."""
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_PREPS:
            return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def infinitive(noun: Token) -> Token | None:
    """The "to"-infinitive of "his decision to run", "a promise to build the wall"."""
    for child in noun.rights:
        if child.dep_ == "acl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return child
    return None


def copular_clause(noun: Token) -> Token | None:
    """The clause a cue noun is equated with: "Their fear is that it could be too late"."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ != "be" or head.i < noun.i:
        return None
    return next((c for c in head.rights if c.dep_ == "ccomp"), None)


def noun_source(noun: Token) -> Token | None:
    """The possessor of the noun, else the subject of the clause that governs it."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    node = noun
    while node.dep_ in GOVERNED or node.dep_ == "prep":
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return subject_of(node)
    return None


def from_noun(doc: Doc, noun: Token, clause: Token, quotes: Quotes, stance: str) -> Found | None:
    """ "Trump's claim that X": the noun is the cue, the "that"-clause the content."""
    found = word_cue(quotes, noun, subtree_span(clause), noun_source(noun), stance)
    if found is None:
        return None
    found.noun = True
    return found
