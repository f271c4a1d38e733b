"""Question answering with a context (SQuAD 2.0 dev part, about half unanswerable), scored by the
independent scorer in ../shared/eval so figures agree with the checks.

    python benchmarks/ask.py [--data DIR] [--start N] [--limit N]

Tune on the first 600 (the default); `--start 600` checks the next 600 for overfitting.

Runs `crisisdesk ask --batch` on the converted questions in one process, then `squad_eval.py`.
"""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _data import checked, eval_dir, parser
from crisisdesk.desk import Desk
from crisisdesk.settings import AskSettings, Settings

#: answers are kept whatever their confidence, so one run gives the whole curve
EVERY_ANSWER = Settings(ask=AskSettings(min_confidence=0.0, min_confidence_context=0.0))
BARS = [round(0.05 * n, 2) for n in range(21)]

LIMIT = 600  # the first questions: stable enough figures in a few seconds on two cores


def main() -> None:
    options = parser(__doc__)
    options.add_argument("--start", type=int, default=0, help="first question")
    options.add_argument("--limit", type=int, default=LIMIT, help="how many questions")
    args = options.parse_args()
    start, limit = args.start, args.limit
    squad = checked(args.data / "qa" / "squad2_dev_part_a.json")
    scorers = eval_dir(args.data)
    convert = [sys.executable, str(scorers / "squad_to_batch.py"), str(squad)]
    lines = subprocess.run(convert, check=True, capture_output=True, text=True).stdout
    questions = [json.loads(x) for x in lines.splitlines()][start : start + limit]
    bar = Settings().ask.min_confidence_context
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.json"
        write_subset(squad, {q["id"] for q in questions}, subset)
        answers, seconds = answer_all(questions)
        scorer = [sys.executable, str(scorers / "squad_eval.py"), str(subset)]
        curve = {b: scored(scorer, below(answers, b), Path(tmp)) for b in BARS}
        figures = scored(scorer, below(answers, bar), Path(tmp))
    print("abstain below    exact      f1  has_ans_f1  no_ans_acc  answered")
    for b, f in curve.items():
        mark = " <- setting" if b == bar else ""
        print(
            f"  {b:<11.2f}{f['exact']:>8}{f['f1']:>8}{f['has_ans_f1']:>12}{f['no_ans_acc']:>12}"
            f"{f['answered']:>10}{mark}"
        )
    figures.update(
        bar=bar, start=start, questions=len(questions), per_s=round(len(questions) / seconds, 1)
    )
    print(json.dumps(figures))


def below(answers: list[dict[str, Any]], bar: float) -> list[dict[str, Any]]:
    """The answers with those under the confidence bar turned into abstentions."""
    return [a if a["confidence"] >= bar else {**a, "answer": None} for a in answers]


def scored(scorer: list[str], answers: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    """The independent scorer's figures for these answers."""
    pred = tmp / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(a) for a in answers), encoding="utf-8")
    done = subprocess.run([*scorer, str(pred)], check=True, capture_output=True, text=True)
    out: dict[str, Any] = json.loads(done.stdout)
    return out


def answer_all(questions: list[dict[str, str]]) -> tuple[list[dict[str, Any]], float]:
    """Every question answered from its own context, whatever the confidence, and the seconds
    taken (pipeline loaded before)."""
    with Desk(":memory:", settings=EVERY_ANSWER) as desk:
        desk.nlp  # noqa: B018  (load the pipeline outside the timing)
        start = time.perf_counter()
        out = [
            desk.ask(q["question"], context=q["context"], qid=q["id"]).to_json() for q in questions
        ]
        return out, time.perf_counter() - start


def write_subset(squad: Path, ids: set[str], out: Path) -> None:
    """The SQuAD file restricted to the questions asked, so unasked ones do not count as misses."""
    data = json.loads(squad.read_text(encoding="utf-8"))
    for article in data["data"]:
        for par in article["paragraphs"]:
            par["qas"] = [qa for qa in par["qas"] if qa["id"] in ids]
    out.write_text(json.dumps(data), encoding="utf-8")


if __name__ == "__main__":
    main()
