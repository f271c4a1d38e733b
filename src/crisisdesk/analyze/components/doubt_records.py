"""From a found doubt (token ranges) to the plain dict written to `doc._.doubts`.

`by_actor` is the actor of the widest overlapping `doc._.actor_mentions` item, else the
coreference (`doc._.coref`) of the `by` head, so "he" and "the ministry" get their actor too.
"""

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from crisisdesk.analyze.components.doubt_tree import Range

Record = dict[str, Any]


@dataclass(slots=True)
class Found:
    """One doubt before it becomes a record: token ranges, not yet character offsets."""

    kind: str
    trigger: Range
    by: Range | None = None
    target: Range | None = None
    antecedent: Range | None = None
    extent: list[Range] = field(default_factory=list)  # argument ranges the record span covers


def offsets(doc: Doc, tokens: Range) -> Record:
    """Character offsets of a token range; Span.text equals doc.text[start:end] and, unlike
    Doc.text, does not rebuild the whole text."""
    span = doc[tokens[0] : tokens[1]]
    return {"start": span.start_char, "end": span.end_char, "text": span.text}


def char_span(doc: Doc, tokens: Range | None) -> Record | None:
    return None if tokens is None else offsets(doc, tokens)


def by_actor(doc: Doc, by: Range | None) -> str | None:
    """The actor behind `by`: the actor mention overlapping it most ("US lawmakers" is US
    Congress, not the "US" inside it), else the coreference of its head."""
    if by is None:
        return None
    span = doc[by[0] : by[1]]
    overlaps = [
        (min(end, span.end_char) - max(start, span.start_char), end - start, actor)
        for start, end, actor, _label in doc._.actor_mentions or ()
        if actor and start < span.end_char and span.start_char < end
    ]
    if overlaps:
        return str(max(overlaps)[2])
    actor = (doc._.coref or {}).get(span.root.i)
    return str(actor) if actor else None


def to_record(doc: Doc, found: Found) -> Record:
    """The plain dict written to `doc._.doubts` (character offsets, end exclusive); the record
    span covers the trigger and the arguments inside the trigger's sentence."""
    sent = doc[found.trigger[0]].sent
    ranges = [found.trigger, *found.extent]
    ranges = [r for r in ranges if sent.start <= r[0] and r[1] <= sent.end]
    whole = offsets(doc, (min(r[0] for r in ranges), max(r[1] for r in ranges)))
    by = char_span(doc, found.by)
    return {
        **whole,
        "kind": found.kind,
        "target": char_span(doc, found.target),
        "by": by["text"] if by else None,
        "by_span": by,
        "by_actor": by_actor(doc, found.by),
        "target_antecedent": char_span(doc, found.antecedent),
    }
