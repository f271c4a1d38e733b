"""Attribution cue verbs: the lexicon and the content and source of one cue verb.

A cue verb takes a clausal complement ("said that ..."), a direct object for verbs marked
`object` ("denied the report") or `as` when an "as" phrase follows ("sees him as a threat"),
its own preposition from the lexicon's 4th column ("called for a ban"), a quotation before or
after it, or the clause around a parenthetical cue or an "as" clause ("As the Herald reported,
X"). A negated cue ("did not confirm") turns assertion into doubt. Not handled: cues over a
verb chain ("appeared to accept"), and relative-clause cues whose object is the antecedent ("a
treaty he once backed": tried, too often not PolNeAR's).
"""

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.attribution_quotes import (
    Quotes,
    adjacent_quote,
    colon_content,
    kind_of,
    quote_before,
    split_quote,
    with_quotations,
)
from crisisdesk.analyze.components.attribution_spans import (
    SUBJECT_DEPS,
    Found,
    Offsets,
    around,
    clip,
    content_end,
    content_span,
    left_neighbour,
    object_span,
    speaker,
    subject_of,
    subtree_span,
    trim,
)
from crisisdesk.analyze.lexicon import read_rows

CLAUSE_DEPS = ("ccomp", "xcomp")
HEARERS = frozenset({"reporter", "journalist", "audience", "crowd", "supporter", "voter"})
PASSIVE_COMPLEMENTS = frozenset({"xcomp", "oprd", "prep", "attr", "acomp"})
PASSIVE_PREPS = frozenset({"as", "of", "for", "with", "about"})
INVERTED_DEPS = frozenset({"nsubj", "dobj", "attr"})
ANCESTOR_STEPS = 4
NEGATED = {"asserted": "questioned", "claimed": "questioned", "alleged": "questioned"}


@dataclass(frozen=True, slots=True)
class Cue:
    stance: str
    frames: frozenset[str]
    preps: frozenset[str] = frozenset()


def read_cues(*names: str | None) -> dict[str, Cue]:
    """Lemma -> Cue from TSV lexicons (later files override earlier ones)."""
    cues = {}
    for name in names:
        for row in read_rows(name) if name else ():
            frames = frozenset(row[2].split("|")) if len(row) > 2 else frozenset({"clause"})
            preps = frozenset(row[3].split("|")) if len(row) > 3 else frozenset()
            cues[row[0].lower()] = Cue(row[1], frames, preps)
    return cues


def modifier(verb: Token) -> bool:
    """A participle modifying a noun ("a website called ...", "the man accused of ...")."""
    return verb.dep_ == "amod" or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def from_verb(doc: Doc, verb: Token, cue: Cue, quotes: Quotes) -> Found | None:
    """An attribution with this cue verb, if it has content."""
    spans, cue_end = verb_content(doc, verb, cue, quotes)
    if not spans:
        return None
    stance = cue.stance
    if any(child.dep_ == "neg" for child in verb.children):
        stance = NEGATED.get(stance, "asserted")
    cue_span = (verb.idx, cue_end)
    para = quotes.paragraph(verb.idx)
    subject = subject_of(verb)
    if subject is None or not para[0] <= subject.idx < para[1]:
        subject = left_neighbour(verb, para)
    spans = [trim(quotes.text, *clip(span, para)) for span in spans]
    spans = without_cue(quotes.text, spans, cue_span, subject)
    spans.extend(split_quote(quotes.text, spans, cue_span, quotes))
    content = with_quotations(quotes.text, [s for s in spans if s[1] > s[0]], cue_span, quotes)
    source = speaker(quotes.text, subject, para, [cue_span, *content])
    if source is None:
        other = other_subject(verb, content, para)
        source = speaker(quotes.text, other, para, [cue_span, *content])
    found = Found(cue_span, content, source, kind_of(content, quotes), stance)
    found.separate = verb.tag_ == "VBG" and doc[verb.i - 1].text == "," and verb.i > 0
    return found


def other_subject(verb: Token, content: list[Offsets], para: Offsets) -> Token | None:
    """A speaker when the first subject fell inside the quotation ('"... [the senator] will
    ...," Okafor said'), follows the cue after a quotation ('"Fine," wrote one reader', parsed
    as an object) or the name was tagged as a verb ('"...," Grant wrote')."""

    def free(token: Token) -> bool:
        return para[0] <= token.idx < para[1] and not any(s <= token.idx < e for s, e in content)

    for child in verb.lefts:
        if child.dep_ in SUBJECT_DEPS and free(child):
            return child
    if content and content[0][1] <= verb.idx:  # '"Fine," wrote one reader': inverted
        after = next((c for c in verb.rights if c.dep_ in INVERTED_DEPS), None)
        if after is not None and free(after):
            return after
    previous = verb.doc[verb.i - 1] if verb.i > 0 else None
    if previous is not None and previous.is_title and previous.is_alpha and free(previous):
        return previous
    return ancestor_subject(verb, free)


def ancestor_subject(verb: Token, free: Callable[[Token], bool]) -> Token | None:
    """The subject of the nearest clause above the cue, through noun phrases the parse stops
    at ("Besides noting X, the mayor has promised"; "has a habit of accusing")."""
    for node in list(verb.ancestors)[:ANCESTOR_STEPS]:
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.i != verb.i and free(subject):
            return subject if not verb.is_ancestor(subject) else None
    return None


def without_cue(
    text: str, spans: list[Offsets], cue: Offsets, subject: Token | None
) -> list[Offsets]:
    """Content cut around the cue and a subject before it, when the clause holds them both
    ("rules, which she said had hurt ...": content "which" + "had hurt ...")."""
    cut = cue[0]
    if subject is not None and subject.idx < cue[0]:
        cut = min(cut, subject.left_edge.idx)
    out: list[Offsets] = []
    for start, end in spans:
        if start < cut and cue[1] < end:
            out.extend(p for p in (trim(text, start, cut), trim(text, cue[1], end)) if p[1] > p[0])
        else:
            out.append((start, end))
    return out


def verb_content(doc: Doc, verb: Token, cue: Cue, quotes: Quotes) -> tuple[list[Offsets], int]:
    """Content spans of a cue verb (complement, object, surrounding clause or adjacent quote)
    and where the cue ends: after the verb, or after its preposition ("called for")."""
    end = verb.idx + len(verb)
    if verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":":
        return colon_content(doc, doc[verb.i + 1], quotes), end
    para = quotes.paragraph(verb.idx)
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and para[0] <= c.idx < para[1]]
    if clauses:  # "Despite X, he said Y": the first clause after the verb is the one reported
        right = [c for c in clauses if c.i > verb.i]
        clause = right[0] if right else clauses[-1]
        if clause.i > verb.i and stray(verb, clause):
            return [trim(quotes.text, end, content_end(verb))], end
        return [trim(quotes.text, *content_span(clause))], end
    prep = phrasal(verb, cue)
    if prep is not None:  # "called for a ban", "referred to him as"
        return [trim(quotes.text, prep.idx + len(prep), subtree_span(prep)[1])], prep.idx + len(
            prep
        )
    return other_content(doc, verb, cue, quotes), end


def stray(verb: Token, clause: Token) -> bool:
    """The parser left the reported clause in pieces: its complement is a word or two, and
    other words of the verb stand between them ("said the Dome cost taxpayers £28.7m to
    maintain" parsed with "m" as the complement)."""
    words = [t for t in clause.subtree if t.is_alpha]
    between = [c for c in verb.rights if c.i < clause.left_edge.i and not c.is_punct]
    return len(words) <= 1 and bool(between)


def phrasal(verb: Token, cue: Cue) -> Token | None:
    """The cue's own preposition with an object ("call for", "talk about"), if the verb has one
    and no "by" + verb saying how it acted ("responded to X by repositioning troops")."""
    if any(c.lower_ == "by" and c.dep_ == "prep" and has_clause(c) for c in verb.rights):
        return None  # "responded to the pressure by moving troops": a deed, not words
    for child in verb.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in cue.preps and has_object(child):
            return child
    return None


def has_clause(prep: Token) -> bool:
    return any(c.dep_ == "pcomp" for c in prep.children)


def has_object(prep: Token) -> bool:
    return any(c.dep_ in ("pobj", "pcomp") for c in prep.children)


def other_content(doc: Doc, verb: Token, cue: Cue, quotes: Quotes) -> list[Offsets]:
    """Content without a clausal complement: passive subject, a quote, an object or the clause
    around a parenthetical cue."""
    text = quotes.text
    passive = [c for c in verb.lefts if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in verb.rights):  # "was questioned by lawmakers"
        return [trim(text, *subtree_span(passive[0]))]
    if (
        passive and passive[0].lower_ != "it" and not object_frame(verb, cue)
    ):  # "the governor is expected to attend"
        return passive_content(text, verb, passive[0])
    quoted = quote_before(verb, quotes)
    if quoted is not None:  # '"Wait a minute," he urged them'
        return [quoted]
    if inverted(verb):  # 'The rejection signals "the end", said Geert Wilders'
        return [trim(text, verb.sent.start_char, verb.doc[verb.i - 1].idx)]
    hearer = addressee(verb) if "addressee" in cue.frames else None
    if hearer is not None:  # "told CNN the race is over": what follows the hearer
        return [trim(text, subtree_span(hearer)[1], verb.sent.end_char)]
    if object_frame(verb, cue):
        return [trim(text, *object_span(verb))]
    if verb.dep_ == "parataxis" or as_clause(verb):  # "..., he said, ..."; "as X noted, ..."
        return around(text, verb.head, verb)
    return adjacent_quote(doc, verb, quotes)


def inverted(verb: Token) -> bool:
    """The cue follows a comma and its subject follows it ("..., said Geert Wilders"): what
    the sentence says before the comma is what was said, however the parser read it."""
    return (
        verb.i > verb.sent.start + 2
        and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in verb.children)
    )


def passive_content(text: str, verb: Token, subject: Token) -> list[Offsets]:
    """A passive cue without an agent and with a complement: PolNeAR's content is the subject
    and the complement ("the governor | to attend the summit", "he | as one of the old guard")."""
    rest = next((c for c in verb.rights if c.dep_ in PASSIVE_COMPLEMENTS), None)
    if rest is None or (rest.dep_ == "prep" and rest.lower_ not in PASSIVE_PREPS):
        return []  # "the motion was denied": too seldom PolNeAR's without a complement
    return [trim(text, *subtree_span(subject)), trim(text, *subtree_span(rest))]


def as_clause(verb: Token) -> bool:
    """ "As the Herald reported, X": an "as" clause whose content is the clause it modifies."""
    return (
        verb.dep_ == "advcl"
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def object_frame(verb: Token, cue: Cue) -> bool:
    """A direct object that is content: for `object` cues, and for `as` cues when an "as"
    phrase follows ("sees the senator as the rival best placed to ...")."""
    if not any(c.dep_ in ("dobj", "oprd") for c in verb.rights):  # "calls the mayor unfit"
        return False
    return "object" in cue.frames or (
        "as" in cue.frames and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.rights)
    )


def addressee(verb: Token) -> Token | None:
    """The hearer as direct object ("told reporters"), when words follow it in the sentence."""
    hearer = next((c for c in verb.rights if c.dep_ in ("dobj", "dative")), None)
    if hearer is None or not (hearer.pos_ in ("PROPN", "PRON") or hearer.lemma_ in HEARERS):
        return None
    rest = verb.doc[hearer.right_edge.i + 1 : verb.sent.end]
    return hearer if any(t.is_alpha for t in rest) else None
