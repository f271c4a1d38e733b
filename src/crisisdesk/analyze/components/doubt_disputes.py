"""Doubt verbs (doubt_verbs.tsv): disputes, denials, allegations and negated confirmation.

A verb marks doubt under its lexicon condition: "always" ("questioned", "denied", "alleging"),
"claim_object" (only against a claim-like noun: "rejected the report", "dismissed it as
propaganda"), or "negated" ("did not confirm", "could not be independently verified",
"declined to confirm"). Exceptions: interrogation ("police questioned the suspect") and refusal
("was denied entry"). Limits: a claim named only by a pronoun ("rejected it") is not taken for
claim_object verbs unless "as" follows.
"""

from spacy.tokens import Token

from crisisdesk.analyze.components.doubt_lexicon import DoubtLexicon
from crisisdesk.analyze.components.doubt_records import Found
from crisisdesk.analyze.components.doubt_targets import attach_arguments
from crisisdesk.analyze.components.doubt_tree import (
    RELATIVE,
    Range,
    first_child,
    is_negated,
    passive_subject,
    prep_object,
    root_of,
)

DECLINE = frozenset({"decline", "refuse", "fail", "unable"})


def verb_doubt(verb: Token, lexicon: DoubtLexicon) -> Found | None:
    """A doubt verb, if its condition holds; arguments from the parse."""
    if verb.dep_ in {"amod", "compound"}:
        return None  # "the alleged plot" is a hedge, handled as such
    kind, condition = lexicon.verbs[verb.lemma_]
    trigger = negated_group(verb) if condition == "negated" else verb_group(verb)
    if trigger is None:
        return None
    found = Found(kind, trigger)
    attach_arguments(verb, found, lexicon.role("shell"))
    return found if holds(verb, condition, found, lexicon) else None


def holds(verb: Token, condition: str, found: Found, lexicon: DoubtLexicon) -> bool:
    """The verb's lexicon condition, and the interrogation / refusal exceptions."""
    head = root_of(verb.doc, found.target)
    if found.kind == "dispute" and head is not None and is_person(head, lexicon):
        return False  # "police questioned the suspect"
    if found.kind == "denial" and verb.lemma_ == "deny" and is_refusal(verb, lexicon):
        return False  # "was denied entry"
    if condition != "claim_object":
        return True
    return has_claim_object(verb, lexicon)


def has_claim_object(verb: Token, lexicon: DoubtLexicon) -> bool:
    """ "rejected the claim", "the report, which they dismissed", "dismissed it as false"."""
    if verb.lemma_ == "dismiss" and prep_object(verb, {"as"}) is not None:
        return True
    noun = passive_subject(verb) or first_child(verb, {"dobj"})
    relative = noun is not None and noun.lower_ in RELATIVE
    if relative or (noun is None and verb.dep_ == "relcl"):
        noun = verb.head
    claims = lexicon.role("claim") | lexicon.role("shell")
    return noun is not None and noun.lemma_ in claims


def verb_group(verb: Token) -> Range:
    """The verb with its auxiliaries, negation and adverbs just before it."""
    start = verb.i
    for child in verb.lefts:
        if child.dep_ in {"aux", "auxpass", "neg", "advmod"} and child.i >= start - 4:
            start = min(start, child.i)
    return start, verb.i + 1


def negated_group(verb: Token) -> Range | None:
    """ "could not be independently verified", "declined to confirm", "unable to verify"."""
    if is_negated(verb):
        return verb_group(verb)
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in DECLINE:
        return min(head.i, verb.i), verb.i + 1
    return None


def is_person(token: Token, lexicon: DoubtLexicon) -> bool:
    """A person being questioned (interrogation), not a statement being doubted."""
    return (
        token.ent_type_ == "PERSON"
        or token.lower_ in {"him", "her", "them"}
        or token.lemma_ in lexicon.role("person")
    )


def is_refusal(verb: Token, lexicon: DoubtLexicon) -> bool:
    """ "was denied entry", "denied his request": a refusal, not a denial."""
    obj = first_child(verb, {"dobj"})
    passive_with_object = obj is not None and passive_subject(verb) is not None
    return passive_with_object or (obj is not None and obj.lemma_ in lexicon.role("refusal"))
