"""A kill -9 in the middle of a parallel ingest loses nothing stored, leaves no analysis process
behind, and the next ingest finishes the job."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLI = Path(sys.executable).with_name("crisisdesk")
REPORT = (
    "Report {n}: the coast guard counted {n} boats near the harbour on Monday, officials said. "
    "Fishermen in the port said the patrols had doubled since the summer.\n\n"
)


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute('SELECT count(*) FROM "documents"').fetchone()[0])
    except sqlite3.Error:
        return 0


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """The process runs (a zombie waiting to be reaped does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find worker processes")
def test_kill_9_mid_ingest_loses_nothing(tmp_path: Path) -> None:
    folder, db = tmp_path / "texts", tmp_path / "k.db"
    folder.mkdir()
    for n in range(60):
        (folder / f"{n:02}.txt").write_text(REPORT.format(n=n) * 3, encoding="utf-8")
    env = {**os.environ, "CRISISDESK_MODELS__WORKERS": "2"}
    run = [str(CLI), "ingest", str(folder), "--db", str(db)]
    first = subprocess.Popen(run, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while stored(db) < 5 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = children(first.pid)
    assert len(workers) >= 2, "the ingest must run its analysis processes"
    first.send_signal(signal.SIGKILL)
    first.wait()
    before = stored(db)
    assert 0 < before < 60, "the kill must land mid-ingest"
    time.sleep(1.0)
    assert [p for p in workers if alive(p)] == []  # the workers ended with their parent
    done = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert f"{before} already stored" in done.stderr
    assert stored(db) == 60
