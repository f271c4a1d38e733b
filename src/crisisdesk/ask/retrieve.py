"""Retrieval: a question -> ranked passages, and how much of the question a passage covers.

Two rankings are fused by reciprocal rank (RRF, k=60): BM25 over sentences with their context
(title and the sentence before, FTS5) and the cosine of passage vectors (`crisisdesk.vectors`),
so a paraphrase that shares no word with its sentence can still be found. On the MEANTIME reader
questions the answering sentence is in the top 10 for 36 of 45 answerable questions (BM25 over
sentences alone: 23).
"""

import math
import re
from dataclasses import dataclass

from crisisdesk import vectors
from crisisdesk.ask.question import Question
from crisisdesk.store import SentenceHit, Store

WORD = re.compile(r"\w[\w'’-]*")
#: RRF's constant: how fast a lower rank stops counting
RRF_K = 60
#: how many sentences each ranking contributes before fusion
DEPTH = 30


def stem(word: str) -> str:
    """A crude stem for coverage checks (FTS5's porter tokenizer does the retrieval stemming)."""
    word = word.lower()
    for suffix in ("ies", "es", "s", "ed", "ing"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def words_of(text: str) -> set[str]:
    """The words of a text and their stems, hyphenated words also split into their parts, a
    plural number also as the number ("777s": "777")."""
    words = WORD.findall(text.lower())
    numbers = {w[:-1] for w in words if w.endswith("s") and w[:-1].isdigit()}
    return {stem(w) for w in words} | {p for w in words for p in re.split(r"[-'’]", w)} | numbers


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


@dataclass(frozen=True, slots=True)
class Passage:
    """A retrieved sentence, its fused score, and the sentence before it (its context)."""

    hit: SentenceHit
    score: float
    before: SentenceHit | None = None

    @property
    def context(self) -> str:
        """The passage's own words with its title and the sentence before."""
        return " ".join(t for t in (self.hit.title, self.before and self.before.text) if t)


def retrieve(question: Question, store: Store, *, limit: int, dense: bool = True) -> list[Passage]:
    """The best `limit` passages for the question: BM25 and vector rankings fused by RRF
    (BM25 alone without `dense`: no vector index to load)."""
    lexical = store.search(" ".join(question.terms), limit=DEPTH) if question.terms else []
    near = store.nearest(vectors.embed([question.text])[0], limit=DEPTH) if dense else []
    fused: dict[tuple[str, int], float] = {}
    hits: dict[tuple[str, int], SentenceHit] = {}
    for ranking in (lexical, near):
        for rank, hit in enumerate(ranking):
            key = (hit.doc_id, hit.index)
            fused[key] = fused.get(key, 0.0) + 1.0 / (RRF_K + rank)
            hits.setdefault(key, hit)
    best = sorted(fused, key=lambda k: -fused[k])[:limit]
    return [Passage(hits[k], fused[k], store.sentence_before(hits[k])) for k in best]
