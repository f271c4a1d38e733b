"""developments: the reports of one development across outlets and days.

A development is what several articles report: "the Air Force awards the tanker contract to
Northrop and EADS", told in the lead of one article, the background of a second and a quote
of a third. Its reports are sentences. At ingest, each document's informative sentences
(`reports`: the first REPORTS that name an actor, a number or a date) join the stored
development they are most like, or start one; a document may carry several developments, and
tells each once (its other sentences on it are further facts: their own developments).

A sentence is like a development when its vector (wordllama, as for retrieval, but of the
sentence alone) is near the development's mean vector and they share keys: actors, numbers
(value and unit), days and named things. A shared key counts by how rare it is among the
stored developments (a shared "$40 billion" says more than a shared "Boeing"); a development
whose days lie far from the sentence's day counts less, and so does a large one (the mean of
many reports is near any sentence on the topic). Candidates are found by shared keys
(an index lookup, so the cost does not grow with the store). Weights and the bar were chosen
on MEANTIME's cross-document event coreference and the brief checks (benchmarks/brief.py).
"""

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

import numpy as np

from crisisdesk import vectors
from crisisdesk.records import Analysis, Document, Quantity, Span, TimeExpr


class HasOffsets(Protocol):
    """Anything with offsets in a document."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


#: informative sentences of a document that may report a development, first ones first
REPORTS = 12
#: keys a report keeps (numbers and days first, then actors and named things)
KEYS = 12
#: sentences shorter than this (in words) report nothing ("It was delayed.")
MIN_WORDS = 6
#: entity labels that name things worth sharing (dates and numbers have their own keys)
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW"})
#: what a shared key adds to the cosine, by kind, before its rarity is applied
WEIGHTS = {"n": 0.22, "d": 0.12, "a": 0.08, "e": 0.08}
#: most the shared keys may add; the bar a report must reach to join
MOST_BONUS, BAR = 0.45, 0.66
#: what each doubling of a development's reports costs (at most MOST_SPREAD): the mean of many
#: reports is near any sentence on the topic, so a large development is matched more closely
SIZE_COST, MOST_SPREAD = 0.01, 0.1
#: a development whose days are this far from the report's day counts WINDOW_COST less
WINDOW_DAYS, WINDOW_COST = 60, 0.15


@dataclass(frozen=True, slots=True)
class Report:
    """A sentence that may report a development: its index in the document, its rank among
    the document's reports (0: its first informative sentence, the lead), its unit vector
    (stored bytes), its keys and its day (its own date, else the publication date)."""

    index: int
    rank: int
    vector: bytes
    keys: tuple[str, ...]
    day: date | None


@dataclass(slots=True)
class Candidate:
    """A development a report may join: its id (None until stored), the sum of its reports'
    vectors, its keys and days."""

    id: int | None
    total: np.ndarray
    keys: set[str] = field(default_factory=set)
    first: date | None = None
    last: date | None = None
    reports: list[Report] = field(default_factory=list)
    #: reports it held before this document's
    held: int = 0

    @property
    def size(self) -> int:
        return self.held + len(self.reports)

    def take(self, report: Report, vector: np.ndarray) -> None:
        """Add `report` (with its vector) to this development."""
        self.total = self.total + vector
        self.keys.update(report.keys)
        self.reports.append(report)
        if report.day is not None:
            self.first = min(self.first or report.day, report.day)
            self.last = max(self.last or report.day, report.day)


def reports(doc: Document, analysis: Analysis) -> list[Report]:
    """The document's informative sentences as reports, with their vectors and keys."""
    chosen = [
        (i, s, keys)
        for i, s in enumerate(analysis.sentences)
        if len(s.text.split()) >= MIN_WORDS and (keys := sentence_keys(analysis, s))
    ][:REPORTS]
    found = vectors.embed([s.text for _, s, _ in chosen])
    return [
        Report(i, rank, vectors.to_bytes(v), keys, own_day(analysis, s) or doc.published)
        for rank, ((i, s, keys), v) in enumerate(zip(chosen, found, strict=True))
    ]


def sentence_keys(analysis: Analysis, sentence: Span) -> tuple[str, ...]:
    """Keys of a sentence: n:<unit>:<value> for numbers, d:<day> for days, a:<actor> for
    actors and e:<name> for other named things."""
    inside = _within(sentence)
    numbers = [number_key(q) for q in analysis.quantities if inside(q)]
    days = [f"d:{t.value}" for t in analysis.times if inside(t) and _is_day(t)]
    names = [
        f"a:{e.actor}" if e.actor else f"e:{e.text.lower()}"
        for e in analysis.entities
        if inside(e) and e.label in NAMED
    ]
    return tuple(dict.fromkeys(k for k in (*numbers, *days, *names) if k))[:KEYS]


def number_key(q: Quantity) -> str | None:
    """ "n:USD:4e+10" for "$40 billion"; None for a number too common to tell (a count under
    ten, a percentage under ten, a number without a value)."""
    value = q.base_value if q.base_value is not None else q.value
    if value is None or (abs(value) < 10 and q.unit in {"count", "percent"}):
        return None
    return f"n:{q.base_unit or q.unit}:{float(f'{value:.3g}'):g}"


def own_day(analysis: Analysis, sentence: Span) -> date | None:
    """The first full date the sentence mentions."""
    inside = _within(sentence)
    for t in analysis.times:
        if inside(t) and t.type == "DATE" and t.value and len(t.value) == 10:
            try:
                return date.fromisoformat(t.value)
            except ValueError:
                continue
    return None


def _is_day(t: TimeExpr) -> bool:
    """A calendar day or month (not "now", not a bare year: too common to tell)."""
    value = t.value or ""
    return t.type == "DATE" and len(value) >= 7 and value[:1].isdigit()


def _within(sentence: Span) -> Callable[[HasOffsets], bool]:
    """Whether a record lies inside `sentence`."""
    return lambda r: sentence.start <= r.start and r.end <= sentence.end


def place(
    found: Sequence[Report],
    candidates: Iterable[Candidate],
    rarity: dict[str, float],
) -> list[Candidate]:
    """The developments `found` join or start, each holding the reports that joined it.

    Reports are placed in order, each in a development no other report of this document is in
    (a document tells a development once; its other sentences on it are further facts, each
    its own development unless another document tells it too). `rarity` gives each key's
    weight factor (0..1)."""
    pool = list(candidates)
    touched: list[Candidate] = []
    for report in found:
        vector = vectors.from_bytes([report.vector])[0]
        free = [c for c in pool if not c.reports]
        best = max(free, key=lambda c: score(report, vector, c, rarity), default=None)
        if best is None or score(report, vector, best, rarity) < BAR:
            best = Candidate(None, np.zeros_like(vector))
            pool.append(best)
        best.take(report, vector)
        if not any(c is best for c in touched):
            touched.append(best)
    return touched


def score(report: Report, vector: np.ndarray, c: Candidate, rarity: dict[str, float]) -> float:
    """How like development `c` the report is: cosine, plus shared keys by rarity, less the
    cost of a distant day. No shared key, no join."""
    shared = [k for k in report.keys if k in c.keys]
    if not shared or not c.total.any():
        return 0.0
    cosine = float(vector @ c.total) / (float(np.linalg.norm(c.total)) or 1.0)
    bonus = sum(WEIGHTS[k[0]] * rarity.get(k, 1.0) for k in shared)
    spread = min(SIZE_COST * math.log2(1 + c.size), MOST_SPREAD)
    return cosine + min(bonus, MOST_BONUS) - WINDOW_COST * _distance(report.day, c) - spread


def _distance(day: date | None, c: Candidate) -> float:
    """0 when `day` lies in the development's days, rising to 1 at WINDOW_DAYS away."""
    if day is None or c.first is None or c.last is None:
        return 0.0
    gap = max((c.first - day).days, (day - c.last).days, 0)
    return min(gap / WINDOW_DAYS, 1.0)


def key_rarity(developments: int, holding: int) -> float:
    """A key's weight factor: 1 for a key few developments hold, falling toward 0 for one
    that most hold."""
    if developments <= 1:
        return 1.0
    return max(0.0, 1.0 - math.log1p(holding) / math.log1p(developments))
