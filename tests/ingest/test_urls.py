"""URL sources against a real HTTP server on localhost (no outside network)."""

import threading
from collections.abc import Iterator
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crisisdesk.errors import IngestError
from crisisdesk.ingest import read, read_one
from crisisdesk.settings import IngestSettings, Settings


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def base_url(texts: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(texts)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_feed_url(base_url: str, settings: Settings) -> None:
    url = f"{base_url}/harbour_watch.rss"
    first, second = read_one(url, settings=settings)
    assert first.origin == f"{url}#entry-1"
    assert first.published == date(2025, 10, 22)
    assert second.outlet == "Harbour Watch"


def test_html_url(base_url: str, settings: Settings) -> None:
    [doc] = read_one(f"{base_url}/frigates.html?ref=feed", settings=settings)
    assert doc.title == "Frigates sail for the strait"
    assert doc.origin == f"{base_url}/frigates.html?ref=feed"


def test_missing_url_is_an_error(base_url: str, settings: Settings) -> None:
    [err] = read([f"{base_url}/nowhere.txt"], settings=settings)
    assert isinstance(err, IngestError)
    assert err.reason == "cannot fetch: HTTP 404"


def test_oversize_response_is_an_error(base_url: str) -> None:
    tiny = Settings(ingest=IngestSettings(max_bytes=100))
    with pytest.raises(IngestError, match=r"response too large \(> 100 bytes\)"):
        read_one(f"{base_url}/naval_deployment.txt", settings=tiny)
