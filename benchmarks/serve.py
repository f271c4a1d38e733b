"""Loopback load on `crisisdesk serve`: concurrent clients for a bounded run over a store of
1,000 real analysed articles.

    python benchmarks/serve.py [--data DIR] [--size 1000] [--clients 50] [--seconds 60]

The store is scale.py's (PolNeAR dev articles analysed once, copied to --size articles; cached
under --cache), copied again so the server may migrate it. The server is a separate process,
`crisisdesk serve` on a free 127.0.0.1 port with its defaults (one writer, four reader
threads). Each client is a thread with one keep-alive connection that, until --seconds have
passed, sends a request drawn from a fixed mix: questions (scale.py's ten), the brief, claims and
numbers of an actor, events, status. Prints requests/s, p50/p95 per kind and the errors (any
status but 200, or a failed connection), then one JSON line.
"""

import http.client
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import closing
from pathlib import Path

from _data import checked, parser
from scale import QUESTIONS, base_store, scaled_store

CLI = Path(sys.executable).parent / "crisisdesk"
#: (kind, weight): what the clients ask for, in what proportion
MIX = (("ask", 40), ("brief", 10), ("claims", 20), ("numbers", 10), ("events", 10), ("status", 10))
GETS = {
    "brief": "/api/brief",
    "claims": "/api/claims?actor=Trump&limit=50",
    "numbers": "/api/numbers?actor=Trump&limit=50",
    "events": "/api/events?limit=50",
    "status": "/api/status",
}


def copied(db: Path, folder: Path) -> Path:
    """A private copy of the cached store (SQLite's backup: consistent with its WAL)."""
    path = folder / db.name
    with closing(sqlite3.connect(db)) as src, closing(sqlite3.connect(path)) as dst:
        src.backup(dst)
    return path


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`crisisdesk serve` on 127.0.0.1:port, once it answers (models loaded)."""
    command = [str(CLI), "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server ended: see {log}")
        try:
            if request(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "status")[0]:
                return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start in 300 s")


def request(conn: http.client.HTTPConnection, kind: str) -> tuple[bool, float]:
    """One request of `kind`: whether it got a 200, and its seconds."""
    start = time.perf_counter()
    if kind == "ask":
        body = json.dumps({"question": random.choice(QUESTIONS)})
        conn.request("POST", "/api/ask", body, {"content-type": "application/json"})
    else:
        conn.request("GET", GETS[kind])
    response = conn.getresponse()
    response.read()
    return response.status == 200, time.perf_counter() - start


def client(port: int, until: float, seed: int, results: list[tuple[str, bool, float]]) -> None:
    """Send requests of the mix until `until`; a failed connection is an error, then a new
    connection."""
    rng = random.Random(seed)
    kinds, weights = zip(*MIX, strict=True)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while time.monotonic() < until:
        kind = rng.choices(kinds, weights)[0]
        try:
            ok, seconds = request(conn, kind)
        except (OSError, http.client.HTTPException):
            ok, seconds = False, 0.0
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        results.append((kind, ok, seconds))
    conn.close()


def load(port: int, clients: int, seconds: float) -> tuple[list[tuple[str, bool, float]], float]:
    """Every request of `clients` concurrent clients over `seconds`, and the wall time."""
    results: list[tuple[str, bool, float]] = []
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, until, n, results)) for n in range(clients)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - start


def warm(port: int) -> None:
    """Each reader's first question loads its vector index: ask enough, concurrently."""
    threads = [
        threading.Thread(
            target=request, args=(http.client.HTTPConnection("127.0.0.1", port), "ask")
        )
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    request(http.client.HTTPConnection("127.0.0.1", port, timeout=120), "brief")


def figures(results: list[tuple[str, bool, float]], wall: float) -> dict[str, object]:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, ok, seconds in results:
        if ok:
            by_kind[kind].append(seconds * 1000)
    out: dict[str, object] = {
        "requests": len(results),
        "errors": sum(not ok for _, ok, _ in results),
        "requests_per_s": round(len(results) / wall, 1),
    }
    for kind, _ in MIX:
        times = sorted(by_kind[kind])
        out[f"{kind}_n"] = len(times)
        out[f"{kind}_p50_ms"] = round(statistics.median(times)) if times else None
        out[f"{kind}_p95_ms"] = round(times[int(0.95 * (len(times) - 1))]) if times else None
    return out


def main() -> None:
    options = parser(__doc__)
    options.add_argument("--size", type=int, default=1000, help="articles in the store")
    options.add_argument("--clients", type=int, default=50)
    options.add_argument("--seconds", type=float, default=60, help="length of the run")
    options.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "crisisdesk-scale"
    )
    args = options.parse_args()
    folder = checked(args.data / "attribution" / "polnear" / "dev" / "text")
    args.cache.mkdir(parents=True, exist_ok=True)
    db, _ = scaled_store(base_store(folder, args.cache), args.size, args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        port, log = free_port(), Path(tmp) / "server.log"
        server = start_server(copied(db, Path(tmp)), port, log)
        try:
            warm(port)
            results, wall = load(port, args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    out = {"articles": args.size, "clients": args.clients, "seconds": round(wall, 1)}
    out |= figures(results, wall) | {"cores": os.cpu_count()}
    for key, value in out.items():
        print(f"{key:>16} {value}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
