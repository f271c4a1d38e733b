"""The sentence vector index on the stores of `scale.py`: the previous in-memory two-pass index
(from a checkout given by --before, e.g. the main worktree) against this one, in one process.

    python benchmarks/vector_index.py [--cache DIR] [--sizes 1000,10000,100000] [--before DIR]

For each store: the first question's seconds (loading, or building, the index), then the ten
questions of `scale.py` asked through `Desk.ask` twice, alternating the two indexes question by
question, each first half the time (the machine's load and warm caches fall on both alike):
ask p50 / p95 of each and their ratio; the dense search alone (top 30); recall of the new
index's top 30 / 50 against an exact search, by score (copies of one sentence tie). Run it
twice: the second run opens the saved graph.
"""

import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from _data import ROOT
from crisisdesk import sentence_index, vectors
from crisisdesk.desk import Desk
from crisisdesk.store import SQLiteStore
from scale import QUESTIONS


def previous(checkout: Path) -> ModuleType:
    """The `vectors` module of another checkout, loaded under another name."""
    spec = importlib.util.spec_from_file_location("vectors_before", checkout / "vectors.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Before:
    """The previous index, loaded whole from the store as it used to be."""

    def __init__(self, module: ModuleType, store: SQLiteStore) -> None:
        self.index: Any = module.VectorIndex()
        ids, rows = store.vector_rows(0, 10**9)
        self.index.extend(ids.tolist(), [row.tobytes() for row in rows])

    def refresh(self, source: SQLiteStore) -> None:
        """Nothing is stored meanwhile."""

    def top(self, query: vectors.Matrix, limit: int) -> list[tuple[int, float]]:
        found: list[tuple[int, float]] = self.index.top(query, limit)
        return found


def asked(desk: Desk, index: Any, question: str) -> float:
    desk.store._vectors = index  # type: ignore[attr-defined]
    start = time.perf_counter()
    desk.ask(question)
    return time.perf_counter() - start


def recall(new: Any, store: SQLiteStore, limit: int) -> float:
    """Mean share of the exact top `limit` scores the new index returns."""
    rows = store.vector_rows(0, 10**9)[1]
    shares = []
    for question in QUESTIONS:
        query = vectors.embed([question])[0]
        scores = np.concatenate(
            [rows[i : i + 500_000].astype(np.float32) @ query for i in range(0, len(rows), 500_000)]
        )
        bar = np.sort(scores)[-limit] - 1e-4
        shares.append(sum(score >= bar for _, score in new.top(query, limit)) / limit)
    return float(np.mean(shares))


def pct(times: list[float]) -> tuple[float, float]:
    return statistics.median(times) * 1000, statistics.quantiles(times, n=20)[-1] * 1000


def measure(db: Path, module: ModuleType) -> None:
    start = time.perf_counter()
    with Desk(db) as desk:
        desk.ask(QUESTIONS[0])
        first = time.perf_counter() - start
        store = desk.store
        assert isinstance(store, SQLiteStore)
        new = store._vector_index()
        load = time.perf_counter()
        old = Before(module, store)
        load = time.perf_counter() - load
        times: dict[str, list[float]] = {"new": [], "old": []}
        dense: dict[str, list[float]] = {"new": [], "old": []}
        for turn, question in enumerate(QUESTIONS * 2):
            query = vectors.embed([question])[0]
            pair = (("new", new), ("old", old))
            for name, index in pair[:: 1 if turn % 2 else -1]:  # each goes first half the time
                times[name].append(asked(desk, index, question))
                begun = time.perf_counter()
                index.top(query, 30)
                dense[name].append(time.perf_counter() - begun)
        desk.store._vectors = new  # type: ignore[attr-defined]
        (n50, n95), (o50, o95) = pct(times["new"]), pct(times["old"])
        (d50, d95), (e50, e95) = pct(dense["new"]), pct(dense["old"])
        print(
            f"{db.name}: first question {first:.1f} s (previous index loads in {load:.1f} s); "
            f"ask p50/p95 new {n50:.0f}/{n95:.0f} ms, previous {o50:.0f}/{o95:.0f} ms "
            f"(ratio {n50 / o50:.2f}/{n95 / o95:.2f}); dense top 30 new {d50:.1f}/{d95:.1f} ms, "
            f"previous {e50:.1f}/{e95:.1f} ms; recall@30/50 new "
            f"{recall(new, store, 30):.3f}/{recall(new, store, 50):.3f}, "
            f"graph {new.stamp}",
            flush=True,
        )


def main() -> None:
    from _data import parser

    options = parser(__doc__)
    options.add_argument("--sizes", default="1000,10000,100000", help="articles per store")
    options.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "crisisdesk-scale"
    )
    options.add_argument("--before", type=Path, default=ROOT.parent / "main" / "src" / "crisisdesk")
    args = options.parse_args()
    module = previous(args.before)
    for size in sorted(int(s) for s in args.sizes.split(",")):
        db = args.cache / f"scale-{size}.db"
        if not db.exists():
            sys.exit(f"no store at {db}: build it with benchmarks/scale.py --cache")
        measure(db, module)
    print(
        f"graph thresholds: {sentence_index.GRAPH_MIN:,} vectors, tail {sentence_index.TAIL_MAX:,}"
    )


if __name__ == "__main__":
    main()
