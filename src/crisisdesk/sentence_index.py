"""One store's sentence vectors searched by meaning: exactly in memory while they are few, in
a graph saved beside the store (`vector_graph`) with an exact tail once they are many.

Below GRAPH_MIN vectors (about 2,400 articles) an exact search costs at most ~16 ms and
loading the vectors under a second, less than building a graph. From GRAPH_MIN on they go into
a graph saved in `<store>.vectors/`, in a folder named for what it holds: `<store id>-<vector
backfills>-<last sentence id>`. A new process maps the newest folder of its store and reads
only the vectors stored after it (the tail, searched exactly); once the tail holds TAIL_MAX
rows they join the graph, saved anew, and older folders are removed. A folder is not used when
it is of another store (made anew at the same path: another random id), when vectors were
backfilled below its last id since (the store's count of backfills differs), or when it is
ahead of the store (its last id is no stored vector: a store put back from an older copy); the
graph is then built again. An ingest stopped half-way leaves the store ahead of the graph,
which the tail catches up.
"""

import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from crisisdesk.vector_graph import Graph, Ids, Rows
from crisisdesk.vectors import Matrix, VectorIndex

GRAPH_MIN = 100_000
#: rows searched exactly after the graph: a 20,000-row scan costs ~3 ms
TAIL_MAX = 20_000
#: rows read from the store at a time
BATCH = 50_000


class VectorRows(Protocol):
    """What an index reads from its store."""

    def vector_rows(self, after: int, limit: int) -> tuple[Ids, Rows]:
        """Up to `limit` stored vectors of sentence ids after `after`, ids ascending."""

    def has_vector(self, sentence_id: int) -> bool: ...

    def vector_backfills(self) -> str:
        """How many times vectors were given to sentences stored without them."""


@dataclass(frozen=True, order=True)
class Stamp:
    """What a graph holds: the vectors of a store up to a sentence id, after some backfills."""

    store: str
    backfills: str
    last: int

    @property
    def name(self) -> str:
        return f"{self.store}-{self.backfills}-{self.last}"

    @classmethod
    def parse(cls, name: str) -> "Stamp | None":
        store, _, rest = name.partition("-")
        backfills, _, last = rest.partition("-")
        return cls(store, backfills, int(last)) if last.isdigit() else None


@dataclass(frozen=True)
class _Held:
    """What a search reads: the graph (holding the vectors up to `stamp.last`) and the tail."""

    stamp: Stamp
    graph: Graph | None
    tail: VectorIndex = field(default_factory=VectorIndex)

    @property
    def last(self) -> int:
        ids = self.tail.rows[0]
        return int(ids[-1]) if len(ids) else self.stamp.last


class SentenceIndex:
    """The searchable vectors of one store. `refresh` brings them up to the store (one thread
    at a time); `top` searches what the last refresh published, so a search sees the rows
    before or after a refresh, never half of one."""

    def __init__(self, store_id: str, folder: Path | None) -> None:
        self._store, self._folder = store_id, folder
        self._held: _Held | None = None
        self._lock = threading.Lock()

    def refresh(self, source: VectorRows) -> None:
        with self._lock:
            backfills = source.vector_backfills()
            held = self._held
            if held is None or held.stamp.backfills != backfills:
                held = self._opened(source, backfills)
            self._held = self._caught_up(held, source)

    @property
    def stamp(self) -> Stamp | None:
        """What the searched graph holds (None: no graph, every vector is searched exactly)."""
        held = self._held
        return held.stamp if held is not None and held.graph is not None else None

    def top(self, query: Matrix, limit: int) -> list[tuple[int, float]]:
        """(sentence id, cosine) of the `limit` nearest sentences, nearest first."""
        held = self._held
        if held is None:
            return []
        found = held.tail.top(query, limit)
        if held.graph is not None:
            found += held.graph.top(query, limit)
        return sorted(found, key=lambda hit: (-hit[1], hit[0]))[:limit]

    def _opened(self, source: VectorRows, backfills: str) -> _Held:
        """The newest saved graph of this store that the store still holds, else none."""
        saved = [s for s in self._stamps() if (s.store, s.backfills) == (self._store, backfills)]
        for stamp in sorted(saved, key=lambda s: -s.last):
            if source.has_vector(stamp.last):
                return _Held(stamp, Graph.open(self._place(stamp)))
        return _Held(Stamp(self._store, backfills, 0), None)

    def _caught_up(self, held: _Held, source: VectorRows) -> _Held:
        """`held` with the rows stored since, the tail folded into the graph when long."""
        grown: Graph | None = None  # a graph made in this call: not yet searched by anyone
        while len((batch := source.vector_rows(held.last, BATCH))[0]):
            held.tail.extend(*batch)
            if len(held.tail) >= (TAIL_MAX if held.graph else GRAPH_MIN):
                grown = grown or self._growable(held)
                held = _fold(held, grown)
        if grown is None:
            return held
        return self._saved(held)

    def _growable(self, held: _Held) -> Graph:
        """A graph that may grow: the saved one loaded whole (a mapped one is read-only)."""
        if held.graph is None:
            return Graph.empty()
        if self._folder is None:
            return held.graph.copy()  # never saved: the one searched stays as it is
        return Graph.open(self._place(held.stamp), view=False)

    def _saved(self, held: _Held) -> _Held:
        """Save a grown graph and map it again (its pages then shared with other processes);
        without a folder, or one we may not write, it stays in this process's memory."""
        if self._folder is None or held.graph is None:
            return held
        place = self._place(held.stamp)
        try:
            held.graph.save(place)
        except OSError:
            return held
        self._drop_others(held.stamp)
        return _Held(held.stamp, Graph.open(place), held.tail)

    def _stamps(self) -> list[Stamp]:
        if self._folder is None or not self._folder.is_dir():
            return []
        found = (Stamp.parse(p.name) for p in self._folder.iterdir() if p.is_dir())
        return [s for s in found if s is not None]

    def _drop_others(self, kept: Stamp) -> None:
        """Remove every other folder: of other stores, older, or ahead of the store (a
        process mapping one keeps its pages until it lets go; one saving a newer graph at
        the same time loses it, and its successor tops up from the one kept)."""
        for stamp in self._stamps():
            if stamp != kept:
                shutil.rmtree(self._place(stamp), ignore_errors=True)

    def _place(self, stamp: Stamp) -> Path:
        assert self._folder is not None
        return self._folder / stamp.name


def _fold(held: _Held, graph: Graph) -> _Held:
    """The tail moved into `graph`."""
    ids, rows = held.tail.rows
    graph.add(ids, rows.astype(np.float16))
    return _Held(Stamp(held.stamp.store, held.stamp.backfills, int(ids[-1])), graph)


_SHARED: dict[tuple[str, Path | None], SentenceIndex] = {}
_SHARING = threading.Lock()


def shared(store_id: str, folder: Path | None) -> SentenceIndex:
    """The one index of a store in this process, by the store's own random id (a store made
    anew at the same path has a new id, so a new index) and the folder keeping its graph
    (None: the store is in memory, so is its graph; a file copied whole keeps its id)."""
    with _SHARING:
        return _SHARED.setdefault((store_id, folder), SentenceIndex(store_id, folder))
