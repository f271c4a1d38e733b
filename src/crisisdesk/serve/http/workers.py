"""Threads that own a `Desk` each: the store opened once per thread for the life of the server.

A SQLite connection belongs to the thread that opened it, so the server does not hand stores
to whatever thread the event loop picks: it sends work to a few reader threads, each with its
own connection (WAL lets them read while one writes), and to one writer thread, the only one
that ingests. Work is a function of the thread's desk; its result (or exception) comes back as
a future the event loop awaits.
"""

import asyncio
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from crisisdesk.desk import Desk

T = TypeVar("T")
Job = tuple[Callable[[Desk], Any], Future[Any]]


class Workers:
    """`count` threads named `name`, each with the desk `open_desk()` gives it (opened in
    that thread); `run` hands a function of the desk to the next free one."""

    def __init__(self, open_desk: Callable[[], Desk], *, count: int, name: str) -> None:
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._opened: list[Future[None]] = [Future() for _ in range(count)]
        self._threads = [
            threading.Thread(
                target=self._serve, args=(open_desk, opened), name=f"{name}-{n}", daemon=True
            )
            for n, opened in enumerate(self._opened)
        ]
        for thread in self._threads:
            thread.start()

    def wait_open(self) -> None:
        """Raise the first error opening a desk (a missing or damaged store), if any."""
        for opened in self._opened:
            opened.result()

    def submit(self, work: Callable[[Desk], T]) -> "Future[T]":
        future: Future[T] = Future()
        self._jobs.put((work, future))
        return future

    async def run(self, work: Callable[[Desk], T]) -> T:
        """`work(desk)` on one of the threads, awaited without blocking the event loop."""
        return await asyncio.wrap_future(self.submit(work))

    def close(self) -> None:
        """Let every thread finish its queued work, close its desk and end."""
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()

    def _serve(self, open_desk: Callable[[], Desk], opened: Future[None]) -> None:
        try:
            desk = open_desk()
        except BaseException as exc:
            opened.set_exception(exc)
            self._fail_all(exc)
            return
        opened.set_result(None)
        try:
            while (job := self._jobs.get()) is not None:
                work, future = job
                if future.set_running_or_notify_cancel():
                    try:
                        future.set_result(work(desk))
                    except BaseException as exc:
                        future.set_exception(exc)
        finally:
            desk.close()

    def _fail_all(self, exc: BaseException) -> None:
        """A thread whose desk could not be opened answers every job with that error, so no
        caller waits forever."""
        while (job := self._jobs.get()) is not None:
            if job[1].set_running_or_notify_cancel():
                job[1].set_exception(exc)
