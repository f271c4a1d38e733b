"""Briefs measured: MEANTIME brief checks, ROUGE beside lead-3, development clustering, scale.

    python benchmarks/brief.py [--data DIR] [--stores DIR] [--rebuild]
        [--checks] [--rouge] [--clusters] [--scale [--sizes 1000,10000] [--cache DIR]]

Each part runs when its flag is given; with none, all run. Stores are ingested into --stores
(default: a temporary folder) and reused there when present, so reruns after a change to the
brief take seconds. A store is ingested again when crisisdesk's code outside brief/ and serve/
has changed since it was built (a stamp beside it), or with --rebuild.

- checks: the three MEANTIME sub-corpora (airbus, gm, stock), made into JSONL by the scorer's
  own `meantime.py jsonl` (id, title, url, published; no outlet), ingested with `crisisdesk
  ingest`, briefed with `crisisdesk brief --format json`, scored by `brief_checks.py` against
  `meantime_brief_checks.json`: per corpus and summed.
- rouge: ROUGE-1/2/L F of the brief's lede and key points on the 50 BBC articles with reference
  summaries, each briefed alone (one store per article, outlet "BBC", undated), beside lead-3
  (the article's first three sentences). Needs `pip install -e '.[bench]'` (rouge-score).
- clusters: `crisisdesk developments --format json` over the 90 MEANTIME articles rebuilt with
  token offsets (`_meantime.article`), against MEANTIME's event coreference: gold groups event
  mentions by cross-document instance (else by in-document event; else alone), a mention's
  predicted cluster is the first listed development with a report holding its first character
  (none: alone). B-cubed and pairwise P/R/F1 over the mentions of instances reported in
  several articles, of every cross-document instance, and all event mentions; beside two
  references made without crisisdesk: one development per article, and a sentence oracle (one
  per gold event, of the sentences holding its mentions: the best sentence-level grouping).
- scale: time and peak RSS of `crisisdesk brief --format json` on the stores of
  benchmarks/scale.py (--cache, shared with it): 1,000 and 10,000 articles, and 100,000 when its
  store is there; a size named in --sizes is built when missing.
Ends with one JSON line of every figure.
"""

import argparse
import functools
import hashlib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path
from typing import Any

import crisisdesk
from _clusters import bcubed, pairwise
from _data import parser
from _meantime import Article, article
from ask_news import corpus_documents
from crisisdesk.desk import Desk
from crisisdesk.ingest.identity import doc_id
from crisisdesk.store import open_store
from scale import CLI, base_store, run, scaled_store

CORPORA = ("airbus", "gm", "stock")
CHECKS = ("facts_top", "facts_any", "contested", "developments", "cites_ok", "key_points")
SUMMED = ("facts_top", "facts_any", "contested", "developments", "key_points", "words_top")
DEFAULT_SIZES = (1000, 10000)
BIG = 100000
SOURCE = Path(crisisdesk.__file__).resolve().parent  # the code that runs (PYTHONPATH too)
Json = dict[str, Any]


# ---- shared: stores and the CLI ----


def found(path: Path) -> bool:
    """Whether `path` exists; if not, say that the part is skipped."""
    if not path.exists():
        print(f"evaluation data not found at {path}: pass --data DIR (part skipped)")
    return path.exists()


def cli(*args: str) -> str:
    """The standard output of one crisisdesk command; its last error line if it fails."""
    done = subprocess.run([str(CLI), *args], capture_output=True, text=True, check=False)
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise SystemExit(f"crisisdesk {' '.join(args)}: exit {done.returncode}: {last}")
    return done.stdout


def write_jsonl(path: Path, rows: Iterable[Json]) -> Path:
    """`rows` as JSON lines at `path`."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


@functools.cache
def ingest_stamp() -> str:
    """A hash of crisisdesk's source outside brief/ and serve/: what a stored store depends on."""
    digest = hashlib.sha256()
    for path in sorted(SOURCE.rglob("*")):
        part = path.relative_to(SOURCE).parts
        if path.is_file() and part[0] not in ("brief", "serve") and "__pycache__" not in part:
            digest.update(str(path.relative_to(SOURCE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def reusable(db: Path, rebuild: bool) -> bool:
    """Whether `db` can be reused: present, not --rebuild, and made by today's ingest code."""
    if rebuild or not db.exists():
        return False
    stamp = db.with_name(db.name + ".stamp")
    if stamp.exists() and stamp.read_text().strip() == ingest_stamp():
        return True
    print(f"{db.name}: ingest code changed since it was built: ingesting again", file=sys.stderr)
    return False


def ingested(jsonl: Path, db: Path, ingest: Callable[[Path, Path], object]) -> Path:
    """`db` holding `jsonl`, ingested by `ingest(jsonl, store)` into a partial file renamed
    once done (an interrupted run leaves no half store to reuse)."""
    partial = db.with_name(db.name + ".partial")
    for path in (partial, *sidecars(partial)):
        path.unlink(missing_ok=True)
    ingest(jsonl, partial)
    for path in sidecars(db):
        path.unlink(missing_ok=True)
    for path, target in zip(sidecars(partial), sidecars(db), strict=True):
        if path.exists():
            path.rename(target)
    partial.rename(db)
    db.with_name(db.name + ".stamp").write_text(ingest_stamp() + "\n")
    return db


def sidecars(db: Path) -> tuple[Path, Path]:
    """SQLite's WAL and shared-memory files of `db`."""
    return db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")


def cli_ingest(jsonl: Path, db: Path) -> None:
    print(f"ingesting {jsonl.name}", file=sys.stderr)
    cli("ingest", str(jsonl), "--db", str(db))


def brief(db: Path) -> Json:
    """`crisisdesk brief --format json` of a scratch copy of a store: a brief may record itself
    in its store ("what changed since the last brief"), and reruns must see the same store."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / db.name
        source = f"{db.resolve().as_uri()}?mode=ro"
        with (
            closing(sqlite3.connect(source, uri=True)) as src,
            closing(sqlite3.connect(copy)) as dst,
        ):
            src.backup(dst)
        out: Json = json.loads(cli("brief", "--format", "json", "--db", str(copy)))
    return out


# ---- 1. MEANTIME brief checks ----


def meantime_checks(data: Path, stores: Path, rebuild: bool) -> dict[str, Json] | None:
    """brief_checks.py's figures per MEANTIME sub-corpus, plus "all" (summed)."""
    folder = data / "news_corpus" / "meantime_en" / "intra-doc_annotation"
    tool, scorer = data.parent / "eval" / "meantime.py", data.parent / "eval" / "brief_checks.py"
    checks = data / "summarization" / "meantime_brief_checks.json"
    if not all(found(p) for p in (folder, tool, scorer, checks)):
        return None
    figures = {}
    for name in CORPORA:
        articles, db = stores / f"meantime-{name}.jsonl", stores / f"meantime-{name}.db"
        if not reusable(db, rebuild):
            made = subprocess.run(
                [sys.executable, str(tool), "jsonl", str(folder / f"corpus_{name}")],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            articles.write_text(made.stdout, encoding="utf-8")
            ingested(articles, db, cli_ingest)
        out = stores / f"meantime-{name}.brief.json"
        out.write_text(json.dumps(brief(db), ensure_ascii=False), encoding="utf-8")
        run_scorer = [sys.executable, str(scorer), str(out), str(articles), str(checks), name]
        done = subprocess.run(run_scorer, capture_output=True, text=True, check=True)
        figures[name] = json.loads(done.stdout)
    figures["all"] = summed(list(figures.values()))
    return figures


def summed(rows: list[Json]) -> Json:
    """The corpora's figures added up; cites_ok weighted by citations."""
    total = {k: sum(r[k] for r in rows) for k in (*SUMMED, "citations", "facts")}
    total.update(
        {f"{k}_of": sum(r[f"{k}_of"] for r in rows) for k in ("contested", "developments")}
    )
    good = sum(r["cites_ok"] * r["citations"] for r in rows)
    total["cites_ok"] = round(good / total["citations"], 3) if total["citations"] else 0.0
    return total


def print_checks(figures: dict[str, Json]) -> None:
    print("MEANTIME brief checks (brief_checks.py)")
    print(f"{'corpus':<8}" + "".join(f"{h:>14}" for h in (*CHECKS, "words_top")))
    for name, f in figures.items():
        cells = [
            f"{f['facts_top']}/{f['facts']}",
            f"{f['facts_any']}/{f['facts']}",
            f"{f['contested']}/{f['contested_of']}",
            f"{f['developments']}/{f['developments_of']}",
            f"{f['cites_ok']:.3f}",
            f"{f['key_points']}",
            f"{f['words_top']}",
        ]
        print(f"{name:<8}" + "".join(f"{c:>14}" for c in cells))


# ---- 2. ROUGE on BBC beside lead-3 ----


def bbc_articles(folder: Path) -> list[Json]:
    """Each article: id (topic-NNN), title (its first line), text (the rest), its sentences
    (one a line) and its reference summary."""
    out = []
    for path in sorted((folder / "article").glob("*/*.txt")):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        summary = folder / "summary" / path.parent.name / path.name
        out.append(
            {
                "id": f"{path.parent.name}-{path.stem}",
                "title": title.strip(),
                "text": text.lstrip("\n"),
                "sentences": [line.strip() for line in text.splitlines() if line.strip()],
                "summary": summary.read_text(encoding="utf-8").strip(),
            }
        )
    return out


def bbc_stores(items: list[Json], stores: Path, rebuild: bool) -> list[Path]:
    """One store per article, ingested in this process (the pipeline loads once)."""
    folder = stores / "bbc"
    folder.mkdir(parents=True, exist_ok=True)

    def ingest(jsonl: Path, db: Path) -> None:
        with Desk(db) as desk:
            desk.ingest([jsonl])

    dbs = []
    for item in items:
        db = folder / f"{item['id']}.db"
        if not reusable(db, rebuild):
            line = {k: item[k] for k in ("id", "title", "text")} | {"outlet": "BBC"}
            ingested(write_jsonl(folder / f"{item['id']}.jsonl", [line]), db, ingest)
        dbs.append(db)
    return dbs


def brief_text(made: Json) -> str:
    """The lede's text (a string or an item with "text") and the key points' texts."""
    lede = made.get("lede")
    parts = (
        [lede] if isinstance(lede, str) else [lede.get("text")] if isinstance(lede, dict) else []
    )
    parts += [p.get("text") for p in made.get("key_points") or [] if isinstance(p, dict)]
    return "\n".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


def rouge(data: Path, stores: Path, rebuild: bool) -> Json | None:
    """Mean ROUGE-1/2/L F and words of the briefs, of lead-3 and of the lead as long as each
    brief (its first sentences up to the brief's words), with the references' mean words."""
    folder = data / "summarization" / "bbc"
    try:
        from rouge_score.rouge_scorer import RougeScorer
    except ImportError:
        print("ROUGE needs rouge-score: .venv/bin/pip install -e '.[bench]' (part skipped)")
        return None
    if not found(folder):
        return None
    items = bbc_articles(folder)
    with ThreadPoolExecutor(os.cpu_count()) as pool:  # one brief process per core
        briefs = [brief_text(b) for b in pool.map(brief, bbc_stores(items, stores, rebuild))]
    systems = {
        "brief": briefs,
        "lead3": ["\n".join(item["sentences"][:3]) for item in items],
        "lead_same": [
            lead(i["sentences"], len(b.split())) for i, b in zip(items, briefs, strict=True)
        ],
    }
    scorer = RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    figures: Json = {"articles": len(items), "empty_briefs": sum(not b for b in briefs)}
    figures["reference_words"] = round(statistics.mean(len(i["summary"].split()) for i in items), 1)
    for name, texts in systems.items():
        scores = [scorer.score(i["summary"], t) for i, t in zip(items, texts, strict=True)]
        figures[name] = {
            key: round(statistics.mean(s[key].fmeasure for s in scores), 4)
            for key in ("rouge1", "rouge2", "rougeL")
        }
        figures[name]["words"] = round(statistics.mean(len(t.split()) for t in texts), 1)
    return figures


def lead(sentences: list[str], words: int) -> str:
    """The first sentences, up to the one that reaches `words` words (at least one)."""
    kept: list[str] = []
    while len(kept) < len(sentences) and (not kept or len(" ".join(kept).split()) < words):
        kept.append(sentences[len(kept)])
    return "\n".join(kept)


def print_rouge(figures: Json) -> None:
    print(
        f"ROUGE F on {figures['articles']} BBC articles ({figures['empty_briefs']} empty briefs;"
        f" references {figures['reference_words']} words on average)"
    )
    print(f"{'':<10}{'R-1':>8}{'R-2':>8}{'R-L':>8}{'words':>8}")
    for name in ("brief", "lead3", "lead_same"):
        f = figures[name]
        print(f"{name:<10}{f['rouge1']:>8.4f}{f['rouge2']:>8.4f}{f['rougeL']:>8.4f}{f['words']:>8}")


# ---- 3. development clustering against MEANTIME event coreference ----

Mention = tuple[str, str]  # (article id, m_id)


def gold_events(item: Article) -> dict[Mention, tuple[str, ...]]:
    """The gold cluster of each event mention of an article: ("x", instance) for a
    cross-document instance, ("d", article, m_id) for an event of this article alone,
    ("m", article, m_id) for a mention linked to no event."""
    events = {e.get("m_id"): e.get("instance_id") for e in item.root.iter("EVENT")}
    target = {}
    for link in item.root.iter("REFERS_TO"):
        to = next((t.get("m_id") for t in link.iter("target")), None)
        for source in link.iter("source"):
            target[source.get("m_id")] = to
    out: dict[Mention, tuple[str, ...]] = {}
    for _, _, mention in item.markables("EVENT_MENTION"):
        m_id = str(mention.get("m_id"))
        to = target.get(m_id)
        if to in events:
            instance = events[to]
            out[item.id, m_id] = ("x", instance) if instance else ("d", item.id, str(to))
        else:
            out[item.id, m_id] = ("m", item.id, m_id)
    return out


def mention_starts(item: Article) -> dict[Mention, int]:
    """Where each event mention starts in the rebuilt text."""
    return {(item.id, str(m.get("m_id"))): s for s, _, m in item.markables("EVENT_MENTION")}


def predicted(
    developments: list[Json], starts: dict[Mention, int], ids: dict[str, str]
) -> tuple[dict[Mention, str], int]:
    """Each mention's development (the first listed whose report holds its first character)
    and how many mentions more than one development holds."""
    by_doc: dict[str, list[tuple[Mention, int]]] = {}
    for mention, start in starts.items():
        by_doc.setdefault(mention[0], []).append((mention, start))
    out: dict[Mention, str] = {}
    held: dict[Mention, set[str]] = {}
    for dev in developments:
        for report in dev.get("reports") or []:
            for mention, start in by_doc.get(ids.get(report["doc"], ""), []):
                if report["start"] <= start < report["end"]:
                    out.setdefault(mention, str(dev["id"]))
                    held.setdefault(mention, set()).add(str(dev["id"]))
    return out, sum(len(devs) > 1 for devs in held.values())


def has_developments() -> bool:
    """Whether this crisisdesk has the `developments` command."""
    done = subprocess.run([str(CLI), "developments", "--help"], capture_output=True, check=False)
    if done.returncode:
        print("crisisdesk developments not available (part skipped)")
    return not done.returncode


def clusters(data: Path, stores: Path, rebuild: bool) -> Json | None:
    """B-cubed and pairwise P/R/F1 against MEANTIME's event coreference: of a sentence
    oracle (no crisisdesk) and, when the command exists, of crisisdesk's developments."""
    folder = data / "news_corpus" / "meantime_en" / "intra_cross-doc_annotation"
    if not found(folder):
        return None
    items = [article(p, sentences=None) for p in sorted(folder.glob("corpus_*/*.xml"))]
    gold = {k: v for item in items for k, v in gold_events(item).items()}
    starts = {k: v for item in items for k, v in mention_starts(item).items()}
    ids = {doc_id(item.text): item.id for item in items}
    figures = {
        "per_article": scored(gold, per_article(items), starts, ids),
        "oracle": scored(gold, oracle(items, gold, starts), starts, ids),
    }
    if has_developments():
        db = stores / "meantime-offsets.db"
        if not reusable(db, rebuild):
            rows = [d for c in sorted(folder.glob("corpus_*")) for d in corpus_documents(c)]
            ingested(write_jsonl(stores / "meantime-offsets.jsonl", rows), db, cli_ingest)
        listed = cli("developments", "--format", "json", "--limit", "1000000", "--db", str(db))
        developments = [json.loads(line) for line in listed.splitlines() if line.strip()]
        figures["crisisdesk"] = scored(gold, developments, starts, ids)
    return figures


def per_article(items: list[Article]) -> list[Json]:
    """One development per article, reporting all of it."""
    return [
        {"id": i.id, "reports": [{"doc": doc_id(i.text), "start": 0, "end": len(i.text)}]}
        for i in items
    ]


def oracle(
    items: list[Article], gold: dict[Mention, tuple[str, ...]], starts: dict[Mention, int]
) -> list[Json]:
    """One development per gold event (not a lone mention) reporting the sentences holding its
    mentions: what a perfect clusterer of sentences could reach."""
    by_id = {item.id: item for item in items}
    made: dict[tuple[str, ...], list[Json]] = {}
    for (doc, m_id), cluster in gold.items():
        if cluster[0] != "m":
            item = by_id[doc]
            start, end = item.sentences[item.sentence_at(starts[doc, m_id])]
            made.setdefault(cluster, []).append(
                {"doc": doc_id(item.text), "start": start, "end": end}
            )
    return [{"id": "/".join(k), "reports": v} for k, v in made.items()]


def subsets(gold: dict[Mention, tuple[str, ...]]) -> dict[str, dict[Mention, tuple[str, ...]]]:
    """The mentions scored: of instances reported in several articles, of every cross-document
    (corpus-level) instance, and all event mentions."""
    docs: dict[tuple[str, ...], set[str]] = {}
    for (doc, _), cluster in gold.items():
        docs.setdefault(cluster, set()).add(doc)
    instances = {k: v for k, v in gold.items() if v[0] == "x"}
    multi = {k: v for k, v in instances.items() if len(docs[v]) > 1}
    return {"multi_doc": multi, "instances": instances, "all": gold}


def scored(
    gold: dict[Mention, tuple[str, ...]],
    developments: list[Json],
    starts: dict[Mention, int],
    ids: dict[str, str],
) -> Json:
    """The figures of one list of developments over each subset of mentions."""
    pred, several = predicted(developments, starts, ids)
    out: Json = {"developments": len(developments), "mentions_in_several": several}
    for name, subset in subsets(gold).items():
        out[name] = {
            "mentions": len(subset),
            "clustered": sum(m in pred for m in subset),
            "bcubed": [round(x, 4) for x in bcubed(subset, pred)],
            "pairwise": [round(x, 4) for x in pairwise(subset, pred)],
        }
    return out


def print_clusters(figures: Json) -> None:
    print("Developments against MEANTIME event coreference (B-cubed and pairwise)")
    heads = ("B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1")
    for system, f in figures.items():
        print(
            f"{system}: {f['developments']} developments; {f['mentions_in_several']} mentions"
            " in several (first listed kept)"
        )
        print(f"  {'mentions':<10}{'n':>6}{'in dev':>8}" + "".join(f"{h:>8}" for h in heads))
        for name in ("multi_doc", "instances", "all"):
            row = f[name]
            cells = "".join(f"{x:>8.3f}" for x in (*row["bcubed"], *row["pairwise"]))
            print(f"  {name:<10}{row['mentions']:>6}{row['clustered']:>8}{cells}")


# ---- 4. time and peak memory on large stores ----


def scale(data: Path, sizes: str | None, cache: Path, timeout: float) -> list[Json] | None:
    """Seconds and peak RSS of `brief --format json` per store size (best of one run)."""
    folder = data / "attribution" / "polnear" / "dev" / "text"
    if not found(folder):
        return None
    cache.mkdir(parents=True, exist_ok=True)
    wanted = [int(s) for s in sizes.split(",")] if sizes else list(DEFAULT_SIZES)
    if not sizes and (cache / f"scale-{BIG}.db").exists():
        wanted.append(BIG)
    base = base_store(folder, cache)
    rows = []
    for size in sorted(wanted):
        db, built = scaled_store(base, size, cache)
        if built:
            print(f"built {db} in {built:.0f} s", file=sys.stderr)
        open_store(db).close()  # applies any pending migration outside the timing
        took = run(["brief", "--format", "json"], db, timeout)
        rows.append(
            {
                "articles": size,
                "brief_s": round(took[0], 2) if took else None,
                "peak_mb": round(took[1]) if took else None,
            }
        )
    return rows


def print_scale(rows: list[Json]) -> None:
    print("brief --format json on large stores")
    print(f"{'articles':>10}{'seconds':>10}{'peak MB':>10}")
    for r in rows:
        secs = "timed out" if r["brief_s"] is None else r["brief_s"]
        print(f"{r['articles']:>10,}{secs:>10}{r['peak_mb'] or '':>10}")


# ---- main ----


def options() -> argparse.Namespace:
    made = parser(__doc__)
    made.add_argument("--stores", type=Path, default=None, help="keep and reuse stores here")
    made.add_argument("--rebuild", action="store_true", help="ingest again into --stores")
    for part in ("checks", "rouge", "clusters", "scale"):
        made.add_argument(f"--{part}", action="store_true", help=f"run the {part} part")
    made.add_argument("--sizes", default=None, help="store sizes for --scale, e.g. 1000,10000")
    made.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "crisisdesk-scale"
    )
    made.add_argument("--timeout", type=float, default=600, help="seconds before brief stops")
    args = made.parse_args()
    if not any((args.checks, args.rouge, args.clusters, args.scale)):
        args.checks = args.rouge = args.clusters = args.scale = True
    return args


def main() -> None:
    args = options()
    results: Json = {}
    with tempfile.TemporaryDirectory() as tmp:
        stores = args.stores or Path(tmp)
        stores.mkdir(parents=True, exist_ok=True)
        parts = (
            ("checks", lambda: meantime_checks(args.data, stores, args.rebuild), print_checks),
            ("rouge", lambda: rouge(args.data, stores, args.rebuild), print_rouge),
            ("clusters", lambda: clusters(args.data, stores, args.rebuild), print_clusters),
            ("scale", lambda: scale(args.data, args.sizes, args.cache, args.timeout), print_scale),
        )
        for name, measure, show in parts:
            if getattr(args, name):
                figures = measure()
                if figures is not None:
                    show(figures)
                    results[name] = figures
                print(flush=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
