"""Dependency-tree helpers for crisisdesk_doubt: children by label, noun phrases, clauses.

Ranges are token ranges `(start, end)`, end exclusive; offsets come later (doubt_records).
A clause is a head's subtree without the asides at its edges: punctuation, reporting frames
(", officials warned" as parataxis), ", according to ...", appositive comments (", a claim X
denied") and sentential relatives (", which X dismissed"). Asides in the middle stay in.
"""

from spacy.tokens import Doc, Token

Range = tuple[int, int]  # token start, token end (exclusive)

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RELATIVE = frozenset({"which", "that", "who", "whom", "what"})
VERBISH = frozenset({"VERB", "AUX"})
MODIFIED = frozenset({"aux", "auxpass"})  # a modal's clause is its verb's
ASIDE_NOUNS = frozenset({"appos", "npadvmod"})  # ", a claim Caracas rejected"


def first_child(token: Token | None, deps: set[str] | frozenset[str]) -> Token | None:
    """The first child of `token` with one of the dependency labels `deps`."""
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ in deps), None)


def passive_subject(verb: Token) -> Token | None:
    """The subject of a passive verb ("The strikes" of "The strikes were questioned")."""
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
    """Drop punctuation and whitespace at both ends (quotes, commas, parentheses, newlines)."""
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def root_of(doc: Doc, tokens: Range | None) -> Token | None:
    """The syntactic head of a token range."""
    return doc[tokens[0] : tokens[1]].root if tokens is not None else None


def is_clause(token: Token) -> bool:
    """A verb heading a clause, not a noun the tagger took for a verb ("challenging ... rules")."""
    return token.pos_ in VERBISH and token.dep_ not in {"dobj", "pobj", "nsubj", "nsubjpass"}


def clause_head(token: Token) -> Token:
    """The verb (or copula) whose clause `token` sits in: a modal's verb, an adverb's head."""
    while token.pos_ not in VERBISH or token.dep_ in MODIFIED:
        if token.head == token:
            break
        token = token.head
    return token


def clause(head: Token, drop: frozenset[int] = frozenset()) -> Range:
    """`head`'s subtree without asides (or tokens in `drop`) at either edge; a trailing aside
    deeper down the right edge goes too ("seized the depot, a report the governor rejected")."""
    start = head.left_edge.i
    for child in head.lefts:
        if not (child.is_punct or is_aside(child) or child.i in drop):
            break
        start = child.right_edge.i + 1
    return trim(head.doc, start, clause_end(head, drop))


def clause_end(node: Token, drop: frozenset[int] = frozenset()) -> int:
    """The end of `node`'s subtree once trailing punctuation and asides are left out."""
    for child in reversed(list(node.rights)):
        if not (child.is_punct or child.is_space or is_aside(child) or child.i in drop):
            return clause_end(child, drop)
    return node.i + 1


def is_aside(child: Token) -> bool:
    """A reporting frame, "according to", or after a comma an appositive comment or a
    non-restrictive relative (", which X denied")."""
    if child.dep_ == "parataxis" or (child.dep_ == "prep" and child.lower_ == "according"):
        return True
    doc, left = child.doc, child.left_edge.i
    if left == 0 or doc[left - 1].text != ",":
        return False
    if child.dep_ == "relcl" or (child.pos_ in VERBISH and child.left_edge.lower_ == "which"):
        return True
    return child.dep_ in ASIDE_NOUNS and first_child(child, {"relcl", "acl"}) is not None


def upto(doc: Doc, tokens: Range, stop: int) -> Range:
    """`tokens` cut before token `stop` (when it falls inside), punctuation trimmed."""
    return trim(doc, tokens[0], min(tokens[1], max(stop, tokens[0] + 1)))


def before_which(doc: Doc, tokens: Range) -> Range:
    """`tokens` without a trailing sentential relative (", which X dismissed as absurd")."""
    for i in range(tokens[0] + 1, tokens[1] - 1):
        if doc[i].text == "," and doc[i + 1].lower_ == "which":
            return upto(doc, tokens, i)
    return tokens
