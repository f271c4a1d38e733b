"""Ingest jobs and ask conversations: the little state a server keeps between requests.

An ingest runs on the writer thread as a job the page polls for progress; the last JOBS_KEPT
jobs are kept. A conversation is the `Thread` of `crisisdesk chat` (the last question and
answer, so a follow-up can be read), kept for the last CONVERSATIONS_KEPT conversations, each
behind its own lock so two follow-ups of one conversation do not interleave. Both live in
memory only: a restart forgets them.
"""

import secrets
import shutil
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from crisisdesk.ask.thread import Thread
from crisisdesk.desk import Desk
from crisisdesk.records import IngestReport
from crisisdesk.serve.http.workers import Workers

JOBS_KEPT, CONVERSATIONS_KEPT = 200, 2_000


def new_id() -> str:
    return secrets.token_urlsafe(12)


@dataclass(slots=True)
class Job:
    """One ingest: its state, progress and, when done, its report. `uploads` is the private
    folder its uploaded files were saved in: removed when it ends, and cut from messages."""

    id: str
    total: int | None = None
    state: str = "queued"
    done: int = 0
    report: IngestReport | None = None
    error: str | None = None
    uploads: Path | None = None

    def to_json(self) -> dict[str, Any]:
        report = self.report or IngestReport()
        return {
            "id": self.id,
            "state": self.state,
            "done": self.done,
            "total": self.total,
            "added": report.added,
            "unchanged": report.unchanged,
            "joined_story": report.joined_story,
            "words": report.words,
            "skipped": [self._shown(str(e)) for e in report.skipped],
            "notes": [self._shown(n) for n in report.notes],
            "error": self.error,
        }

    def _shown(self, message: str) -> str:
        """A message without the private upload folder: "report.txt: empty"."""
        return message.replace(f"{self.uploads}/", "") if self.uploads else message


@dataclass(frozen=True, slots=True)
class Ingest:
    """What to ingest: files and URLs, with the date and outlet to give them."""

    sources: list[str]
    published: date | None = None
    outlet: str | None = None
    total: int | None = None
    uploads: Path | None = None


@dataclass
class Jobs:
    """The recent ingest jobs, run one after another on the writer thread."""

    writer: Workers
    _jobs: OrderedDict[str, Job] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, ingest: Ingest) -> Job:
        job = Job(new_id(), total=ingest.total, uploads=ingest.uploads)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > JOBS_KEPT:
                self._jobs.popitem(last=False)
        self.writer.submit(lambda desk: run(job, ingest, desk))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self) -> Iterable[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))


def run(job: Job, ingest: Ingest, desk: Desk) -> None:
    """Ingest on the writer's desk, counting documents as they are stored; a failure of the
    whole run (a damaged store) is the job's error, never the server's."""
    job.state = "running"

    def advance(n: int) -> None:
        job.done += n

    try:
        job.report = desk.ingest(
            ingest.sources, published=ingest.published, outlet=ingest.outlet, progress=advance
        )
        job.state = "done"
    except Exception as exc:  # the job reports it; the writer thread goes on
        job.error, job.state = str(exc) or type(exc).__name__, "failed"
    finally:
        if ingest.uploads is not None:
            shutil.rmtree(ingest.uploads, ignore_errors=True)


@dataclass
class Conversations:
    """The recent conversations of `ask`, by id."""

    _threads: OrderedDict[str, tuple[Thread, threading.Lock]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def open(self, thread_id: str | None) -> tuple[str, Thread, threading.Lock] | None:
        """The conversation `thread_id` (a new one for None); None when it is not known (never
        given, or forgotten)."""
        with self._lock:
            if thread_id is None:
                thread_id = new_id()
                self._threads[thread_id] = (Thread(), threading.Lock())
                while len(self._threads) > CONVERSATIONS_KEPT:
                    self._threads.popitem(last=False)
            found = self._threads.get(thread_id)
            if found is None:
                return None
            self._threads.move_to_end(thread_id)
            return thread_id, *found
