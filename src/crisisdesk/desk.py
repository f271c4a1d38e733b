"""`Desk`: the typed Python API, composing the stages (ingest → analyze → store → brief / ask).

One `Desk` holds one store and one pipeline. Ingest reads every source, skips documents already
stored (and repeats within the run) before any analysis, analyzes the rest in batches and stores
each document in its own transaction, so an interruption loses at most the document in flight.
"""

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType

from spacy.language import Language

from crisisdesk import actor_links, analyze, ingest
from crisisdesk.ask import ask as answer_question
from crisisdesk.brief import Brief, build_brief
from crisisdesk.errors import IngestError
from crisisdesk.ingest import identity
from crisisdesk.records import Analysis, Answer, Document
from crisisdesk.settings import Settings, get_settings
from crisisdesk.store import Status, Store, StoryLink, open_store

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestReport:
    """What one ingest did: documents added, already present, and inputs skipped with why."""

    added: int = 0
    unchanged: int = 0
    joined_story: int = 0
    words: int = 0
    skipped: list[IngestError] = field(default_factory=list)


class Desk:
    """An evidence base and the pipeline that fills it."""

    def __init__(self, db: str | Path | None = None, *, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self.store: Store = open_store(db if db is not None else self.settings.db)
        self._nlp: Language | None = None
        self._actors: actor_links.ActorIndex | None = None

    @property
    def nlp(self) -> Language:
        """The analysis pipeline, loaded on first use (once per process)."""
        if self._nlp is None:
            self._nlp = analyze.load_nlp(self.settings)
        return self._nlp

    def ingest(
        self,
        sources: Iterable[str | Path],
        *,
        published: date | None = None,
        outlet: str | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Read, analyze and store every source; unreadable inputs are reported, not raised."""
        report = IngestReport()
        read = ingest.read(sources, settings=self.settings, published=published, outlet=outlet)
        fresh = self._new_documents(read, report)
        for doc, analysis in self._analyzed(fresh):
            self._store(doc, analysis, report)
            if progress:
                progress(1)
        return report

    def _new_documents(
        self, read: Iterable[Document | IngestError], report: IngestReport
    ) -> Iterator[Document]:
        seen: set[str] = set()
        for item in read:
            if isinstance(item, IngestError):
                report.skipped.append(item)
            elif item.id in seen or self.store.has_document(item.id):
                report.unchanged += 1
            elif len(item.text) > self.nlp.max_length:
                report.skipped.append(IngestError(item.origin or item.id, "text too long"))
            else:
                seen.add(item.id)
                yield item

    def _analyzed(self, docs: Iterator[Document]) -> Iterator[tuple[Document, Analysis]]:
        held: deque[Document] = deque()

        def keep(doc: Document) -> tuple[str, date | None]:
            held.append(doc)
            return doc.text, doc.published

        pairs = (keep(doc) for doc in docs)
        batch = self.settings.models.batch_size
        for analysis in analyze.analyze(pairs, nlp=self.nlp, batch_size=batch):
            yield held.popleft(), analysis

    def _store(self, doc: Document, analysis: Analysis, report: IngestReport) -> None:
        link = self._story_link(doc)
        index = self._actor_index()
        analysis = actor_links.relinked(analysis, index.links(analysis))
        if self.store.add(doc, analysis, link):
            report.added += 1
            report.words += len(doc.text.split())
            report.joined_story += link.story is not None
            for old, person in index.take_over(analysis).items():
                self.store.rename_actor(old, person.name)
                index.forget(old)

    def _actor_index(self) -> actor_links.ActorIndex:
        """Stored actors, read once per Desk (it is the store's only writer)."""
        if self._actors is None:
            self._actors = actor_links.ActorIndex(self.store.actors())
        return self._actors

    def _story_link(self, doc: Document) -> StoryLink:
        """Join the story of the most similar stored document above the near-duplicate bar."""
        sig = identity.signature(doc.text)
        bands = tuple(sig.bands())
        best, best_score = None, self.settings.ingest.near_duplicate_threshold
        for _, story, other in self.store.story_candidates(bands):
            score = identity.similarity(sig, identity.MinHashSig.from_bytes(other))
            if score >= best_score:
                best, best_score = story, score
        return StoryLink(bands=bands, signature=sig.to_bytes(), story=best)

    def extract(self, text: str, *, published: date | None = None) -> Analysis:
        """Analyze one text without storing it (the `extract` contract)."""
        return next(analyze.analyze([(text, published)], nlp=self.nlp))

    def brief(self, *, since: date | None = None) -> Brief:
        return build_brief(self.store, since=since)

    def ask(self, question: str, *, context: str | None = None, qid: str | None = None) -> Answer:
        """Answer from the store, or from `context` alone when one is given."""
        return answer_question(
            question, self.store, nlp=self.nlp, settings=self.settings, context=context, qid=qid
        )

    def status(self) -> Status:
        return self.store.status()

    def resolve_actor(self, name: str) -> str:
        """The canonical actor for a name a user types ("Maduro" -> "Nicolás Maduro"): a stored
        actor of that name, else the gazetteer's, else a stored actor whose name ends with it."""
        stored = [a.name for a in self.store.top_actors(limit=10_000)]
        if name in stored:
            return name
        entry = analyze.gazetteer(self.settings).lookup(name)
        if entry is not None:
            return entry.name
        tail = [s for s in stored if s.lower().endswith(" " + name.lower())]
        return tail[0] if len(tail) == 1 else name

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Desk":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
