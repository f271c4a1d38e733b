"""ask: question -> answer type -> retrieval -> answer -> verified citation, or abstain.

Answers come from the store given; `Desk.ask` with a context passes a private in-memory store
holding that text alone (built by `flow.memory_store`).
"""

from typing import TYPE_CHECKING

from crisisdesk.analyze import gazetteer
from crisisdesk.records import Answer
from crisisdesk.settings import Settings
from crisisdesk.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["ask"]


def ask(
    question: str,
    store: Store,
    *,
    nlp: "Language",
    settings: Settings,
    qid: str | None = None,
) -> Answer:
    """Answer `question` from the store, with citations (spaCy is imported here, on first use)."""
    from crisisdesk.ask.answer import Sources, best_answer
    from crisisdesk.ask.retrieve import key_terms, retrieve

    terms = key_terms(question)
    hits = retrieve(terms, store, limit=settings.ask.top_k)
    sources = Sources(store, nlp, gazetteer(settings), settings.ask)
    answer = best_answer(question, terms, hits, sources)
    return Answer(qid, answer.text, answer.confidence, answer.citations, answer.reason)
