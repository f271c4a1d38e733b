"""Benchmark crisisdesk_doubt: seed checks, MEANTIME agreement, PolNeAR counts, speed.

There is no gold doubt set (and no scorer in ../shared/eval for it), so this measures proxies:
- MEANTIME (Wikinews) marks each event with certainty (CERTAIN, PROBABLE, POSSIBLE) and polarity
  (POS, NEG); whole articles rebuilt from their tokens by `_meantime.article`. Sentence level, over
  the sentences that have annotated events: does a sentence hold a doubt record, against "it holds a
  POSSIBLE/PROBABLE event" (hedges), "a NEG event" (denials, unconfirmed) and either. This is only
  agreement with a related notion: MEANTIME's NEG is mostly plain negation ("did not buy"), which
  doubt does not flag by design, and its certainty is about events, while allegations and disputes
  are about claims. Read recall against NEG as coverage of a broader notion, and precision as "how
  often a flagged sentence is also non-certain/negated". Reported per kind: hedges against POSSIBLE
  and PROBABLE separately, modal hedges (may, might, could) apart from lexical ones, and
  denials/disputes against NEG events in reported content (targets of an SLINK, e.g. "said [...]").
  MEANTIME is small (90 Wikinews articles on business) and has few doubts, so these are coarse
  signals, not accuracy.
- PolNeAR dev: doubt records per kind, and the share that has a target (overall and per kind),
  no gold: a coverage figure, not accuracy.
- Seed checks on ../seed/briefing-example.txt (the three doubts the project started from).
- Speed: `nlp.pipe` over PolNeAR dev texts with and without the component, and spaCy alone.
Usage: benchmarks/doubt.py [--data DIR] [--speed-docs N]
"""

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import spacy

from _data import checked, parser
from _meantime import Article, articles
from crisisdesk.analyze import load_nlp
from crisisdesk.settings import Settings

NON_CERTAIN = {"POSSIBLE", "PROBABLE"}
DOUBT = "crisisdesk_doubt"


def meantime_docs(folder: Path) -> list[tuple[Article, dict[int, set[str]]]]:
    """Each whole article (`_meantime.article`) and its gold labels by sentence number, for the
    sentences that hold annotated events."""
    docs = []
    for read in articles(folder / "intra-doc_annotation", sentences=None):
        labels: dict[int, set[str]] = {}
        reported = reported_events(read.root)
        for event in read.root.iter("EVENT_MENTION"):
            tags = event_tags(event, reported)
            for anchor in event.iter("token_anchor"):
                labels.setdefault(read.sentence(anchor.get("t_id")), set()).update(tags)
        docs.append((read, labels))
    return docs


def reported_events(root: Element) -> set[str]:
    """Event mentions that are the target of an SLINK (reported or subordinated content:
    "X said [...]", "announced [...]")."""
    return {target.get("m_id", "") for link in root.iter("SLINK") for target in link.iter("target")}


def event_tags(event: Element, reported: set[str]) -> set[str]:
    """Gold labels of one event mention, for the sentence that holds it."""
    tags = {"event"}
    certainty = event.get("certainty")
    if certainty in NON_CERTAIN:
        tags.update({"noncertain", certainty.lower()})
        if event.get("time") != "FUTURE":
            tags.add("noncertain_now")
    if event.get("polarity") == "NEG":
        tags.add("neg")
        if event.get("m_id") in reported:
            tags.add("neg_reported")
    return tags


def prf(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    p = tp / max(1, sum(pred))
    r = tp / max(1, sum(gold))
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(p, 3),
        "r": round(r, 3),
        "f1": round(f, 3),
        "pred": sum(pred),
        "gold": sum(gold),
    }


def meantime_scores(nlp: Any, folder: Path) -> dict[str, dict[str, float]]:
    """Sentence-level agreement of doubt kinds with MEANTIME certainty/polarity."""
    docs = meantime_docs(folder)
    rows: list[tuple[set[str], set[str]]] = []  # (gold labels, predicted kinds) per sentence
    for (read, labels), doc in zip(docs, nlp.pipe(d[0].text for d in docs), strict=True):
        kinds: dict[int, set[str]] = {}
        for item in doc._.doubts:
            kinds.setdefault(read.sentence_at(item["start"]), set()).update(kind_tags(item))
        rows.extend((labels[n], kinds.get(n, set())) for n in sorted(labels))
    checks = {
        "any doubt ~ noncertain or NEG": (
            {"hedge", "allegation", "denial", "dispute", "unconfirmed"},
            {"noncertain", "neg"},
        ),
        "hedge ~ noncertain": ({"hedge"}, {"noncertain"}),
        "hedge ~ noncertain, non-future events": ({"hedge"}, {"noncertain_now"}),
        "denial/unconfirmed ~ NEG": ({"denial", "unconfirmed"}, {"neg"}),
        "hedge ~ POSSIBLE": ({"hedge"}, {"possible"}),
        "hedge ~ PROBABLE": ({"hedge"}, {"probable"}),
        "modal hedge (may/might/could) ~ noncertain": ({"hedge:modal"}, {"noncertain"}),
        "other hedge ~ noncertain": ({"hedge:lexical"}, {"noncertain"}),
        "denial/unconfirmed/dispute ~ NEG reported (SLINK)": (
            {"denial", "unconfirmed", "dispute"},
            {"neg_reported"},
        ),
    }
    out = {}
    for name, (kinds_, golds) in checks.items():
        pred = [bool(k & kinds_) for _, k in rows]
        gold = [bool(g & golds) for g, _ in rows]
        out[name] = prf(pred, gold)
    out["sentences"] = {"n": len(rows), "docs": len(docs)}
    return out


def kind_tags(item: dict[str, Any]) -> set[str]:
    """The record's kind, and for hedges whether it is a modal or a lexical hedge."""
    if item["kind"] != "hedge":
        return {item["kind"]}
    modal = item["text"].lower() in {"may", "might", "could"}
    return {"hedge", "hedge:modal" if modal else "hedge:lexical"}


def polnear_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((folder / "dev" / "text").glob("*.txt"))]


def kind_counts(nlp: Any, texts: list[str]) -> tuple[dict[str, int], dict[str, float]]:
    """Doubt records per kind, and the share of them with a target, per kind and overall (a
    doubt without a target cannot be attached to a claim in the brief's claims ledger)."""
    counts: Counter[str] = Counter()
    targeted: Counter[str] = Counter()
    for doc in nlp.pipe(texts):
        counts.update(item["kind"] for item in doc._.doubts)
        targeted.update(item["kind"] for item in doc._.doubts if item["target"])
    share = {kind: round(targeted[kind] / n, 3) for kind, n in sorted(counts.items())}
    share["all"] = round(sum(targeted.values()) / max(1, sum(counts.values())), 3)
    counts["words"] = sum(len(t.split()) for t in texts)
    return dict(counts), share


def words_per_s(nlp: Any, texts: list[str], disable: list[str]) -> float:
    words = sum(len(t.split()) for t in texts)
    with nlp.select_pipes(disable=disable):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
    return words / (time.perf_counter() - start)


def speed(nlp: Any, texts: list[str]) -> dict[str, float]:
    """words/s of spaCy alone, the pipeline without doubt, and the full pipeline."""
    ours = [n for n in nlp.pipe_names if n.startswith("crisisdesk_")]
    words_per_s(nlp, texts[:5], [])  # warm-up
    base = words_per_s(nlp, texts, ours)
    without = words_per_s(nlp, texts, [DOUBT])
    full = words_per_s(nlp, texts, [])
    alone = component_seconds(nlp, texts)
    words = sum(len(t.split()) for t in texts)
    return {
        "spacy_wps": round(base),
        "without_doubt_wps": round(without),
        "full_wps": round(full),
        "full_vs_spacy": round(full / base, 3),
        "doubt_alone_wps": round(words / alone),
        "doubt_share_of_full_pct": round(100 * alone / (words / full), 2),
    }


def component_seconds(nlp: Any, texts: list[str]) -> float:
    """Time of the doubt component alone on parsed docs (less noisy than a difference of runs)."""
    with nlp.select_pipes(disable=[DOUBT]):
        docs = list(nlp.pipe(texts, batch_size=16))
    component = nlp.get_pipe(DOUBT)
    start = time.perf_counter()
    for doc in docs:
        component(doc)
    return time.perf_counter() - start


def seed_checks(nlp: Any, seed: Path) -> dict[str, bool]:
    """The three doubts of the project's seed briefing."""
    text = seed.read_text(encoding="utf-8")
    doubts = nlp(text)._.doubts

    def has(kind: str, inside: str, by: str | None = None, target: str | None = None) -> bool:
        for d in doubts:
            tgt = d["target"]["text"] if d["target"] else ""
            same = d["kind"] == kind and inside in d["text"] and (by is None or d["by"] == by)
            if same and (target is None or target in tgt):
                return True
        return False

    return {
        "experts dispute 8 million reservists": has(
            "dispute", "experts have questioned", "experts", "8 million reservists"
        ),
        "US lawmakers dispute these strikes": has(
            "dispute", "questioned by US lawmakers", "US lawmakers", "strikes"
        ),
        "alleging ... narcotics is an allegation": has("allegation", "alleging they were"),
    }


def table(title: str, rows: dict[str, Any]) -> None:
    print(f"\n{title}")
    for name, value in rows.items():
        print(f"  {name:50} {value}")


def main() -> None:
    options = parser(__doc__)
    options.add_argument("--speed-docs", type=int, default=50)
    args = options.parse_args()
    checked(args.data)
    nlp = load_nlp(Settings())
    figures: dict[str, Any] = {"model": nlp.meta.get("name"), "spacy": spacy.__version__}
    seed = args.data.parent / "seed" / "briefing-example.txt"
    if seed.is_file():
        figures["seed"] = seed_checks(nlp, seed)
        table("seed checks", figures["seed"])
    meantime = args.data / "news_corpus" / "meantime_en"
    if meantime.is_dir():
        figures["meantime"] = meantime_scores(nlp, meantime)
        table("MEANTIME sentence agreement (proxy, see docstring)", figures["meantime"])
    polnear = args.data / "attribution" / "polnear"
    if polnear.is_dir():
        texts = polnear_texts(polnear)
        counts, share = kind_counts(nlp, texts)
        figures["polnear_dev_counts"], figures["polnear_dev_target_share"] = counts, share
        table("PolNeAR dev: doubt records per kind (no gold)", counts)
        table("PolNeAR dev: share of doubt records with a target (coverage, no gold)", share)
    if polnear.is_dir() and args.speed_docs > 0:  # --speed-docs 0: accuracy figures only
        figures["speed"] = speed(nlp, texts[: args.speed_docs])
        table(f"speed on {args.speed_docs} PolNeAR dev texts", figures["speed"])
    sys.stdout.write(json.dumps(figures) + "\n")


if __name__ == "__main__":
    main()
