"""Faults the store must survive: processes racing on one new store, a crash inside `add`, a
missing store opened read-only, a damaged file.

Workers run in spawned processes, which import this module: it imports the store only (spaCy
and the analysis are imported where the fixture needs them), so a worker starts quickly."""

import multiprocessing as mp
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from crisisdesk.errors import StoreError
from crisisdesk.records import Analysis, Document
from crisisdesk.store import SQLiteStore, Store, StoryLink, open_store
from crisisdesk.store.migrations import MIGRATIONS

if TYPE_CHECKING:
    from spacy.language import Language

FULL = "Senator Jane Holloway said on Monday that the vote on the strikes would wait."
LONE = "Ms. Holloway said the navy had not briefed the committee about the second strike."
NO_LINK = StoryLink((), b"")
Report = tuple[Document, Analysis]


@pytest.fixture(scope="module")
def reports(nlp: "Language") -> list[Report]:
    """The full name and the lone surname, each really analysed, as two documents."""
    from crisisdesk.analyze import analyze

    found = analyze([(FULL, None), (LONE, None)], nlp=nlp)
    return [(Document(f"doc-{n}", a.text), a) for n, a in enumerate(found)]


def add_at_once(path: str, report: Report, barrier: Any) -> None:
    """Open the store when every worker is ready, then store one report."""
    barrier.wait()
    with open_store(path) as store:
        store.add(*report, NO_LINK)


def open_at_once(path: str, barrier: Any) -> None:
    """Open (creating and migrating) the store when every worker is ready."""
    barrier.wait()
    open_store(path).close()


def crash_inside_add(path: str, report: Report, barrier: Any) -> None:
    """Die (no cleanup, no rollback) after the rows are written, before COMMIT."""

    def die(*args: object) -> None:
        os._exit(3)

    SQLiteStore._take_over = die  # type: ignore[method-assign]
    barrier.wait()
    with open_store(path) as store:
        store.add(*report, NO_LINK)


def run(target: Callable[..., None], jobs: list[tuple[Any, ...]]) -> list[int | None]:
    """Start a spawned process per job and return their exit codes."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(len(jobs))
    procs = [ctx.Process(target=target, args=(*job, barrier)) for job in jobs]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
    return [proc.exitcode for proc in procs]


def people(path: Path) -> list[str]:
    with open_store(path, create=False) as store:
        return sorted(a.name for a in store.actors() if "Holloway" in a.name)


@pytest.mark.parametrize("round_", range(3))
def test_concurrent_ingests_keep_one_person(
    tmp_path: Path, reports: list[Report], round_: int
) -> None:
    path = tmp_path / "race.db"
    assert run(add_at_once, [(str(path), r) for r in reports]) == [0, 0]
    assert people(path) == ["Jane Holloway"]


@pytest.mark.parametrize("round_", range(2))
def test_concurrent_opens_of_a_new_store(tmp_path: Path, round_: int) -> None:
    path = tmp_path / "new.db"
    assert run(open_at_once, [(str(path),)] * 4) == [0] * 4
    with sqlite3.connect(path) as db:
        names = [n for (n,) in db.execute('SELECT "name" FROM "_migrations" ORDER BY rowid')]
    assert names == [step.__name__ for step in MIGRATIONS]


def test_a_crash_inside_add_leaves_no_half_state(tmp_path: Path, reports: list[Report]) -> None:
    """The lone surname is stored; the process storing the full name dies before COMMIT."""
    path = tmp_path / "crash.db"
    full, lone = reports
    with open_store(path) as store:
        store.add(*lone, NO_LINK)
        before = store.status()
    assert run(crash_inside_add, [(str(path), full)]) == [3]
    with open_store(path) as store:
        assert store.status() == before
        assert not store.has_document(full[0].id)
        assert store.search("vote") == []
        assert store.add(*full, NO_LINK) is True
    assert people(path) == ["Jane Holloway"]


def test_a_failure_inside_add_rolls_back_links_too(
    tmp_path: Path, reports: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    full, lone = reports
    with open_store(tmp_path / "fail.db") as store:
        store.add(*lone, NO_LINK)
        before = (store.status(), store.actors(), store.top_actors())

        def fail(*args: object) -> None:
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(SQLiteStore, "_rename", fail)
        with pytest.raises(StoreError, match="disk I/O error"):
            store.add(*full, NO_LINK)
        assert (store.status(), store.actors(), store.top_actors()) == before
        monkeypatch.undo()
        assert store.add(*full, NO_LINK) is True
        assert [a.name for a in store.top_actors()][:1] == ["Jane Holloway"]


@pytest.mark.parametrize("url", ["missing.db", "sqlite:///{tmp}/missing.db", "{tmp}/missing.db"])
def test_a_missing_store_is_not_created_by_a_reader(tmp_path: Path, url: str) -> None:
    path = url.format(tmp=tmp_path)
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path / path if "{" not in url else path, create=False)
    assert "missing.db (run crisisdesk ingest first)" in str(caught.value)
    assert str(caught.value).startswith("no evidence base at ")
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_is_not_a_store_gives_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("minutes of the crisis meeting\n" * 200, encoding="utf-8")
    for create in (True, False):
        with pytest.raises(StoreError) as caught:
            open_store(path, create=create)
        assert "\n" not in str(caught.value)
        assert "file is not a database" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def reads(store: Store) -> list[Callable[[], object]]:
    """Every kind of read a command makes."""
    return [
        store.status,
        store.actors,
        store.top_actors,
        lambda: store.resolve_actor("Holloway"),
        lambda: store.search("vote navy committee"),
        lambda: store.attributions(limit=5),
        lambda: store.quantities(actor="Jane Holloway"),
        store.doubts,
        store.times,
        lambda: store.analysis("doc-0"),
        lambda: store.actor_sentences("Jane Holloway"),
    ]


@pytest.mark.parametrize("damage", ["truncate", "scribble"])
def test_a_damaged_store_gives_one_line_errors(
    tmp_path: Path, reports: list[Report], damage: str
) -> None:
    path = tmp_path / "damaged.db"
    with open_store(path) as store:
        for n in range(40):  # enough pages that damage in the middle hits data
            for doc, analysis in reports:
                store.add(Document(f"{doc.id}-{n}", doc.text), analysis, NO_LINK)
    size = path.stat().st_size
    with path.open("r+b") as handle:
        if damage == "truncate":
            handle.truncate(size // 2)
        else:
            handle.seek(size // 3)
            handle.write(b"\xde\xad\xbe\xef" * (size // 12))
    errors = damage_seen(path)
    assert errors, "the damage went unnoticed"
    assert all("\n" not in e and str(path) in e for e in errors)


def damage_seen(path: Path) -> list[str]:
    """The StoreError messages from opening the store and from every read; any other
    exception fails the test."""
    try:
        store = open_store(path, create=False)
    except StoreError as exc:
        return [str(exc)]
    errors = []
    with store:
        for read in reads(store):
            try:
                read()
            except StoreError as exc:
                errors.append(str(exc))
    return errors
