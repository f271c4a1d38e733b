"""Retrieval: the question's content words -> ranked sentences (FTS5 BM25 through the Store).

Dense retrieval and rank fusion come later; BM25 over sentences is the first version.
"""

import re

from spacy.lang.en.stop_words import STOP_WORDS

from crisisdesk.store import SentenceHit, Store

WORD = re.compile(r"\w[\w'’-]*")
QUESTION_WORDS = frozenset(
    {
        "how",
        "many",
        "much",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "did",
        "does",
        "do",
        "say",
        "said",
    }
)


def key_terms(question: str) -> list[str]:
    """Content words of the question, lowercased, in order, without repeats."""
    terms: list[str] = []
    for word in WORD.findall(question.lower()):
        word = word.rstrip("'’").removesuffix("'s").removesuffix("’s")
        if word and word not in STOP_WORDS and word not in QUESTION_WORDS and word not in terms:
            terms.append(word)
    return terms


def stem(word: str) -> str:
    """A crude stem for coverage checks (FTS5's porter tokenizer does the retrieval stemming)."""
    word = word.lower()
    for suffix in ("ies", "es", "s", "ed", "ing"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def coverage(terms: list[str], text: str) -> float:
    """Share of the question's terms found in a sentence (stem match)."""
    if not terms:
        return 0.0
    present = {stem(w) for w in WORD.findall(text.lower())}
    present |= {p for w in WORD.findall(text.lower()) for p in re.split(r"[-'’]", w)}
    return sum(stem(t) in present or t in present for t in terms) / len(terms)


def retrieve(terms: list[str], store: Store, *, limit: int) -> list[SentenceHit]:
    """Sentences ranked by BM25 over the question's terms."""
    return store.search(" ".join(terms), limit=limit) if terms else []
