"""The actor gazetteer: aliases of the world's states (countryinfo) and the team's lexicons.

Plain Python, no spaCy: commands that only resolve a name a user typed ("Maduro", "US") read it
without loading the language pipeline.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from crisisdesk.analyze.countries import LOOKUP_ONLY, country_rows
from crisisdesk.analyze.lexicon import read_rows

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
GOVERNMENT_WORDS = frozenset({"government", "Government"})


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer actor: canonical name, kind (PERSON, ORG, GPE) and state code."""

    name: str
    kind: str
    code: str | None


def bare(text: str) -> str:
    """The entity text without a leading "the" and a trailing possessive."""
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article) :]
    for possessive in ("'s", "’s", "'", "’"):
        if text.endswith(possessive):
            return text[: -len(possessive)]
    return text


class Gazetteer:
    """Aliases -> actor entries: the world's states (countryinfo), then TSV lexicons; later rows
    override earlier ones. Aliases marked LOOKUP_ONLY link NER entities but are not phrase-matched.
    """

    def __init__(self, rows: Iterable[Sequence[str]]) -> None:
        self.by_alias: dict[str, Entry] = {}
        self.places: dict[str, Entry] = {}  # lookup-only aliases: NER places only
        self.by_name: dict[str, Entry] = {}
        self.matchable: set[str] = set()
        for row in rows:
            name, kind = row[0], row[1]
            code = row[2] if len(row) > 2 and row[2] else None
            entry = self.by_name[name] = Entry(name, kind, code)
            aliases = row[3].split("|") if len(row) > 3 else []
            for alias in [name, *aliases]:
                self.add(alias.strip(), entry)

    def add(self, alias: str, entry: Entry) -> None:
        phrase = alias.removeprefix(LOOKUP_ONLY)
        if phrase == alias:
            self.by_alias[phrase] = entry
            self.matchable.add(phrase)
            self.places.pop(phrase, None)
        else:
            self.places[phrase] = entry
            self.by_alias.pop(phrase, None)
            self.matchable.discard(phrase)

    @classmethod
    def from_files(cls, *names: str | None) -> "Gazetteer":
        files = (row for name in names if name for row in read_rows(name))
        return cls(chain(country_rows(), files))

    def lookup(self, text: str, label: str | None = None) -> Entry | None:
        """The entry for an alias; a lookup-only alias (a capital) only for a place label, or
        when no label is given (a name a user typed)."""
        found = self.by_alias.get(text) or self.by_alias.get(bare(text))
        if found is None and label is None:  # a typed "Fed" for the alias "the Fed"
            found = self.by_alias.get(f"the {text}")
        if found is None and (label is None or label in PLACE_LABELS):
            found = self.places.get(text) or self.places.get(bare(text))
        if found is None:
            state, _, last = bare(text).rpartition(" ")
            found = self.by_alias.get(state) if last in GOVERNMENT_WORDS else None
            return found if found is not None and found.kind == "GPE" else None
        return found
