"""Shared fixtures: the real pipeline, loaded once per test run, and real stores in tmp_path."""

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from spacy.language import Language

from crisisdesk.analyze import load_nlp
from crisisdesk.desk import Desk
from crisisdesk.settings import Settings

#: Two sentences of the project's seed briefing (its own text, not evaluation data).
SEED = (
    "Venezuelan President Nicolás Maduro claimed on Wednesday that his country has deployed "
    "5,000 Russian-made Igla-S anti-aircraft missiles in key air defense positions across its "
    "territory. President Donald Trump has stated he is weighing military action inside "
    "Venezuela to weaken Maduro. Trump has also authorized the CIA to conduct covert action in "
    "Venezuela."
)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Language:
    return load_nlp(settings)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return Path(str(resources.files("crisisdesk") / "sample" / "reports.jsonl"))


@pytest.fixture(scope="session")
def sample_docs(sample_path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in sample_path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def desk(tmp_path: Path, settings: Settings) -> Iterator[Desk]:
    with Desk(tmp_path / "test.db", settings=settings) as opened:
        yield opened
