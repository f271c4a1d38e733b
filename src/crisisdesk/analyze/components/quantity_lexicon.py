"""Lexicons of crisisdesk_quantities: units, number words, qualifiers and label words.

Read once per pipeline. Units come from `lexicons/units.tsv` (surface forms -> the unit reported,
its kind, and the factor to the kind's base unit, so users can convert: 3.5 "km" = 3500 "m").
Surfaces with a capital letter and up to three characters match exactly ("MW", "K"), the others
in any case. Not handled: units the lexicon lacks; prefixed SI units are listed, not composed.
"""

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from crisisdesk.analyze.lexicon import read_rows, read_words


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as reported, its kind, base unit and factor to it, and the unit to use when the
    number carries a scale word (only "pounds" -> GBP)."""

    name: str
    kind: str
    base: str
    factor: float = 1.0
    scaled: str | None = None


CHANGE_VERBS = "quantity_change_verbs.txt"
COUNT = Unit("count", "count", "count")


class Lexicons:
    """Units, number words, qualifiers and label words, read once."""

    def __init__(
        self, nlp: Language, units: str, numbers: str, qualifiers: str, labels: str
    ) -> None:
        self.units: dict[str, Unit] = {}
        self.numbers = {row[0]: (row[1], float(row[2])) for row in read_rows(numbers)}
        self.labels = frozenset(read_words(labels))
        self.change_verbs = frozenset(read_words(CHANGE_VERBS))
        self.unit_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.unit_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.glued: dict[str, Unit] = {}
        self.unit_heads: set[str] = set()  # first words of unit phrases, lower case
        self.by_name: dict[str, Unit] = {}
        for row in read_rows(units):
            scaled = row[5] if len(row) > 5 else None
            unit = Unit(row[1], row[2], row[3], float(row[4]), scaled)
            self.by_name.setdefault(unit.name, unit)
            for surface in row[0].split("|"):
                self.add_unit(nlp, surface, unit)
        self.before = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.governors: set[str] = set()
        for phrase, where in read_rows(qualifiers):
            if where == "governor":
                self.governors.add(phrase)
            else:
                self.before.add(phrase, [nlp.make_doc(phrase)])

    def add_unit(self, nlp: Language, surface: str, unit: Unit) -> None:
        self.units[surface] = unit
        self.unit_heads.add(surface.split(" ")[0].lower())
        self.glued.setdefault(surface, unit)
        exact = surface != surface.lower() and len(surface) <= 3  # "MW", "K", "USD"
        matcher = self.unit_exact if exact else self.unit_lower
        pattern = nlp.make_doc(surface)
        matcher.add(surface, [pattern])
        if len(pattern) > 1 and len(pattern[-1].text) == 1 and pattern[-1].is_alpha:
            matcher.add(surface, [nlp.make_doc(surface + ".")])  # "km/h." ending a sentence

    def unit_spans(self, doc: Doc) -> dict[int, tuple[int, Unit]]:
        """Token start -> (end, unit) of the longest unit phrase starting there."""
        found: dict[int, tuple[int, Unit]] = {}
        for matcher in (self.unit_exact, self.unit_lower):
            for key, start, end in matcher(doc):
                surface = doc.vocab.strings[key]
                if start not in found or found[start][0] < end:
                    found[start] = (end, self.units[surface])
        return found

    def qualifier_ends(self, doc: Doc) -> dict[int, int]:
        """Token end -> start of the longest qualifier phrase ending there."""
        found: dict[int, int] = {}
        for _key, start, end in self.before(doc):
            found[end] = min(found.get(end, start), start)
        return found
