"""Benchmark crisisdesk_events: PLOVER types and actors, one event for many reports, and speed.

usage: python benchmarks/events.py [--data DIR] [--skip plover,plv,seed,meantime,speed]

- PLOVER gold-standard records, development half (161 sentences; event_coding/plover): the
  independent scorer ../shared/eval/plover.py writes the input, the analysis writes `extract`
  JSON lines, the scorer gives type accuracy and source/target code accuracy.
- PLV training split (1,044 political-relation sentences; event_coding/plv_train), end to end
  (no gold actors given), scored by ../shared/eval/plv.py, beside always answering the most
  frequent type. The rules were checked against this split and the PLOVER half while writing
  them (hand-written; nothing is trained on it or copied from it): the held-out halves will tell.
- The seed briefing (../shared/seed/briefing-example.txt): its five events (Venezuela mobilizes,
  the US mobilizes, the US threatens Venezuela, the US strikes boats, Venezuela denounces the US)
  checked by type and source code (target code where one is named).
- Deduplication: the MEANTIME articles (news_corpus/meantime_en, intra_cross-doc_annotation:
  event mentions tied to cross-document instances) stored one by one; each stored report whose
  trigger overlaps a gold event mention with an instance is aligned, and the stored events are
  scored against the instances with B-cubed P/R/F1 over the aligned reports, beside every
  report alone and one event per type. MEANTIME is business news (few PLOVER events): this says
  how well reports are joined, on the reports found, not how many are found.
- Speed: the component's share of analysis time on the PolNeAR dev texts (the pipeline without
  it, then the component alone on those documents).
Ends with one JSON line of figures.
"""

import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import _meantime
from _data import checked, eval_dir, parser
from crisisdesk.analyze import analyze, load_nlp
from crisisdesk.desk import Desk
from crisisdesk.ingest.identity import doc_id
from crisisdesk.records import Analysis
from crisisdesk.settings import Settings
from crisisdesk.store import StoredEvent

#: the seed briefing's five events: (what, types, source code, target code or None)
SEED_EVENTS = (
    ("Venezuela mobilizes (missiles, reservists)", {"MOBILIZE"}, "VEN", None),
    ("the US mobilizes (Marines and sailors)", {"MOBILIZE"}, "USA", None),
    ("the US threatens Venezuela (military action)", {"THREATEN"}, "USA", "VEN"),
    ("the US strikes boats", {"ASSAULT", "FIGHT"}, "USA", None),
    ("Venezuela denounces the US", {"DISAPPROVE"}, "VEN", "USA"),
)
PLV_MOST_FREQUENT = "YIELD"  # the most frequent type of the PLV training split (141 of 1,044)


def run(scorer: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, str(scorer), *args], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{scorer.name} {args[0]} failed: {done.stderr[-500:]}")
    return done.stdout


def extract_lines(nlp: Language, docs: list[dict[str, Any]], path: Path) -> None:
    """What `crisisdesk extract` prints for each input line (id and events), to `path`."""
    items = [(d["text"], None) for d in docs]
    with path.open("w", encoding="utf-8") as out:
        for doc, result in zip(docs, analyze(items, nlp=nlp), strict=True):
            events = result.to_json()["events"] if isinstance(result, Analysis) else []
            out.write(json.dumps({"id": doc["id"], "events": events}) + "\n")


def scored(nlp: Language, scorer: Path, gold: Path, tmp: Path) -> dict[str, Any]:
    """Input from the scorer, our events, and the scorer's figures."""
    docs = [json.loads(line) for line in run(scorer, "input", str(gold)).splitlines()]
    predictions = tmp / f"{scorer.stem}.jsonl"
    extract_lines(nlp, docs, predictions)
    figures: dict[str, Any] = json.loads(run(scorer, "score", str(gold), str(predictions)))
    return figures


def most_frequent(scorer: Path, gold: Path, tmp: Path) -> dict[str, Any]:
    """The PLV scorer's figures for one event of the most frequent type in every sentence."""
    docs = [json.loads(line) for line in run(scorer, "input", str(gold)).splitlines()]
    path = tmp / "most_frequent.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": d["id"], "events": [{"type": PLV_MOST_FREQUENT}]}) + "\n"
            for d in docs
        ),
        encoding="utf-8",
    )
    figures: dict[str, Any] = json.loads(run(scorer, "score", str(gold), str(path)))
    return figures


# -- seed -------------------------------------------------------------------------------------


def seed_checks(nlp: Language, path: Path) -> dict[str, Any]:
    events = nlp(path.read_text(encoding="utf-8"))._.events
    found = {what: any(fits(e, *want) for e in events) for what, *want in SEED_EVENTS}
    return {"found": sum(found.values()), "of": len(found), **found}


def fits(event: dict[str, Any], types: set[str], source: str, target: str | None) -> bool:
    codes = {p["code"] for p in event["source"]}
    targets = {p["code"] for p in event["target"]}
    return event["type"] in types and source in codes and (target is None or target in targets)


# -- dedup on MEANTIME ------------------------------------------------------------------------


def meantime_dedup(folder: Path, settings: Settings) -> dict[str, Any]:
    """B-cubed of stored events against MEANTIME's cross-document event instances."""
    articles = _meantime.articles(folder, sentences=None)
    gold = {a.id: gold_mentions(a) for a in articles}
    with tempfile.TemporaryDirectory() as tmp, Desk(Path(tmp) / "m.db", settings=settings) as desk:
        ids = store_articles(articles, desk, Path(tmp))
        aligned = align(desk.store.events(), gold, ids)
    return {
        "gold_mentions": sum(len(g) for g in gold.values()),
        "aligned_reports": len(aligned),
        "instances": len({g for _, g, _, _ in aligned}),
        "stored_events": bcubed([(s, g) for s, g, _, _ in aligned]),
        "every_report_alone": bcubed([(str(i), g) for i, (_, g, _, _) in enumerate(aligned)]),
        "one_event_per_type": bcubed([(t, g) for _, g, t, _ in aligned]),
        "cross_document_pairs": cross_pairs(aligned),
    }


def cross_pairs(aligned: list[tuple[str, str, str, str]]) -> dict[str, float]:
    """Pairs of aligned reports in different documents: how many gold joins (same instance)
    the store made, and how many of its joins are gold ones."""
    pairs = [(a, b) for i, a in enumerate(aligned) for b in aligned[i + 1 :] if a[3] != b[3]]
    gold = sum(a[1] == b[1] for a, b in pairs)
    ours = sum(a[0] == b[0] for a, b in pairs)
    both = sum(a[1] == b[1] and a[0] == b[0] for a, b in pairs)
    return {"gold": gold, "joined": ours, "right": both}


def gold_mentions(article: _meantime.Article) -> list[tuple[int, int, str]]:
    """(start, end, instance) of each event mention tied to a cross-document instance."""
    instance = {
        e.get("m_id"): e.get("instance_id")
        for e in article.root.iter("EVENT")
        if e.get("instance_id")
    }
    refers = {}
    for link in article.root.iter("REFERS_TO"):
        target = next((t.get("m_id") for t in link.iter("target")), None)
        for source in link.iter("source"):
            refers[source.get("m_id")] = instance.get(target)
    return [
        (start, end, refers[m.get("m_id")])
        for start, end, m in article.markables("EVENT_MENTION")
        if refers.get(m.get("m_id"))
    ]


def store_articles(articles: list[_meantime.Article], desk: Desk, tmp: Path) -> dict[str, str]:
    """Ingest the articles as JSONL (published: their creation time), as a user would; the
    stored document id of each article."""
    lines = [
        {"id": a.id, "text": a.text, "published": day.isoformat() if (day := creation(a)) else None}
        for a in articles
    ]
    path = tmp / "meantime.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    desk.ingest([path])
    return {doc_id(a.text): a.id for a in articles}


def creation(article: _meantime.Article) -> date | None:
    """The article's creation time (one file writes it day first: 03-02-2009)."""
    for timex in article.root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = (timex.get("value") or "")[:10]
            if len(value) == 10 and value[2] == "-":
                value = f"{value[6:]}-{value[3:5]}-{value[:2]}"
            return date.fromisoformat(value) if len(value) == 10 else None
    return None


def align(
    events: list[StoredEvent], gold: dict[str, list[tuple[int, int, str]]], ids: dict[str, str]
) -> list[tuple[str, str, str, str]]:
    """(stored event, gold instance, type, document) of each report whose trigger overlaps a
    gold mention."""
    found = []
    for event in events:
        for report in event.reports:
            trigger = report.record.trigger
            mentions = gold.get(ids.get(report.sentence.doc_id, ""), [])
            hit = next(
                (g for s, e, g in mentions if trigger and s < trigger.end and trigger.start < e),
                None,
            )
            if hit:
                found.append((str(event.id), hit, event.type, report.sentence.doc_id))
    return found


def bcubed(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """B-cubed P/R/F1 of (system cluster, gold cluster) items."""
    if not pairs:
        return {"p": 0.0, "r": 0.0, "f1": 0.0}
    by_system, by_gold, both = (
        Counter(s for s, _ in pairs),
        Counter(g for _, g in pairs),
        Counter(pairs),
    )
    p = sum(both[x] / by_system[x[0]] for x in pairs) / len(pairs)
    r = sum(both[x] / by_gold[x[1]] for x in pairs) / len(pairs)
    return {
        "p": round(p, 3),
        "r": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
    }


# -- speed ------------------------------------------------------------------------------------


def speed(nlp: Language, texts: list[str]) -> dict[str, Any]:
    """Seconds for the pipeline without crisisdesk_events, then for the component alone."""
    coder = nlp.get_pipe("crisisdesk_events")
    start = time.perf_counter()
    with nlp.select_pipes(disable=["crisisdesk_events"]):
        docs = list(nlp.pipe(texts, batch_size=8))
    rest = time.perf_counter() - start
    start = time.perf_counter()
    for doc in docs:
        coder(doc)
    own = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {
        "texts": len(texts),
        "words": words,
        "pipeline_without_events_s": round(rest, 2),
        "events_s": round(own, 3),
        "events_share": round(own / (rest + own), 4),
        "events_per_text": round(sum(len(d._.events) for d in docs) / len(docs), 2),
    }


# -- main -------------------------------------------------------------------------------------


def table(title: str, rows: dict[str, Any]) -> None:
    print(f"\n{title}")
    for name, value in rows.items():
        print(f"  {name:52} {value}")


def sections(args: Any, nlp: Language, tmp: Path) -> Iterable[tuple[str, str, Any]]:
    """(key, title, figures) of each section whose data is present and not skipped."""
    data, skip, scorers = args.data, set(args.skip.split(",")), eval_dir(args.data)
    coding = data / "event_coding"
    if "plover" not in skip and (coding / "plover").is_dir():
        gold = coding / "plover" / "PLOVER_GSR_dev.json"
        yield (
            "plover_dev",
            "PLOVER gold records, dev half",
            scored(nlp, scorers / "plover.py", gold, tmp),
        )
    if "plv" not in skip and (coding / "plv_train").is_dir():
        gold = coding / "plv_train" / "plv_train.jsonl"
        yield (
            "plv_train",
            "PLV training split, end to end",
            scored(nlp, scorers / "plv.py", gold, tmp),
        )
        yield (
            "plv_most_frequent",
            f"PLV, always {PLV_MOST_FREQUENT}",
            most_frequent(scorers / "plv.py", gold, tmp),
        )
    seed = data.parent / "seed" / "briefing-example.txt"
    if "seed" not in skip and seed.is_file():
        yield "seed", "seed briefing: its five events", seed_checks(nlp, seed)
    meantime = data / "news_corpus" / "meantime_en" / "intra_cross-doc_annotation"
    if "meantime" not in skip and meantime.is_dir():
        yield (
            "meantime_dedup",
            "MEANTIME: stored events vs cross-document instances (B-cubed)",
            meantime_dedup(meantime, Settings()),
        )
    polnear = data / "attribution" / "polnear" / "dev" / "text"
    if "speed" not in skip and polnear.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(polnear.glob("*.txt"))]
        yield "speed", "speed: PolNeAR dev texts", speed(nlp, texts)


def main() -> None:
    options = parser(__doc__)
    options.add_argument("--skip", default="", help="sections to skip, comma-separated")
    args = options.parse_args()
    checked(args.data)
    nlp = load_nlp(Settings())
    figures: dict[str, Any] = {"model": nlp.meta.get("name"), "spacy": spacy.__version__}
    with tempfile.TemporaryDirectory() as tmp:
        for key, title, found in sections(args, nlp, Path(tmp)):
            figures[key] = found
            table(title, found)
    sys.stdout.write(json.dumps(figures) + "\n")


if __name__ == "__main__":
    main()
