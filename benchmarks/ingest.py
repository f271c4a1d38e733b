"""Whole-ingest speed and memory, timed as whole processes beside spaCy alone.

    python benchmarks/ingest.py [--data DIR] [--rounds N]

Texts: the PolNeAR dev split (84 political news articles). Each round runs, as separate
processes: spaCy's base pipeline alone over the texts (one process, `nlp.pipe`, the same batch
size), `crisisdesk ingest` of the folder into a fresh store with one analysis process, and the
same with the default (one per core). Rounds are interleaved, so a load spike on this shared
machine hits all alike; the best of each is reported. Then one long document (about 900 KB: the
texts joined) is ingested alone. Peak memory is the largest process's resident set. Ends with one
JSON line.
"""

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from _data import checked, parser
from crisisdesk.settings import Settings

CLI = Path(sys.executable).with_name("crisisdesk")
SPACY_ALONE = """
import sys, pathlib, spacy
nlp = spacy.load(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[2]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
"""
#: run a command, then print its wall time and the peak RSS (kB) of its largest process
TIMED = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
if done.returncode:
    sys.exit(done.stderr[-2000:])
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(command: list[str], **env: str) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of a command run as a whole process."""
    out = subprocess.run(
        [sys.executable, "-c", TIMED, *command],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def ingest(folder: Path, **env: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        return timed([str(CLI), "ingest", str(folder), "--db", f"{tmp}/b.db"], **env)


def long_document(texts: list[str], size: int) -> tuple[float, float, int]:
    """Seconds and peak MB to ingest one document of about `size` characters."""
    joined = "\n\n".join(texts)
    text = (joined * (size // len(joined) + 1))[:size]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        seconds, peak = timed([str(CLI), "ingest", str(path), "--db", f"{tmp}/b.db"])
    return seconds, peak, len(text.encode("utf-8"))


def main() -> None:
    options = parser(__doc__)
    options.add_argument("--rounds", type=int, default=2)
    args = options.parse_args()
    folder = checked(args.data / "attribution" / "polnear" / "dev" / "text")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    models = Settings().models
    alone_cmd = [
        sys.executable,
        "-c",
        SPACY_ALONE,
        models.spacy,
        str(folder),
        str(models.batch_size),
    ]
    runs: dict[str, list[tuple[float, float]]] = {"alone": [], "one": [], "all": []}
    for _ in range(args.rounds):
        runs["alone"].append(timed(alone_cmd))
        runs["one"].append(ingest(folder, CRISISDESK_MODELS__WORKERS="1"))
        runs["all"].append(ingest(folder))
    best = {name: min(r) for name, r in runs.items()}
    long_s, long_mb, long_bytes = long_document(texts, 900_000)
    report(best, words, len(texts), (long_s, long_mb, long_bytes))


def report(best: dict[str, tuple[float, float]], words: int, docs: int, long: tuple) -> None:
    alone = best["alone"][0]
    names = {"alone": "spaCy alone (1 process)", "one": "ingest, 1 analysis process"}
    names["all"] = "ingest, one per core"
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(f"{docs} texts, {words} words; whole processes, best of rounds")
    print(f"{'run':<30}{'seconds':>9}{'words/s':>10}{'x spaCy':>9}{'peak MB':>9}")
    for key, (seconds, peak) in best.items():
        ratio = alone / seconds
        print(f"{names[key]:<30}{seconds:>9.2f}{words / seconds:>10.0f}{ratio:>9.2f}{peak:>9.0f}")
    long_s, long_mb, long_bytes = long
    print(f"one document of {long_bytes / 1000:.0f} KB: {long_s:.1f} s, peak {long_mb:.0f} MB")
    figures = {
        "docs": docs,
        "words": words,
        "spacy_words_per_s": round(words / alone),
        "words_per_s_one_process": round(words / best["one"][0]),
        "words_per_s": round(words / best["all"][0]),
        "ratio_to_spacy": round(alone / best["all"][0], 3),
        "ratio_one_process": round(alone / best["one"][0], 3),
        "peak_rss_mb": round(best["all"][1]),
        "long_doc_kb": round(long_bytes / 1000),
        "long_doc_s": round(long_s, 1),
        "long_doc_peak_mb": round(long_mb),
        "self_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
