"""ask: question -> answer type -> retrieval -> answer -> verified citation, or abstain.

With a `context`, the answer comes from that text alone: it is analyzed into a private in-memory
store (cached for repeated contexts) and the same path runs over it.
"""

from functools import lru_cache

from spacy.language import Language

from crisisdesk.analyze import analyze, gazetteer
from crisisdesk.ask.answer import Sources, best_answer
from crisisdesk.ask.retrieve import key_terms, retrieve
from crisisdesk.ingest.identity import doc_id
from crisisdesk.records import Answer, Document
from crisisdesk.settings import Settings
from crisisdesk.store import SQLiteStore, Store, StoryLink

__all__ = ["ask"]


def ask(
    question: str,
    store: Store,
    *,
    nlp: Language,
    settings: Settings,
    context: str | None = None,
    qid: str | None = None,
) -> Answer:
    """Answer `question` from the store (or from `context` alone), with citations."""
    source = context_store(context, nlp) if context is not None else store
    terms = key_terms(question)
    hits = retrieve(terms, source, limit=settings.ask.top_k)
    sources = Sources(source, nlp, gazetteer(settings), settings.ask)
    answer = best_answer(question, terms, hits, sources)
    return Answer(qid, answer.text, answer.confidence, answer.citations, answer.reason)


@lru_cache(maxsize=16)
def context_store(context: str, nlp: Language) -> Store:
    """An in-memory store holding only `context`, analyzed once."""
    store = SQLiteStore(":memory:")
    if context.strip():
        doc = Document(id=doc_id(context), text=context, origin="context")
        analysis = next(analyze([(context, None)], nlp=nlp))
        store.add(doc, analysis, StoryLink(bands=(), signature=b""))
    return store
