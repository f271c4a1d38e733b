"""Ingest under faults, with the shipped limits: old Western encodings, a server that trickles,
private addresses, a symlink out of the folder, a CSV with a bad row, 50 MB inputs."""

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from crisisdesk.errors import IngestError
from crisisdesk.ingest import read, read_one
from crisisdesk.records import Document
from crisisdesk.settings import IngestSettings, Settings
from tests.ingest.web import Site, serve

TEXTS = Path(__file__).resolve().parents[1] / "texts" / "ingest"
SHIPPED = IngestSettings()  # the defaults a user gets
PUBLIC = "http://93.184.215.14"  # a global address, reached through the local server as proxy


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(TEXTS) as running:
        yield running


def with_ingest(**changes: object) -> Settings:
    return Settings(ingest=SHIPPED.model_copy(update=changes))


def only_error(source: str | Path, settings: Settings) -> IngestError:
    [item] = read([source], settings=settings)
    assert isinstance(item, IngestError)
    return item


@pytest.mark.parametrize(
    ("name", "start", "note"),
    [
        ("cadiz_cp1252.txt", "José Núñez, portavoz del Ministerio", "decoded as cp1252"),
        ("brest_latin1.txt", "Les frégates ont quitté le port", "decoded as latin-1"),
    ],
)
def test_western_article_is_read_exactly_and_noted(name: str, start: str, note: str) -> None:
    [doc] = read_one(TEXTS / name, settings=with_ingest())
    assert doc.text.startswith(start)
    assert "\ufffd" not in doc.text
    assert doc.note == note


def test_slow_server_is_cut_at_the_deadline(site: Site) -> None:
    err = only_error(f"{site.url}/trickle", with_ingest(deadline_s=0.5))
    assert err.reason == "cannot fetch: not done within 0.5 s"


def test_private_address_is_refused_when_not_allowed(site: Site) -> None:
    url = f"{site.url}/naval_deployment.txt"
    err = only_error(url, with_ingest(allow_private=False))
    assert str(err) == f"{url}: refused: address 127.0.0.1 is private/loopback"
    assert site.seen == []
    [doc] = read_one(url, settings=with_ingest())  # allowed by default
    assert doc.text.startswith("NORTHPORT")


def test_redirect_to_a_private_address_is_refused(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("http_proxy", site.url)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    target = f"{site.url}/naval_deployment.txt"
    err = only_error(f"{PUBLIC}/redirect?to={quote(target)}", with_ingest(allow_private=False))
    assert err.reason == f"refused: address 127.0.0.1 is private/loopback (redirect to {target})"
    assert site.seen == ["/redirect"]


def test_symlink_out_of_the_folder_is_skipped(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (tmp_path / "passwords.txt").write_text("Not news.", encoding="utf-8")
    (inbox / "story.txt").write_text("Frigates sailed at dawn.", encoding="utf-8")
    (inbox / "leak.txt").symlink_to(tmp_path / "passwords.txt")
    leak, story = read([inbox], settings=with_ingest())
    assert isinstance(leak, IngestError)
    assert str(leak) == f"{inbox / 'leak.txt'}: symlink leads outside the folder"
    assert isinstance(story, Document)
    assert story.text == "Frigates sailed at dawn."


def test_csv_with_a_bad_row_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "headline,body,pubdate\n"
        "Frigates sail,Three frigates left port.,2025-10-22\n"
        'Broken,"Tankers followed, said the ministry,2025-10-23\n',
        encoding="utf-8",
    )
    good, bad = read([path], settings=with_ingest())
    assert isinstance(good, Document)
    assert (good.title, good.text) == ("Frigates sail", "Three frigates left port.")
    assert isinstance(bad, IngestError)
    assert (bad.source, bad.reason) == (f"{path}:line 3", "expected 3 fields, found 2")


def test_50_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as file:
        file.truncate(50_000_000)  # sparse: reading it would give 50 MB of NUL bytes
    assert only_error(path, with_ingest()).reason == "file too large (50000000 bytes > 10000000)"


def test_50_mb_response_is_refused_past_the_limit(site: Site) -> None:
    err = only_error(f"{site.url}/huge", with_ingest())
    assert err.reason == "response too large (> 10000000 bytes)"
