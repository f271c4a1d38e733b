"""Hedges: a word or phrase from hedges.txt, kept only where its use is epistemic.

Modals (may, might, could) count as possibility, not as the month, ability, permission,
conditions or questions; appear/seem only as linking verbs ("appears likely"); adjectives not in
"as possible"; other words as adverbs. Limits: "could" of past ability with no negation ("he
could swim") and "may" of permission with a subject other than "you" are still taken as hedges.
"""

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.doubt_records import Found
from crisisdesk.analyze.components.doubt_tree import (
    SUBJECTS,
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


def hedge_doubt(doc: Doc, start: int, end: int) -> Found | None:
    """A hedge word or phrase, if its use here is epistemic; `target` is the noun an adjective
    modifies ("the alleged plot") or the clause of "it is unclear whether ..."."""
    if end - start == 1 and not epistemic_word(doc[start]):
        return None
    last = doc[end - 1]
    if end < len(doc) and doc[end].lower_ in {"whether", "if"}:
        end += 1  # "it is unclear whether"
    found = Found("hedge", (start, end))
    if last.dep_ == "amod":  # "the alleged plot", "the so-called volunteers"
        found.target = noun_phrase(last.head)
    else:  # "it is unclear whether ...", "it is not known whether ..."
        clause = first_child(last, {"ccomp"}) or first_child(last.head, {"ccomp"})
        phrase = end - start > 1 and last.lower_ not in {"to", "whether", "if"}
        if clause is not None and clause.i > last.i and (phrase or last.head.lemma_ in LINKING):
            found.target = subtree(clause)
    return found


def epistemic_word(token: Token) -> bool:
    """Single-word hedges: modals only in epistemic use, others as adverbs or adjectives."""
    if token.lower_ in MODALS:
        return epistemic_modal(token)
    if token.pos_ in {"VERB", "AUX"}:  # appear, seem: only as linking verbs ("appears likely")
        return any(c.dep_ in LINKED for c in token.children)
    if token.pos_ == "ADJ" or token.dep_ == "amod":
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
