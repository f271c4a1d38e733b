"""`Desk`: the typed Python API: one store, the settings, and the stages over them.

Reading, analysis and storing run through `flow`, the one path every caller shares; `Desk`
only holds what a session keeps (the open store, the pipeline once loaded) and composes the
read-only stages (brief, ask, status). spaCy is imported only when something is analysed.
"""

from collections import OrderedDict
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from crisisdesk import analyze
from crisisdesk.errors import AnalyzeError, StoreError
from crisisdesk.records import Analysis, Answer, Document, IngestReport
from crisisdesk.settings import Settings, get_settings
from crisisdesk.store import (
    DevelopmentScope,
    Status,
    Store,
    StoredDevelopment,
    StoredEvent,
    open_store,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from crisisdesk.brief import Brief, Scope
    from crisisdesk.flow import Progress

__all__ = ["Desk", "IngestReport"]
#: analysed contexts kept for `ask` with a context (a batch asks several questions of one)
CONTEXTS = 16


class Desk:
    """An evidence base and the pipeline that fills it. `create=False` opens an existing store
    only (read-only commands never create one)."""

    def __init__(
        self,
        db: str | Path | None = None,
        *,
        settings: Settings | None = None,
        create: bool = True,
    ) -> None:
        self.settings = settings or get_settings()
        self.store: Store = open_store(db if db is not None else self.settings.db, create=create)
        self._contexts: OrderedDict[str, tuple[Document, Analysis]] = OrderedDict()

    @property
    def nlp(self) -> "Language":
        """The analysis pipeline, loaded on first use (once per process)."""
        return analyze.load_nlp(self.settings)  # type: ignore[no-any-return]

    def ingest(
        self,
        sources: Iterable[str | Path],
        *,
        published: date | None = None,
        outlet: str | None = None,
        progress: "Progress | None" = None,
    ) -> IngestReport:
        """Read, analyze and store every source; unreadable inputs are reported, not raised."""
        from crisisdesk import flow

        return flow.ingest(
            sources,
            self.store,
            settings=self.settings,
            published=published,
            outlet=outlet,
            progress=progress,
        )

    def extract(self, text: str, *, published: date | None = None) -> Analysis:
        """Analyze one text without storing it (the `extract` contract); raises AnalyzeError."""
        from crisisdesk import flow
        from crisisdesk.ingest.metadata import make_document

        doc = make_document(text, origin="text", published=published)
        result = next(flow.analyzed([doc], self.settings))[1]
        if not isinstance(result, Analysis):
            raise AnalyzeError(str(result))
        return result

    def brief(
        self,
        scope: "Scope | None" = None,
        *,
        changed_since: date | None = None,
        questions: bool = True,
        remember: bool = True,
    ) -> "Brief":
        """The brief of `scope` (its actor may be any alias); `questions`: suggest questions
        `ask` answers (checked by BM25 retrieval alone and without a reader model: no vector
        index to load, no model to wait for, so a brief of a large store stays fast);
        `remember`: record it, so the next brief says what changed since."""
        from crisisdesk.ask import ask as answer_question
        from crisisdesk.brief import Scope, build_brief

        quick = self.settings.model_copy(
            update={"ask": self.settings.ask.model_copy(update={"llm_url": None})}
        )

        def lexical(question: str) -> Answer:
            return answer_question(question, self.store, nlp=self.nlp, settings=quick, dense=False)

        self._developed()
        scope = scope or Scope()
        if scope.actor:
            scope = replace(scope, actor=self.resolve_actor(scope.actor))
        ask = lexical if questions else None
        made = build_brief(self.store, scope, changed_since=changed_since, ask=ask)
        if remember:
            with suppress(StoreError):  # a store on read-only media still briefs
                self.store.remember_brief(self.store.status().last_published)
        return made

    def developments(
        self, scope: DevelopmentScope | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[StoredDevelopment]:
        """Developments in `scope` (its actor may be any alias), most widely reported first."""
        self._developed()
        if scope is not None and scope.actor:
            scope = replace(scope, actor=self.resolve_actor(scope.actor))
        return self.store.developments(scope, limit=limit, offset=offset)

    def _developed(self) -> None:
        """Place the developments of documents stored before developments were (once)."""
        if self.store.undeveloped(1):
            from crisisdesk import flow

            flow.backfill_developments(self.store)

    def ask(self, question: str, *, context: str | None = None, qid: str | None = None) -> Answer:
        """Answer from the store, or from `context` alone when one is given."""
        from crisisdesk.ask import ask as answer_question

        if context is None:
            answer = answer_question(question, self.store, nlp=self.nlp, settings=self.settings)
            return replace(answer, id=qid)
        from crisisdesk import flow

        try:
            doc, analysis = self._context(context)
        except AnalyzeError as exc:
            return Answer(qid, None, 0.0, reason=f"the context could not be analysed: {exc}")
        ask = self.settings.ask
        bar = ask.model_copy(update={"min_confidence": ask.min_confidence_context})
        settings = self.settings.model_copy(update={"ask": bar})
        with flow.memory_store(doc, analysis) as store:
            answer = answer_question(question, store, nlp=self.nlp, settings=settings, given=True)
            return replace(answer, id=qid)

    def _context(self, text: str) -> tuple[Document, Analysis]:
        """A context's document and analysis, kept for the next questions about it."""
        if text not in self._contexts:
            from crisisdesk.ingest.metadata import make_document

            doc = make_document(text, origin="context")
            self._contexts[text] = (doc, self.extract(text))
            if len(self._contexts) > CONTEXTS:
                self._contexts.popitem(last=False)
        self._contexts.move_to_end(text)
        return self._contexts[text]

    def status(self) -> Status:
        return self.store.status()

    def resolve_actor(self, name: str) -> str:
        """The canonical actor for a name a user types ("Maduro" -> "Nicolás Maduro"): a stored
        actor of that name, else the gazetteer's, else a stored actor whose name ends with it."""
        stored = self.store.resolve_actor(name)
        if stored == name:
            return name
        entry = analyze.gazetteer(self.settings).lookup(name)
        if entry is not None:
            return entry.name
        return stored or name

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Desk":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def events(
        self,
        *,
        actor: str | None = None,
        pair: tuple[str, str] | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredEvent]:
        """Stored events (one per event, each with its reports), the latest first: involving
        `actor` (any alias; a state's events include its government's), or between the two
        sides of `pair` ("USA", "Maduro"), either way round."""
        actors = self.actor_keys(actor) if actor else []
        sides = (self.actor_keys(pair[0]), self.actor_keys(pair[1])) if pair else None
        return self.store.events(actors=actors, pair=sides, since=since, limit=limit, offset=offset)

    def actor_keys(self, name: str) -> list[str]:
        """What events are indexed by for a typed name: it, its canonical actor and, for a
        state, its ISO code ("Venezuela" -> Venezuela, VEN; "USA" -> USA, United States)."""
        canonical = self.resolve_actor(name)
        gazetteer = analyze.gazetteer(self.settings)
        entry = gazetteer.lookup(canonical) or gazetteer.lookup(name)
        code = entry.code if entry is not None and entry.kind == "GPE" else None
        return [key for key in dict.fromkeys((name, canonical, code)) if key]
