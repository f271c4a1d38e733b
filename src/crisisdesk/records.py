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
class Participant:
    """A source, target or place of an event: its phrase, canonical actor, code (ISO alpha-3
    for states, IGO/NGO for international bodies) and sector (GOV, MIL, REB, CVL, ...)."""

    start: int
    end: int
    text: str
    actor: str | None = None
    code: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """An action coded to a PLOVER type: who (source) did it to whom (target), when and where.

    `start`/`end` span the clause from source to target; `trigger` is the word(s) coding it.
    `mode`: happened, threatened, planned, claimed, alleged, denied or questioned (a threat to
    strike is a THREATEN event in mode threatened; a reported action keeps the reporting mode,
    and `claimed_by` names who reports it). `intensity`: Goldstein-like, -10 (most hostile) to
    +10 (most cooperative), from the event's CAMEO `code`."""

    start: int
    end: int
    type: str
    source: tuple[Participant, ...] = ()
    target: tuple[Participant, ...] = ()
    time: str | None = None
    mode: str = "happened"
    intensity: float | None = None
    code: str | None = None
    trigger: Span | None = None
    place: Participant | None = None
    claimed_by: str | None = None


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
class Said:
    """Who a cited sentence says an answer is from: the source as written, its canonical
    actor, the cue ("claimed") and the stance of the wording; `via`, who reports that source's
    words when the sentence nests them ("analysts say Putin would recognize ...": analysts)."""

    source: str | None
    actor: str | None
    cue: str
    stance: str
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Differing:
    """Another answer a source gives, with its citation (date and outlet in it)."""

    text: str
    citation: Citation

    def to_json(self) -> dict[str, Any]:
        return {"answer": self.text, "citation": self.citation.to_json()}


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer to a question; `text` None means crisisdesk abstained. Beside its citation it
    carries who says it (`attribution`), the doubt on it, the other sources that say the
    same (`agree`) and those that say otherwise (`disagree`)."""

    id: str | None
    text: str | None
    confidence: float
    citations: tuple[Citation, ...] = ()
    reason: str | None = None
    attribution: Said | None = None
    doubts: tuple[Doubt, ...] = ()
    agree: tuple[Citation, ...] = ()
    disagree: tuple[Differing, ...] = ()
    #: the answer as its sentence puts it, when that says more ("over 8 million reservists")
    phrase: str | None = None
    #: a time answer's date as resolved against its article's publication ("on Thursday":
    #: "2000-04-20"), when the words alone do not give it
    resolved: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "answer": self.text,
            "phrase": self.phrase,
            "resolved": self.resolved,
            "confidence": round(self.confidence, 4),
            "citations": [c.to_json() for c in self.citations],
            "reason": self.reason,
            "attribution": asdict(self.attribution) if self.attribution else None,
            "doubt": [asdict(d) for d in self.doubts],
            "agree": [c.to_json() for c in self.agree],
            "disagree": [d.to_json() for d in self.disagree],
        }

    def summary(self) -> str | None:
        """The answer as a reader says it: "5,000, according to Nicolás Maduro (claimed;
        questioned by experts)", "Wednesday (2025-10-22), according to ...", "..., according
        to Vladimir Putin, as told by military analysts"."""
        if self.text is None:
            return None
        said, text = self.attribution, self.phrase or self.text
        dated = self.resolved and not text.endswith(f"({self.resolved})")
        text = f"{text} ({self.resolved})" if dated else text
        who = said and (said.actor or named(said.source))
        head = f"{text}, according to {mid_sentence(who)}" if who else text
        head = f"{head}, as told by {mid_sentence(said.via)}" if who and said and said.via else head
        notes = [said.stance] if said and said.stance != "asserted" else []
        notes += [n for d in self.doubts if (n := doubt_note(d)) not in self_told(said)]
        return f"{head} ({'; '.join(notes)})" if notes else head


def self_told(said: "Said | None") -> set[str]:
    """The doubt notes that only say again the stance of the answer's own source ("alleged by
    United States" beside "according to United States (alleged")."""
    if said is None or said.stance not in ("alleged", "denied"):
        return set()
    who = {w for w in (said.actor, said.source) if w}
    return {f"{said.stance} by {w}" for w in who}


def named(source: str | None) -> str | None:
    """The source as a reader can be told it: not a pronoun no actor stands behind ("they")."""
    return None if source is None or source.lower() in PRONOUN_SOURCES else source


#: sources that name no one unless resolved to an actor
PRONOUN_SOURCES = frozenset(["he", "she", "they", "it", "we", "i", "you", "this", "that"])


def mid_sentence(source: str) -> str:
    """A source as written at a sentence's start, as it reads after "according to" ("His
    kidnappers": "his kidnappers"; names keep their capitals)."""
    first, _, rest = source.partition(" ")
    if first in SENTENCE_OPENERS:
        return f"{first.lower()} {rest}".rstrip()
    return source


#: determiners that are capitalized only because a sentence starts with them
SENTENCE_OPENERS = frozenset(["The", "A", "An", "His", "Her", "Its", "Their", "Our", "My", "Some"])


def doubt_note(doubt: Doubt) -> str:
    """ "questioned by experts", "hedged: reportedly", "denied by Caracas"."""
    verbs = {"dispute": "disputed", "denial": "denied", "allegation": "alleged"}
    if doubt.kind in verbs:
        by = doubt.by_actor or doubt.by
        return f"{verbs[doubt.kind]} by {by}" if by else verbs[doubt.kind]
    return f"{doubt.kind}: {doubt.text}"


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
