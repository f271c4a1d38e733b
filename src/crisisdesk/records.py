"""Typed records: the shapes of design.md's JSON contracts, and nothing else.

Every record that points into a document carries character offsets into that document's text
(end exclusive), so any line shown to a user can cite the sentence it came from. Records are
frozen and slotted: they are values passed forward through the stages, never mutated.
`to_json()` gives the contract's dict; fields may be added to it, never renamed.
"""

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from crisisdesk.errors import IngestError


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A mention tied to a canonical actor (`code`: ISO alpha-3 for states and governments)."""

    start: int
    end: int
    text: str
    actor: str | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested text and its metadata; `id` is the hash of its normalized text."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    origin: str | None = None
    #: the id the source gave it (a JSONL line's or CSV row's "id"), echoed by `extract`
    ref: str | int | None = None
    #: what the reader had to guess to read it (e.g. "decoded as cp1252"): shown in the ingest
    #: report, not stored
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    actor: str | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: one per real-world person, organisation or state."""

    name: str
    kind: str
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who (source) says (cue) what (content); `nested` holds attributions inside the content
    ("X said Y claimed Z": Y's claim is nested in X's statement)."""

    source: ActorRef | None
    cue: Span
    content: tuple[Span, ...]
    kind: str
    stance: str
    nested: tuple["Attribution", ...] = ()

    def walk(self) -> "Iterator[Attribution]":
        """This attribution and every one nested in it, outermost first."""
        yield self
        for inner in self.nested:
            yield from inner.walk()


@dataclass(frozen=True, slots=True)
class Doubt:
    start: int
    end: int
    text: str
    kind: str
    target: Span | None = None
    by: str | None = None
    by_actor: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written ("3.5 km": value 3.5, unit "km") and in its kind's base unit
    (base_value 3500, base_unit "m"; currencies in ISO 4217), with what it counts."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str
    counted: str | None = None
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    claimed_by: str | None = None
    stance: str | None = None
    base_value: float | None = None
    base_unit: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None
    type: str


@dataclass(frozen=True, slots=True)
class Event:
    start: int
    end: int
    type: str
    source: tuple[ActorRef, ...] = ()
    target: tuple[ActorRef, ...] = ()
    time: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything analyze found in one document: the `extract` contract."""

    text: str
    published: date | None
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    doubts: tuple[Doubt, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The contract dict of `crisisdesk extract` (sentences carry offsets only)."""
        out = asdict(self)
        out["published"] = self.published.isoformat() if self.published else None
        out["sentences"] = [{"start": s.start, "end": s.end} for s in self.sentences]
        del out["actors"]
        return out


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a statement comes from: a document, and the exact characters cited."""

    doc: str
    start: int
    end: int
    text: str
    outlet: str | None = None
    published: date | None = None
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["published"] = self.published.isoformat() if self.published else None
        return out


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer to a question; `text` None means crisisdesk abstained."""

    id: str | None
    text: str | None
    confidence: float
    citations: tuple[Citation, ...] = ()
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "answer": self.text,
            "confidence": round(self.confidence, 4),
            "citations": [c.to_json() for c in self.citations],
            "reason": self.reason,
        }


@dataclass(slots=True)
class IngestReport:
    """What one ingest did: documents added, already present, inputs skipped with why, and
    notes on inputs read with a guess (an encoding)."""

    added: int = 0
    unchanged: int = 0
    joined_story: int = 0
    words: int = 0
    skipped: list[IngestError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
