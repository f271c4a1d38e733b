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

from _data import checked, eval_dir, parser
from crisisdesk.desk import Desk

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
    with tempfile.TemporaryDirectory() as tmp:
        subset, pred = Path(tmp) / "subset.json", Path(tmp) / "pred.jsonl"
        write_subset(squad, {q["id"] for q in questions}, subset)
        seconds = answer_all(questions, pred)
        score = [sys.executable, str(scorers / "squad_eval.py"), str(subset), str(pred)]
        figures = json.loads(
            subprocess.run(score, check=True, capture_output=True, text=True).stdout
        )
    figures.update(
        start=start, questions=len(questions), questions_per_s=round(len(questions) / seconds, 1)
    )
    print(f"{'metric':<16}{'value':>10}")
    for key, value in figures.items():
        print(f"{key:<16}{value:>10}")
    print(json.dumps(figures))


def answer_all(questions: list[dict[str, str]], out: Path) -> float:
    """Answer every question from its own context; seconds taken (pipeline loaded before)."""
    with Desk(":memory:") as desk, out.open("w", encoding="utf-8") as handle:
        desk.nlp  # noqa: B018  (load the pipeline outside the timing)
        start = time.perf_counter()
        for q in questions:
            answer = desk.ask(q["question"], context=q["context"], qid=q["id"])
            handle.write(json.dumps(answer.to_json()) + "\n")
        return time.perf_counter() - start


def write_subset(squad: Path, ids: set[str], out: Path) -> None:
    """The SQuAD file restricted to the questions asked, so unasked ones do not count as misses."""
    data = json.loads(squad.read_text(encoding="utf-8"))
    for article in data["data"]:
        for par in article["paragraphs"]:
            par["qas"] = [qa for qa in par["qas"] if qa["id"] in ids]
    out.write_text(json.dumps(data), encoding="utf-8")


if __name__ == "__main__":
    main()
