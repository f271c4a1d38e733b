"""Whether a measure a yes/no question gives lies within a limit the sources state.

"Could an Igla-S hit a plane flying at 5,000 meters?" is set against "a maximum altitude of
3,500 meters" (no); "Would a target 4 kilometers away be within reach?" against "a range of up
to 6,000 meters" (yes). Stored quantities carry their base unit, so 4 km meets 6,000 m. What a
measure is of (altitude, range, speed, depth) is read from the words nearest it, in the
question and in the sentence; a limit is a quantity of the same kind and unit that no floor
qualifies ("at least 3,000 meters" bounds nothing from above).

Limit: one measure per question, compared with one stated limit; a limit the sources give in
words ("it cannot reach jets at cruising altitude") is left to the yes/no reading of clauses.
"""

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crisisdesk.ask.question import Question
from crisisdesk.ask.retrieve import Passage
from crisisdesk.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

#: what a limit is of, by the words that say it beside a measure (stems by prefix)
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "altitude": ("altitude", "height", "high", "ceiling", "flying", "fly", "flies", "flown"),
    "range": ("range", "away", "distance", "far", "reach", "radius"),
    "speed": ("speed", "fast", "velocity"),
    "depth": ("depth", "deep", "dive", "diving"),
}
#: qualifiers that bound a quantity from below: no ceiling to compare with
FLOORS = frozenset(["at least", "over", "more than", "above", "minimum", "min", "from"])
#: how far from a measure (characters) a word may say what it is of
NEAR = 40
#: letters only, unlike `words.WORD`: "low-altitude" holds the word "altitude"
WORDS = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure a question gives, in its kind's base unit, and what it is of."""

    value: float
    unit: str
    kind: str


@dataclass(frozen=True, slots=True)
class Limit:
    """A stated limit a question's measure is set against: the passage, the limit's span in
    the sentence (from the word that says what it is of) and whether the measure is within."""

    passage: Passage
    start: int
    end: int
    within: bool


def measure_asked(question: Question, nlp: "Language") -> Measure | None:
    """The measure a yes/no question gives and what it is of ("5,000 meters", altitude), or
    None when it gives none or does not say what it measures."""
    if question.kind != "yesno" or not re.search(r"\d", question.text):
        return None
    doc = nlp(question.text)
    for found in doc._.quantities or []:
        value, unit = found.get("base_value"), found.get("base_unit")
        kind = dimension(question.text, found["start"], found["end"])
        if value is not None and unit and kind is not None:
            return Measure(value, unit, kind)
    return None


def dimension(text: str, start: int, end: int) -> str | None:
    """What the measure at text[start:end] is of: the kind of the nearest word that says one
    within `NEAR` characters of it, before or after."""
    best: tuple[int, str] | None = None
    for match in WORDS.finditer(text.lower()):
        if match.end() < start - NEAR or match.start() > end + NEAR:
            continue
        gap = start - match.end() if match.end() <= start else match.start() - end
        if gap < 0:
            continue
        for kind, words in DIMENSIONS.items():
            if any(match.group().startswith(w) for w in words) and (best is None or gap < best[0]):
                best = (gap, kind)
    return best[1] if best else None


def set_against_limit(measure: Measure, passages: list[Passage], store: Store) -> Limit | None:
    """The first passage stating a limit of the same kind and unit as the measure asked, and
    whether the measure is within it."""
    for passage in passages:
        hit = passage.hit
        for stated in store.quantities_in(hit.doc_id, hit.start, hit.end):
            if stated.base_unit != measure.unit or stated.base_value is None:
                continue
            if (stated.qualifier or "").lower() in FLOORS:
                continue
            local = stated.start - hit.start, stated.end - hit.start
            if dimension(hit.text, *local) != measure.kind:
                continue
            said = said_from(hit.text, local[0], measure.kind)
            within = measure.value <= stated.base_value
            return Limit(passage, hit.start + said, stated.end, within)
    return None


def said_from(text: str, start: int, kind: str) -> int:
    """Where the words that say the limit begin: the word of its kind before the measure
    ("*maximum altitude of* 3,500 meters" from "altitude"; "maximum" is read with it)."""
    window = text[max(0, start - NEAR) : start].lower()
    offset = max(0, start - NEAR)
    starts = (m.start() for w in DIMENSIONS[kind] for m in re.finditer(rf"\b{w}", window))
    at = max(starts, default=-1)
    if at < 0:
        return start
    before = re.search(r"\b(?:maximum|max|top|effective)\s+$", window[:at])
    return offset + (before.start() if before else at)
