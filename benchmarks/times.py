"""Benchmark crisisdesk_times on TimeML (TempEval-3 TBAQ): span F1 and value F1, and its speed.

usage: python benchmarks/times.py [--data DIR] [--tml SUBDIR] [--speed N]
Makes the input with the independent scorer (`eval/timeml.py input`), runs the full crisisdesk
pipeline (`load_nlp`), writes contract JSON lines with "id" and scores them with
`eval/timeml.py score`. `--speed N` also times `nlp.pipe` on N PolNeAR dev texts and the
component's share of that time. Ends with one JSON line of figures.
"""

import json
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _data import checked, eval_dir, parser
from crisisdesk.analyze import analyze, load_nlp
from crisisdesk.settings import Settings


def timeml(scorer: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(scorer), *args], capture_output=True, text=True, check=True
    )
    return result.stdout


def predict(docs: list[dict[str, str]], out: Path) -> float:
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
    options.add_argument("--speed", type=int, default=0, help="PolNeAR dev texts to time (0: skip)")
    args = options.parse_args()
    corpus, scorer = checked(args.data / args.tml), eval_dir(args.data) / "timeml.py"
    docs = [json.loads(line) for line in timeml(scorer, "input", str(corpus)).splitlines() if line]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        seconds = predict(docs, pred)
        figures = json.loads(timeml(scorer, "score", str(corpus), str(pred)))
    figures |= {"docs": len(docs), "docs_per_s": round(len(docs) / seconds, 1)}
    if args.speed:
        figures |= speed(args.data, args.speed)
    print(f"crisisdesk_times on {corpus} ({platform.machine()}, {Settings().models.spacy})")
    for key, value in figures.items():
        print(f"  {key:<22} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
