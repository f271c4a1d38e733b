"""Retrieval: a question -> ranked passages, and how much of the question a passage covers.

Two rankings are fused by reciprocal rank (RRF, k=60): BM25 over sentences with their context
(title and the sentence before, FTS5) and the cosine of passage vectors (`crisisdesk.vectors`),
so a paraphrase that shares no word with its sentence can still be found; the sentence after
each of the best few shares their score, since it may tell the answer without their words. On
the MEANTIME reader questions the answering sentence is among the 20 passages read for 42 of
45 answerable questions (top 10: 35; BM25 over sentences alone: 23). The three it misses need
world knowledge or phrases no word vector pairs ("Dow" and "DJIA", "reach customers" and
"delivery").
"""

import math
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import islice

import numpy as np

from crisisdesk import vectors
from crisisdesk.ask.align import SAME_ROOT, forms
from crisisdesk.ask.question import Question, asked_stance
from crisisdesk.ask.words import WORD, found, words_of
from crisisdesk.store import SentenceHit, Store

#: RRF's constant: how fast a lower rank stops counting
RRF_K = 60
#: how many sentences each ranking contributes before fusion
DEPTH = 30
#: word-vector cosine from which a word of a sentence stands for a word of the question
CLOSE = 0.3
#: word vectors kept in memory (a 256-d vector is 1 kB)
WORDS_KEPT = 50_000
_WORDS: dict[str, "vectors.Matrix"] = {}
#: how many of the best passages lend their score to the sentence after them, and what share
FOLLOWED, FOLLOW_SHARE = 5, 0.9
#: the most words of a sentence that only completes the one before it
FRAGMENT_WORDS = 3
#: the longest sentence that may be a date alone
BARE_DATE_CHARS = 40


def coverage(
    terms: list[str], text: str, weights: dict[str, float] | None = None, *, close: bool = False
) -> float:
    """Share of the question's terms found in a sentence (stem match), each term counting by
    its weight (1 when no weights are given); with `close`, a term that only a close word
    stands for counts by that word's cosine (`close_words`)."""
    if not terms:
        return 0.0
    present = words_of(text)
    weight = weights or {}
    near = close_words(terms, text) if close else {}
    total = sum(weight.get(t, 1.0) for t in terms)
    got = (
        weight.get(t, 1.0) * (1.0 if found(t, present) or related(t, present) else near.get(t, 0.0))
        for t in terms
    )
    return sum(got) / total


def related(term: str, present: AbstractSet[str]) -> bool:
    """A form or a reader's synonym of the term is among the words ("exporter" for "exports",
    "questioned" for "doubts", "range" for "far": `align.forms`)."""
    if forms(term) & present:
        return True
    return len(term) >= SAME_ROOT and any(w.startswith(term[:SAME_ROOT]) for w in present)


def close_words(terms: list[str], text: str) -> dict[str, float]:
    """For each term the text lacks, the cosine of its word vector to the nearest word of the
    text, when at least CLOSE ("worry" and "concerns" 0.52, "losing" and "lost" 0.68; "worry"
    and "economy" 0.02): a paraphrase then still covers part of the question.

    Limit: one word for one word; "wrapped up" and "completed" stay apart (0.15)."""
    present = words_of(text)
    lacking = [t for t in terms if not found(t, present)]
    words = sorted({w for w in WORD.findall(text.lower()) if len(w) > 2})
    if not lacking or not words:
        return {}
    cosines = _word_vectors(tuple(lacking)) @ _word_vectors(tuple(words)).T
    best = cosines.max(axis=1)
    return {t: float(c) for t, c in zip(lacking, best, strict=True) if c >= CLOSE}


def _word_vectors(words: tuple[str, ...]) -> "vectors.Matrix":
    """Word vectors, each word embedded once per process (a question compares its words with
    those of twenty passages, twice)."""
    new = [w for w in dict.fromkeys(words) if w not in _WORDS]
    if new and len(_WORDS) + len(new) > WORDS_KEPT:
        _WORDS.clear()
    _WORDS.update(zip(new, vectors.embed(new), strict=True))
    return np.vstack([_WORDS[w] for w in words])


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
    """A retrieved sentence, its fused score, the sentence before it and the fragment after
    it, if any (its context)."""

    hit: SentenceHit
    score: float
    before: SentenceHit | None = None
    after: SentenceHit | None = None

    @property
    def context(self) -> str:
        """The passage's own words with its title, the sentence before and the fragment
        that ends it, if any."""
        around = (self.hit.title, self.before and self.before.text, self.after and self.after.text)
        return " ".join(t for t in around if t)


def retrieve(question: Question, store: Store, *, limit: int, dense: bool = True) -> list[Passage]:
    """The best `limit` passages for the question: BM25 and vector rankings fused by RRF
    (BM25 alone without `dense`: no vector index to load)."""
    lexical = store.search(" ".join(question.terms), limit=DEPTH) if question.terms else []
    near = store.nearest(vectors.embed([question.text])[0], limit=DEPTH) if dense else []
    fused: dict[tuple[str, int], float] = {}
    hits: dict[tuple[str, int], SentenceHit] = {}
    for ranking in (lexical, near, said_by(question, store)):
        for rank, hit in enumerate(ranking):
            key = (hit.doc_id, hit.index)
            fused[key] = fused.get(key, 0.0) + 1.0 / (RRF_K + rank)
            hits.setdefault(key, hit)
    found = set(fused)
    followed(fused, hits, store)
    ranked = (k for k in sorted(fused, key=lambda k: -fused[k]) if not bare_date(hits[k], store))
    best = chained(list(islice(ranked, limit)), found, fused, hits, store)
    return [
        Passage(hits[k], fused[k], store.sentence_before(hits[k]), completion(k, hits))
        for k in best
    ]


def completion(
    key: tuple[str, int], hits: dict[tuple[str, int], SentenceHit]
) -> SentenceHit | None:
    """The fragment after the sentence, when one was retrieved: its end ("Syed Farook.")."""
    after = hits.get((key[0], key[1] + 1))
    return after if after is not None and fragment(after.text) else None


def chained(
    best: list[tuple[str, int]],
    found: set[tuple[str, int]],
    fused: dict[tuple[str, int], float],
    hits: dict[tuple[str, int], SentenceHit],
    store: Store,
) -> list[tuple[str, int]]:
    """The best passages with the sentence after each follower among the first FOLLOWED, set
    right after it, and the sentence before each fragment among them, set right before it,
    dropping none ("... attended the meeting alone." "The meeting was held
    at the FBI's office in White Plains."): a story may take two sentences to come back to
    the words of the question."""
    out = list(best)
    for key in best[:FOLLOWED]:
        after = None if key in found else next_sentence(store, hits[key])
        if after is not None and (own := (after.doc_id, after.index)) not in out:
            fused[own], hits[own] = FOLLOW_SHARE * fused[key], after
            out.insert(out.index(key) + 1, own)
        before = store.sentence_before(hits[key]) if fragment(hits[key].text) else None
        if before is not None and (own := (before.doc_id, before.index)) != key:
            if own in out:
                out.remove(own)
            fused[own] = max(fused.get(own, 0.0), FOLLOW_SHARE * fused[key])
            hits.setdefault(own, before)
            out.insert(out.index(key), own)
    return out


def fragment(text: str) -> bool:
    """A sentence of a few words, the end of one a paragraph break cut in two ("11:40 am -
    Police announce the suspect's name on police scanner:" / "Syed Farook."): what it
    completes is in the sentence before."""
    return len(WORD.findall(text)) <= FRAGMENT_WORDS


def said_by(question: Question, store: Store) -> list[SentenceHit]:
    """For "what did X deny / claim / allege / question", the sentences of X's stored
    attributions of that stance ("Moscow strongly denies ..." for "what did Russia deny",
    though it never writes "Russia"): the records answer before the words match. Not for
    "what did X say", which any of X's words would fit whatever they are about."""
    stance = asked_stance(question.text)
    actor = store.resolve_actor(question.speaker) if question.speaker and stance else None
    if actor is None:
        return []
    found = store.attributions(actor=actor, stance=stance, limit=DEPTH)
    return list({(f.sentence.doc_id, f.sentence.index): f.sentence for f in found}.values())


def bare_date(hit: SentenceHit, store: Store) -> bool:
    """The sentence is a date alone (a story's date line, "February 03, 2009"): it matches a
    question's year and says nothing of what happened."""
    text = hit.text.strip()
    if len(text) > BARE_DATE_CHARS:
        return False
    told = sum(t.end - t.start for t in store.times_in(hit.doc_id, hit.start, hit.end))
    return told >= len(text) - 2


def followed(
    fused: dict[tuple[str, int], float], hits: dict[tuple[str, int], SentenceHit], store: Store
) -> None:
    """Adds the sentence after each of the FOLLOWED best passages, at FOLLOW_SHARE of its
    score: a sentence that leaves its subject to the one before ("The transaction should be
    completed in October.") shares few words with a question its predecessor matches."""
    for key in sorted(fused, key=lambda k: -fused[k])[:FOLLOWED]:
        after = next_sentence(store, hits[key])
        if after is not None:
            own = (after.doc_id, after.index)
            fused[own] = max(fused.get(own, 0.0), FOLLOW_SHARE * fused[key])
            hits.setdefault(own, after)


def next_sentence(store: Store, hit: SentenceHit) -> SentenceHit | None:
    """The sentence after `hit` in its document (None at its end), looked up by number as the
    one before the sentence after it (offsets may leave a space between two sentences)."""
    return store.sentence_before(replace(hit, index=hit.index + 2))
