"""Attribution benchmark: PolNeAR dev through the analyze pipeline, scored by the shared scorer.

usage: python benchmarks/attribution.py [--data DIR] [--limit N]
Writes the scorer's `input` JSONL through `analyze` (the `extract` contract: one JSON line per
document with "id" and Analysis.to_json()), then calls `polnear.py score` so the figures agree
with the independent check. Prints a table and ends with one JSON line of figures.
"""

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from crisisdesk.analyze import analyze, load_nlp
from crisisdesk.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def run(data: Path, limit: int | None) -> dict[str, object]:
    """Analyze the dev split and score it; returns the scorer's figures plus speed."""
    split = data / "attribution" / "polnear" / "dev"
    scorer = data.parent / "eval" / "polnear.py"
    docs_jsonl = subprocess.run(
        [sys.executable, str(scorer), "input", str(split)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    docs = [json.loads(line) for line in docs_jsonl.splitlines() if line.strip()][:limit]
    settings = Settings()
    nlp = load_nlp(settings)
    started = time.perf_counter()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        analyses = analyze(((d["text"], None) for d in docs), nlp=nlp)
        for doc, analysis in zip(docs, analyses, strict=True):
            out.write(
                json.dumps({"id": doc["id"], **analysis.to_json()}, ensure_ascii=False) + "\n"
            )
    seconds = time.perf_counter() - started
    scored = subprocess.run(
        [sys.executable, str(scorer), "score", str(split), out.name],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    Path(out.name).unlink()
    figures = json.loads(scored.strip().splitlines()[-1])
    figures.update(
        docs=len(docs),
        docs_per_s=round(len(docs) / seconds, 2),
        model=settings.models.spacy,
        spacy=spacy.__version__,
        machine=platform.machine(),
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="first N dev documents only")
    args = parser.parse_args()
    if not (args.data / "attribution" / "polnear" / "dev").is_dir():
        print(f"no PolNeAR dev split under {args.data}; nothing to benchmark")
        return
    figures = run(args.data, args.limit)
    print(f"{'metric':<12}{'value':>10}")
    for key in ("gold", "predicted", "matched", "precision", "recall", "f1", "docs_per_s"):
        print(f"{key:<12}{figures[key]!s:>10}")
    if figures.get("docs_text_mismatch"):
        print(f"warning: {figures['docs_text_mismatch']} documents' text did not match")
    print(json.dumps({"benchmark": "attribution", **figures}))


if __name__ == "__main__":
    main()
