"""Whole-ingest speed (read, analyze, store) beside spaCy's own pipeline on the same texts.

    python benchmarks/ingest.py [--data DIR]

Texts: the PolNeAR dev split (84 political news articles). Both runs use the same base model
and batch size in the same process, interleaved twice; the best of each is reported, because
these machines are noisy. Ends with one JSON line.
"""

import json
import platform
import resource
import tempfile
import time
from pathlib import Path

import spacy

from _data import checked, parser
from crisisdesk.analyze import load_nlp
from crisisdesk.desk import Desk
from crisisdesk.settings import Settings


def spacy_alone(model: str, texts: list[str], batch_size: int) -> float:
    """Seconds for the base spaCy pipeline over the texts."""
    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def whole_ingest(folder: Path, settings: Settings) -> tuple[float, int]:
    """Seconds and documents added for a full ingest of the folder into a fresh store."""
    with tempfile.TemporaryDirectory() as tmp, Desk(Path(tmp) / "b.db", settings=settings) as desk:
        desk.nlp  # noqa: B018  (load outside the timing, as spaCy alone is loaded outside)
        start = time.perf_counter()
        report = desk.ingest([folder])
        return time.perf_counter() - start, report.added


def main() -> None:
    args = parser(__doc__).parse_args()
    folder = checked(args.data / "attribution" / "polnear" / "dev" / "text")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    settings = Settings()
    load_nlp(settings)
    model, batch = settings.models.spacy, settings.models.batch_size
    refs, runs = [], []
    for _ in range(2):  # interleaved, so a load spike on the machine hits both alike
        refs.append(spacy_alone(model, texts, batch))
        runs.append(whole_ingest(folder, settings))
    ref = min(refs)
    seconds, added = min(runs)
    figures = {
        "docs": added,
        "words": words,
        "docs_per_s": round(added / seconds, 2),
        "words_per_s": round(words / seconds),
        "spacy_words_per_s": round(words / ref),
        "ratio_to_spacy": round(ref / seconds, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(f"machine: {platform.processor() or platform.machine()}, model: {model}, batch {batch}")
    print(f"{'run':<28}{'seconds':>10}{'words/s':>12}")
    print(f"{'spaCy alone':<28}{ref:>10.2f}{words / ref:>12.0f}")
    print(f"{'crisisdesk ingest (all)':<28}{seconds:>10.2f}{words / seconds:>12.0f}")
    print(f"ratio ingest/spaCy: {ref / seconds:.2f}  peak RSS {figures['peak_rss_mb']} MB")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
