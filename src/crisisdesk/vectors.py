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
    """Sentence ids and their vectors in memory, searched exactly (one product with every
    vector): a store's only index while it is small, and the rows a saved graph does not hold
    yet (`crisisdesk.sentence_index`). Below 100,000 vectors a search costs at most ~16 ms
    and loading them under a second, less than building a graph would.

    Rows are appended as the store grows. One index may serve several threads: rows are
    swapped in whole, so a search sees the rows before or after an append, never half."""

    def __init__(self) -> None:
        self._rows = (np.zeros(0, dtype=np.int64), np.zeros((0, DIM), dtype=np.float32))
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._rows[0])

    @property
    def rows(self) -> tuple[npt.NDArray[np.int64], Matrix]:
        """The ids held (ascending) and their vectors."""
        return self._rows

    def extend(self, ids: npt.NDArray[np.int64], rows: npt.NDArray[np.float16]) -> None:
        """Append rows (ids ascending, all after the ids held)."""
        with self._lock:
            held, full = self._rows
            self._rows = (np.concatenate([held, ids]), np.concatenate([full, rows]))

    def top(self, query: Matrix, limit: int) -> list[tuple[int, float]]:
        """(sentence id, cosine) of the `limit` nearest sentences, nearest first (ties: lower
        id first)."""
        ids, full = self._rows
        if not len(ids) or limit <= 0:
            return []
        scores = full @ query.reshape(-1)
        best = _best(scores, limit)
        order = best[np.lexsort((ids[best], -scores[best]))]
        return [(int(ids[i]), float(scores[i])) for i in order]


def _best(scores: npt.NDArray[np.float32], n: int) -> npt.NDArray[np.intp]:
    """Indices of the `n` highest scores (in no particular order)."""
    if n >= len(scores):
        return np.arange(len(scores))
    return np.argpartition(scores, len(scores) - n)[len(scores) - n :]
