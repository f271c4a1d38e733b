"""Fixtures for the store tests; the records themselves are in store_samples.py."""

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from store_samples import TEXT, make_analysis

from crisisdesk.records import Analysis, Document
from crisisdesk.store import Store, StoryLink, open_store


@pytest.fixture
def doc() -> Document:
    return Document(
        id="doc-marines",
        text=TEXT,
        title="Marines sent to the Caribbean",
        url="https://example.org/marines",
        outlet="Example Wire",
        published=date(2025, 10, 23),
        origin="marines.txt",
    )


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()


@pytest.fixture
def link() -> StoryLink:
    return StoryLink(bands=("b0:aa", "b1:bb"), signature=b"\x01\x02\x03")


BACKENDS: dict[str, Callable[[Path], Store]] = {
    "sqlite": lambda tmp_path: open_store(tmp_path / "crisisdesk.db")
}


@pytest.fixture(params=sorted(BACKENDS))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, real store of each backend."""
    with BACKENDS[request.param](tmp_path) as opened:
        yield opened
