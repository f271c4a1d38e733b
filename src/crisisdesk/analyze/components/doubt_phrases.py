"""Doubt phrases (doubt_phrases.tsv: "cast doubt on", "without evidence", "unconfirmed") and
allegation nouns ("allegations that ...", "accusations of ...").

A phrase's `target` is the object of its own content preposition ("cast doubt on the figures"),
else what its last word governs ("no independent confirmation of the strike", "no evidence that
..."); a one-word adjective phrase works as in doubt_discredit ("unconfirmed reports", "the
figures remain unverified"). Limits: a phrase's `by` is the subject of
its verb only; a noun allegation carries no `by` ("Russia's allegations" keeps the possessor
inside the span, not as `by`).
"""

from spacy.tokens import Doc, Span, Token

from crisisdesk.analyze.components.doubt_discredit import discredit_doubt
from crisisdesk.analyze.components.doubt_records import Found
from crisisdesk.analyze.components.doubt_targets import CONTENT_PREPS, agent_or_subject
from crisisdesk.analyze.components.doubt_tree import (
    Range,
    first_child,
    noun_phrase,
    prep_object,
    subtree,
)

ADJECTIVE_DEPS = frozenset({"amod", "acomp", "oprd"})
TRAILING_PREPS = frozenset({"of", "for", "about", "on", "over"})


def phrase_doubt(doc: Doc, kind: str, start: int, end: int) -> Found:
    """A doubt phrase: `by` is the subject of its verb, `target` what it is about."""
    span = doc[start:end]
    if len(span) == 1 and span.root.dep_ in ADJECTIVE_DEPS:  # "the figures are unconfirmed"
        found = discredit_doubt(span.root, kind, None)
        return found if found is not None else Found(kind, (start, end))
    found = Found(kind, (start, end))
    verb = next((t for t in span if t.pos_ in {"VERB", "AUX"}), span.root)
    found.by, _ = agent_or_subject(verb, frozenset())
    found.target, local = phrase_target(span)
    if found.target is not None and local:
        found.extent = [found.target]
    return found


def phrase_target(span: Span) -> tuple[Range | None, bool]:
    """What a phrase is about, and whether it follows the phrase (so the record covers it)."""
    about = next((t for t in span if t.dep_ == "prep" and t.lower_ in CONTENT_PREPS), None)
    pobj = first_child(about, {"pobj", "pcomp"}) if about is not None else None
    if pobj is not None:
        return noun_phrase(pobj), True
    last = span[-1]
    content = prep_object(last, TRAILING_PREPS) or first_child(last, {"acl", "ccomp"})
    if content is not None:
        return subtree(content) if content.pos_ in {"VERB", "AUX"} else noun_phrase(content), True
    return None, False


def noun_allegation(noun: Token) -> Found:
    """ "allegations that ..." / "allegations of ...": the noun with its content."""
    content = first_child(noun, {"acl", "ccomp"}) or prep_object(noun, {"of", "that"})
    found = Found("allegation", (noun.i, noun.i + 1))
    if content is not None:
        found.target = subtree(content)
        found.extent = [found.target]
    return found
