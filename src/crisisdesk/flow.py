"""flow: the one path through, read -> analyze -> store, for every caller (`Desk`, `extract`,
`ask` with a context, and a distributed engine later).

    analyzed(docs, settings)                 (Document, Analysis | Failure), in order
    ingest(sources, store, settings=...)     read, skip what is stored, analyze, store; a report
    store_document(store, doc, analysis, settings)   one document, one transaction, its story
    memory_store(doc, analysis)              a private in-memory store of one analysed text

Analysis runs in worker processes, one per core, when the input is large enough to pay for
starting them; the calling process reads, and it alone writes, so the store has one writer.
A document that fails analysis is reported with its reason and the run goes on.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crisisdesk import developments, vectors
from crisisdesk import ingest as readers
from crisisdesk.errors import IngestError
from crisisdesk.ingest import identity
from crisisdesk.records import Analysis, Document, IngestReport
from crisisdesk.settings import Settings
from crisisdesk.store import SQLiteStore, Store, StoryLink

if TYPE_CHECKING:
    from crisisdesk.analyze.pipeline import Failure

Progress = Callable[[int], None]
Result = tuple[Document, "Analysis | Failure"]
Ready = tuple[Document, "Prepared | Failure"]
Work = Callable[[list[Document], Settings], list[Any]]
#: a worker's unit of work: at most this many documents, or characters
CHUNK_DOCS, CHUNK_CHARS = 8, 100_000
#: chunks queued per worker, so reading stays ahead of analysis without holding the input
AHEAD = 2


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    *,
    settings: Settings,
    published: date | None = None,
    outlet: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, analyze and store every source; unreadable inputs are reported, not raised."""
    report = IngestReport()
    backfill_vectors(store)
    backfill_developments(store)
    read = readers.read(sources, settings=settings, published=published, outlet=outlet)
    for doc, result in prepared(_new_documents(read, store, report), settings):
        if isinstance(result, Prepared):
            _count(report, doc, store_document(store, doc, result, settings))
        else:
            report.skipped.append(IngestError(doc.origin or doc.id, str(result)))
        if progress:
            progress(1)
    return report


def _new_documents(
    read: Iterable[Document | IngestError], store: Store, report: IngestReport
) -> Iterator[Document]:
    """The documents not stored yet (nor earlier in this run); the rest counted or reported."""
    seen: set[str] = set()
    for item in read:
        if isinstance(item, IngestError):
            report.skipped.append(item)
        elif item.id in seen or store.has_document(item.id):
            report.unchanged += 1
        else:
            seen.add(item.id)
            if item.note:
                report.notes.append(f"{item.origin or item.id}: {item.note}")
            yield item


def _count(report: IngestReport, doc: Document, link: StoryLink | None) -> None:
    if link is None:
        report.unchanged += 1
        return
    report.added += 1
    report.words += len(doc.text.split())
    report.joined_story += link.story is not None


@dataclass(frozen=True, slots=True)
class Prepared:
    """All of a document's storing that needs no store, done where it was analysed: its
    records, its sentences' vectors, its MinHash signature and its reports of developments."""

    analysis: Analysis
    vectors: list[bytes]
    signature: bytes
    reports: list[developments.Report]


def prepare(doc: Document, analysis: Analysis) -> Prepared:
    signature = identity.signature(doc.text).to_bytes()
    found = developments.reports(doc, analysis)
    return Prepared(analysis, sentence_vectors(doc, analysis), signature, found)


def store_document(
    store: Store, doc: Document, ready: Prepared, settings: Settings
) -> StoryLink | None:
    """Store one document with its records in one transaction, joined to the story of its
    closest stored copy; None when it was stored already (by another writer, say)."""
    link = story_link(store, ready.signature, settings.ingest.near_duplicate_threshold)
    return link if store.add(doc, ready.analysis, link, ready.vectors, ready.reports) else None


def sentence_vectors(doc: Document, analysis: Analysis) -> list[bytes]:
    """The stored form of each sentence's passage vector, in order (see `vectors.passages`)."""
    texts = [doc.text[s.start : s.end] for s in analysis.sentences]
    return [vectors.to_bytes(v) for v in vectors.passages(texts, doc.title)]


def backfill_vectors(store: Store, *, batch: int = 500) -> int:
    """Give vectors to the documents stored without them (a store from before vectors); how
    many documents were given them."""
    done = 0
    while ids := store.unvectored(batch):
        for doc_id in ids:
            doc, analysis = store.document(doc_id), store.analysis(doc_id)
            if doc is not None and analysis is not None:
                store.add_vectors(doc_id, sentence_vectors(doc, analysis))
        done += len(ids)
    return done


def backfill_developments(store: Store, *, batch: int = 200) -> int:
    """Place the reports of the documents stored without them (a store from before
    developments, or after `reset_developments`), oldest first; how many were placed."""
    done = 0
    while ids := store.undeveloped(batch):
        for doc_id in ids:
            doc, analysis = store.document(doc_id), store.analysis(doc_id)
            found = developments.reports(doc, analysis) if doc and analysis else []
            store.add_reports(doc_id, found)
        done += len(ids)
    return done


def story_link(store: Store, signature: bytes, threshold: float) -> StoryLink:
    """Join the story of the most similar stored document at or above `threshold`."""
    sig = identity.MinHashSig.from_bytes(signature)
    bands = tuple(sig.bands())
    best, best_score = None, threshold
    for _, story, other in store.story_candidates(bands):
        score = identity.similarity(sig, identity.MinHashSig.from_bytes(other))
        if score >= best_score:
            best, best_score = story, score
    return StoryLink(bands=bands, signature=sig.to_bytes(), story=best)


def memory_store(doc: Document, analysis: Analysis) -> Store:
    """A private in-memory store holding one analysed document (ask with a context)."""
    store = SQLiteStore(":memory:")
    store.add(doc, analysis, StoryLink(bands=(), signature=b""), sentence_vectors(doc, analysis))
    return store


# -- analysis --------------------------------------------------------------------------------


def analyzed(docs: Iterable[Document], settings: Settings) -> Iterator[Result]:
    """Each document with its analysis (or why it failed), in input order (`extract`)."""
    yield from _run(docs, settings, analyze_documents)


def prepared(docs: Iterable[Document], settings: Settings) -> Iterator[Ready]:
    """Each document ready to store (or why its analysis failed), in input order (`ingest`)."""
    yield from _run(docs, settings, prepare_documents)


def analyze_documents(chunk: list[Document], settings: Settings) -> list[Analysis | Failure]:
    """A worker's job for `extract`: analyse a chunk."""
    from crisisdesk.analyze.pipeline import analyze_batch

    return analyze_batch([(doc.text, doc.published) for doc in chunk], settings)


def prepare_documents(chunk: list[Document], settings: Settings) -> list[Prepared | Failure]:
    """A worker's job for `ingest`: analyse a chunk, then compute vectors and signatures."""
    results = analyze_documents(chunk, settings)
    return [
        prepare(doc, r) if isinstance(r, Analysis) else r
        for doc, r in zip(chunk, results, strict=True)
    ]


def _run(
    docs: Iterable[Document], settings: Settings, work: Work
) -> Iterator[tuple[Document, Any]]:
    """`work` over chunks of the documents, results in input order.

    With more than one worker and more than one chunk of input, chunks go to worker processes;
    otherwise this process does the work (no start-up cost for a handful of documents)."""
    chunks = _chunks(docs)
    workers = worker_count(settings)
    first = list(islice(chunks, workers))
    if workers < 2 or len(first) < 2:
        for chunk in chain(first, chunks):
            yield from zip(chunk, work(chunk, settings), strict=True)
        return
    yield from _pooled(chain(first, chunks), settings, workers, work)


def worker_count(settings: Settings) -> int:
    """Analysis processes: the setting, or one per core available to this process."""
    if settings.models.workers:
        return settings.models.workers
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _chunks(docs: Iterable[Document]) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    chars = 0
    for doc in docs:
        chunk.append(doc)
        chars += len(doc.text)
        if len(chunk) >= CHUNK_DOCS or chars >= CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _pooled(
    chunks: Iterable[list[Document]], settings: Settings, workers: int, work: Work
) -> Iterator[tuple[Document, Any]]:
    """Chunks worked on by `workers` processes, at most AHEAD chunks each in flight; a worker
    that dies (out of memory, say) fails its chunks and is replaced. The models are loaded
    here first, so forked workers share them instead of each loading its own."""
    from crisisdesk.analyze.pipeline import load_nlp

    load_nlp(settings)
    vectors.embed(["warm"])
    pool = _Pool(workers)
    inflight: deque[tuple[list[Document], Future[list[Any]]]] = deque()
    try:
        for chunk in chunks:
            inflight.append((chunk, pool.submit(work, chunk, settings)))
            if len(inflight) >= AHEAD * workers:
                yield from _collected(*inflight.popleft())
        while inflight:
            yield from _collected(*inflight.popleft())
    finally:
        pool.close()


def _collected(chunk: list[Document], future: Future[list[Any]]) -> Iterator[tuple[Document, Any]]:
    from crisisdesk.analyze.pipeline import Failure

    try:
        results = future.result()
    except BrokenProcessPool:
        results = [Failure(None, "the analysis process died (out of memory?)")] * len(chunk)
    yield from zip(chunk, results, strict=True)


class _Pool:
    """A process pool that starts again after a worker dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_init)

    def submit(self, work: Work, chunk: list[Document], settings: Settings) -> Future[list[Any]]:
        try:
            return self.executor.submit(work, chunk, settings)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(work, chunk, settings)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _worker_init() -> None:
    """A worker ends with its parent (Linux), instead of lingering after a kill -9, and leaves
    Ctrl-C to the parent, which stops the run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with suppress(AttributeError, OSError):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
