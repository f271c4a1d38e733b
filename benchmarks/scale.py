"""What whole commands cost on stores of 1,000, 10,000 and 100,000 real analysed articles.

    python benchmarks/scale.py [--data DIR] [--sizes 1000,10000,100000] [--cache DIR]

Articles: the PolNeAR dev texts (84 political news articles of 2016; outlet and date from each
file name), analysed once through `Desk.ingest`; a store of N articles holds copies of them
under new ids, made with SQL INSERT ... SELECT (the triggers keeping counts run as on ingest;
copy k is dated k days earlier). Stores are cached under --cache and reused. For each size,
whole CLI commands run as processes (`status`, `claims --actor Trump`, `numbers --actor
Trump`, `brief`), best of --repeat runs, with each process's peak RSS (a command still running
after --timeout seconds is stopped and reported as null); then ten questions are asked through
`Desk(...).ask` after loading (p50, p95). Ends with one JSON line.
"""

import json
import math
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

from _data import ROOT, checked, parser
from crisisdesk.desk import Desk
from crisisdesk.flow import backfill_developments
from crisisdesk.store import open_store

CLI = Path(sys.executable).parent / "crisisdesk"
COMMANDS = {
    "status": ["status"],
    "claims_actor": ["claims", "--actor", "Trump"],
    "numbers_actor": ["numbers", "--actor", "Trump"],
    "brief": ["brief"],
}
QUESTIONS = (
    "Who did Trump say would pay for the wall?",
    "What did Clinton say about her emails?",
    "How many delegates does a candidate need to win the nomination?",
    "What did the FBI director say about the investigation?",
    "How much money did the Clinton campaign raise?",
    "Where did Trump hold a rally?",
    "What did Paul Ryan say about Trump?",
    "How many voters said they would support Clinton?",
    "When is the first presidential debate?",
    "What did Bernie Sanders say about the Democratic convention?",
)
# The columns a copy changes (every other column is kept), and the tables copied per article.
RENAMED = {
    "id": "id || :suffix",
    "doc_id": "doc_id || :suffix",
    "story": "story || :suffix",
    "added": "added + :shift",
    "published": "date(published, :days)",
}
TABLES = (
    "documents",
    "bands",
    "sentences",
    "entities",
    "attributions",
    "attribution_contents",
    "doubts",
    "quantities",
    "times",
    "events",
)


HEADER = (
    *("articles", "status_ms", "claims_actor_ms", "numbers_actor_ms", "brief_ms"),
    *("brief_peak_mb", "ask_p50_ms", "ask_p95_ms", "store_mb"),
)


def base_store(folder: Path, cache: Path) -> Path:
    """The analysed articles, stored once (kept in the cache), with their developments."""
    path = cache / "base.db"
    if path.exists():
        developed(path)
        return path
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "polnear.jsonl"
        jsonl.write_text("".join(map(article_line, sorted(folder.glob("*.txt")))), "utf-8")
        partial = cache / "base.partial.db"
        partial.unlink(missing_ok=True)
        with Desk(partial) as desk:
            report = desk.ingest([jsonl])
        if not report.added:
            raise SystemExit(f"nothing could be ingested: {report.skipped[:3]}")
        print(f"analysed {report.added} articles into {path}", file=sys.stderr)
        partial.rename(path)
    return path


def developed(base: Path) -> None:
    """Place the base articles' developments (a base stored before developments had none)."""
    with Desk(base) as desk:
        if placed := backfill_developments(desk.store):
            print(f"placed the developments of {placed} base articles", file=sys.stderr)


def article_line(path: Path) -> str:
    """A JSONL line for a PolNeAR file named outlet_YYYY-MM-DD_slug.txt."""
    outlet, published, _ = path.stem.split("_", 2)
    text = path.read_text(encoding="utf-8")
    line = {"id": path.stem, "text": text, "outlet": outlet, "published": published}
    return json.dumps(line) + "\n"


def scaled_store(base: Path, size: int, cache: Path) -> tuple[Path, float]:
    """A store of `size` articles (copies of the base ones) and the seconds it took to build."""
    path = cache / f"scale-{size}.db"
    if path.exists():
        return path, 0.0
    start = time.perf_counter()
    partial = cache / f"scale-{size}.partial.db"
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(base)) as src, closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)
    with closing(sqlite3.connect(partial, isolation_level=None)) as db:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = OFF")
        fill(db, size)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    return path, time.perf_counter() - start


def fill(db: sqlite3.Connection, size: int) -> None:
    """Copy the base articles under new ids until the store holds `size` of them."""
    db.execute(
        'CREATE TEMP TABLE "base" AS '
        'SELECT "id", row_number() OVER (ORDER BY "added") - 1 AS "n" FROM "documents"'
    )
    base = db.execute('SELECT count(*) FROM "base"').fetchone()[0]
    statements = [copy_sql(db, table) for table in TABLES]
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    if "sentence_vectors" in tables:
        statements.append(COPY_VECTORS)
    if "developments" in tables:
        statements += COPY_DEVELOPMENTS
    developments = db.execute('SELECT coalesce(max("id"), 0) FROM "developments"').fetchone()[0]
    for k in range(1, math.ceil(size / base)):
        params = {"suffix": f"#{k}", "shift": k * base, "days": f"-{k} days"}
        params |= {"developments": developments, "dev_shift": k * developments}
        params["take"] = min(base, size - k * base)
        db.execute("BEGIN")
        db.execute(
            'INSERT OR IGNORE INTO "stories" SELECT "story" || :suffix FROM "documents" '
            'WHERE "id" IN (SELECT "id" FROM "base" WHERE "n" < :take)',
            params,
        )
        for sql in statements:
            db.execute(sql, params)
        db.execute("COMMIT")
        if k % 100 == 0:
            print(f"  {k * base + base:,} articles", file=sys.stderr)


# Sentence vectors follow their sentence (new ids) through its document and position.
COPY_VECTORS = """
    INSERT INTO "sentence_vectors" ("id", "vector")
    SELECT copy."id", v."vector" FROM "sentences" AS s
    JOIN "sentence_vectors" AS v ON v."id" = s."id"
    JOIN "sentences" AS copy ON copy."doc_id" = s."doc_id" || :suffix AND copy."idx" = s."idx"
    WHERE s."doc_id" IN (SELECT "id" FROM "base" WHERE "n" < :take)
"""


# Each copy of the base articles reports copies of the base developments (new ids, its days).
COPY_DEVELOPMENTS = (
    """
    INSERT INTO "developments"
    SELECT "id" + :dev_shift, date("first_day", :days), date("last_day", :days), "reports",
        "documents", "total"
    FROM "developments" WHERE "id" IN (
        SELECT r."development" FROM "development_reports" AS r
        WHERE r."development" <= :developments
            AND r."doc_id" IN (SELECT "id" FROM "base" WHERE "n" < :take))
    """,
    """
    INSERT INTO "development_reports"
    SELECT r."development" + :dev_shift, copy."id", copy."doc_id", date(r."day", :days), r."rank"
    FROM "development_reports" AS r
    JOIN "sentences" AS s ON s."id" = r."sentence"
    JOIN "sentences" AS copy ON copy."doc_id" = s."doc_id" || :suffix AND copy."idx" = s."idx"
    WHERE r."development" <= :developments
        AND s."doc_id" IN (SELECT "id" FROM "base" WHERE "n" < :take)
    """,
    """
    INSERT INTO "development_keys"
    SELECT "key", "development" + :dev_shift, date("day", :days) FROM "development_keys"
    WHERE "development" IN (
        SELECT r."development" FROM "development_reports" AS r
        WHERE r."development" <= :developments
            AND r."doc_id" IN (SELECT "id" FROM "base" WHERE "n" < :take))
    """,
)


def copy_sql(db: sqlite3.Connection, table: str) -> str:
    """INSERT ... SELECT copying the rows of the articles taken, with new ids."""
    columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
    if table == "sentences":
        columns.remove("id")  # a new rowid, which the full-text index follows
    key = "id" if table == "documents" else "doc_id"
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(RENAMED.get(c, f'"{c}"') for c in columns)
    return (
        f'INSERT INTO "{table}" ({names}) SELECT {values} FROM "{table}" '
        f'WHERE "{key}" IN (SELECT "id" FROM "base" WHERE "n" < :take)'
    )


def run(command: list[str], db: Path, timeout: float) -> tuple[float, float] | None:
    """Seconds and peak RSS (MB) of one CLI command as a whole process; None if it ran
    longer than `timeout` seconds (it is then stopped)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(CLI), *command, "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode == -signal.SIGKILL and seconds >= timeout:
        return None
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed with exit code {proc.returncode}")
    return seconds, usage.ru_maxrss / 1024


def measure(db: Path, size: int, repeat: int, timeout: float) -> dict[str, float | None]:
    """Every figure of one store (None: the command ran longer than `timeout` seconds)."""
    figures: dict[str, float | None] = {
        "articles": size,
        "store_mb": round(db.stat().st_size / 2**20),
    }
    open_store(db).close()  # applies any pending migration outside the timing
    for name, command in COMMANDS.items():
        runs = [run(command, db, timeout) for _ in range(repeat)]
        best = min((r for r in runs if r), default=None)
        figures[f"{name}_ms"] = round(best[0] * 1000) if best else None
        figures[f"{name}_peak_mb"] = round(best[1]) if best else None
    with Desk(db) as desk:
        desk.ask(QUESTIONS[0])  # loads the pipeline outside the timing
        times = []
        for question in QUESTIONS:
            start = time.perf_counter()
            desk.ask(question)
            times.append(time.perf_counter() - start)
    figures["ask_p50_ms"] = round(statistics.median(times) * 1000)
    figures["ask_p95_ms"] = round(statistics.quantiles(times, n=20)[-1] * 1000)
    return figures


def main() -> None:
    options = parser(__doc__)
    options.add_argument("--sizes", default="1000,10000,100000", help="articles per store")
    options.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "crisisdesk-scale"
    )
    options.add_argument("--repeat", type=int, default=2, help="runs per command (best kept)")
    options.add_argument(
        "--timeout", type=float, default=600, help="seconds before a command is stopped"
    )
    args = options.parse_args()
    folder = checked(args.data / "attribution" / "polnear" / "dev" / "text")
    args.cache.mkdir(parents=True, exist_ok=True)
    base = base_store(folder, args.cache)
    rows = []
    print(" ".join(f"{h:>16}" for h in HEADER))
    for size in sorted(int(s) for s in args.sizes.split(",")):
        db, built = scaled_store(base, size, args.cache)
        if built:
            print(f"built {db} in {built:.0f} s", file=sys.stderr)
        rows.append(measure(db, size, args.repeat, args.timeout))
        print(" ".join(cell(rows[-1][h]) for h in HEADER), flush=True)
    print(json.dumps({"sizes": rows}))


def cell(value: float | None) -> str:
    return f"{'timed out' if value is None else f'{value:,}':>16}"


if __name__ == "__main__":
    main()
