"""What one server process holds: the reader threads and the writer thread with their desks,
the ingest jobs, the ask conversations, and who may write.

The writer opens (and creates) the store first and loads the models, so readers open an
existing, migrated store and the first question does not pay for loading spaCy.
"""

import hmac
import ipaddress
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from crisisdesk import vectors
from crisisdesk.desk import Desk
from crisisdesk.serve.http.jobs import Conversations, Jobs
from crisisdesk.serve.http.workers import Workers
from crisisdesk.settings import Settings

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
T = TypeVar("T")
#: results kept for one state of the store
KEPT = 64


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: a server only this machine can reach."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class UntilChanged:
    """Results that hold until the store changes (briefs, suggested questions): kept while
    the store's counts stay the same, all forgotten when any count changes."""

    state: tuple[tuple[str, int], ...] = ()
    values: dict[Hashable, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, desk: Desk, key: Hashable, make: Callable[[], T]) -> T:
        state = tuple(sorted(desk.status().counts.items()))
        with self.lock:
            if state != self.state:
                self.state, self.values = state, {}
            if key in self.values:
                found: T = self.values[key]
                return found
        value = make()
        with self.lock:
            if state == self.state and len(self.values) < KEPT:
                self.values[key] = value
        return value


@dataclass
class Service:
    """The desks and state of one server; `host` is the address it is bound to."""

    settings: Settings
    host: str
    readers: Workers
    writer: Workers
    jobs: Jobs
    conversations: Conversations = field(default_factory=Conversations)
    kept: UntilChanged = field(default_factory=UntilChanged)

    def write_refusal(self, authorization: str | None) -> str | None:
        """Why a write with this Authorization header is refused, or None when it may go on.
        With a token set, it must be given; without one, only a loopback server writes."""
        token = self.settings.serve.token
        if token is None:
            if is_loopback(self.host):
                return None
            return (
                f"writes need a token on a server bound to {self.host}: set CRISISDESK_SERVE__TOKEN"
            )
        scheme, _, given = (authorization or "").partition(" ")
        expected = token.get_secret_value().encode()
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected):
            return "a write needs the server's token (Authorization: Bearer TOKEN)"
        return None

    def close(self) -> None:
        self.readers.close()
        self.writer.close()


def open_service(db: Path | str | None, settings: Settings, *, host: str) -> Service:
    """Open the store (created when missing) on the writer thread, load the models, then
    start the readers; raises what opening the store raises (StoreError)."""
    serving = settings.model_copy(
        update={
            "ingest": settings.ingest.model_copy(
                update={"allow_private": settings.serve.allow_private_urls}
            )
        }
    )
    path = db if db is not None else settings.db
    writer = Workers(lambda: Desk(path, settings=serving), count=1, name="crisisdesk-writer")
    try:
        writer.wait_open()
        writer.submit(warm).result()
        readers = Workers(
            lambda: Desk(path, settings=serving, create=False),
            count=settings.serve.readers,
            name="crisisdesk-reader",
        )
    except BaseException:
        writer.close()
        raise
    try:
        readers.wait_open()
    except BaseException:
        readers.close()
        writer.close()
        raise
    return Service(serving, host, readers, writer, Jobs(writer))


def warm(desk: Desk) -> None:
    """Load the spaCy pipeline and the embedding model once, before any request."""
    desk.nlp  # noqa: B018 (loads and caches the pipeline)
    vectors.embed(["warm"])
