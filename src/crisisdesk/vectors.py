"""Sentence vectors for retrieval that survives paraphrase, and a small in-memory index of them.

The model is wordllama's packaged 256-d static embeddings (token vectors distilled from a large
language model, averaged): about 14,000 sentences per CPU-second, so every stored sentence gets
a vector at ingest for almost nothing, and a question's vector costs well under a millisecond.
It is loaded once per process from the package folder, never from the network. Vectors are
L2-normalised and stored as float16 (512 bytes a sentence); a dot product is a cosine.
"""

import pathlib
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from crisisdesk.errors import AnalyzeError

DIM = 256
#: dimensions of the first search pass, and how many candidates it hands to the exact pass
COARSE, SHORTLIST = 64, 300
#: how much of the sentence before, and of the title, a passage vector holds
PREVIOUS, TITLE = 0.3, 0.6
Matrix = npt.NDArray[np.float32]


@lru_cache(maxsize=1)
def _model() -> Any:
    try:
        import wordllama

        folder = pathlib.Path(wordllama.__file__).parent
        return wordllama.WordLlama.load(cache_dir=folder, disable_download=True, dim=DIM)
    except Exception as exc:  # a missing or broken package: say so in one line
        raise AnalyzeError(f"cannot load the sentence embedding model: {exc}") from exc


def embed(texts: Sequence[str]) -> Matrix:
    """(len(texts), DIM) unit vectors; an empty or wordless text gets a zero vector."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    raw = np.asarray(_model().embed(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(raw, axis=1, keepdims=True)
    unit: Matrix = np.divide(raw, norms, out=np.zeros_like(raw), where=norms > 0)
    return unit


def passages(sentences: Sequence[str], title: str | None) -> Matrix:
    """Passage vectors of a document's sentences: each sentence with some of the sentence
    before it and of the title (PREVIOUS, TITLE), so a sentence that leaves its subject to its
    context ("killing all 228 people on board") is still near a question naming it.
    Weights chosen on the MEANTIME reader questions (retrieval recall at 10: 26 -> 34 of 45)."""
    own = embed(sentences)
    before = np.vstack([np.zeros((1, DIM), dtype=np.float32), own[:-1]]) if len(own) else own
    mixed = own + PREVIOUS * before + TITLE * embed([title or ""])[0]
    norms = np.linalg.norm(mixed, axis=1, keepdims=True)
    unit: Matrix = np.divide(mixed, norms, out=np.zeros_like(mixed), where=norms > 0)
    return unit


def to_bytes(vector: Matrix) -> bytes:
    """One vector as stored: float16 bytes."""
    return vector.astype(np.float16).tobytes()


def from_bytes(blobs: Sequence[bytes]) -> Matrix:
    """Stored vectors back as a (n, DIM) float32 matrix."""
    if not blobs:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(-1, DIM).astype(np.float32)


class VectorIndex:
    """Sentence ids and their vectors in memory, searched in two passes: the first COARSE
    dimensions of every vector (the model is trained so that a prefix is itself an embedding)
    pick SHORTLIST candidates, which their whole vectors then rank exactly.

    The first pass reads a quarter of the memory a whole-vector pass would: at 100,000
    articles (3 million sentences) it is what keeps a question under a few hundred ms. Rows are
    appended as the store grows, never rebuilt. One index may serve several threads (the
    server's readers share one per store file, `shared`): rows are swapped in whole, so a
    search sees the rows before or after an append, never half of one."""

    def __init__(self) -> None:
        self._rows = (
            np.zeros(0, dtype=np.int64),
            np.zeros((0, COARSE), dtype=np.float32),
            np.zeros((0, DIM), dtype=np.float16),
        )
        self._lock = threading.Lock()

    @property
    def last_id(self) -> int:
        ids = self._rows[0]
        return int(ids[-1]) if len(ids) else 0

    def extend(self, ids: Sequence[int], blobs: Sequence[bytes]) -> None:
        """Append rows (ids ascending; those not after the rows held are skipped)."""
        with self._lock:
            held, coarse, full = self._rows
            fresh = [(i, b) for i, b in zip(ids, blobs, strict=True) if i > self.last_id]
            if fresh:
                more = np.frombuffer(b"".join(b for _, b in fresh), dtype=np.float16)
                more = more.reshape(-1, DIM)
                self._rows = (
                    np.concatenate([held, np.asarray([i for i, _ in fresh], dtype=np.int64)]),
                    np.concatenate([coarse, _unit(more[:, :COARSE])]),
                    np.concatenate([full, more]),
                )

    def top(self, query: Matrix, limit: int) -> list[tuple[int, float]]:
        """(sentence id, cosine) of the `limit` nearest sentences, nearest first."""
        ids, coarse, full = self._rows
        if not len(ids) or limit <= 0:
            return []
        query = query.reshape(-1)
        rough = coarse @ _unit(query[None, :COARSE])[0]
        short = _best(rough, max(limit, SHORTLIST))
        exact = full[short].astype(np.float32) @ query
        order = short[np.argsort(-exact, kind="stable")][:limit]
        scores = dict(zip(short.tolist(), exact.tolist(), strict=True))
        return [(int(ids[i]), float(scores[int(i)])) for i in order]


_SHARED: dict[str, VectorIndex] = {}
_SHARING = threading.Lock()


def shared(store_id: str) -> VectorIndex:
    """The one index of a store in this process, by the store's own random id (a store made
    anew at the same path has a new id, so a new index)."""
    with _SHARING:
        return _SHARED.setdefault(store_id, VectorIndex())


def _best(scores: npt.NDArray[np.float32], n: int) -> npt.NDArray[np.intp]:
    """Indices of the `n` highest scores (in no particular order)."""
    if n >= len(scores):
        return np.arange(len(scores))
    return np.argpartition(scores, len(scores) - n)[len(scores) - n :]


def _unit(rows: npt.NDArray[Any]) -> Matrix:
    """Rows scaled to unit length (as float32)."""
    rows = rows.astype(np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit: Matrix = np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)
    return unit
