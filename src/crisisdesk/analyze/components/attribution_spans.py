"""Attribution spans: sources and content as character offsets cut from the parse.

Content follows PolNeAR's conventions: "that" and quotation marks belong to it, sentence-final
and separating punctuation outside quotes do not. The source is the cue verb's subject or agent,
else the subject of the governing clause, kept within the paragraph and off cue and content.
"""

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

Offsets = tuple[int, int]
LEAD_STRIP = " \t\n\u00a0,;:—–-)"
TRAIL_STRIP = " \t\n\u00a0,;:.—–-("
OPENING = ("“", '"', "''", "``")
CLOSING = re.compile(r"[,.!?]?(?:”|\"|'')")
NOT_OBJECT_DEPS = frozenset({"punct", "cc", "conj", "advcl", "parataxis", "dep", "npadvmod"})
ADJUNCT_PREPS = frozenset({"at", "during", "after", "before", "since", "while"})
FIGURE_NOUNS = frozenset({"number", "figure", "claim", "estimate", "total", "count", "tally"})
ASIDE_MARKS = frozenset({",", "—", "–", "--"})
UP_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "acomp", "attr"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# a governing clause's passive subject speaks too ("she's tacked left, criticizing ...")
GOVERNING_SUBJECT_DEPS = SUBJECT_DEPS | {"nsubjpass"}


@dataclass(slots=True)
class Found:
    """One attribution while it is being built (token-level source, char-level spans)."""

    cue: Offsets
    content: list[Offsets]
    source: tuple[Token, Offsets] | None
    kind: str
    stance: str
    nested: list["Found"] = field(default_factory=list)
    separate: bool = False  # a cue of its own even inside another's content
    noun: bool = False  # a noun cue gives way to a cue inside its content


def clip(span: Offsets, within: Offsets) -> Offsets:
    return max(span[0], within[0]), min(span[1], within[1])


def subtree_span(token: Token) -> Offsets:
    right = token.right_edge
    return token.left_edge.idx, right.idx + len(right)


def object_span(verb: Token) -> Offsets:
    """From the direct object to the end of the verb's object-like complements."""
    parts = [c for c in verb.rights if c.dep_ not in NOT_OBJECT_DEPS]
    while len(parts) > 1 and adjunct(parts[-1]):
        parts.pop()
    return subtree_span(parts[0])[0], content_end(parts[-1])


def adjunct(token: Token) -> bool:
    """A time phrase after the object ("proposed the plan during the debate"): the writer's
    setting, not what was said. Limit: "in" and "on" phrases are kept, as the parse often
    hangs the object's own phrases on the verb ("criticized the politics on display")."""
    return token.dep_ == "prep" and token.lower_ in ADJUNCT_PREPS


def content_span(token: Token) -> Offsets:
    return token.left_edge.idx, content_end(token)


def content_end(token: Token) -> int:
    """The end of a content phrase, before a closing non-restrictive relative clause
    ("criticised the merger, which would cut ..."): PolNeAR leaves the writer's aside out."""
    last = token.right_edge
    for word in token.subtree:
        if aside(word) and word.right_edge == last and word.left_edge.i > token.i:
            comma = word.doc[word.left_edge.i - 1]
            if comma.text in ASIDE_MARKS and comma.i > token.left_edge.i:
                return comma.idx
    return last.idx + len(last)


def aside(word: Token) -> bool:
    """A non-restrictive relative clause, or an appositive that is no list ("the deal, an offer
    the leadership rebuffed"; not "Israel, the Iran deal and the court")."""
    if word.dep_ == "appos":
        return not any(w.dep_ == "conj" for w in (*word.subtree, *word.head.children))
    return word.dep_ == "relcl"


def around(text: str, head: Token, verb: Token) -> list[Offsets]:
    """The clause around a parenthetical cue, without the cue's own words."""
    start, end = subtree_span(head)
    inner_start, inner_end = subtree_span(verb)
    pieces = [trim(text, start, inner_start), trim(text, inner_end, end)]
    return [p for p in pieces if p[1] - p[0] > 1]


def trim(text: str, start: int, end: int) -> Offsets:
    """Without surrounding spaces and punctuation; with quotation marks that enclose it."""
    while start < end and text[start] in LEAD_STRIP:
        start += 1
    while end > start and text[end - 1] in TRAIL_STRIP:
        end -= 1
    closing = CLOSING.match(text, end)
    if closing:
        end = closing.end()
    for mark in OPENING:
        if text.startswith(mark, start - len(mark)) and start > 0:
            return start - len(mark), end
    return start, end


def trim_source(text: str, start: int, end: int) -> Offsets:
    while start < end and text[start] in LEAD_STRIP:
        start += 1
    while end > start and text[end - 1] in TRAIL_STRIP:
        end -= 1
    return start, end


def subject_of(verb: Token) -> Token | None:
    """The speaker: the verb's subject or agent, else the subject of the governing clause."""
    node = verb
    for _ in range(5):
        deps = SUBJECT_DEPS if node is verb else GOVERNING_SUBJECT_DEPS
        subjects = [c for c in node.children if c.dep_ in deps]
        if subjects:  # two subjects ("Venezuela's Defense: Maduro highlighted"): the nearer
            return subjects[-1]
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return issuer(node.head)
        if node.dep_ not in UP_DEPS or node.head.i == node.i:
            return None
        node = governor(node)
    return None


def governor(node: Token) -> Token:
    """The clause a verb without a subject hangs on; a second verb the parse hung inside a
    reported clause belongs to the reporting one ("Reyes said she intends X, adding Y"; "He
    says X and says Y"), as PolNeAR reads it."""
    head = node.head
    if node.dep_ not in ("advcl", "conj") or head.dep_ != "ccomp" or head.i < head.head.i:
        return head
    upper = head.head
    reporting = upper.pos_ == "VERB" and any(c.dep_ in SUBJECT_DEPS for c in upper.children)
    return upper if reporting else head


def issuer(noun: Token) -> Token | None:
    """The source behind a participle on a noun: "A lawsuit alleging ..." -> the lawsuit;
    "she issued a statement saying ..." -> the subject of the verb taking the noun."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
    return noun if noun.dep_ in ("nsubj", "nsubjpass", "ROOT") else None


def left_neighbour(verb: Token, para: Offsets) -> Token | None:
    """The noun just before the verb, when the parse found no subject in its paragraph
    ("10:15 a.m. / The governor says ...": the parser runs across the line break), or the name
    before an appositive and comma."""
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if token.idx < para[0]:
            return None
        if token.dep_ in ("aux", "auxpass", "neg", "advmod"):
            continue
        if token.text == "," and token.i > 0:
            return appositive_owner(token.doc[token.i - 1])
        return token if token.pos_ in ("PROPN", "NOUN", "PRON") else None
    return None


def appositive_owner(last: Token) -> Token | None:
    """The name an appositive ending at `last` describes ("Jay DiPietro, the club's president,
    suggested ...", when the parse hung the name elsewhere)."""
    for node in [last, *last.ancestors]:
        if node.right_edge.i != last.i:
            return None
        if node.dep_ == "appos":
            return node.head
    return None


def phrase_span(token: Token) -> Offsets:
    """The source's noun phrase without a relative clause after it ("Trump, who has ..."), nor
    the noun a reduced relative was glued to ("a number experts have questioned": "experts")."""
    start, end = subtree_span(token)
    glued = [c for c in token.lefts if c.dep_ == "compound" and c.lemma_.lower() in FIGURE_NOUNS]
    if glued and glued[0].i == token.left_edge.i + 1:  # "a number experts have questioned"
        start = token.doc[glued[-1].i + 1].idx
    relative = next((c for c in token.rights if c.dep_ == "relcl"), None)
    if relative is not None:
        end = relative.left_edge.idx
    return start, end


def speaker(
    text: str, token: Token | None, para: Offsets, avoid: list[Offsets]
) -> tuple[Token, Offsets] | None:
    """The source token and its phrase, kept within the cue's paragraph and off cue and content."""
    if token is None:
        return None
    start, end = clip(phrase_span(token), para)
    for a_start, a_end in avoid:
        if a_start < end and start < a_end:  # the phrase runs into the cue or content
            if a_start > token.idx:
                end = min(end, a_start)
            else:
                start = max(start, a_end)
    start, end = trim_source(text, start, end)
    return (token, (start, end)) if end > start else None
