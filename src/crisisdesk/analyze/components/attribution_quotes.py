"""Attribution quotations: quotation marks paired per paragraph, and the quotes a cue takes.

Straight, curly, '' and `` marks are paired per line (paragraph); an unclosed quotation runs to
the paragraph's end. Quotes that continue a speaker's words in the following sentences or the
next paragraph, with no cue of their own, join the content. Not handled: a quotation whose
speaker is named only in an earlier paragraph without a cue.
"""

import bisect
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.attribution_spans import Found, Offsets, clip, speaker, trim

QUOTE_MARK = re.compile(r"“|”|\"|''|``")
SENTENCE_TAIL = re.compile(
    r"(?:[^“”\"\n]{0,120}?[.!?:])?[ \t\u00a0]*\n?[ \t\u00a0]*\n?[ \t\u00a0]*"
)
QUOTE_ENDS_LINE = re.compile(r"[ \t\u00a0]*(?:\n|$|“|\"|''|``)")
SPACE = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*\n?[ \t\u00a0]*")


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


def typo_close(text: str, start: int, end: int) -> bool:
    """An opening mark typed where a closing one belongs: '“Apparently not,“ he said'."""
    return text[start - 1 : start] in (",", ".", "!", "?") or text[end : end + 1] in ("", " ", "\n")


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


def colon_content(doc: Doc, colon: Token, quotes: Quotes) -> list[Offsets]:
    """What follows "said:": the quotation opening there, else the rest of the sentence."""
    start = colon.idx + 1
    while start < len(quotes.text) and quotes.text[start].isspace():
        start += 1
    region = quotes.after(start)
    if region is not None and region[0] == start:
        return [region]
    return [trim(quotes.text, start, colon.sent.end_char)]


def quote_before(verb: Token, quotes: Quotes) -> Offsets | None:
    """A quotation ending in ',"' just before the cue's clause ('"...," she said')."""
    para = quotes.paragraph(verb.idx)
    before = [r for r in quotes.overlapping(para[0], verb.idx) if r[1] <= verb.idx]
    if before and introduces(quotes.text, before[-1], verb.idx):
        return before[-1] if opens_sentence(quotes.text, before[-1], para[0]) else None
    return None


def opens_sentence(text: str, region: Offsets, para_start: int) -> bool:
    """A quotation standing as the sentence's start, not a title or phrase inside narration
    ('recalled ''at the church,'' he said' is narration quoting a phrase)."""
    before = text[para_start : region[0]].rstrip()
    return not before or before.endswith((".", "!", "?", ":", "”", '"', "'"))


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


def continue_quotes(doc: Doc, found: list[Found], quotes: Quotes) -> None:
    """Append the quotations that carry on a speaker's words after the cue's sentence."""
    owned = bytearray(len(quotes.text) + 1)
    for item in found:
        for start, end in [item.cue, *item.content, *source_chars(item)]:
            owned[start:end] = b"\x01" * (end - start)
    for item in found:
        if item.kind == "according_to":
            continue
        position = max(item.cue[1], item.content[-1][1], *(e for _, e in source_chars(item)))
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


def word_cue(
    quotes: "Quotes", cue_word: Token, span: Offsets, source: Token | None, stance: str
) -> Found | None:
    """A one-word cue (a noun, an adjective) with its content span and its source token: the
    content clipped to the cue's paragraph and widened to quotations around it."""
    para = quotes.paragraph(cue_word.idx)
    cue = (cue_word.idx, cue_word.idx + len(cue_word))
    content_at = trim(quotes.text, *clip(span, para))
    if content_at[1] <= content_at[0]:
        return None
    content = with_quotations(quotes.text, [content_at], cue, quotes)
    who = speaker(quotes.text, source, para, [cue, *content])
    return Found(cue, content, who, kind_of(content, quotes), stance)
