"""crisisdesk_attribution: who said (or thinks) what: source, cue and content of reported speech.

Rules over the dependency parse, one pass over the tokens, cue verbs from `lexicons/cue_verbs.tsv`:
- a cue verb with a clausal complement: "X said (that) ...", "X claimed his country has ...",
  "'...,' he said", "said the minister", "stating they are ...", "claiming to have ...";
  for participles and "by saying" the source is the subject of the governing clause;
- a cue verb whose direct object is content, for verbs marked `object` ("denied the report"),
  running on through the verb's prepositional phrases ("defended Clinton against allegations");
- a cue verb with its own preposition, listed in the lexicon's 4th column ("called for a ban",
  "talked about the wall"): the preposition joins the cue, its object is the content;
- a quotation ending in ',"' before the cue wins over an object ('"Wait," he urged them');
- "In a new poll, X": a document or survey noun (`attribution_source_nouns.txt`) heading a
  clause with no cue verb is the source, "In" the cue, the clause the content;
- a parenthetical cue ("The plan, he said, is sound"): content is the clause around it;
- a cue verb followed by a colon or next to a quotation: content is that quotation;
- "according to X, ...": content is the clause without the "according to" phrase.
Content follows PolNeAR's conventions: "that" and quotation marks belong to it, sentence-final
and separating punctuation outside quotes do not. Quotation marks (straight, curly, '' and ``) are
paired per paragraph; quotes that continue a speaker's words in the following sentences or the next
paragraph, with no cue of their own, join the content. Pronoun sources take their actor from
`doc._.coref`, others from the overlapping `doc._.actor_mentions`.
A cue inside another's content ("X said Y claimed Z") goes under the outer record's "nested" key,
so the top level labels each word once, as PolNeAR does; a participle after a comma ("..., stating
they are ...") stays a cue of its own and ends the content before it.
Stance comes from the cue lemma; a negated cue ("did not confirm") turns assertion into doubt.
Not handled: noun cues ("his claim that ...", "in a statement"), cues spanning a verb chain
("seemed to confirm", "refusing to answer"), sources found only by discourse ("The report: ..."),
cues inside the quoted words themselves, and speakers named more than one sentence away.
Rules follow the annotation guidelines of PolNeAR (Newell et al., LREC 2018).
"""

import bisect
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from crisisdesk.analyze import extensions
from crisisdesk.analyze.lexicon import read_rows, read_words

log = logging.getLogger(__name__)

Offsets = tuple[int, int]
QUOTE_MARK = re.compile(r"“|”|\"|''|``")
OPENING = ("“", '"', "''", "``")
CLOSING = re.compile(r"[,.!?]?(?:”|\"|'')")
LEAD_STRIP = " \t\n,;:—–-)"
TRAIL_STRIP = " \t\n,;:.—–-("
CLAUSE_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = frozenset({"dobj", "oprd", "ccomp", "xcomp"})
UP_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "acomp"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
RELATIVE = frozenset({"who", "which", "that"})
NEGATED = {"asserted": "questioned", "claimed": "questioned", "alleged": "questioned"}
SPEAKER_LABEL = re.compile(r"(?:[^\n]*\s[-–—]\s)?([^:\n]{1,40}?):[ \t]+\S")
SENTENCE_TAIL = re.compile(r"(?:[^“”\"\n]{0,120}?[.!?:])?[ \t]*\n?[ \t]*\n?[ \t]*")
QUOTE_ENDS_LINE = re.compile(r"[ \t]*(?:\n|$|“|\"|''|``)")
SPACE = re.compile(r"[ \t]*\n?[ \t]*\n?[ \t]*")
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NOT_SPEAKERS = frozenset({"UPDATE", "NOTE", "WATCH", "READ", "MORE", "RELATED", "PHOTOS", "VIDEO"})


@dataclass(frozen=True, slots=True)
class Cue:
    stance: str
    frames: frozenset[str]
    preps: frozenset[str] = frozenset()


@dataclass(slots=True)
class Found:
    """One attribution while it is being built (token-level source, char-level spans)."""

    cue: Offsets
    content: list[Offsets]
    source: tuple[Token, Offsets] | None
    kind: str
    stance: str
    nested: list["Found"] = field(default_factory=list)
    participle: bool = False


def read_cues(*names: str | None) -> dict[str, Cue]:
    """Lemma -> Cue from TSV lexicons (later files override earlier ones)."""
    cues = {}
    for name in names:
        for row in read_rows(name) if name else ():
            frames = frozenset(row[2].split("|")) if len(row) > 2 else frozenset({"clause"})
            preps = frozenset(row[3].split("|")) if len(row) > 3 else frozenset()
            cues[row[0].lower()] = Cue(row[1], frames, preps)
    return cues


@Language.factory(
    "crisisdesk_attribution",
    assigns=["doc._.attributions"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={
        "cue_verbs": "cue_verbs.tsv",
        "extra_cue_verbs": None,
        "source_nouns": "attribution_source_nouns.txt",
    },
)
def make_attribution(
    nlp: Language,
    name: str,
    cue_verbs: str,
    extra_cue_verbs: str | None,
    source_nouns: str = "attribution_source_nouns.txt",
) -> "Attributor":
    return Attributor(
        cues=read_cues(cue_verbs, extra_cue_verbs), source_nouns=frozenset(read_words(source_nouns))
    )


class Attributor:
    """Finds attributions; see the module docstring for the rules."""

    def __init__(self, *, cues: dict[str, Cue], source_nouns: frozenset[str] = frozenset()) -> None:
        self.cues = cues
        self.source_nouns = source_nouns
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        text = doc.text  # Doc.text joins every token: read it once
        doc._.attributions = [record(doc, text, found) for found in self.match(doc)]
        return doc

    def match(self, doc: Doc) -> list[Found]:
        """Every attribution in the document, each quotation claimed by at most one."""
        quotes = Quotes(doc.text)  # once per document
        found = [f for f in self.candidates(doc, quotes) if f.content]
        found.extend(labelled(doc, quotes))
        found = nest(found)
        for item in found:
            if item.kind != "according_to":  # nesting may have cut the content
                item.kind = kind_of(item.content, quotes)
        continue_quotes(doc, found, quotes)
        return found

    def candidates(self, doc: Doc, quotes: "Quotes") -> Iterator[Found]:
        for token in doc:
            if token.lower_ == "according" and token.i + 1 < len(doc):
                found = according_to(doc, token, quotes)
            elif token.lower_ == "in" and (noun := self.document_source(token)) is not None:
                found = in_document(token, noun, quotes)
            elif token.pos_ == "VERB" and token.lemma_.lower() in self.cues:
                if quotes.inside(token.idx) or modifier(token):
                    continue  # the quoted words' own verbs; "a site called X", "so-called"
                found = from_verb(doc, token, self.cues[token.lemma_.lower()], quotes)
            else:
                continue
            if found is not None:
                yield found

    def document_source(self, prep: Token) -> Token | None:
        """The noun of "In a new poll, ..." heading a clause without a cue verb of its own."""
        head = prep.head
        if prep.dep_ != "prep" or head.pos_ not in ("VERB", "AUX") or head.i < prep.i:
            return None
        if head.lemma_.lower() in self.cues:
            return None
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return noun if noun is not None and noun.lemma_.lower() in self.source_nouns else None


class Quotes:
    """Quotations paired per paragraph; an unclosed one runs to the paragraph's end."""

    def __init__(self, text: str) -> None:
        self.text = text
        lines = list(re.finditer(r"[^\n]+", text))
        self.paragraphs = [(match.start(), match.end()) for match in lines]
        self.regions = [region for match in lines for region in paired(match)]
        self.starts = [start for start, _ in self.regions]

    def paragraph(self, char: int) -> Offsets:
        """The line (paragraph) holding this character."""
        at = bisect.bisect_right(self.paragraphs, (char, len(self.text) + 1)) - 1
        return self.paragraphs[max(at, 0)] if self.paragraphs else (0, len(self.text))

    def inside(self, char: int) -> bool:
        return self.around(char) is not None

    def around(self, char: int) -> Offsets | None:
        """The quotation holding this character, if any."""
        at = bisect.bisect_right(self.starts, char) - 1
        if at >= 0 and self.regions[at][0] < char < self.regions[at][1] - 1:
            return self.regions[at]
        return None

    def overlapping(self, start: int, end: int) -> Iterator[Offsets]:
        at = max(bisect.bisect_right(self.starts, start) - 1, 0)
        for region in self.regions[at:]:
            if region[0] >= end:
                return
            if region[1] > start:
                yield region

    def after(self, char: int) -> Offsets | None:
        at = bisect.bisect_left(self.starts, char)
        return self.regions[at] if at < len(self.regions) else None


def paired(paragraph: re.Match[str]) -> Iterator[Offsets]:
    """Quotation spans of one paragraph (marks included)."""
    base, opened = paragraph.start(), None
    for mark in QUOTE_MARK.finditer(paragraph.group()):
        if opened is None:
            opened = mark.start() if mark.group() != "”" else None
        elif mark.group() != "“" or typo_close(paragraph.group(), mark.start(), mark.end()):
            yield base + opened, base + mark.end()
            opened = None
    if opened is not None and paragraph.end() - base - opened > 2:
        yield base + opened, paragraph.end()


def modifier(verb: Token) -> bool:
    """A participle modifying a noun ("a website called ...", "the man accused of ...")."""
    return verb.dep_ == "amod" or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def labelled(doc: Doc, quotes: Quotes) -> Iterator[Found]:
    """ "Name: words" opening a line (headlines, transcripts, "... - Pew Research: '...'")."""
    for para in quotes.paragraphs:
        match = SPEAKER_LABEL.match(quotes.text, *para)
        if match is None:
            continue
        name = doc.char_span(*match.span(1), alignment_mode="contract")
        if name is None or not speaker_like(name):
            continue
        colon = (match.end(1), match.end(1) + 1)
        content = trim(quotes.text, colon[1], para[1])
        who = speaker(quotes.text, name.root, para, [colon, content])
        yield Found(colon, [content], who, kind_of([content], quotes), "asserted")


def speaker_like(name: Span) -> bool:
    """A named actor, a transcript's speaker label ("CLINTON") or a headline's "Poll"."""
    if name.text.isupper() and len(name.text) > 1 and name.text not in NOT_SPEAKERS:
        return True
    if len(name) == 1 and name[0].lemma_.lower() in ("poll", "survey", "study", "report"):
        return True  # headlines: "Poll: Trump and Clinton hold narrow leads"
    ents = [e for e in name.ents if e.label_ in SPEAKER_LABELS]
    return len(ents) == 1 and (ents[0].start, ents[0].end) == (name.start, name.end)


def typo_close(text: str, start: int, end: int) -> bool:
    """An opening mark typed where a closing one belongs: '“Apparently not,“ he said'."""
    return text[start - 1 : start] in (",", ".", "!", "?") or text[end : end + 1] in ("", " ", "\n")


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
    spans = [trim(quotes.text, *clip(span, para)) for span in spans]
    spans.extend(split_quote(quotes.text, spans, cue_span, quotes))
    content = with_quotations(quotes.text, [s for s in spans if s[1] > s[0]], cue_span, quotes)
    subject = subject_of(verb)
    if subject is None or not para[0] <= subject.idx < para[1]:
        subject = left_neighbour(verb, para)
    source = speaker(quotes.text, subject, para, [cue_span, *content])
    found = Found(cue_span, content, source, kind_of(content, quotes), stance)
    found.participle = verb.tag_ == "VBG" and doc[verb.i - 1].text == "," and verb.i > 0
    return found


def clip(span: Offsets, within: Offsets) -> Offsets:
    return max(span[0], within[0]), min(span[1], within[1])


def split_quote(text: str, spans: list[Offsets], cue: Offsets, quotes: Quotes) -> list[Offsets]:
    """The second half of a quotation the cue interrupts: '"A," she said, "B."'."""
    if not spans or spans[-1][1] > cue[0]:
        return []
    region = quotes.after(cue[1])
    if region is None:
        return []
    gap = text[cue[1] : region[0]]
    if len(gap) < 60 and gap.rstrip().endswith(",") and not re.search(r"[.\n”\"]", gap):
        return [region]
    return []


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
        return [trim(quotes.text, *subtree_span(right[0] if right else clauses[-1]))], end
    prep = phrasal(verb, cue)
    if prep is not None:  # "called for a ban", "referred to him as"
        return [trim(quotes.text, prep.idx + len(prep), subtree_span(prep)[1])], prep.idx + len(
            prep
        )
    return other_content(doc, verb, cue, quotes), end


def phrasal(verb: Token, cue: Cue) -> Token | None:
    """The cue's own preposition with an object ("call for", "talk about"), if the verb has one."""
    for child in verb.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in cue.preps and has_object(child):
            return child
    return None


def has_object(prep: Token) -> bool:
    return any(c.dep_ in ("pobj", "pcomp") for c in prep.children)


def other_content(doc: Doc, verb: Token, cue: Cue, quotes: Quotes) -> list[Offsets]:
    """Content without a clausal complement: passive subject, a quote, an object or the clause
    around a parenthetical cue."""
    text = quotes.text
    passive = [c for c in verb.lefts if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in verb.rights):  # "was questioned by lawmakers"
        return [trim(text, *subtree_span(passive[0]))]
    quoted = quote_before(verb, quotes)
    if quoted is not None:  # '"Wait a minute," he urged them'
        return [quoted]
    if "object" in cue.frames and any(c.dep_ == "dobj" for c in verb.rights):
        return [trim(text, *object_span(verb))]
    if verb.dep_ == "parataxis":
        return around(text, verb.head, verb)
    return adjacent_quote(doc, verb, quotes)


def colon_content(doc: Doc, colon: Token, quotes: Quotes) -> list[Offsets]:
    """What follows "said:": the quotation opening there, else the rest of the sentence."""
    start = colon.idx + 1
    while start < len(quotes.text) and quotes.text[start].isspace():
        start += 1
    region = quotes.after(start)
    if region is not None and region[0] == start:
        return [region]
    return [trim(quotes.text, start, colon.sent.end_char)]


def subtree_span(token: Token) -> Offsets:
    right = token.right_edge
    return token.left_edge.idx, right.idx + len(right)


def object_span(verb: Token) -> Offsets:
    """From the direct object to the end of the verb's object-like complements."""
    parts = [c for c in verb.rights if c.dep_ in OBJECT_DEPS or c.dep_ == "prep"]
    return subtree_span(parts[0])[0], subtree_span(parts[-1])[1]


def around(text: str, head: Token, verb: Token) -> list[Offsets]:
    """The clause around a parenthetical cue, without the cue's own words."""
    start, end = subtree_span(head)
    inner_start, inner_end = subtree_span(verb)
    pieces = [trim(text, start, inner_start), trim(text, inner_end, end)]
    return [p for p in pieces if p[1] - p[0] > 1]


def quote_before(verb: Token, quotes: Quotes) -> Offsets | None:
    """A quotation ending in ',"' just before the cue's clause ('"...," she said')."""
    para = quotes.paragraph(verb.idx)
    before = [r for r in quotes.overlapping(para[0], verb.idx) if r[1] <= verb.idx]
    if before and introduces(quotes.text, before[-1], verb.idx):
        return before[-1]
    return None


def adjacent_quote(doc: Doc, verb: Token, quotes: Quotes) -> list[Offsets]:
    """A quotation just after the cue ('she said: "..."')."""
    start = verb.idx + len(verb)
    region = quotes.after(start)
    if region is not None and not quotes.text[start : region[0]].strip(" ,:"):
        return [region]
    return []


def introduces(text: str, region: Offsets, cue_start: int) -> bool:
    """A quotation ending in ',"' (or '?"', '!"') close before the cue: '"...," he said'."""
    gap = text[region[1] : cue_start]
    ending = text[region[0] : region[1]].rstrip("”\"'")
    return len(gap) < 80 and ending.endswith((",", "?", "!")) and not re.search(r"[.\n]", gap)


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


def with_quotations(text: str, spans: list[Offsets], cue: Offsets, quotes: Quotes) -> list[Offsets]:
    """Each span widened to the quotations it touches (not ones holding the cue)."""
    out = []
    for start, end in spans:
        for q_start, q_end in quotes.overlapping(start, end):
            if not (q_start <= cue[0] < q_end):
                start, end = min(start, q_start), max(end, q_end)
        if end > start:
            out.append((start, end))
    return out


def kind_of(content: list[Offsets], quotes: Quotes) -> str:
    """direct: all quoted; mixed: partly quoted; indirect: no quotation."""
    inner = [r for start, end in content for r in quotes.overlapping(start, end)]
    if not inner:
        return "indirect"
    whole = all(any(r[0] <= s and e <= r[1] for r in inner) for s, e in content)
    return "direct" if whole else "mixed"


def subject_of(verb: Token) -> Token | None:
    """The speaker: the verb's subject or agent, else the subject of the governing clause."""
    node = verb
    for _ in range(5):
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if node.dep_ not in UP_DEPS or node.head is node:
            return None
        node = node.head
    return None


def left_neighbour(verb: Token, para: Offsets) -> Token | None:
    """The noun just before the verb, when the parse found no subject in its paragraph
    ("9:30 p.m. / Donald Trump says ...": the parser runs across the line break)."""
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if token.idx < para[0]:
            return None
        if token.dep_ in ("aux", "auxpass", "neg", "advmod"):
            continue
        return token if token.pos_ in ("PROPN", "NOUN", "PRON") else None
    return None


def speaker(
    text: str, token: Token | None, para: Offsets, avoid: list[Offsets]
) -> tuple[Token, Offsets] | None:
    """The source token and its phrase, kept within the cue's paragraph and off cue and content."""
    if token is None:
        return None
    start, end = clip(subtree_span(token), para)
    for a_start, a_end in avoid:
        if a_start < end and start < a_end:  # the phrase runs into the cue or content
            if a_start > token.idx:
                end = min(end, a_start)
            else:
                start = max(start, a_end)
    start, end = trim_source(text, start, end)
    return (token, (start, end)) if end > start else None


def trim_source(text: str, start: int, end: int) -> Offsets:
    while start < end and text[start] in LEAD_STRIP:
        start += 1
    while end > start and text[end - 1] in TRAIL_STRIP:
        end -= 1
    return start, end


def according_to(doc: Doc, according: Token, quotes: Quotes) -> Found | None:
    """ "According to X, ...": X is the source; the clause around it is the content."""
    to = doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if to.lower_ != "to" or source is None:
        return None
    head = according.head if according.head is not according else according.sent.root
    start, end = subtree_span(head)
    inner_start, inner_end = subtree_span(according)
    pieces = [trim(quotes.text, start, inner_start), trim(quotes.text, inner_end, end)]
    content = [p for p in pieces if p[1] - p[0] > 1]
    cue = (according.idx, to.idx + len(to))
    para = quotes.paragraph(according.idx)
    who = speaker(quotes.text, source, para, [cue, *content])
    return Found(cue, content, who, "according_to", "asserted")


def in_document(prep: Token, noun: Token, quotes: Quotes) -> Found | None:
    """ "In a poll released Sunday, X": the poll is the source, the clause the content."""
    start, end = subtree_span(prep.head)
    inner_start, inner_end = subtree_span(prep)
    pieces = [trim(quotes.text, start, inner_start), trim(quotes.text, inner_end, end)]
    content = [p for p in pieces if p[1] - p[0] > 1]
    if not content:
        return None
    cue = (prep.idx, prep.idx + len(prep))
    who = speaker(quotes.text, noun, quotes.paragraph(prep.idx), [cue, *content])
    return Found(cue, content, who, "indirect", "asserted")


def nest(found: list[Found]) -> list[Found]:
    """One attribution per cue; one whose cue sits in another's content moves into its `nested`
    ("X said Y claimed Z"), so the top level labels each word once, as PolNeAR does."""
    items = list({item.cue: item for item in reversed(found)}.values())[::-1]
    top = []
    for item in items:
        if item.participle:  # "..., stating they are ready": a cue of its own; the outer stops here
            cut_before(items, item)
            top.append(item)
            continue
        outer = [
            g
            for g in items
            if g is not item and inside_content(item.cue, g) and not inside_content(g.cue, item)
        ]
        if outer:
            outer[0].nested.append(item)
        else:
            top.append(item)
    return top


def cut_before(items: list[Found], item: Found) -> None:
    """End the content that holds this cue just before it."""
    for other in items:
        if other is not item and inside_content(item.cue, other):
            other.content = [
                (s, min(e, item.cue[0] - 2)) if s < item.cue[0] < e else (s, e)
                for s, e in other.content
            ]


def inside_content(cue: Offsets, other: Found) -> bool:
    return any(s <= cue[0] and cue[1] <= e for s, e in other.content)


def continue_quotes(doc: Doc, found: list[Found], quotes: Quotes) -> None:
    """Append the quotations that carry on a speaker's words after the cue's sentence."""
    owned = bytearray(len(quotes.text) + 1)
    for item in found:
        for start, end in [item.cue, *item.content, *source_chars(item)]:
            owned[start:end] = b"\x01" * (end - start)
    for item in found:
        if item.kind == "according_to":
            continue
        position = max(item.cue[1], item.content[-1][1])
        for region in following(quotes.text, quotes, position):
            if any(owned[region[0] : region[1]]):
                break
            item.content.append(region)
            owned[region[0] : region[1]] = b"\x01" * (region[1] - region[0])


def following(text: str, quotes: Quotes, position: int) -> Iterator[Offsets]:
    """Quotations that follow `position` back to back, each standing as whole sentences."""
    first = True
    while (region := quotes.after(position)) is not None:
        gap = text[position : region[0]]
        if not (SENTENCE_TAIL if first else SPACE).fullmatch(gap):
            return
        first = False
        if not QUOTE_ENDS_LINE.match(text, region[1]):
            return  # the quotation runs on into narration: not a speaker's whole sentences
        yield region
        position = region[1]


def source_chars(item: Found) -> list[Offsets]:
    return [item.source[1]] if item.source is not None else []


def record(doc: Doc, text: str, item: Found, *, outer: bool = True) -> dict[str, Any]:
    """The plain-dict record for `doc._.attributions` (nested ones one level deep)."""
    return {
        "source": source_record(doc, text, item.source) if item.source else None,
        "cue": span_record(text, item.cue),
        "content": [span_record(text, span) for span in item.content],
        "kind": item.kind,
        "stance": item.stance,
        "nested": [record(doc, text, inner, outer=False) for inner in item.nested] if outer else [],
    }


def span_record(text: str, span: Offsets) -> dict[str, Any]:
    return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}


def source_record(doc: Doc, text: str, source: tuple[Token, Offsets]) -> dict[str, Any]:
    """Source span with its actor: coreference for pronouns, else the overlapping mention."""
    token, span = source
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        token, span = token.head.head, subtree_span(token.head.head)  # "who" -> its antecedent
    actor = (doc._.coref or {}).get(token.i) or mention_actor(
        doc._.actor_mentions or (), token, span
    )
    code = (doc._.actors or {}).get(actor, (None, None))[1] if actor else None
    return {**span_record(text, source[1]), "actor": actor, "code": code}


def mention_actor(
    mentions: Iterable[tuple[int, int, str, str]], token: Token, span: Offsets
) -> str | None:
    """The actor of the mention holding the source's head word, else of any within its phrase."""
    inside = [m for m in mentions if m[0] < span[1] and span[0] < m[1]]
    for m_start, m_end, actor, _ in inside:
        if m_start <= token.idx < m_end:
            return actor
    return inside[0][2] if inside else None
