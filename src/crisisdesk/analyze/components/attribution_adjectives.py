"""Attribution cue adjectives: a stance adjective after a copula with a complement
("the mayor was critical of the council's plan", "aides are hopeful that he will run",
"voters were eager to move on"). The adjective is the cue, the copula's subject the source,
the clause or the object of "of", "about" or "with" the content.

Not handled: attributive adjectives ("a skeptical voter"), adjectives without a complement
("they are skeptical"), and complements the parse hangs on the copula instead.
"""

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.attribution_quotes import Quotes, word_cue
from crisisdesk.analyze.components.attribution_spans import (
    Found,
    content_span,
    subject_of,
)

ADJECTIVE_PREPS = frozenset({"of", "about", "with"})


def complement(adjective: Token) -> Token | None:
    """The adjective's clause ("hopeful that ...", "eager to ...") or prepositional object."""
    if adjective.dep_ != "acomp":
        return None
    for child in adjective.rights:
        if child.dep_ in ("ccomp", "xcomp"):
            return child
        if child.dep_ == "prep" and child.lower_ in ADJECTIVE_PREPS:
            return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def from_adjective(
    doc: Doc, adjective: Token, clause: Token, quotes: Quotes, stance: str
) -> Found | None:
    """ "X was critical of Y": the adjective is the cue, Y the content, X the source."""
    return word_cue(quotes, adjective, content_span(clause), subject_of(adjective.head), stance)
