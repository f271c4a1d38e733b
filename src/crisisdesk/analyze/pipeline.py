"""The language pipeline: one spaCy `Language` (base model + crisisdesk components) turning texts
into records, document by document, a failing document reported rather than raised.

The pipeline is built once per process (`load_nlp` is cached) and run with `nlp.pipe` in
batches. Each document's publication date is set on its `Doc` before the components run, so
times can be resolved against it. A long text is analysed in pieces of at most
`settings.models.piece_chars` characters, cut at paragraph or sentence ends, and the pieces'
records are joined with their offsets shifted: time and memory stay linear in the text's length
(within a piece, some components look across sentences). A component that raises skips that
document with its reason (spaCy's error-handler pattern); the run goes on.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, cast

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from crisisdesk.analyze import extensions
from crisisdesk.analyze.components.paragraphs import SPLIT_TITLES
from crisisdesk.analyze.convert import to_analysis
from crisisdesk.errors import AnalyzeError
from crisisdesk.records import Analysis
from crisisdesk.settings import Settings

CONFIG = Path(__file__).with_name("pipeline.cfg")
#: where a piece of a long text may end, best first: a paragraph, a line, a sentence, a word
BREAKS = ("\n\n", "\n", ". ", " ")
#: splits the tokenizer makes besides spaCy's: a comma between a word and a figure with no
#: space after it, as web copy often has it ("30 Egyptian citizens,15 French nationals")
INFIXES = (r"(?<=[A-Za-z]),(?=[0-9])",)
T = TypeVar("T")

__all__ = ["CONFIG", "Failure", "analyze", "analyze_batch", "component_names", "load_nlp"]


@dataclass(frozen=True, slots=True)
class Failure:
    """Why one document could not be analysed: the component that failed, and its error."""

    component: str | None
    reason: str

    def __str__(self) -> str:
        where = f" in {self.component}" if self.component else ""
        return f"analysis failed{where}: {self.reason}"


@lru_cache(maxsize=1)
def component_names() -> tuple[str, ...]:
    """crisisdesk's components, in pipeline order, as the config lists them."""
    config = spacy.util.load_config(CONFIG)
    return tuple(config["crisisdesk"]["components"])


@lru_cache(maxsize=4)
def _load(model: str, actors_file: str | None) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise AnalyzeError(f"cannot load spaCy pipeline {model!r}: {exc}") from exc
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    infixes = (*(nlp.Defaults.infixes or ()), *INFIXES)
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    for title in SPLIT_TITLES:  # "Navy Capt. Jeff Davis": one token; its period ends nothing
        tokenizer.add_special_case(title, [{ORTH: title}])
    config = spacy.util.load_config(CONFIG)
    for name in config["crisisdesk"]["components"]:
        section = dict(config["components"][name])
        factory, before = section.pop("factory"), section.pop("before", None)
        if name == "crisisdesk_actors" and actors_file:
            section["extra_gazetteer"] = actors_file
        nlp.add_pipe(factory, name=name, config=section, before=before)
    _check_order(nlp)
    return nlp


def _check_order(nlp: Language) -> None:
    """Refuse a pipeline where a component runs before what it `requires` is assigned."""
    analysis = nlp.analyze_pipes(pretty=False) or {}
    missing = {name: needs for name, needs in analysis.get("problems", {}).items() if needs}
    if missing:
        raise AnalyzeError(f"pipeline components run before what they need: {missing}")


def load_nlp(settings: Settings) -> Language:
    """The crisisdesk pipeline for these settings, built once per process."""
    extra = str(settings.actors_file) if settings.actors_file else None
    return _load(settings.models.spacy, extra)


def piece_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """[start, end) pieces covering `text` in order, each at most `limit` characters, cut after
    the last paragraph break, else line break, sentence end or space before the limit."""
    bounds, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((window.rfind(b) + len(b) for b in BREAKS if window.rfind(b) > 0), limit)
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


def shifted(record: T, offset: int) -> T:
    """A record (and the records inside it) with every `start`/`end` moved by `offset`."""
    if not offset or not is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name in ("start", "end") and isinstance(value, int):
            changes[f.name] = value + offset
        elif isinstance(value, tuple):
            changes[f.name] = tuple(shifted(v, offset) for v in value)
        elif is_dataclass(value):
            changes[f.name] = shifted(value, offset)
    return replace(record, **changes)


def joined(text: str, pieces: list[tuple[int, Analysis]]) -> Analysis:
    """One analysis of `text` from the analyses of its pieces (offset, analysis), in order."""
    if len(pieces) == 1 and pieces[0][0] == 0:
        return pieces[0][1]
    kinds = ("sentences", "entities", "attributions", "doubts", "quantities", "times", "events")
    parts = {k: tuple(shifted(r, o) for o, a in pieces for r in getattr(a, k)) for k in kinds}
    actors = {actor.name: actor for _, a in reversed(pieces) for actor in a.actors}
    return Analysis(
        text=text, published=pieces[0][1].published, **parts, actors=(*actors.values(),)
    )


@dataclass(slots=True)
class _Pending:
    """A document whose pieces are on their way through the pipeline."""

    text: str
    count: int
    pieces: list[tuple[int, Analysis]] = field(default_factory=list)
    failure: Failure | None = None

    def done(self) -> bool:
        return self.failure is not None or len(self.pieces) == self.count

    def result(self) -> Analysis | Failure:
        return self.failure or joined(self.text, self.pieces)

    def add(self, start: int, doc: Doc) -> None:
        """Add one analysed piece, or the failure to convert it."""
        if self.failure is not None:
            return
        try:
            self.pieces.append((start, to_analysis(doc)))
        except Exception as exc:  # a converter bug fails this document only
            self.failure = Failure("convert", f"{type(exc).__name__}: {exc}")


class _Run:
    """One `analyze` call: documents numbered in input order, cut into pieces, and given out
    again in order once all their pieces are through (or one of them failed)."""

    def __init__(self, nlp: Language, piece_chars: int) -> None:
        self.nlp, self.piece_chars = nlp, piece_chars
        self.pending: dict[int, _Pending] = {}
        self.upcoming = 0

    def docs(self, items: Iterable[tuple[str, date | None]]) -> Iterator[tuple[Doc, Any]]:
        for number, (text, published) in enumerate(items):
            bounds = piece_bounds(text, self.piece_chars)
            self.pending[number] = _Pending(text, len(bounds))
            for start, end in bounds:
                doc = self.nlp.make_doc(text[start:end])
                doc._.published = published.isoformat() if published else None
                yield doc, (number, start)

    def fail(self, name: str | None, _proc: Any, docs: list[Doc], exc: Exception) -> None:
        """spaCy's error handler: the documents a component raised on fail, with the reason."""
        for doc in docs:
            number = doc._context[0] if isinstance(doc._context, tuple) else None
            if number not in self.pending:
                raise exc  # not a document of this run (e.g. a direct `nlp(text)` call)
            if self.pending[number].failure is None:
                self.pending[number].failure = Failure(name, f"{type(exc).__name__}: {exc}")

    def finished(self, *, flush: bool = False) -> Iterator[Analysis | Failure]:
        """The results ready in input order (all of them with `flush`)."""
        while self.upcoming in self.pending and (flush or self.pending[self.upcoming].done()):
            yield self.pending.pop(self.upcoming).result()
            self.upcoming += 1


def analyze(
    items: Iterable[tuple[str, date | None]],
    *,
    nlp: Language,
    batch_size: int = 8,
    piece_chars: int = 20_000,
) -> Iterator[Analysis | Failure]:
    """For each (text, published) pair, in order, its Analysis or why it failed."""
    extensions.register()
    run = _Run(nlp, piece_chars)
    nlp.default_error_handler = run.fail  # crisisdesk's components (no `pipe` method) use it
    for doc, (number, start) in nlp.pipe(run.docs(items), batch_size=batch_size, as_tuples=True):
        run.pending[number].add(start, doc)
        yield from run.finished()
    yield from run.finished(flush=True)


def analyze_batch(
    items: list[tuple[str, date | None]], settings: Settings
) -> list[Analysis | Failure]:
    """A batch analysed by this process's pipeline: the unit of work a worker process runs.

    spaCy's own trained components run batches without our error handler: if one raises, the
    batch is analysed again one document at a time, so only the document that fails is lost."""
    nlp = load_nlp(settings)
    models = settings.models

    def run(part: list[tuple[str, date | None]]) -> list[Analysis | Failure]:
        batch, chars = models.batch_size, models.piece_chars
        return list(analyze(part, nlp=nlp, batch_size=batch, piece_chars=chars))

    try:
        return run(items)
    except Exception as exc:
        if len(items) == 1:
            return [Failure(None, f"{type(exc).__name__}: {exc}")]
    return [result for item in items for result in analyze_batch([item], settings)]
