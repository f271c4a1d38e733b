"""Benchmark crisisdesk_times on TimeML (TempEval-3 TBAQ): span F1 and value F1, and its speed.

usage: python benchmarks/times.py [--data DIR] [--tml SUBDIR] [--meantime SUBDIR] [--speed N]
Makes the input with the independent scorer (`eval/timeml.py input`), runs the full crisisdesk
pipeline (`load_nlp`), writes contract JSON lines with "id" and scores them with
`eval/timeml.py score`, for the whole corpus and each of its subfolders (TimeBank, AQUAINT).
A second, differently annotated corpus is scored here with the same relaxed matching: MEANTIME
(Wikinews; text rebuilt from its tokens, only the title, date line and first four sentences,
which are all its annotators covered; its one DCT written DD-MM-YYYY is read as such).
`--speed N` also times `nlp.pipe` on N PolNeAR dev texts and the component's share of that
time. Ends with one JSON line of figures.
"""

import json
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from _data import checked, eval_dir, parser
from _meantime import Offsets, article
from crisisdesk.analyze import analyze, load_nlp
from crisisdesk.settings import Settings


def timeml(scorer: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(scorer), *args], capture_output=True, text=True, check=True
    )
    return result.stdout


def predict(docs: list[dict[str, Any]], out: Path) -> float:
    """Write one contract line per document; return seconds spent analysing."""
    nlp = load_nlp(Settings())
    items = [
        (d["text"], date.fromisoformat(d["published"]) if d["published"] else None) for d in docs
    ]
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for doc, analysis in zip(docs, analyze(items, nlp=nlp), strict=True):
            record = {"id": doc["id"], **analysis.to_json()}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return time.perf_counter() - started


def meantime_doc(path: Path) -> dict[str, Any]:
    """One MEANTIME article as {id, text, published, gold}: text rebuilt from its tokens
    (`_meantime.article`); TIMEX3 spans by their tokens."""
    read = article(path)
    gold, published = meantime_gold(read.root, read.offsets)
    return {"id": read.id, "text": read.text, "published": published, "gold": gold}


def meantime_gold(
    root: ElementTree.Element, offsets: Offsets
) -> tuple[list[dict[str, Any]], str | None]:
    """The TIMEX3 spans and values of an article, and its creation date."""
    gold, published = [], None
    for timex in root.iter("TIMEX3"):
        value = timex.get("value") or ""
        if re.fullmatch(r"\d\d-\d\d-\d{4}", value):  # DD-MM-YYYY once
            value = f"{value[6:]}-{value[3:5]}-{value[:2]}"
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = value[:10]
        anchors = [offsets[a.get("t_id")] for a in timex.iter("token_anchor")]
        if anchors:
            gold.append({"start": anchors[0][0], "end": anchors[-1][1], "value": value})
    return gold, published


def relaxed(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> tuple[int, int]:
    """(span matches, value matches) as eval/timeml.py counts them: overlap, first unused."""
    used: set[int] = set()
    spans = values = 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and p["start"] < g["end"] and g["start"] < p["end"]:
                used.add(i)
                spans += 1
                values += str(p.get("value")) == str(g["value"])
                break
    return spans, values


def f1(hits: int, gold: int, predicted: int) -> float:
    precision, recall = hits / predicted if predicted else 0.0, hits / gold if gold else 0.0
    return round(2 * precision * recall / (precision + recall), 3) if hits else 0.0


def meantime(folder: Path) -> dict[str, float]:
    """Span and value F1 on MEANTIME's English articles (document-level annotation)."""
    docs = [meantime_doc(p) for p in sorted(folder.rglob("*.xml"))]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        predict(docs, pred)
        results = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    counts = [relaxed(d["gold"], r["times"]) for d, r in zip(docs, results, strict=True)]
    n_gold, n_pred = sum(len(d["gold"]) for d in docs), sum(len(r["times"]) for r in results)
    spans, values = sum(c[0] for c in counts), sum(c[1] for c in counts)
    return {"meantime_span_f1": f1(spans, n_gold, n_pred),
            "meantime_value_f1": f1(values, n_gold, n_pred)}  # fmt: skip


def speed(data: Path, count: int) -> dict[str, float]:
    """Words per second of the full pipeline, and the share of its time crisisdesk_times takes
    (the component timed again alone on the processed docs: steadier than two pipeline runs
    on a shared machine)."""
    paths = sorted(data.glob("attribution/polnear/dev/text/*.txt"))[:count]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nlp = load_nlp(Settings())
    list(nlp.pipe(texts[:2]))  # warm up
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    total = time.perf_counter() - started
    component = nlp.get_pipe("crisisdesk_times")
    started = time.perf_counter()
    for doc in docs:
        component(doc)
    alone = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    return {"wps_pipeline": round(words / total), "times_share_pct": round(100 * alone / total, 1)}


def main() -> None:
    options = parser(__doc__)
    options.add_argument("--tml", default="temporal/tempeval3_tbaq")
    options.add_argument("--meantime", default="news_corpus/meantime_en/intra-doc_annotation")
    options.add_argument("--speed", type=int, default=0, help="PolNeAR dev texts to time (0: skip)")
    args = options.parse_args()
    corpus, scorer = checked(args.data / args.tml), eval_dir(args.data) / "timeml.py"
    docs = [json.loads(line) for line in timeml(scorer, "input", str(corpus)).splitlines() if line]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        seconds = predict(docs, pred)
        figures = json.loads(timeml(scorer, "score", str(corpus), str(pred)))
        for part in sorted(p for p in corpus.iterdir() if p.is_dir()):
            scored = json.loads(timeml(scorer, "score", str(part), str(pred)))
            figures |= {f"{part.name}_{k}": scored[k] for k in ("span_f1", "value_f1")}
    figures |= {"docs": len(docs), "docs_per_s": round(len(docs) / seconds, 1)}
    if (args.data / args.meantime).exists():
        figures |= meantime(args.data / args.meantime)
    if args.speed:
        figures |= speed(args.data, args.speed)
    print(f"crisisdesk_times on {corpus} ({platform.machine()}, {Settings().models.spacy})")
    for key, value in figures.items():
        print(f"  {key:<22} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
