"""crisisdesk_times: TIMEX3 time expressions with values resolved against the publication date.

One Matcher pass per document over a grammar written as data (`lexicons/time_patterns.tsv`, word
classes in `time_words.tsv`, fixed phrases in `time_refs.tsv`); the longest match wins; each
expression is read into facts (`timex_cues`) and resolved (`timex_resolve`) against
`doc._.published`; anaphors ("that year", "the following month") against the last date the
text named (`timex_anaphora`); holidays by rule (`timex_holidays`). Extents follow TimeBank:
"last week" and "the third quarter" are whole expressions, the preposition in "on Wednesday" is
not. Without a publication date, expressions that need one get value None. Limits: see
`timex_resolve` and `timex_anaphora`; "former" is not a time (TimeBank never tags it); "now",
"current" and rates ("$2 million a year") are tagged whenever they occur, as TimeBank mostly does.
"""

from dataclasses import replace
from datetime import date
from typing import Any

import numpy
from spacy.attrs import LOWER, SHAPE
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from crisisdesk.analyze import extensions
from crisisdesk.analyze.components.timex_anaphora import reference_of, resolve_anaphor
from crisisdesk.analyze.components.timex_cues import read_cues
from crisisdesk.analyze.components.timex_grammar import TimeWords, build_matcher, trigger_words
from crisisdesk.analyze.components.timex_resolve import Context, date_value, duration, set_value

FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "might"})
FUTURE_VERBS = frozenset({"schedule", "plan", "postpone", "delay", "due"})
VAGUE_COUNTS = frozenset({"several", "few", "many", "some", "past", "last", "next", "coming"})
PLAN_VERBS = frozenset({"plan", "set", "schedule", "intend", "expect", "be", "prepare", "aim"})
FUTURE_BEFORE = frozenset({"until", "till", "soon as", "early as", "payable", "effective"})
#: verbs whose simple present tells a timetable ("the ultimatum *expires* Friday", "the fiscal
#: year *ends* Sept. 30"): the date is the coming one
SCHEDULED = frozenset(
    {"end", "expire", "begin", "start", "open", "close", "resume", "arrive", "depart", "lapse"}
)
WINDOW = 6  # tokens around a trigger word: the patterns' longest reach from a trigger
#: spaCy shapes of years (1990, mid-1996), decades (1990s, '90s) and clock times (10:35)
NUMERAL_SHAPES = frozenset({"dddd", "xxx-dddd", "ddddx", "ddx", "d:dd", "dd:dd", "d.dd", "dd.dd"})
PRIORITY = {"TIME": 0, "DATE": 1, "SET": 2, "REF": 3, "DURATION": 4}
FULL_SHORT_MONTHS = frozenset({"may", "june", "july"})
AMBIGUOUS = frozenset({"may", "march", "fall", "second", "sat.", "sun.", "wed."})


@Language.factory(
    "crisisdesk_times",
    assigns=["doc._.times"],
    requires=["token.dep", "token.tag"],
    default_config={
        "words": "time_words.tsv",
        "refs": "time_refs.tsv",
        "patterns": "time_patterns.tsv",
    },
)
def make_times(nlp: Language, name: str, words: str, refs: str, patterns: str) -> "TimeTagger":
    return TimeTagger(nlp, words=TimeWords.from_files(words, refs), patterns=patterns)


class TimeTagger:
    """Finds TIMEX3 expressions and resolves their values; see the module docstring."""

    def __init__(self, nlp: Language, *, words: TimeWords, patterns: str) -> None:
        self.words = words
        self.matcher = build_matcher(nlp.vocab, words, patterns)
        words_and_shapes = trigger_words(words) | NUMERAL_SHAPES
        self.triggers = numpy.array([nlp.vocab.strings.add(w) for w in words_and_shapes], "uint64")
        self.quarter = nlp.vocab.strings.add("quarter")
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        anchor = date.fromisoformat(doc._.published) if doc._.published else None
        quarterly = bool((doc.to_array(LOWER) == self.quarter).any())  # earnings-report style
        context = Context(anchor, quarterly=quarterly)
        times = []
        for span in longest([trimmed(s) for s in self.matches(doc)]):
            record = (
                self.record(span, replace(context, tense=tense(span))) if plausible(span) else None
            )
            if record is not None:
                times.append(record)
                context = remember(context, record)
        doc._.times = times
        return doc

    def matches(self, doc: Doc) -> list[Span]:
        """Matcher hits, looked for only in windows around trigger words (a month, a unit,
        "now", a year...): most of a news text holds no time, and the Matcher's cost grows
        with every token it starts patterns on."""
        found: list[Span] = []
        for start, end in trigger_windows(doc, self.triggers):
            found.extend(self.matcher(doc[start:end], as_spans=True))
        return found

    def record(self, span: Span, ctx: Context) -> dict[str, Any] | None:
        """The time dict of one expression, or None when it is not a time after all."""
        anchor = ctx.anchor
        value, kind = self.value(span, span.label_, ctx)
        if value is None and kind == "DATE" and anchor is not None:
            return None  # matched words that resolve to nothing ("the second")
        if value and value[:1].isdigit() and "T" in value and kind == "DATE":
            kind = "TIME"
        start, end = span.start_char, span.end_char
        return {"start": start, "end": end, "text": span.text, "value": value,
                "type": kind}  # fmt: skip

    def value(self, span: Span, kind: str, ctx: Context) -> tuple[str | None, str]:
        if kind == "REF":
            value, ref_kind = self.words.refs[" ".join(t.lower_ for t in span)]
            return value, ref_kind
        if is_reporting_year(span):
            return "P1Y", "DURATION"
        cues = read_cues(list(span), self.words)
        if kind == "DURATION" and not cues.ordinal:
            return duration(cues), kind
        if kind == "SET" or (cues.plural and cues.weekday):
            return set_value(cues), "SET"
        if cues.anaphor:
            return resolve_anaphor(cues, ctx, date_value), "DATE"
        return date_value(cues, ctx), "DATE" if kind in ("TIME", "DURATION") else kind


def trigger_windows(doc: Doc, triggers: numpy.ndarray) -> list[tuple[int, int]]:
    """Token ranges reaching WINDOW tokens either side of each trigger, overlaps merged.
    `triggers` holds the hashes of trigger words and numeral shapes (one vectorized test)."""
    attrs = doc.to_array([LOWER, SHAPE])
    hits = numpy.flatnonzero(numpy.isin(attrs, triggers).any(axis=1))
    windows: list[tuple[int, int]] = []
    for i in hits.tolist():
        start, end = max(i - WINDOW, 0), min(i + WINDOW + 1, len(doc))
        if windows and start <= windows[-1][1]:
            start = windows.pop()[0]
        windows.append((start, end))
    return windows


def longest(spans: list[Span]) -> list[Span]:
    """Non-overlapping matches, longest first; on a tie a date beats a duration ("the third
    quarter" is a DATE pattern and, read as "three quarters", a DURATION one)."""
    ranked = sorted(spans, key=lambda s: (s.start - s.end, PRIORITY.get(s.label_, 9), s.start))
    taken: set[int] = set()
    kept = []
    for span in ranked:
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def trimmed(span: Span) -> Span:
    """The span without punctuation at its edges (", August 11" -> "August 11")."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].is_punct and not elided(span.doc[start]):
        start += 1
    while end > start + 1 and span.doc[end - 1].is_punct and span.doc[end - 1].text != ".":
        end -= 1
    return Span(span.doc, start, end, label=span.label)


def elided(token: Token) -> bool:
    """The apostrophe of an abbreviated year or decade ("'82", "'90s")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.text in ("'", "’") and following is not None and following.text[:1].isdigit()


def is_fraction(span: Span) -> bool:
    """ "three-quarters of its food", "a second group": a share or an ordinal, not a time."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if span.label_ != "DURATION" or after is None:
        return False
    last = span[-1].lower_
    vague = any(t.lower_ in VAGUE_COUNTS for t in span)
    return (last in ("quarter", "quarters") and after.lower_ == "of" and not vague) or (
        last == "second" and after.tag_ in ("NN", "NNS", "JJ")
    )


def plausible(span: Span) -> bool:
    """False for ages ("a 6-year-old") and for lone words that are rarely times: "may" the verb,
    "Jan" the name, "2000 people"."""
    if is_age(span) or is_fraction(span):
        return False
    if len(span) > 1:
        return True
    token = span[0]
    if token.lower_ in AMBIGUOUS:
        return token.is_title and not token.tag_.startswith(("MD", "VB"))
    if token.like_num:
        following = span.doc[token.i + 1] if token.i + 1 < len(span.doc) else None
        return following is None or following.tag_ != "NNS"
    word = token.lower_
    return not (span.label_ == "DATE" and len(word) <= 4 and word.isalpha()
                and word not in FULL_SHORT_MONTHS)  # fmt: skip


def is_reporting_year(span: Span) -> bool:
    """ "the (fiscal) year ended/ending June 30": TimeBank reads it as a year's length."""
    after = span.doc[span.end : span.end + 1]
    words = [t.lower_ for t in span]
    return words[-1:] == ["year"] and words[0] == "the" and after.text in ("ended", "ending")


def is_age(span: Span) -> bool:
    """ "6-year-old", "52 years old", "in his 30s": TimeBank does not tag ages."""
    after = [t.lower_ for t in span.doc[span.end : span.end + 2]]
    before = span.doc[span.start - 1] if span.start else None
    if before is not None and before.tag_ == "PRP$" and span[-1].lower_.endswith("0s"):
        return True
    return span.label_ == "DURATION" and (after[:1] == ["old"] or after == ["-", "old"])


def remember(context: Context, record: dict[str, Any]) -> Context:
    """The context after a time: its day (for clock times) and, for a date with a calendar
    value, the reference of later anaphors ("that year")."""
    value = record["value"]
    last_value = value if record["type"] in ("DATE", "TIME") and reference_of(value) else None
    return replace(
        context,
        last_day=day_of(value) or context.last_day,
        last_value=last_value or context.last_value,
    )


def day_of(value: str | None) -> date | None:
    """The day a value names (2025-10-22, 2025-10-22T15:00), or None."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def tense(span: Span) -> int:
    """1 when the expression points ahead: a future or planned verb ("will meet on Friday",
    "called a briefing for Tuesday"), a timetable's present ("the deadline expires Friday")
    or "until", "as soon as"; -1 when its verb is in the past tense; else 0. Limits: "until"
    always looks ahead ("extended until Tuesday"), even where it looks back ("until Tuesday,
    no one had ...")."""
    before = span.doc[max(span.start - 2, 0) : span.start]
    ahead = before.text.lower() in FUTURE_BEFORE or before[-1:].text.lower() in FUTURE_BEFORE
    if ahead:
        return 1
    verb = governing_verb(span)
    if verb is None:
        return 0
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lemma_ in FUTURE_VERBS or any(a.lower_ in FUTURE_AUX for a in auxiliaries):
        return 1
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxiliaries) and planned(verb.head):
        return 1
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries)
    if not past and not auxiliaries and verb.tag_ in ("VBZ", "VBP") and verb.lemma_ in SCHEDULED:
        return 1
    return -1 if past else 0


def planned(verb: Token) -> bool:
    """ "set to resume Monday", "plans to leave on Thursday", "is to resume": a plan, unless
    told in the past perfect ("had been set to close on Friday")."""
    perfect = any(c.lower_ in ("had", "'d") for c in verb.children)
    return verb.lemma_ in PLAN_VERBS and not perfect


def governing_verb(span: Span) -> Token | None:
    """The verb the expression hangs from, up to three steps up the parse."""
    token = span.root.head
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
