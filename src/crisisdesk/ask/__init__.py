"""ask: question -> answer type -> retrieval -> answer -> verified citation, or abstain.

Answers come from the store given; `Desk.ask` with a context passes a private in-memory store
holding that text alone (built by `flow.memory_store`).
"""

import re
from dataclasses import replace
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
    dense: bool = True,
    given: bool = False,
) -> Answer:
    """Answer `question` from the store, with citations (spaCy is imported here, on first use);
    without `dense`, from BM25 retrieval alone (no vector index to load); `given`: the store
    holds only the text the question was asked of."""
    from crisisdesk.ask import question as questions
    from crisisdesk.ask.answer import Sources, best_answer
    from crisisdesk.ask.retrieve import retrieve
    from crisisdesk.ask.spelling import respelled

    known = gazetteer(settings)
    read = questions.read(question, nlp)
    spelled = respelled(read.names, store, known)
    for name, written in spelled.items():  # "Hezbollah" as the sources write it: "Hizbollah"
        question = re.sub(rf"\b{re.escape(name)}\b", written, question)
    if spelled:
        read = questions.read(question, nlp)
    passages = retrieve(read, store, limit=settings.ask.top_k, dense=dense)
    answer = best_answer(read, passages, Sources(store, nlp, known, settings.ask, given))
    notes = [answer.reason, *(f"read {a} as the sources write it: {b}" for a, b in spelled.items())]
    return replace(answer, reason="; ".join(n for n in notes if n) or None)
