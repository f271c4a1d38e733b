"""Attribution cues that are not verbs: "according to X", "In a new poll, ...", "Name: words".

Not handled: discourse-only sources ("The report: ...") other than a line's speaker label.
"""

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from crisisdesk.analyze.components.attribution_quotes import Quotes, kind_of
from crisisdesk.analyze.components.attribution_spans import Found, speaker, subtree_span, trim

SPEAKER_LABEL = re.compile(r"(?:[^\n]*\s[-–—]\s)?([^:\n]{1,40}?):[ \t]+\S")
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NOT_SPEAKERS = frozenset({"UPDATE", "NOTE", "WATCH", "READ", "MORE", "RELATED", "PHOTOS", "VIDEO"})


def according_to(doc: Doc, according: Token, quotes: Quotes) -> Found | None:
    """ "According to X, ...": X is the source; the clause around it is the content."""
    to = doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if to.lower_ != "to" or source is None:
        return None
    head = according.head if according.head.i != according.i else according.sent.root
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
    if len(name) <= 3 and name.root.pos_ == "PROPN" and name.text.istitle() and len(name.text) > 1:
        return True  # headlines: "Lopez: We will not back down", "Senate Aides: ..."
    if len(name) == 1 and name[0].lemma_.lower() in ("poll", "survey", "study", "report"):
        return True  # headlines: "Survey: both candidates gain ground"
    ents = [e for e in name.ents if e.label_ in SPEAKER_LABELS]
    return len(ents) == 1 and (ents[0].start, ents[0].end) == (name.start, name.end)
