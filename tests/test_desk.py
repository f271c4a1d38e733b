"""The Python API: ingest is idempotent, resumable after an interruption, and links wire copies."""

from pathlib import Path

import pytest

from crisisdesk.desk import Desk
from crisisdesk.store import SQLiteStore


def test_interrupted_ingest_keeps_finished_documents_and_resumes(
    desk: Desk, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_add = SQLiteStore.add
    calls = {"n": 0}

    def add_then_interrupt(self, doc, analysis, link, vectors=(), reports=None):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_add(self, doc, analysis, link, vectors, reports)

    monkeypatch.setattr(SQLiteStore, "add", add_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        desk.ingest([sample_path])
    assert desk.status().counts["documents"] == 2
    monkeypatch.setattr(SQLiteStore, "add", real_add)
    report = desk.ingest([sample_path])
    assert (report.added, report.unchanged) == (3, 2)
    assert desk.status().counts["documents"] == 5


def test_same_text_twice_in_one_run_is_stored_once(desk: Desk, tmp_path: Path) -> None:
    text = "The navy sent 4,500 Marines and sailors to the Caribbean on Monday."
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = desk.ingest([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert (report.added, report.unchanged) == (1, 1)


def test_resolve_actor_accepts_aliases(desk: Desk, sample_path: Path) -> None:
    desk.ingest([sample_path])
    assert desk.resolve_actor("Maduro") == "Nicolás Maduro"
    assert desk.resolve_actor("U.S.") == "United States"
