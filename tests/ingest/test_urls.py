"""URL sources against a real HTTP server on localhost (no outside network)."""

import ipaddress
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

from crisisdesk.errors import IngestError
from crisisdesk.ingest import read, read_one
from crisisdesk.ingest.download import not_public
from crisisdesk.settings import IngestSettings, Settings
from tests.ingest.web import Site, serve

PUBLIC = "http://93.184.215.14"  # a global address, reached through the local server as proxy


@pytest.fixture
def site(texts: Path) -> Iterator[Site]:
    with serve(texts) as running:
        yield running


@pytest.fixture
def base_url(site: Site) -> str:
    return site.url


def only_error(url: str, settings: Settings) -> IngestError:
    [item] = read([url], settings=settings)
    assert isinstance(item, IngestError)
    assert item.source == url
    return item


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
    assert only_error(f"{base_url}/nowhere.txt", settings).reason == "cannot fetch: HTTP 404"


def test_oversize_response_is_an_error(base_url: str) -> None:
    tiny = Settings(ingest=IngestSettings(max_bytes=100))
    with pytest.raises(IngestError, match=r"response too large \(> 100 bytes\)"):
        read_one(f"{base_url}/naval_deployment.txt", settings=tiny)


def test_response_cut_short_is_an_error(base_url: str, settings: Settings) -> None:
    err = only_error(f"{base_url}/cut", settings)
    assert err.reason == "cannot fetch: connection closed mid-response"


def test_redirect_is_followed(base_url: str, settings: Settings) -> None:
    target = f"{base_url}/naval_deployment.txt"
    [doc] = read_one(f"{base_url}/redirect?to={quote(target)}", settings=settings)
    assert doc.text.startswith("NORTHPORT, Oct. 22 - Three frigates")


def test_redirect_to_another_scheme_is_refused(base_url: str, settings: Settings) -> None:
    url = f"{base_url}/redirect?to={quote('ftp://127.0.0.1/story.txt')}"
    assert only_error(url, settings).reason == (
        "refused: scheme 'ftp' is not http or https (redirect to ftp://127.0.0.1/story.txt)"
    )


@pytest.mark.parametrize("path", ["/trickle", "/trickle-headers"])
def test_slow_server_is_cut_at_the_deadline(site: Site, path: str) -> None:
    hasty = Settings(ingest=IngestSettings(timeout_s=5.0, deadline_s=0.3))
    err = only_error(f"{site.url}{path}", hasty)
    assert err.reason == "cannot fetch: not done within 0.3 s"


@pytest.mark.parametrize(
    ("host", "kinds"),
    [
        ("127.0.0.1", "private/loopback"),
        ("[::1]", "private/loopback/reserved"),
        ("0.0.0.0", "private/unspecified"),
    ],
)
def test_private_address_is_refused_when_not_allowed(site: Site, host: str, kinds: str) -> None:
    strict = Settings(ingest=IngestSettings(allow_private=False))
    url = f"http://{host}:{site.url.rsplit(':', 1)[1]}/naval_deployment.txt"
    assert only_error(url, strict).reason == f"refused: address {host.strip('[]')} is {kinds}"
    assert site.seen == []


def test_redirect_to_a_private_address_is_refused(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("http_proxy", site.url)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    strict = Settings(ingest=IngestSettings(allow_private=False))
    target = f"{site.url}/naval_deployment.txt"
    url = f"{PUBLIC}/redirect?to={quote(target)}"
    assert only_error(url, strict).reason == (
        f"refused: address 127.0.0.1 is private/loopback (redirect to {target})"
    )
    assert site.seen == ["/redirect"]


@pytest.mark.parametrize(
    ("address", "kinds"),
    [
        ("10.1.2.3", "private"),
        ("169.254.169.254", "private/link-local"),  # cloud metadata
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "not global"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "private/loopback"),  # IPv4-mapped
        ("fe80::1", "private/link-local"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_not_public(address: str, kinds: str | None) -> None:
    assert not_public(ipaddress.ip_address(address)) == kinds
