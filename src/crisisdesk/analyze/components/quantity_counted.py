"""Counted thing and qualifier of crisisdesk_quantities.

Without a unit a quantity is a count, and `counted` is the noun it modifies in the parse (or the
object of "of": "half of the residents"), with its modifiers and conjuncts ("Marines and
sailors"; not those with their own determiner: "a crew"), without determiners. The qualifier is
the phrase of `lexicons/quantity_qualifiers.tsv` right before the quantity ("up to", "over"),
"at least" for vague numbers ("thousands of"), or an adjective on the noun it measures ("a
maximum altitude of 3,500 m"). A plural noun before a singular head ends the counted phrase:
"3 in 5 households lack food", parsed as one noun phrase, counts "households". Not handled:
counted nouns before the number ("a crew of 12").
"""

from spacy.tokens import Token

from crisisdesk.analyze.components.quantity_scan import Measure, Scan

NOUN_POS = frozenset({"NOUN", "PROPN"})
SKIPPED_POS = frozenset({"DET", "PUNCT", "CCONJ", "NUM", "SYM"})
COUNT_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod", "conj"})


def qualifier(scan: Scan, start: int, first: Measure, last: Measure) -> str | None:
    """The qualifier phrase right before the quantity, else a bound adjective of its noun."""
    qualifier_start = scan.qualifiers.get(start)
    if qualifier_start is not None:
        return scan.doc[qualifier_start:start].text.lower()
    if first.number.vague:
        return "at least"  # "thousands of": the value is the lower bound
    return governor_adjective(scan, last if last.unit else first)


def governor_adjective(scan: Scan, measure: Measure) -> str | None:
    """ "a maximum altitude of 3,500 meters" -> "maximum" (unit or number under "of")."""
    doc = scan.doc
    for token in doc[measure.start : measure.end]:
        prep = token.head
        if token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ in NOUN_POS:
            for child in prep.head.children:
                if child.dep_ in {"amod", "compound"} and child.lower_ in scan.lex.governors:
                    return child.lower_
    return None


def counted(scan: Scan, first: Measure, last: Measure) -> str | None:
    """The noun phrase the number counts: head noun, its left modifiers after the number,
    and its conjuncts without a number of their own ("Marines and sailors")."""
    doc = scan.doc
    head = counted_head(scan, first, last)
    if head is None:
        return None
    head = plural_before(scan, last.end, head)
    left = last.end
    while left < head.i and (doc[left].pos_ in SKIPPED_POS or doc[left].lower_ == "of"):
        left += 1
    right = head.i
    for conj in head.conjuncts:
        numeric = has_number(conj) or conj.lower_ in scan.lex.numbers
        numeric = numeric or any(c.dep_ == "det" for c in conj.children)  # "a crew"
        if conj.i > right and conj.pos_ in NOUN_POS and not numeric:
            right = conj.i
    if any(not is_within(doc[k], head) for k in range(left, head.i)):
        left = head.i
    return doc[left : right + 1].text


def plural_before(scan: Scan, start: int, head: Token) -> Token:
    """The first plural noun between the number and a singular head: "3 in 5 households lack
    food" (a verb tagged as a noun) counts "households", not "food"."""
    if head.tag_ not in {"NN", "NNP"}:
        return head
    for token in scan.doc[start : head.i]:
        if token.tag_ == "NNS" and token.pos_ == "NOUN":
            return token
    return head


def counted_head(scan: Scan, first: Measure, last: Measure) -> Token | None:
    """The noun a count counts: the nearby head the number modifies, else a plural noun right
    after it, else the object of a following "of" ("half of the residents")."""
    doc = scan.doc
    tokens = range(first.number.start, last.number.end)
    for k in tokens:
        head = doc[k].head
        near = last.end <= head.i <= last.end + 12 and head.lower_ not in scan.lex.numbers
        if near and head.pos_ in NOUN_POS and doc[k].dep_ in COUNT_DEPS:
            return head
    after = doc[last.end] if last.end < len(doc) else None
    if after is not None and after.pos_ == "NOUN" and after.tag_ == "NNS":
        return after
    if after is not None and after.lower_ == "of":  # "half of the residents"
        objects = [c for c in after.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS]
        return objects[0] if objects else None
    return None


def has_number(token: Token) -> bool:
    return any(child.dep_ == "nummod" for child in token.children)


def is_within(token: Token, head: Token) -> bool:
    return token.head == head or any(anc == head for anc in token.ancestors)
