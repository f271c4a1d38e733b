"""The API's request and response models: the JSON contracts of the README, as pydantic models
(records of `crisisdesk.records` are used as they are), so /openapi.json documents them.

Fields may be added, never renamed. Brief sections are open (`extra="allow"`): a section the
brief gains is passed on without a change here.
"""

from dataclasses import fields
from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from crisisdesk.records import (
    Attribution,
    Citation,
    Doubt,
    Entity,
    Event,
    Quantity,
    TimeExpr,
)

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list, newest first; `next_offset` is None on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


class Said(BaseModel):
    source: str | None
    actor: str | None
    cue: str
    stance: str
    via: str | None = None


class Differing(BaseModel):
    answer: str
    citation: Citation


class Question(BaseModel):
    """A question; with `thread` (from an earlier answer) it may be a follow-up ("and its
    range?"); with `context`, it is answered from that text alone."""

    question: str = Field(min_length=1, max_length=1_000)
    thread: str | None = Field(default=None, max_length=64)
    context: str | None = Field(default=None, max_length=100_000)


class Answer(BaseModel):
    """The `ask --batch` contract, plus the question as understood and the thread id to send
    with a follow-up. `answer` null: crisisdesk abstained and `reason` says why."""

    id: str | None
    answer: str | None
    phrase: str | None
    resolved: str | None = None
    summary: str | None
    confidence: float
    citations: list[Citation]
    reason: str | None
    attribution: Said | None
    doubt: list[Doubt]
    agree: list[Citation]
    disagree: list[Differing]
    asked: str
    thread: str | None


class Suggestion(BaseModel):
    question: str
    answer: str | None


class Status(BaseModel):
    """Counts of every record kind (the keys of `status --json`), and the dates covered."""

    model_config = ConfigDict(extra="allow")
    documents: int = 0
    first_published: date | None = None
    last_published: date | None = None
    schema_version: int = 0


class BriefItem(BaseModel):
    """One line of a brief; each section adds its own fields."""

    model_config = ConfigDict(extra="allow")
    text: str
    actor: str | None = None
    citations: list[Citation] = []


class Brief(BaseModel):
    """The `brief --format json` contract: every list is a section of cited items."""

    model_config = ConfigDict(extra="allow")
    since: date | None = None
    documents: int = 0
    key_points: list[BriefItem] = []
    claims: list[BriefItem] = []
    numbers: list[BriefItem] = []
    timeline: list[BriefItem] = []
    trend: list[BriefItem] = []


class Cited(BaseModel):
    """Where a listed record is: its document, sentence offsets, outlet, date and sentence."""

    doc: str
    sentence_start: int
    sentence_end: int
    outlet: str | None
    published: date | None
    sentence: str


class Claim(Cited):
    source: str | None
    actor: str | None
    cue: str
    cue_start: int
    cue_end: int
    stance: str
    kind: str
    content: str


#: a number row: every field of the quantity, then its citation (`listing.number_row`)
Number = create_model(
    "Number",
    __base__=Cited,
    **{f.name: (f.type, ...) for f in fields(Quantity)},  # type: ignore[call-overload]
)


class Side(BaseModel):
    text: str
    actor: str | None
    code: str | None
    sector: str | None


class Report(Cited):
    mode: str
    type: str
    trigger: str | None
    claimed_by: str | None
    time: str | None
    start: int
    end: int


class StoredEvent(BaseModel):
    """One event however many reports tell it, with every report's citation."""

    id: int
    type: str
    mode: str
    first_day: date | None
    last_day: date | None
    intensity: float | None
    source: list[Side]
    target: list[Side]
    place: Side | None
    reports: list[Report]
    outlets: list[str]


class DevelopmentReport(BaseModel):
    doc: str
    start: int
    end: int
    text: str
    outlet: str | None
    published: date | None


class Development(BaseModel):
    """What several documents report, shown by its most central report, with every report."""

    id: int
    text: str
    first: date | None
    last: date | None
    documents: int
    outlets: list[str]
    reports: list[DevelopmentReport]


class TrendPeriod(BaseModel):
    period: date
    index: float
    conflict: float
    cooperation: float
    events: str


class Offsets(BaseModel):
    start: int
    end: int


class Document(BaseModel):
    """A stored document with its text and every record found in it (the `extract`
    contract); `highlight`: the span asked for, to be shown marked."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None
    text: str
    highlight: Offsets | None
    sentences: list[Offsets]
    entities: list[Entity]
    attributions: list[Attribution]
    doubts: list[Doubt]
    quantities: list[Quantity]
    times: list[TimeExpr]
    events: list[Event]


class NewDocument(BaseModel):
    """A document given as JSON (the JSONL reader's fields)."""

    text: str = Field(min_length=1)
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None


class NewDocuments(BaseModel):
    documents: list[NewDocument] = Field(min_length=1, max_length=10_000)
    published: date | None = None
    outlet: str | None = None


class Job(BaseModel):
    """An ingest run: queued, running, done or failed; `done` documents of `total` (None when
    the input does not say how many it holds) and, once done, the ingest report."""

    id: str
    state: str
    done: int
    total: int | None
    added: int = 0
    unchanged: int = 0
    joined_story: int = 0
    words: int = 0
    skipped: list[str] = []
    notes: list[str] = []
    error: str | None = None


class Problem(BaseModel):
    """Every error: what was wrong, in one line."""

    detail: Any


__all__ = [
    "Answer",
    "Brief",
    "Citation",
    "Claim",
    "Document",
    "Job",
    "NewDocuments",
    "Number",
    "Page",
    "Question",
    "Status",
    "StoredEvent",
    "Suggestion",
    "TrendPeriod",
]
