"""A graph of a large store's sentence vectors (usearch's HNSW), saved in a folder beside it.

An exact search reads every vector: at 100,000 articles (4.2 million sentences) that is over
100 ms a question, and loading them from the store 33 s in every new process. The graph visits
a few thousand vectors (a few ms) and a new process maps its file instead of reading the store.
usearch was chosen over faiss-cpu, hnswlib and sqlite-vec, measured on 101,614 distinct news
sentences (connectivity 16, 158 questions): at search depth 128 the HNSW of each finds 0.91 to
0.92 of the exact top 30 in 0.4 to 0.6 ms, but usearch keeps float16 vectors (a 64 MB file;
faiss's flat HNSW and hnswlib 113 MB), maps a saved file in 16 ms, and its wheel and kernels
weigh 13 MB (faiss 19 MB); hnswlib ships no wheel (a C++ build at install), sqlite-vec scans.

Exact copies of a vector are one node, keyed by the lowest sentence id holding it; `copies`
lists the other ids. HNSW links a node to its nearest ones, so thousands of copies of one
sentence (a wire story in many outlets, the copied articles of benchmarks/scale.py) would link
only to each other and cut the graph into islands: with 120 copies of each vector, recall@30
fell to 0.26. Copies are told by a fingerprint of the vector's bytes, then by the bytes.
"""

import os
import shutil
import threading
from pathlib import Path

import numpy as np
import numpy.typing as npt
from usearch.index import Index

from crisisdesk.vectors import DIM, Matrix

#: HNSW links per node (usearch's default), and how deep a search looks: 1,024 finds 97% of
#: the exact top 30 on 100,000 distinct news sentences in ~5 ms (256: 93%, 1.4 ms)
CONNECTIVITY, EXPANSION = 16, 1024
#: distinct vectors a search takes from the graph, re-ranked by their exact cosine
SHORTLIST = 100
GRAPH, NODES, COPIES = "graph.usearch", "nodes.npy", "copies.npy"
Rows = npt.NDArray[np.float16]
Ids = npt.NDArray[np.int64]
_MIX = np.random.default_rng(20240).integers(1, 2**63, DIM // 4, dtype=np.uint64) | np.uint64(1)


class Graph:
    """Nodes (distinct vectors) in an HNSW index, the fingerprints of their vectors and the
    copies of each. A graph opened from its folder is read-only (memory-mapped); `loaded`
    gives one that `add` can grow. Searches are serialised: usearch keeps one search context
    per worker, and two threads calling it at once would share one."""

    def __init__(self, index: Index, nodes: npt.NDArray[np.uint64], copies: Ids) -> None:
        self._index, self._nodes, self._copies = index, nodes, copies
        self._lock = threading.Lock()

    @classmethod
    def empty(cls) -> "Graph":
        return cls(_index(), np.zeros((0, 2), np.uint64), np.zeros((0, 2), np.int64))

    @classmethod
    def open(cls, folder: Path, *, view: bool = True) -> "Graph":
        """The graph saved in `folder`; mapped, not read, unless `view` is False."""
        index = _index()
        (index.view if view else index.load)(str(folder / GRAPH))
        nodes, copies = (
            np.load(folder / name, mmap_mode="r" if view else None) for name in (NODES, COPIES)
        )
        return cls(index, nodes, copies)

    def copy(self) -> "Graph":
        return Graph(self._index.copy(), self._nodes.copy(), self._copies.copy())

    def __len__(self) -> int:
        """Sentences held (nodes and their copies)."""
        return len(self._nodes) + len(self._copies)

    def add(self, ids: Ids, rows: Rows) -> None:
        """Add sentences (ids ascending, after those held): a copy of a node joins its
        copies, other vectors become nodes (the first of equal ones keys them)."""
        marks = _fingerprints(rows)
        node_of = self._known(rows, marks)
        fresh = node_of < 0
        first, same = _firsts(rows, marks, fresh)
        node_of[same] = ids[first[same]]
        new = fresh & ~same
        if new.any():
            self._index.add(ids[new], rows[new])
            self._nodes = _sorted(np.concatenate([self._nodes, _pairs(marks[new], ids[new])]))
        copied = node_of >= 0
        pairs = np.stack([node_of[copied], ids[copied]], axis=1)
        self._copies = np.concatenate([self._copies, pairs])

    def _known(self, rows: Rows, marks: npt.NDArray[np.uint64]) -> Ids:
        """For each row (of fingerprints `marks`), the node holding its vector, or -1."""
        found = np.full(len(rows), -1, dtype=np.int64)
        if not len(self._nodes):
            return found
        at = np.minimum(np.searchsorted(self._nodes[:, 0], marks), len(self._nodes) - 1)
        hit = np.flatnonzero(self._nodes[at, 0] == marks)
        if len(hit):
            keys = self._nodes[at[hit], 1].astype(np.int64)
            held = np.asarray(self._index.get(keys), dtype=np.float16).reshape(-1, DIM)
            equal = (held.view(np.uint16) == rows[hit].view(np.uint16)).all(axis=1)
            found[hit[equal]] = keys[equal]
        return found

    def save(self, folder: Path) -> None:
        """Write the graph to `folder` (made whole under another name, then renamed, so a
        reader finds a complete folder or none; if another process saved it first, theirs
        is kept)."""
        part = folder.with_name(f".{folder.name}.{os.getpid()}.{threading.get_ident()}")
        part.mkdir(parents=True)
        try:
            self._index.save(str(part / GRAPH))
            np.save(part / NODES, self._nodes)
            np.save(part / COPIES, self._copies[np.lexsort(self._copies.T[::-1])])
            part.replace(folder)
        except OSError:
            shutil.rmtree(part, ignore_errors=True)
            if not folder.is_dir():
                raise

    def top(self, query: Matrix, limit: int) -> list[tuple[int, float]]:
        """(sentence id, cosine) of the `limit` nearest sentences, nearest first (ties:
        lower id first): the SHORTLIST nearest nodes, ranked by exact cosine, then copies."""
        if not len(self._nodes) or limit <= 0:
            return []
        query = query.reshape(-1).astype(np.float32)
        with self._lock:
            found = self._index.search(query, max(limit, SHORTLIST), threads=1)
            keys = np.asarray(found.keys, dtype=np.int64)
            held = np.asarray(self._index.get(keys), dtype=np.float32).reshape(-1, DIM)
        scores = held @ query
        order = np.lexsort((keys, -scores))
        best: list[tuple[int, float]] = []
        for i in order:
            best += [(int(s), float(scores[i])) for s in self._holding(keys[i])]
            if len(best) >= limit:
                break
        return best[:limit]

    def _holding(self, node: int) -> list[int]:
        """The sentences holding a node's vector: the node, then its copies."""
        column = self._copies[:, 0]
        lo, hi = np.searchsorted(column, node), np.searchsorted(column, node, side="right")
        return [node, *self._copies[lo:hi, 1].tolist()]


def _index() -> Index:
    return Index(
        ndim=DIM, metric="ip", dtype="f16", connectivity=CONNECTIVITY, expansion_search=EXPANSION
    )


def _fingerprints(rows: Rows) -> npt.NDArray[np.uint64]:
    """A 64-bit mix of each row's bytes (equal rows, equal prints; unequal ones almost never:
    a shared print is checked against the bytes)."""
    words = np.ascontiguousarray(rows).view(np.uint64)
    marks: npt.NDArray[np.uint64] = (words * _MIX).sum(axis=1, dtype=np.uint64)
    return marks


def _firsts(
    rows: Rows, marks: npt.NDArray[np.uint64], among: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.bool_]]:
    """For each row, the first row `among` with its fingerprint, and whether it is a later
    copy of that row's bytes."""
    picked = np.flatnonzero(among)
    first = np.arange(len(rows))
    if len(picked):
        _, start, inverse = np.unique(marks[picked], return_index=True, return_inverse=True)
        first[picked] = picked[start[inverse]]
    bits = rows.view(np.uint16)
    same = among & (first != np.arange(len(rows))) & (bits[first] == bits).all(axis=1)
    return first, same


def _pairs(marks: npt.NDArray[np.uint64], ids: Ids) -> npt.NDArray[np.uint64]:
    return np.stack([marks, ids.astype(np.uint64)], axis=1)


def _sorted(nodes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    return nodes[np.argsort(nodes[:, 0], kind="stable")]
