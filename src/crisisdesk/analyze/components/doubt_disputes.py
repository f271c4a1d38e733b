"""Doubt verbs (doubt_verbs.tsv): disputes, denials, allegations and negated confirmation.

A verb marks doubt under its lexicon condition: "always" ("questioned", "denied", "alleging"),
"claim_object" (only against a claim-like noun or a clause: "rejected the report", "dismissed it
as propaganda", "..., which X dismissed as absurd"), or "negated" ("did not confirm", "could not
be independently verified", "declined to confirm"). Exceptions: interrogation ("police questioned
the suspect"), refusal ("was denied entry") and people ("dismissed him as a traitor"). Phrasal
verbs need their particle (doubt_verbs.tsv column 4: "brushed aside", "waved the report off",
"scoffed at the claim"). Limits: a claim named only by a pronoun ("rejected it") is not taken
for claim_object verbs unless "as" follows.
"""

from spacy.tokens import Token

from crisisdesk.analyze.components.doubt_lexicon import DoubtLexicon
from crisisdesk.analyze.components.doubt_records import Found
from crisisdesk.analyze.components.doubt_targets import attach_arguments
from crisisdesk.analyze.components.doubt_tree import (
    Range,
    first_child,
    is_clause,
    is_negated,
    noun_phrase,
    passive_subject,
    root_of,
)

DECLINE = frozenset({"decline", "refuse", "fail", "unable"})
PARTICLE_DEPS = frozenset({"prt", "advmod", "prep"})


def verb_doubt(verb: Token, lexicon: DoubtLexicon) -> Found | None:
    """A doubt verb, if its condition holds (and its particle is there: "brushed aside");
    arguments from the parse."""
    if verb.dep_ in {"amod", "compound"}:
        return None  # "the alleged plot" is a hedge, handled as such
    kind, condition = lexicon.verbs[verb.lemma_]
    particle = particle_of(verb, lexicon.particles.get(verb.lemma_))
    trigger = negated_group(verb) if condition == "negated" else verb_group(verb, particle)
    if trigger is None or particle is False:
        return None
    found = Found(kind, trigger)
    attach_arguments(verb, found, lexicon.role("shell"), lexicon.claims)
    if found.target is None and isinstance(particle, Token):  # "scoffed at the claim"
        thing = first_child(particle, {"pobj"})
        found.target = noun_phrase(thing) if thing is not None else None
        found.extent.extend([found.target] if found.target else [])
    return found if holds(verb, condition, found, lexicon) else None


def particle_of(verb: Token, particles: frozenset[str] | None) -> Token | bool | None:
    """The particle a phrasal doubt verb needs ("aside", "off", "at"); False when it needs one
    and has none, None when it needs none."""
    if not particles:
        return None
    found = (c for c in verb.rights if c.dep_ in PARTICLE_DEPS and c.lower_ in particles)
    return next(found, False)


def holds(verb: Token, condition: str, found: Found, lexicon: DoubtLexicon) -> bool:
    """The verb's lexicon condition, and the interrogation / refusal exceptions."""
    head = root_of(verb.doc, found.target)
    if found.kind == "dispute" and head is not None and is_person(head, lexicon):
        return False  # "police questioned the suspect"
    if found.kind == "denial" and verb.lemma_ == "deny" and is_refusal(verb, lexicon):
        return False  # "was denied entry"
    if condition != "claim_object":
        return True
    return has_claim_object(verb, found, lexicon)


def has_claim_object(verb: Token, found: Found, lexicon: DoubtLexicon) -> bool:
    """ "rejected the claim", "the report, which they dismissed", "dismissed it as false",
    "..., which X dismissed as absurd" (a clause): the target is a claim noun or a clause."""
    head = root_of(verb.doc, found.target)
    if head is None or is_person(head, lexicon):
        return False  # "dismissed him as a traitor"
    if verb.lemma_ == "dismiss" and as_complement(verb):
        return True
    return head.lemma_ in lexicon.claims or is_clause(head)


def as_complement(verb: Token) -> bool:
    """ "dismissed ... as propaganda / as absurd": an "as" with any dependent."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(c.children) for c in verb.children)


def verb_group(verb: Token, particle: Token | bool | None = None) -> Range:
    """The verb with its auxiliaries, negation and adverbs just before it, and a particle right
    after it ("brushed aside")."""
    start = verb.i
    for child in verb.lefts:
        if child.dep_ in {"aux", "auxpass", "neg", "advmod"} and child.i >= start - 4:
            start = min(start, child.i)
    end = verb.i + 2 if isinstance(particle, Token) and particle.i == verb.i + 1 else verb.i + 1
    return start, end


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
