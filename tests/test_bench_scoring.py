"""The clustering scores of benchmarks/brief.py on hand-worked examples (no data needed)."""

import importlib.util
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location(
    "_clusters", Path(__file__).resolve().parents[1] / "benchmarks" / "_clusters.py"
)
assert SPEC
assert SPEC.loader
clusters = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(clusters)

# gold {a, b, c} {d, e}; predicted {a, b} {c, d, e}
GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
PRED = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_bcubed_of_a_split_and_a_merge() -> None:
    # precision per item 1, 1, 1/3, 2/3, 2/3; recall 2/3, 2/3, 1/3, 1, 1: both 11/15
    assert clusters.bcubed(GOLD, PRED) == pytest.approx((11 / 15, 11 / 15, 11 / 15))


def test_pairwise_of_a_split_and_a_merge() -> None:
    # gold pairs ab ac bc de, predicted ab cd ce de: ab and de right
    assert clusters.pairwise(GOLD, PRED) == pytest.approx((0.5, 0.5, 0.5))


def test_unclustered_items_are_singletons() -> None:
    precision, recall, _ = clusters.bcubed(GOLD, {})
    assert (precision, recall) == pytest.approx((1.0, 2 / 5))
    assert clusters.pairwise(GOLD, {}) == (0.0, 0.0, 0.0)


def test_one_cluster_for_all() -> None:
    one = dict.fromkeys(GOLD, 0)
    assert clusters.bcubed(GOLD, one)[:2] == pytest.approx((13 / 25, 1.0))
    assert clusters.pairwise(GOLD, one)[:2] == pytest.approx((0.4, 1.0))


def test_perfect_and_items_outside_gold_left_out() -> None:
    pred = {**{k: f"p{v}" for k, v in GOLD.items()}, "z": "p1"}
    assert clusters.bcubed(GOLD, pred) == pytest.approx((1.0, 1.0, 1.0))
    assert clusters.pairwise(GOLD, pred) == pytest.approx((1.0, 1.0, 1.0))
    assert clusters.bcubed({}, pred) == (0.0, 0.0, 0.0)
