"""Stores and servers for the API and browser tests: the bundled sample plus an article whose
text holds markup, served by the real application (in process, or by uvicorn on a free port)."""

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from crisisdesk.desk import Desk
from crisisdesk.serve.http import Service, create_app, open_service
from crisisdesk.settings import Settings

MARKUP = (
    "Officials in Caracas said the statement <script>alert('pwned')</script> was forged. "
    "The ministry called it <b>fake</b> and denied any such order."
)
MARKUP_TITLE = "<img src=x onerror=alert(1)> Markup in an article"
SEED_QUESTION = "How many Igla-S missiles did Maduro say were deployed?"


def sample_store(path: Path, sample: Path, settings: Settings) -> Path:
    """A store at `path` holding the sample reports and the markup article."""
    markup = path.parent / "markup.jsonl"
    line = {"id": "markup", "text": MARKUP, "title": MARKUP_TITLE, "outlet": "<i>Outlet</i>"}
    markup.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with Desk(path, settings=settings) as desk:
        report = desk.ingest([sample, markup])
    assert report.added == 6, report
    return path


@contextmanager
def service(db: Path, settings: Settings, host: str = "127.0.0.1") -> Iterator[Service]:
    opened = open_service(db, settings, host=host)
    try:
        yield opened
    finally:
        opened.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running(opened: Service) -> Iterator[str]:
    """The application served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(opened), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
