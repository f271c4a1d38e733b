"""Discrediting adjectives on claim-like nouns (doubt_nouns.tsv roles untrue and inflated).

- modifier: "baseless allegations", "the disputed figures" (target: the noun phrase, no `by`);
- predicate: "the figure is inflated", "the reports were exaggerated, the opposition said",
  "the death toll, which analysts say is exaggerated": target the subject (or the noun a
  relative clause hangs on), `by` the subject of the verb whose complement it is;
- object predicate: "officials called the reports baseless" (target the object, `by` the subject).
The noun must be a claim or shell noun, so "the disputed territory", "a false start" and "he is
wrong" are skipped. Limits: "this is false" (a pronoun for a claim) and claims named by a clause
("that he fled is false") are not taken.
"""

from spacy.tokens import Token

from crisisdesk.analyze.components.doubt_records import Found
from crisisdesk.analyze.components.doubt_targets import agent_or_subject
from crisisdesk.analyze.components.doubt_tree import (
    RELATIVE,
    SUBJECTS,
    first_child,
    noun_phrase,
)

KINDS = {"untrue": "denial", "inflated": "dispute"}
REPORTED = frozenset({"ccomp", "parataxis"})  # "critics say [the figure is inflated]"


def discredit_doubt(word: Token, kind: str, claims: frozenset[str] | None) -> Found | None:
    """A discrediting adjective, if what it discredits is claim-like (any noun when `claims` is
    None: "unconfirmed" and "unverified" say nothing of truth, so need no claim noun)."""
    if word.dep_ == "amod":
        noun: Token | None = word.head
        by = None
    elif word.dep_ == "oprd":
        noun = first_child(word.head, {"dobj"})
        by, _ = agent_or_subject(word.head, frozenset())
    else:
        noun, clause = predicate_subject(word)
        by = reporter(clause)
    if noun is None or (claims is not None and noun.lemma_.lower() not in claims):
        return None
    target = noun_phrase(noun)
    found = Found(kind, (word.i, word.i + 1), by=by, target=target)
    if word.dep_ != "amod":
        before = by is not None and by[1] <= target[0]  # not ", officials said"
        found.extent = [target, by] if before and by is not None else [target]
    return found


def predicate_subject(word: Token) -> tuple[Token | None, Token]:
    """The subject of a predicate adjective or passive participle, and the clause verb; a
    relative pronoun subject stands for the noun its clause attaches to."""
    clause = word.head if word.dep_ in {"acomp", "attr"} else word
    subject = first_child(clause, SUBJECTS)
    if subject is not None and subject.lower_ not in RELATIVE:
        return subject, clause
    relcl = next((t for t in (clause, *clause.ancestors) if t.dep_ == "relcl"), None)
    return (relcl.head if relcl is not None else None), clause


def reporter(clause: Token) -> tuple[int, int] | None:
    """Who says it: the subject of the verb a reported clause hangs on."""
    if clause.dep_ not in REPORTED or clause.head == clause:
        return None
    by, _ = agent_or_subject(clause.head, frozenset())
    return by
