"""analyze: texts -> records with one spaCy pipeline (`pipeline`), plus the actor gazetteer
(`gazetteer`), which commands read without loading spaCy.

Importing this package is cheap: `load_nlp`, `analyze` and `Failure` come from `pipeline` on
first use, so a command that only reads the store never imports spaCy.
"""

from functools import lru_cache
from typing import Any

from crisisdesk.analyze.gazetteer import Gazetteer
from crisisdesk.settings import Settings

__all__ = ["Failure", "analyze", "gazetteer", "load_nlp"]
_FROM_PIPELINE = frozenset({"Failure", "analyze", "load_nlp", "component_names"})


def gazetteer(settings: Settings) -> Gazetteer:
    """The actor gazetteer (packaged plus the user's file), read once per process, for stages
    that resolve a typed name without running the pipeline."""
    return _gazetteer(str(settings.actors_file) if settings.actors_file else None)


@lru_cache(maxsize=2)
def _gazetteer(extra: str | None) -> Gazetteer:
    return Gazetteer.from_files("actors.tsv", extra)


def __getattr__(name: str) -> Any:
    """The pipeline's names, imported (with spaCy) on first use."""
    if name in _FROM_PIPELINE:
        from crisisdesk.analyze import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
