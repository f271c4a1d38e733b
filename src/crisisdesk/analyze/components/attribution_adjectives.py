"""Attribution cue adjectives: a stance adjective after a copula with a complement
("the mayor was critical of the council's plan", "aides are hopeful that he will run",
"voters were eager to move on"). The adjective is the cue, the copula's subject the source,
the clause or the object of "of", "about" or "with" the content.

Not handled: attributive adjectives ("a skeptical voter"), adjectives without a complement
("they are skeptical"), and complements the parse hangs on the copula instead.
"""

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.attribution_quotes import Quotes, kind_of, with_quotations
from crisisdesk.analyze.components.attribution_spans import (
    Found,
    clip,
    content_span,
    speaker,
    subject_of,
    trim,
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
    para = quotes.paragraph(adjective.idx)
    cue = (adjective.idx, adjective.idx + len(adjective))
    span = trim(quotes.text, *clip(content_span(clause), para))
    if span[1] <= span[0]:
        return None
    content = with_quotations(quotes.text, [span], cue, quotes)
    who = speaker(quotes.text, subject_of(adjective.head), para, [cue, *content])
    return Found(cue, content, who, kind_of(content, quotes), stance)
