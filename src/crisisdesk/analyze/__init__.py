"""analyze: one spaCy `Language` (base model + crisisdesk components) turning texts into records.

The pipeline is built once per process (`load_nlp` is cached) and run with `nlp.pipe` in batches.
Each document's publication date is set on its `Doc` before the components run, so times can be
resolved against it.
"""

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from crisisdesk.analyze import extensions
from crisisdesk.analyze.components.actors import Gazetteer
from crisisdesk.analyze.convert import to_analysis
from crisisdesk.errors import AnalyzeError
from crisisdesk.records import Analysis
from crisisdesk.settings import Settings

CONFIG = Path(__file__).with_name("pipeline.cfg")

__all__ = ["analyze", "gazetteer", "load_nlp"]


@lru_cache(maxsize=4)
def _load(model: str, actors_file: str | None) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise AnalyzeError(f"cannot load spaCy pipeline {model!r}: {exc}") from exc
    config = spacy.util.load_config(CONFIG)
    for name in config["crisisdesk"]["components"]:
        section = dict(config["components"][name])
        factory, before = section.pop("factory"), section.pop("before", None)
        if name == "crisisdesk_actors" and actors_file:
            section["extra_gazetteer"] = actors_file
        nlp.add_pipe(factory, name=name, config=section, before=before)
    return nlp


def load_nlp(settings: Settings) -> Language:
    """The crisisdesk pipeline for these settings, built once per process."""
    extra = str(settings.actors_file) if settings.actors_file else None
    return _load(settings.models.spacy, extra)


def gazetteer(settings: Settings) -> Gazetteer:
    """The actor gazetteer (packaged plus the user's file), read once per process, for stages
    that resolve a typed name without running the pipeline."""
    return _gazetteer(str(settings.actors_file) if settings.actors_file else None)


@lru_cache(maxsize=2)
def _gazetteer(extra: str | None) -> Gazetteer:
    return Gazetteer.from_files("actors.tsv", extra)


def analyze(
    items: Iterable[tuple[str, date | None]], *, nlp: Language, batch_size: int = 32
) -> Iterator[Analysis]:
    """Analyze (text, published) pairs in order, batched through `nlp.pipe`."""
    extensions.register()

    def docs() -> Iterator[Doc]:
        for text, published in items:
            doc = nlp.make_doc(text)
            doc._.published = published.isoformat() if published else None
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield to_analysis(doc)
