"""Hedges: a word or phrase from hedges.txt, kept only where its use is epistemic, and what it
hedges (`target`): the smallest clause it sits in (a modal's verb, an adverb's head), without
reporting frames and asides; the noun of an adjective hedge; the clause after "it is unclear".

Modals (may, might, could) count as possibility, not as the month, ability, permission,
conditions or questions; appear/seem only as linking verbs ("appears likely"); adjectives not in
"as possible"; other words as adverbs. "Likely voters" is a polling term, not a hedge.
Limits: "could" of past ability with no negation ("he could swim") and "may" of permission with
a subject other than "you" are still taken as hedges; an aside inside the target clause stays in
("The toll, officials said, may rise"); a parse error can give a clause too small or too big.
"""

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.doubt_records import Found
from crisisdesk.analyze.components.doubt_tree import (
    SUBJECTS,
    Range,
    before_which,
    clause,
    clause_head,
    first_child,
    is_negated,
    noun_phrase,
    subtree,
)

MODALS = frozenset({"may", "might", "could"})
LINKED = frozenset({"acomp", "xcomp", "ccomp", "oprd", "attr"})
PERCEPTION = frozenset({"see", "hear", "feel", "smell", "watch"})  # "could see": ability
NOT_EPISTEMIC_MARKS = frozenset({"if", "unless", "so", "whether", "before", "until"})
MONTH_CONTEXT = frozenset({"in", "on", "since", "until", "by", "early", "late", "mid", "last"})
LINKING = frozenset({"be", "remain"})
AS_POSSIBLE = frozenset({"as", "if", "where", "when", "whenever", "wherever"})
TERMS = frozenset({("likely", "voter")})  # adjective + noun lemma that name a thing, not a hedge


def hedge_doubt(doc: Doc, start: int, end: int) -> Found | None:
    """A hedge word or phrase, if its use here is epistemic, with the clause or noun it hedges."""
    if end - start == 1 and not epistemic_word(doc[start]):
        return None
    last = doc[end - 1]
    if end < len(doc) and doc[end].lower_ in {"whether", "if"}:
        end += 1  # "it is unclear whether"
    found = Found("hedge", (start, end))
    found.target = hedge_target(doc, (start, end), last)
    return found


def hedge_target(doc: Doc, hedge: Range, last: Token) -> Range | None:
    """The noun an adjective modifies ("the alleged plot"), the clause of "it is unclear
    whether ...", else the clause the hedge sits in ("The toll may rise", ", officials warned"
    left out); None when that clause is the hedge itself ("it is not clear.")."""
    if last.dep_ == "amod":  # "the alleged plot", "the so-called volunteers"
        return noun_phrase(last.head)
    complement = unclear_complement(hedge, last)
    if complement is not None:
        return complement
    target = before_which(doc, clause(clause_head(doc[hedge[0] : hedge[1]].root)))
    inside = hedge[0] <= target[0] and target[1] <= hedge[1]
    return None if inside else target


def unclear_complement(hedge: Range, last: Token) -> Range | None:
    """ "it is unclear whether ...", "it is not known whether ...", "it is likely that ..."."""
    clause_ = first_child(last, {"ccomp"}) or first_child(last.head, {"ccomp"})
    phrase = hedge[1] - hedge[0] > 1 and last.lower_ not in {"to", "whether", "if"}
    if clause_ is not None and clause_.i > last.i and (phrase or last.head.lemma_ in LINKING):
        return subtree(clause_)
    return None


def epistemic_word(token: Token) -> bool:
    """Single-word hedges: modals only in epistemic use, others as adverbs or adjectives."""
    if token.lower_ in MODALS:
        return epistemic_modal(token)
    if token.pos_ in {"VERB", "AUX"}:  # appear, seem: only as linking verbs ("appears likely")
        return any(c.dep_ in LINKED for c in token.children)
    if token.pos_ == "ADJ" or token.dep_ == "amod":
        if (token.lower_, token.head.lemma_) in TERMS:
            return False  # "likely voters": a polling term
        return not (token.i > 0 and token.doc[token.i - 1].lower_ in AS_POSSIBLE)
    return token.pos_ == "ADV"


def epistemic_modal(modal: Token) -> bool:
    """may/might/could as possibility; not the month, ability, conditions or questions."""
    if modal.tag_ != "MD" or month_like(modal):
        return False  # "May" the month
    head = modal.head
    if modal.lower_ == "could" and (is_negated(head) or head.lemma_ in PERCEPTION):
        return False  # "could not reach", "could see": ability
    marks = [*head.children, *modal.children]
    if head == modal or any(c.dep_ == "mark" and c.lower_ in NOT_EPISTEMIC_MARKS for c in marks):
        return False  # "if I may" (no verb), "if he could", "before police could"
    subject = first_child(head, SUBJECTS)  # "you may": permission; subject after: a question
    return subject is None or (subject.lower_ != "you" and subject.i < modal.i)


def month_like(modal: Token) -> bool:
    """A month the tagger took for a modal: "in May", "May 5"."""
    doc = modal.doc
    before = doc[modal.i - 1].lower_ if modal.i > 0 else ""
    after = doc[modal.i + 1] if modal.i + 1 < len(doc) else None
    return before in MONTH_CONTEXT or (after is not None and after.like_num)
