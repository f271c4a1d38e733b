"""Dependency-tree helpers for crisisdesk_doubt: children by label, noun phrases, token ranges.

Ranges are token ranges `(start, end)`, end exclusive; offsets come later (doubt_records).
"""

from spacy.tokens import Doc, Token

Range = tuple[int, int]  # token start, token end (exclusive)

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RELATIVE = frozenset({"which", "that", "who", "whom", "what"})


def first_child(token: Token | None, deps: set[str] | frozenset[str]) -> Token | None:
    """The first child of `token` with one of the dependency labels `deps`."""
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ in deps), None)


def passive_subject(verb: Token) -> Token | None:
    return first_child(verb, {"nsubjpass"})


def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def prep_object(token: Token, words: set[str] | frozenset[str], dep: str = "prep") -> Token | None:
    """The object of a preposition child of `token` ("accused of fraud" -> fraud)."""
    for child in token.children:
        if child.dep_ == dep and child.lower_ in words:
            return first_child(child, {"pobj", "pcomp"})
    return None


def noun_phrase(noun: Token) -> Range:
    """The noun with its left modifiers and "of" phrases, without relative clauses."""
    start, end = noun.left_edge.i, noun.i + 1
    for child in noun.rights:
        if child.dep_ in {"compound", "nummod"} or (child.dep_ == "prep" and child.lower_ == "of"):
            end = child.right_edge.i + 1
        else:
            break
    return trim(noun.doc, start, end)


def subtree(token: Token) -> Range:
    return trim(token.doc, token.left_edge.i, token.right_edge.i + 1)


def trim(doc: Doc, start: int, end: int) -> Range:
    """Drop punctuation at both ends (quotes, commas, parentheses)."""
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return start, end


def root_of(doc: Doc, tokens: Range | None) -> Token | None:
    """The syntactic head of a token range."""
    return doc[tokens[0] : tokens[1]].root if tokens is not None else None
