"""Time words and TIMEX3 token patterns, read from lexicons and compiled into one spaCy Matcher.

`time_words.tsv` gives each time word a class and a value (month 10, unit W, shift -1, ...);
`time_refs.tsv` gives fixed phrases a value ("now" -> PRESENT_REF, "daily" -> P1D);
`time_patterns.tsv` writes the grammar as sequences of token classes ("MONTH DAY ,? YEAR?").
Why: the grammar and the vocabulary are data the team can read and extend, and one Matcher pass
per document finds every candidate. Limits: patterns are flat token sequences (no nesting);
a word has one value per class.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from crisisdesk.analyze.lexicon import read_rows

TokenSpec = dict[str, Any]

#: time-zone abbreviations, lowercase: the one list (timex_cues and quantity_filters read it too)
ZONES = frozenset({"est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "bst"})

#: built-in token classes: what the word lexicon cannot list
BUILTINS: dict[str, TokenSpec] = {
    "NUM": {"LIKE_NUM": True},
    "YEAR": {"LOWER": {"REGEX": r"^(mid-)?(1[0-9]|20)\d\d$"}},
    "DAY": {"LOWER": {"REGEX": r"^([012]?\d|3[01])(st|nd|rd|th)?\.?$"}},
    "DECADE": {
        "LOWER": {
            "REGEX": r"^((mid-)?(1[0-9]|20)?\d0'?s|'\d0s|twenties|thirties|forties|fifties|"
            r"sixties|seventies|eighties|nineties)$"
        }
    },
    "HHMM": {"TEXT": {"REGEX": r"^([01]?\d|2[0-4])[:.][0-5]\d$"}},
    "HH24": {"TEXT": {"REGEX": r"^(([01]?\d|2[0-4])[:.][0-5]\d|([01]\d|2[0-3])[0-5]\d)$"}},
    "YY": {"TEXT": {"REGEX": r"^\d\d$"}},
    "AMPM": {"LOWER": {"IN": ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]}},
    "ZONE": {"LOWER": {"IN": sorted(ZONES)}},
    "EDGE": {"LOWER": {"IN": ["early", "late", "mid", "middle", "end", "mid-"]}},
}


@dataclass(frozen=True, slots=True)
class TimeWords:
    """Word -> value per class (`classes["month"]["oct."] == "10"`), and fixed phrases."""

    classes: dict[str, dict[str, str]]
    refs: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def from_files(cls, words: str, refs: str) -> "TimeWords":
        classes: dict[str, dict[str, str]] = defaultdict(dict)
        for word, kind, value in read_rows(words):
            classes[kind][word] = value
        fixed = {row[0]: (row[1], row[2]) for row in read_rows(refs)}
        return cls(dict(classes), fixed)

    def value(self, kind: str, word: str) -> str | None:
        return self.classes.get(kind, {}).get(word)


def element_specs(element: str, words: TimeWords) -> list[TokenSpec]:
    """The token specs one pattern element stands for: one per class, one for its literals."""
    op = element[-1] if element[-1] in "?*+" and len(element) > 1 else None
    names = (element[:-1] if op else element).split("|")
    specs: list[TokenSpec] = []
    literals = [n for n in names if not n.isupper()]
    for name in (n for n in names if n.isupper()):
        if name in BUILTINS:
            specs.append(dict(BUILTINS[name]))
        else:
            specs.append({"LOWER": {"IN": sorted(words.classes[name.lower()])}})
    if literals:
        specs.append({"LOWER": {"IN": literals}})
    for spec in specs:
        if op:
            spec["OP"] = op
    return specs


def compile_pattern(sequence: str, words: TimeWords) -> list[list[TokenSpec]]:
    """Every Matcher pattern a sequence expands to (alternatives of several classes multiply)."""
    options = [element_specs(element, words) for element in sequence.split()]
    return [list(choice) for choice in product(*options)]


def trigger_words(words: TimeWords) -> frozenset[str]:
    """Words without which no pattern matches: time words proper (not counts, shifts or
    ordinals, which only modify them), the last word of each fixed phrase, and am/pm."""
    modifiers = {"number", "shift", "ago", "ordinal", "holiday"}
    found = {w for kind, table in words.classes.items() if kind not in modifiers for w in table}
    found.update(phrase.split()[-1] for phrase in words.refs)
    found.update(holiday_trigger(phrase) for phrase in words.classes.get("holiday", {}))
    found.update(BUILTINS["AMPM"]["LOWER"]["IN"])
    return frozenset(found | {"midday", "end", "nineteen", "eighteen", "'", "’"})


def holiday_trigger(phrase: str) -> str:
    """The last word of a holiday name that is not a possessive ("year" in "new year 's")."""
    return next(w for w in reversed(phrase.split()) if w not in ("'s", "’s"))


def holiday_patterns(words: TimeWords) -> list[list[TokenSpec]]:
    """ "Christmas", "last Thanksgiving", "Easter 1998": a shift, the name, a year."""
    shifts = sorted(words.classes.get("shift", {}))
    year = dict(BUILTINS["YEAR"], OP="?")
    return [
        [{"LOWER": {"IN": shifts}, "OP": "?"}, *({"LOWER": w} for w in phrase.split()), year]
        for phrase in words.classes.get("holiday", {})
    ]


def build_matcher(vocab: Vocab, words: TimeWords, patterns: str) -> Matcher:
    """One Matcher holding the grammar (keys DATE, TIME, DURATION, SET) and the fixed phrases."""
    matcher = Matcher(vocab)
    grammar: dict[str, list[list[TokenSpec]]] = defaultdict(list)
    for kind, sequence in read_rows(patterns):
        grammar[kind].extend(compile_pattern(sequence, words))
    for phrase in words.refs:
        grammar["REF"].append([{"LOWER": word} for word in phrase.split()])
    grammar["DATE"].extend(holiday_patterns(words))
    for kind, compiled in grammar.items():
        matcher.add(kind, compiled)
    return matcher
