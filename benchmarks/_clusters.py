"""Scores of a clustering against gold clusters: B-cubed and pairwise precision, recall and F1.

A clustering maps each item to its cluster label. Gold decides which items count: an item that
the predicted clustering does not name is a singleton of its own there, and predicted items
that gold does not hold are left out. Pure functions, no data needed (tests/test_bench_scoring.py).
"""

from collections import Counter
from collections.abc import Hashable, Mapping

Clustering = Mapping[Hashable, Hashable]
Scores = tuple[float, float, float]


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def labelled(gold: Clustering, pred: Clustering) -> list[tuple[Hashable, Hashable]]:
    """(gold label, predicted label) of every gold item; an unclustered item is its own cluster."""
    return [(g, pred.get(item, ("singleton", item))) for item, g in gold.items()]


def bcubed(gold: Clustering, pred: Clustering) -> Scores:
    """B-cubed P, R, F1: per item, the share of its predicted (gold) cluster that shares its
    gold (predicted) cluster, averaged over the items."""
    pairs = labelled(gold, pred)
    if not pairs:
        return 0.0, 0.0, 0.0
    both = Counter(pairs)
    golds = Counter(g for g, _ in pairs)
    preds = Counter(p for _, p in pairs)
    precision = sum(both[g, p] / preds[p] for g, p in pairs) / len(pairs)
    recall = sum(both[g, p] / golds[g] for g, p in pairs) / len(pairs)
    return precision, recall, f1(precision, recall)


def pairwise(gold: Clustering, pred: Clustering) -> Scores:
    """Pairwise P, R, F1 over the pairs of items put in one cluster (0 where no pair is)."""
    pairs = labelled(gold, pred)
    right = sum(n * (n - 1) // 2 for n in Counter(pairs).values())
    predicted = sum(n * (n - 1) // 2 for n in Counter(p for _, p in pairs).values())
    wanted = sum(n * (n - 1) // 2 for n in Counter(g for g, _ in pairs).values())
    precision = right / predicted if predicted else 0.0
    recall = right / wanted if wanted else 0.0
    return precision, recall, f1(precision, recall)
