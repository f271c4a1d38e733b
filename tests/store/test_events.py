"""One stored event, many reports: reports join the stored event they tell of (store/events.py)."""

import sqlite3
from datetime import date
from pathlib import Path

from crisisdesk.records import Analysis, Document, Event, Participant, Span
from crisisdesk.store import SQLiteStore, Store, StoryLink
from crisisdesk.store.migrations import MIGRATIONS

LINK = StoryLink(bands=(), signature=b"")


def report(
    store: Store,
    text: str,
    *,
    doc_id: str,
    day: date,
    outlet: str = "Wire",
    **event: object,
) -> None:
    """Store a one-sentence document whose one event spans the whole sentence."""
    defaults: dict[str, object] = {"type": "ASSAULT", "source": side("USA"), "target": ()}
    fields = defaults | event
    whole = Span(0, len(text), text)
    analysis = Analysis(
        text=text,
        published=day,
        sentences=(whole,),
        events=(Event(0, len(text), trigger=Span(0, 3, text[:3]), **fields),),  # type: ignore[arg-type]
    )
    doc = Document(id=doc_id, text=text, outlet=outlet, published=day)
    assert store.add(doc, analysis, LINK)


def side(*codes: str) -> tuple[Participant, ...]:
    return tuple(Participant(0, 3, "The", None, code) for code in codes)


def test_four_outlets_reporting_one_strike_are_one_event(store: Store) -> None:
    for n, outlet in enumerate(("AP", "Reuters", "AFP", "EFE")):
        report(
            store,
            f"US forces struck a boat, report {n}.",
            doc_id=f"d{n}",
            day=date(2025, 9, 2 + n // 2),
            outlet=outlet,
            type="FIGHT" if n % 2 else "ASSAULT",  # outlets word it either way
        )
    (event,) = store.events()
    assert len(event.reports) == 4
    assert event.documents == 4
    assert event.outlets == ("AP", "Reuters", "AFP", "EFE")
    assert event.first.sentence.doc_id == "d0"
    assert (event.first_day, event.last_day) == (date(2025, 9, 2), date(2025, 9, 3))
    counts = store.status().counts
    assert (counts["events"], counts["event_reports"]) == (1, 4)


def test_reports_apart_in_time_sides_or_kind_stay_apart(store: Store) -> None:
    report(store, "US strike one.", doc_id="a", day=date(2025, 9, 2), target=side("VEN"))
    report(store, "US strike two.", doc_id="b", day=date(2025, 9, 20), target=side("VEN"))
    report(store, "US strike three.", doc_id="c", day=date(2025, 9, 2), target=side("COL"))
    report(store, "US threat.", doc_id="d", day=date(2025, 9, 2), type="THREATEN")
    assert len(store.events()) == 4
    # a report naming no target joins the one that does, when the rest agrees
    report(store, "US strike again.", doc_id="e", day=date(2025, 9, 21))
    assert len(store.events()) == 4
    assert store.status().counts["event_reports"] == 5


def test_filters_by_actor_pair_and_day(store: Store) -> None:
    report(store, "US strike.", doc_id="a", day=date(2025, 9, 2), target=side("VEN"))
    report(
        store,
        "Venezuela denounced the US.",
        doc_id="b",
        day=date(2025, 9, 10),
        type="DISAPPROVE",
        source=side("VEN"),
        target=side("USA"),
    )
    report(
        store,
        "Colombia talks.",
        doc_id="c",
        day=date(2025, 9, 11),
        type="CONSULT",
        source=side("COL"),
        target=side("BRA"),
    )
    off_coast = Participant(0, 3, "The", "Venezuela", "VEN")
    report(store, "US strike off Venezuela.", doc_id="d", day=date(2025, 10, 1), place=off_coast)
    assert [e.type for e in store.events()] == ["ASSAULT", "CONSULT", "DISAPPROVE", "ASSAULT"]
    assert len(store.events(actors=["COL"])) == 1
    pair = store.events(pair=(["USA"], ["VEN"]))
    assert [e.first.sentence.doc_id for e in pair] == ["d", "b", "a"]  # either way; by place
    assert [
        e.first.sentence.doc_id
        for e in store.events(pair=(["VEN"], ["USA"]), since=date(2025, 9, 5))
    ] == ["d", "b"]
    assert [e.first.sentence.doc_id for e in store.events(limit=1, offset=1)] == ["c"]


def test_event_fields_round_trip(store: Store) -> None:
    text = "Maduro claimed the militia mobilized in Caracas."
    place = Participant(40, 47, "Caracas", "Venezuela", "VEN")
    event = Event(
        0,
        len(text),
        "MOBILIZE",
        side("VEN"),
        (),
        "2025-10-22",
        "claimed",
        -7.2,
        "154",
        Span(27, 36, "mobilized"),
        place,
        "Nicolás Maduro",
    )
    analysis = Analysis(
        text=text,
        published=date(2025, 10, 23),
        sentences=(Span(0, len(text), text),),
        events=(event,),
    )
    store.add(Document(id="m", text=text, published=date(2025, 10, 23)), analysis, LINK)
    stored = store.analysis("m")
    assert stored is not None
    assert stored.events == (event,)

    (found,) = store.events()
    assert found.first_day == date(2025, 10, 22)  # the event's own date, not publication
    assert (found.mode, found.intensity) == ("claimed", -7.2)


def test_events_stored_before_m017_become_one_event_each(tmp_path: Path) -> None:
    """A store written before event clusters: its event rows are kept, each its own event."""
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    steps = [s for s in MIGRATIONS if s.__name__ < "m017"]
    for step in steps:
        db.execute("BEGIN")
        step(db)
        db.execute("COMMIT")
    db.execute('CREATE TABLE "_migrations" ("name" TEXT PRIMARY KEY) STRICT')
    db.executemany('INSERT INTO "_migrations" VALUES (?)', [(s.__name__,) for s in steps])
    db.execute(
        """INSERT INTO "documents" ("id", "added", "text", "published", "story", "signature")
        VALUES ('d', 1, 'US strike.', '2025-09-02', 'd', x'00')"""
    )
    db.execute("""INSERT INTO "stories" ("id") VALUES ('d')""")
    db.execute(
        """INSERT INTO "sentences" ("doc_id", "idx", "start", "end", "text")
        VALUES ('d', 0, 0, 10, 'US strike.')"""
    )
    db.execute(
        """INSERT INTO "events" ("doc_id", "idx", "start", "end", "text", "type", "source",
        "target", "time") VALUES ('d', 0, 0, 9, 'US strike', 'ASSAULT', '[]', '[]', NULL)"""
    )
    db.close()
    with SQLiteStore(path) as store:
        counts = store.status().counts
        (event,) = store.events()
    assert (counts["events"], counts["event_reports"]) == (1, 1)
    assert (event.type, event.first_day, event.first.record.mode) == (
        "ASSAULT",
        date(2025, 9, 2),
        "happened",
    )
