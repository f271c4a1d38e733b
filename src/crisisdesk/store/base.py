"""The `Store` protocol: everything the later stages may ask of the evidence base.

Nothing outside `crisisdesk.store` writes SQL. A backend (SQLite now, PostgreSQL later) implements
this protocol; the contract tests in `tests/store/` run against every backend.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Generic, Protocol, Self, TypeVar

from crisisdesk.records import (
    Actor,
    Analysis,
    Attribution,
    Document,
    Doubt,
    Entity,
    Event,
    Quantity,
    TimeExpr,
)

if TYPE_CHECKING:
    from crisisdesk.developments import Report
    from crisisdesk.vectors import Matrix


@dataclass(frozen=True, slots=True)
class StoryLink:
    """How a new document joins a story: its MinHash bands and signature, and the story it joins
    (None starts a new story named after the document)."""

    bands: tuple[str, ...]
    signature: bytes
    story: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceHit:
    """A stored sentence with its document's metadata; `score` is higher-is-better."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    score: float = 0.0
    outlet: str | None = None
    published: date | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ActorCount:
    name: str
    kind: str
    code: str | None
    mentions: int
    documents: int


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A record with the document and sentence it sits in."""

    record: T
    sentence: SentenceHit


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One event with every report of it, across documents and outlets; the reports come
    oldest document first, so the first is the first report."""

    id: int
    type: str
    first_day: date | None
    last_day: date | None
    reports: tuple[Located[Event], ...]

    @property
    def first(self) -> Located[Event]:
        return self.reports[0]

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that report it, in the order they first did."""
        return tuple(dict.fromkeys(r.sentence.outlet for r in self.reports if r.sentence.outlet))

    @property
    def documents(self) -> int:
        return len({r.sentence.doc_id for r in self.reports})

    @property
    def mode(self) -> str:
        """happened when any report says so, else the first report's mode (threatened, denied,
        claimed ...)."""
        modes = [r.record.mode for r in self.reports]
        return "happened" if "happened" in modes else modes[0]

    @property
    def intensity(self) -> float | None:
        """The mean intensity of its reports (Goldstein-like, -10 .. +10)."""
        values = [r.record.intensity for r in self.reports if r.record.intensity is not None]
        return sum(values) / len(values) if values else None


@dataclass(frozen=True, slots=True)
class StoredDevelopment:
    """One development with its first reports (sentences), earliest first, and each report's
    rank among its document's reports (0: the document's lead)."""

    id: int
    first_day: date | None
    last_day: date | None
    documents: int
    reports: tuple[SentenceHit, ...]
    ranks: tuple[int, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that report it, in the order they first did."""
        return tuple(dict.fromkeys(r.outlet for r in self.reports if r.outlet))


@dataclass(frozen=True, slots=True)
class DevelopmentScope:
    """Which developments to list: whose days reach `since` / start by `until`, whose reports
    name `actor` (canonical name), and whose reports hold every word of `topic`."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class Status:
    counts: dict[str, int] = field(default_factory=dict)
    first_published: date | None = None
    last_published: date | None = None
    schema_version: int = 0


class Store(Protocol):
    """The evidence base. Writes are per document and atomic. A list of located records is
    one page: `limit` (None: all) records after skipping `offset`; a read of a damaged store
    raises StoreError."""

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this id is stored."""
        ...

    def story_candidates(self, bands: tuple[str, ...]) -> list[tuple[str, str, bytes]]:
        """(doc_id, story, signature) of stored documents sharing a MinHash band."""
        ...

    def add(
        self,
        doc: Document,
        analysis: Analysis,
        link: StoryLink,
        vectors: Sequence[bytes] = (),
        reports: "Sequence[Report] | None" = None,
    ) -> bool:
        """Store a document, its records and its sentences' vectors (one per sentence, in
        order, or none) in one transaction; False if already stored. Its `reports` are placed
        in developments in the same transaction (None: left for `add_reports`).

        In that transaction a lone surname joins the one stored person it names, and a stored
        lone surname that one person of the document now names joins that person."""
        ...

    def add_reports(self, doc_id: str, reports: Sequence["Report"]) -> None:
        """Place the reports of a document stored without them in developments."""
        ...

    def undeveloped(self, limit: int) -> list[str]:
        """Up to `limit` ids of documents whose reports are not placed yet, oldest first."""
        ...

    def developments_of(self, doc_id: str) -> frozenset[int]:
        """The ids of the developments a document reports."""
        ...

    def development_at(self, doc_id: str, start: int) -> int | None:
        """The development the sentence starting at `start` of a document reports, if any."""
        ...

    def remember_brief(self, newest: date | None) -> None:
        """Record that a brief was made of the documents published up to `newest`."""
        ...

    def last_brief(self) -> date | None:
        """The newest publication day the last recorded brief covered (None: no brief yet)."""
        ...

    def reset_developments(self) -> None:
        """Forget every development, so the next placing redoes them all."""
        ...

    def developments(
        self,
        scope: DevelopmentScope | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredDevelopment]:
        """Developments in `scope` with their first reports, the most widely reported first."""
        ...

    def add_vectors(self, doc_id: str, vectors: Sequence[bytes]) -> None:
        """Store the vectors of a document stored without them (one per sentence, in order)."""
        ...

    def unvectored(self, limit: int) -> list[str]:
        """Up to `limit` ids of documents stored without sentence vectors."""
        ...

    def nearest(self, query: "Matrix", *, limit: int = 10) -> list[SentenceHit]:
        """The sentences whose vectors are nearest `query` (cosine as `score`), nearest first."""
        ...

    def actors(self) -> list[Actor]:
        """Every stored actor."""
        ...

    def resolve_actor(self, name: str) -> str | None:
        """The stored actor a typed name means (the name itself, else in any case, else the
        one name of several words ending in it); None when none or several match."""
        ...

    def document(self, doc_id: str) -> Document | None: ...

    def analysis(self, doc_id: str) -> Analysis | None:
        """Every stored record of a document, in analysis order (actors: those it mentions).

        Added so later stages can read doubts, times and events without writing SQL."""
        ...

    def status(self) -> Status: ...

    def search(
        self, query: str, *, limit: int = 10, context_weight: float = 0.5, prefix: bool = False
    ) -> list[SentenceHit]:
        """FTS5/tsvector full-text match over sentences with their context (title, sentence
        before, counting `context_weight`); `query` is a backend-safe OR of terms, each also
        matching the words it begins with `prefix`."""
        ...

    def indexed_words(self, start: str) -> list[tuple[str, int]]:
        """The full-text index's words that begin with the letter `start`, with how many
        passages hold each, most held first."""
        ...

    def sentence_at(self, doc_id: str, offset: int) -> SentenceHit | None:
        """The sentence holding character `offset` of a document."""
        ...

    def sentence_before(self, hit: SentenceHit) -> SentenceHit | None:
        """The sentence right before `hit` in its document, if any."""
        ...

    def top_actors(self, *, limit: int = 10, since: date | None = None) -> list[ActorCount]: ...

    def actor_sentences(
        self, actor: str, *, limit: int = 5, since: date | None = None
    ) -> list[SentenceHit]:
        """Sentences that mention an actor, the most recent documents first."""
        ...

    def entities_in(self, doc_id: str, start: int, end: int) -> list[Entity]:
        """Entities whose offsets lie inside [start, end) of a document."""
        ...

    def times(
        self, *, since: date | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Located[TimeExpr]]:
        """Time expressions with a resolved value, in the order of their values."""
        ...

    def quantities_in(self, doc_id: str, start: int, end: int) -> list[Quantity]:
        """Quantities whose offsets lie inside [start, end) of a document."""
        ...

    def events_in(self, doc_id: str, start: int, end: int) -> list[Event]:
        """Events whose offsets lie inside [start, end) of a document."""
        ...

    def times_in(self, doc_id: str, start: int, end: int) -> list[TimeExpr]:
        """Time expressions whose offsets lie inside [start, end) of a document."""
        ...

    def attributions_over(self, doc_id: str, start: int, end: int) -> list[Attribution]:
        """Attributions (flat, nested ones too) overlapping [start, end) of a document."""
        ...

    def doubts_over(self, doc_id: str, start: int, end: int) -> list[Doubt]:
        """Doubts overlapping [start, end) of a document."""
        ...

    def doubts(
        self,
        *,
        kind: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Located[Doubt]]:
        """Doubts (hedges, allegations, denials, disputes), filtered by kind; recent first."""
        ...

    def attributions(
        self,
        *,
        actor: str | None = None,
        stance: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Located[Attribution]]:
        """Attributions by source actor, stance and date; recent first; one page."""
        ...

    def quantities(
        self,
        *,
        actor: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Located[Quantity]]:
        """Quantities, recent first; with `actor`, only the numbers that actor gives."""
        ...

    def events(
        self,
        *,
        actors: Sequence[str] = (),
        pair: tuple[Sequence[str], Sequence[str]] | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredEvent]:
        """Stored events (one per event, however many reports), the latest first. `actors`:
        involving any of these keys (ISO codes or canonical actors); `pair`: between the two
        sides' keys, either way round; `since`: whose last day is on or after it."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc_info: object) -> None:
        """Closes the store, so `with open_store(url) as store:` works for every backend."""
        ...
