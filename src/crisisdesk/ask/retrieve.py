"""Retrieval: the question's content words -> ranked sentences (FTS5 BM25 through the Store),
and how much of the question a sentence covers, rare words counting more.

Dense retrieval and rank fusion come later; BM25 over sentences is the first version.
"""

import math
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


def words_of(text: str) -> set[str]:
    """The words of a text and their stems, hyphenated words also split into their parts."""
    words = WORD.findall(text.lower())
    return {stem(w) for w in words} | {p for w in words for p in re.split(r"[-'’]", w)}


def found(term: str, present: set[str]) -> bool:
    return stem(term) in present or term in present


def coverage(terms: list[str], text: str, weights: dict[str, float] | None = None) -> float:
    """Share of the question's terms found in a sentence (stem match), each term counting by
    its weight (1 when no weights are given)."""
    if not terms:
        return 0.0
    present = words_of(text)
    weight = weights or {}
    total = sum(weight.get(t, 1.0) for t in terms)
    return sum(weight.get(t, 1.0) for t in terms if found(t, present)) / total


def term_weights(terms: list[str], hits: list[SentenceHit]) -> dict[str, float]:
    """IDF of each term over the retrieved sentences: a word that most of them share (the topic,
    "Normans") tells less about which sentence answers than a word few share ("fealty").

    Limit: the retrieved sentences are a small, biased sample; plus-one smoothing keeps a word
    that every one of them holds at a small positive weight, and a word none holds at the top."""
    texts = [words_of(h.text) for h in hits]
    n = len(texts)
    return {t: math.log((n + 1) / (sum(found(t, w) for w in texts) + 0.5)) for t in terms}


def retrieve(terms: list[str], store: Store, *, limit: int) -> list[SentenceHit]:
    """Sentences ranked by BM25 over the question's terms."""
    return store.search(" ".join(terms), limit=limit) if terms else []
