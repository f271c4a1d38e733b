"""Doubt phrases (doubt_phrases.tsv: "cast doubt on", "without evidence", "unconfirmed") and
allegation nouns ("allegations that ...", "accusations of ...").

A phrase's `target` is the object of its own content preposition ("cast doubt on the figures"),
else what its last word governs ("no independent confirmation of the strike", "no evidence that
..."); with neither, the content of the verb it modifies ("claimed, without evidence, that
...", "claimed X but offered no proof"); a one-word adjective phrase works as in
doubt_discredit ("unconfirmed reports", "the figures remain unverified"). Limits: a phrase's
`by` is the subject of its verb only; a noun allegation carries no `by` ("Russia's
allegations" keeps the possessor inside the span, not as `by`).
"""

from spacy.tokens import Doc, Span, Token

from crisisdesk.analyze.components.doubt_discredit import discredit_doubt
from crisisdesk.analyze.components.doubt_records import Found
from crisisdesk.analyze.components.doubt_targets import CONTENT_PREPS, agent_or_subject
from crisisdesk.analyze.components.doubt_tree import (
    VERBISH,
    Range,
    before_which,
    clause,
    first_child,
    noun_phrase,
    prep_object,
    subtree,
    trim,
)

ADJECTIVE_DEPS = frozenset({"amod", "acomp", "oprd"})
TRAILING_PREPS = frozenset({"of", "for", "about", "on", "over"})


def phrase_doubt(
    doc: Doc, kind: str, start: int, end: int, claims: frozenset[str] = frozenset()
) -> Found:
    """A doubt phrase: `by` is the subject of its verb, `target` what it is about."""
    span = doc[start:end]
    if len(span) == 1 and span.root.dep_ in ADJECTIVE_DEPS:  # "the figures are unconfirmed"
        found = discredit_doubt(span.root, kind, None)
        return found if found is not None else Found(kind, (start, end))
    found = Found(kind, (start, end))
    verb = next((t for t in span if t.pos_ in {"VERB", "AUX"}), span.root)
    found.by, _ = agent_or_subject(verb, frozenset())
    found.target, local = phrase_target(span)
    if found.target is None:  # "claimed, without evidence, that ...", "... but offered no proof"
        host = span.root.head if span.root.dep_ == "prep" else verb
        found.target = content_of(host, span, claims)
    if found.target is not None and local:
        found.extent = [found.target]
    return found


def content_of(verb: Token, span: Span, claims: frozenset[str]) -> Range | None:
    """What a verb without evidence says: its clausal complement, a claim object ("made the
    claim"), the complement of the verb it is conjoined to ("claimed X but offered no proof"),
    else its own clause ("arrested him without evidence" -> "Police arrested him")."""
    inside = frozenset(range(span.start, span.end))
    for host in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        complement = first_child(host, {"ccomp", "xcomp"})
        if complement is not None and complement.i not in inside:
            return before_which(verb.doc, subtree(complement))
        thing = first_child(host, {"dobj"})
        if thing is not None and thing.i not in inside and thing.lemma_ in claims:
            return noun_phrase(thing)
    if verb.dep_ in {"parataxis", "conj"}:  # "X, he said without proof", "X but offered no proof"
        cc = {c.i for c in verb.head.children if c.dep_ == "cc"}
        return clause(verb.head, drop=frozenset({verb.i, *cc}))
    if verb.pos_ not in VERBISH or verb.i in inside:
        return None
    own = clause(verb, drop=inside)
    return None if own[0] >= span.start and own[1] <= span.end else own


def phrase_target(span: Span) -> tuple[Range | None, bool]:
    """What a phrase is about, and whether it follows the phrase (so the record covers it)."""
    about = next((t for t in span if t.dep_ == "prep" and t.lower_ in CONTENT_PREPS), None)
    pobj = first_child(about, {"pobj", "pcomp"}) if about is not None else None
    if pobj is not None:
        return with_that_clause(pobj), True
    last = span[-1]
    content = prep_object(last, TRAILING_PREPS) or first_child(last, {"acl", "ccomp"})
    if content is not None:
        return subtree(content) if content.pos_ in {"VERB", "AUX"} else noun_phrase(content), True
    return None, False


def with_that_clause(noun: Token) -> Range:
    """A noun phrase with its "that" clause ("reports that the deal was close")."""
    start, end = noun_phrase(noun)
    clause_ = first_child(noun, {"acl", "ccomp"})
    if clause_ is not None and clause_.left_edge.lower_ == "that" and clause_.i > noun.i:
        end = max(end, clause_.right_edge.i + 1)
    return trim(noun.doc, start, end)


def noun_allegation(noun: Token) -> Found:
    """ "allegations that ..." / "allegations of ...": the noun with its content."""
    content = first_child(noun, {"acl", "ccomp"}) or prep_object(noun, {"of", "that"})
    found = Found("allegation", (noun.i, noun.i + 1))
    if content is not None:
        found.target = subtree(content)
        found.extent = [found.target]
    return found
