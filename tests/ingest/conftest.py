from pathlib import Path

import pytest

from crisisdesk.settings import IngestSettings, Settings

TEXTS = Path(__file__).resolve().parents[1] / "texts" / "ingest"


@pytest.fixture
def settings() -> Settings:
    return Settings(ingest=IngestSettings(max_bytes=100_000, timeout_s=2.0))


@pytest.fixture
def texts() -> Path:
    return TEXTS
