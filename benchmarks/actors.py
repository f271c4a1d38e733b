"""Benchmark crisisdesk_actors (and the store's actor links) on MEANTIME entity coreference.

usage: python benchmarks/actors.py [--data DIR] [--meantime SUBDIR] [--no-store]
MEANTIME (Wikinews on Airbus, GM and stock markets) marks entity mentions and ties each to an
entity instance whose id holds across documents. Each article's whole text is rebuilt from its
tokens (`_meantime.article`: spaces between tokens, none before closing punctuation, a newline
between sentences), run through the full pipeline, and our actor mentions (entities with an
actor) are aligned one to one to gold mentions of persons, organisations and locations: a pair
aligns when our span holds the gold mention's syntactic head (spaCy's root of the gold span) or
the two spans overlap by character Jaccard >= 0.5; head matches first, then by Jaccard. Only the
title and first four sentences are scored (all MEANTIME annotated completely; later sentences
hold only a few cross-document mentions). Figures:
- detection P/R/F1: precision over our mentions, recall over the gold *named* mentions of people,
  organisations and states (NAM/PRE.NAM, or untyped with a proper-noun head); gold locations
  that are not states (cities, airports) are not actors here and are reported apart;
- coreference of aligned mentions, within documents and across the corpus: B-cubed, MUC and
  pairwise P/R/F1, gold = instance id, ours = the canonical actor name;
- the store path: the same documents ingested by `crisisdesk.desk.Desk` (actor_links applies)
  and the stored entities scored the same way across the corpus.
Ends with one JSON line of figures.
"""

import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from countryinfo import CountryInfo
from spacy.tokens import Doc

import _meantime
from _data import checked, parser
from crisisdesk.analyze import load_nlp
from crisisdesk.analyze.convert import to_analysis
from crisisdesk.desk import Desk
from crisisdesk.ingest.identity import doc_id
from crisisdesk.records import Entity
from crisisdesk.settings import Settings

GOLD_TYPES = frozenset({"PER", "ORG", "LOC"})
NAMED = frozenset({"NAM", "PRE.NAM"})


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    kind: str  # PER, ORG, STATE or LOC (a place that is not a state)
    syntax: str
    cluster: str


@dataclass(slots=True)
class Article:
    name: str
    text: str
    window: int  # end of the fully annotated part
    gold: list[Gold]


def states() -> frozenset[str]:
    """DBpedia names of the world's states (countryinfo), to tell states from other places."""
    names = set()
    for info in CountryInfo.all().values():
        names.add(info["name"])
        names.update(info.get("altSpellings", []))
    return frozenset(n.replace(" ", "_") for n in names)


def read_article(path: Path, state_names: frozenset[str]) -> Article:
    """The whole article (`_meantime.article`), its annotated window and gold mentions there."""
    read = _meantime.article(path, sentences=None)
    markables = {m.get("m_id"): m for m in read.root.find("Markables") or ()}
    gold = []
    for relation in read.root.iter("REFERS_TO"):
        target = markables.get(relation.find("target").get("m_id"))  # type: ignore[union-attr]
        if target is None or target.tag != "ENTITY" or target.get("ent_type") not in GOLD_TYPES:
            continue
        cluster = target.get("instance_id") or f"{path.stem}#{target.get('m_id')}"
        kind = entity_kind(target, state_names)
        for source in relation.iter("source"):
            mention = markables.get(source.get("m_id"))
            if mention is None or mention.tag != "ENTITY_MENTION":
                continue
            ids = [a.get("t_id") for a in mention.iter("token_anchor")]
            if ids and read.sentence(ids[0]) < _meantime.MEANTIME_SENTENCES:
                syntax = mention.get("syntactic_type") or ""
                start, end = read.offsets[ids[0]][0], read.offsets[ids[-1]][1]
                gold.append(Gold(start, end, kind, syntax, cluster))
    return Article(path.stem, read.text, read.end(), gold)


def entity_kind(entity: ElementTree.Element, state_names: frozenset[str]) -> str:
    kind = entity.get("ent_type", "")
    if kind != "LOC":
        return kind
    ref = (entity.get("external_ref") or "").rsplit("/", 1)[-1]
    return "STATE" if ref in state_names else "LOC"


@dataclass(frozen=True, slots=True)
class Ours:
    start: int
    end: int
    actor: str


def aligned(ours: Sequence[Ours], gold: Sequence[Gold], doc: Doc) -> list[tuple[Ours, Gold]]:
    """One-to-one pairs: head matches first, then character overlap (Jaccard >= 0.5)."""
    candidates = []
    for g in gold:
        span = doc.char_span(g.start, g.end, alignment_mode="expand")
        head = span.root.idx if span is not None and len(span) else g.start
        for o in ours:
            overlap = min(o.end, g.end) - max(o.start, g.start)
            if overlap <= 0:
                continue
            jaccard = overlap / (max(o.end, g.end) - min(o.start, g.start))
            holds_head = o.start <= head < o.end
            if holds_head or jaccard >= 0.5:
                candidates.append((holds_head, jaccard, o, g))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    taken_o, taken_g, pairs = set(), set(), []
    for _, _, o, g in candidates:
        if o not in taken_o and g not in taken_g:
            taken_o.add(o)
            taken_g.add(g)
            pairs.append((o, g))
    return pairs


def is_named(g: Gold, doc: Doc) -> bool:
    if g.syntax in NAMED:
        return True
    if g.syntax:
        return False
    span = doc.char_span(g.start, g.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ == "PROPN"


def actor_mentions(entities: Iterable[Entity], window: int) -> list[Ours]:
    return [Ours(e.start, e.end, e.actor) for e in entities if e.actor and e.end <= window]


def prf(tp_p: float, n_p: float, tp_r: float, n_r: float) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def b_cubed(items: Sequence[tuple[str, str]]) -> dict[str, float]:
    """B-cubed over (gold cluster, our cluster) pairs, one per aligned mention."""
    both = Counter(items)
    gold = Counter(g for g, _ in items)
    ours = Counter(o for _, o in items)
    p = sum(both[(g, o)] / ours[o] for g, o in items)
    r = sum(both[(g, o)] / gold[g] for g, o in items)
    return prf(p, len(items), r, len(items))


def muc(items: Sequence[tuple[str, str]]) -> dict[str, float]:
    """MUC: links kept of each partition when the other partitions it."""

    def links(key: int, by: int) -> tuple[int, int]:
        groups: dict[str, set[str]] = defaultdict(set)
        for item in items:
            groups[item[key]].add(item[by])
        sizes = Counter(item[key] for item in items)
        kept = sum(sizes[k] - len(parts) for k, parts in groups.items())
        return kept, sum(n - 1 for n in sizes.values())

    r_kept, r_all = links(0, 1)
    p_kept, p_all = links(1, 0)
    return prf(p_kept, p_all, r_kept, r_all)


def pairwise(items: Sequence[tuple[str, str]]) -> dict[str, float]:
    both = Counter(items)
    gold = Counter(g for g, _ in items)
    ours = Counter(o for _, o in items)

    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    return prf(pairs(both), pairs(ours), pairs(both), pairs(gold))


def coref(items: Sequence[tuple[str, str]]) -> dict[str, dict[str, float]]:
    return {"b3": b_cubed(items), "muc": muc(items), "pairwise": pairwise(items)}


@dataclass(slots=True)
class Tally:
    ours: int = 0
    ours_ok: int = 0
    named: int = 0
    named_found: int = 0


def score_article(
    article: Article, doc: Doc, entities: Iterable[Entity], tally: Tally, missed: Counter[str]
) -> list[tuple[str, str, str]]:
    """Counts detection into `tally`; returns (document, gold cluster, our actor) per pair."""
    ours = actor_mentions(entities, article.window)
    pairs = aligned(ours, article.gold, doc)
    found = {g for _, g in pairs}
    tally.ours += len(ours)
    tally.ours_ok += len(pairs)
    for g in article.gold:
        if g.kind != "LOC" and is_named(g, doc):
            tally.named += 1
            tally.named_found += g in found
            if g not in found:
                missed[f"{g.kind}:{article.text[g.start : g.end]}"] += 1
    return [(article.name, g.cluster, o.actor) for o, g in pairs]


def analysed(articles: Sequence[Article]) -> list[tuple[Doc, list[Entity]]]:
    """The pipeline's Doc (for gold heads) and entities, as `analyze` converts them."""
    nlp = load_nlp(Settings())
    out = []
    for doc in nlp.pipe(nlp.make_doc(a.text) for a in articles):
        out.append((doc, list(to_analysis(doc).entities)))
    return out


def stored_entities(articles: Sequence[Article]) -> list[list[Entity]]:
    """Entities as the store keeps them after ingest (actor_links applied), by article. Near
    duplicates still get their own document; an article missing from the store has none."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for article in articles:
            (folder / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
        with Desk(folder / "bench.db") as desk:
            desk.ingest(sorted(folder.glob("*.txt")))
            stored = [desk.store.analysis(doc_id(a.text)) for a in articles]
    return [list(analysis.entities) if analysis else [] for analysis in stored]


def cross(items: Sequence[tuple[str, str, str]]) -> dict[str, dict[str, float]]:
    return coref([(g, o) for _, g, o in items])


def within(items: Sequence[tuple[str, str, str]]) -> dict[str, dict[str, float]]:
    return coref([(f"{d}|{g}", f"{d}|{o}") for d, g, o in items])


def table(rows: list[tuple[str, dict[str, float]]]) -> None:
    print(f"{'measure':<34}{'P':>8}{'R':>8}{'F1':>8}")
    for name, s in rows:
        print(f"{name:<34}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}")


def score(
    articles: Sequence[Article], docs: Sequence[Doc], entities: Sequence[list[Entity]]
) -> tuple[Tally, Counter[str], list[tuple[str, str, str]]]:
    tally, missed = Tally(), Counter[str]()
    items: list[tuple[str, str, str]] = []
    for article, doc, found in zip(articles, docs, entities, strict=True):
        items += score_article(article, doc, found, tally, missed)
    return tally, missed, items


def main() -> None:
    args = parser(__doc__)
    args.add_argument("--meantime", default="news_corpus/meantime_en/intra_cross-doc_annotation")
    args.add_argument("--no-store", action="store_true", help="skip the store path")
    args.add_argument("--missed", type=int, default=0, help="print the N most missed mentions")
    opts = args.parse_args()
    folder = checked(opts.data / opts.meantime)
    state_names = states()
    articles = [read_article(p, state_names) for p in sorted(folder.glob("*/*.xml"))]
    docs, entities = zip(*analysed(articles), strict=True) if articles else ((), ())
    tally, missed, items = score(articles, docs, entities)
    detection = prf(tally.ours_ok, tally.ours, tally.named_found, tally.named)
    figures: dict[str, Any] = {"documents": len(articles), "detection": detection}
    figures["within"], figures["cross"] = within(items), cross(items)
    rows = [("detection (named PER/ORG/state)", detection)]
    rows += [(f"within-doc {k}", v) for k, v in figures["within"].items()]
    rows += [(f"cross-doc {k}", v) for k, v in figures["cross"].items()]
    if not opts.no_store:
        stored = stored_entities(articles)
        figures["stored_documents"] = sum(1 for found in stored if found)
        figures["store"] = cross(score(articles, docs, stored)[2])
        rows += [(f"store cross-doc {k}", v) for k, v in figures["store"].items()]
    print(
        f"MEANTIME {len(articles)} articles: {tally.named} gold named mentions, "
        f"{tally.ours} actor mentions, {len(items)} aligned"
    )
    table(rows)
    for text, count in missed.most_common(opts.missed):
        print(f"missed {count:>3}  {text}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
