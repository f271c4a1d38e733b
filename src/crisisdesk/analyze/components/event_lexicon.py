"""The event lexicons (data files in `lexicons/event_*`), read once and checked when loaded.

event_codes.tsv: CAMEO code -> PLOVER type and Goldstein intensity; event_verbs.tsv and
event_nouns.tsv: words that code an action, as ordered rules with conditions; event_classes.tsv:
the word classes those conditions name; event_sectors.tsv: head word -> actor sector;
event_actors.tsv: international bodies -> IGO/NGO/IMG; event_people.tsv: people and bodies of a
state the actor gazetteer lacks -> its code. A rule naming an unknown code, class or

role is a data error and refuses to load (AnalyzeError), rather than coding silently nothing.
"""

from dataclasses import dataclass
from typing import Self

from crisisdesk.analyze.lexicon import read_rows
from crisisdesk.errors import AnalyzeError

ROLES = frozenset({"event", "light", "frame", "intent", "prepare", "refuse"})
CONDITIONS = frozenset({"obj", "noobj", "prep", "src", "xcomp", "mod", "via", "joint"})
#: PLOVER types that cooperate (the rest are conflict); intent makes them AGREE
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: conflictual types that an intent turns into a threat ("vowed to strike": THREATEN)
THREATENING = frozenset({"ASSAULT", "FIGHT", "COERCE", "SANCTION", "PROTEST", "THREATEN"})

Condition = tuple[str, str]  # key, value ("" for flags)


@dataclass(frozen=True, slots=True)
class Rule:
    """One coding rule of a word: its role, the conditions that must hold, and its CAMEO code."""

    role: str
    conditions: tuple[Condition, ...]
    code: str | None


@dataclass(frozen=True, slots=True)
class Code:
    """A CAMEO code's PLOVER type and Goldstein intensity."""

    type: str
    intensity: float


@dataclass(frozen=True, slots=True)
class EventLexicon:
    verbs: dict[str, tuple[Rule, ...]]
    nouns: dict[str, tuple[Rule, ...]]
    classes: dict[str, frozenset[str]]
    codes: dict[str, Code]
    sectors: dict[str, str]
    bodies: dict[str, str]
    people: dict[str, str]

    @classmethod
    def from_files(
        cls,
        *,
        verbs: str,
        nouns: str,
        classes: str,
        codes: str,
        sectors: str,
        bodies: str,
        people: str,
    ) -> Self:
        lexicon = cls(
            verbs=read_rules(verbs, with_role=True),
            nouns=read_rules(nouns, with_role=False),
            classes={row[0]: frozenset(row[1].split("|")) for row in read_rows(classes)},
            codes={row[0]: Code(row[1], float(row[2])) for row in read_rows(codes)},
            sectors={row[0]: row[1] for row in read_rows(sectors)},
            bodies={row[0]: row[1] for row in read_rows(bodies)},
            people={row[0]: row[1] for row in read_rows(people)},
        )
        lexicon.check()
        return lexicon

    def check(self) -> None:
        """Refuse rules that name a code, class or role the lexicons do not define."""
        for word, rules in (*self.verbs.items(), *self.nouns.items()):
            for rule in rules:
                if rule.role not in ROLES:
                    raise AnalyzeError(f"event lexicon: {word}: unknown role {rule.role!r}")
                if rule.code is not None and rule.code not in self.codes:
                    raise AnalyzeError(f"event lexicon: {word}: unknown CAMEO code {rule.code}")
                for key, value in rule.conditions:
                    if key == "obj" and value.lstrip("~") not in self.classes:
                        raise AnalyzeError(f"event lexicon: {word}: unknown class {value}")

    def in_class(self, lemma: str, name: str) -> bool:
        return lemma in self.classes[name]

    def type_of(self, code: str | None) -> str | None:
        return self.codes[code].type if code in self.codes else None


def read_rules(name: str, *, with_role: bool) -> dict[str, tuple[Rule, ...]]:
    """Word -> its rules in file order. Verb rows: word, role, conditions, code; noun rows:
    word, conditions, code (role "event")."""
    rules: dict[str, list[Rule]] = {}
    for row in read_rows(name):
        word, *rest = row
        role = rest.pop(0) if with_role else "event"
        if len(rest) != 2:
            raise AnalyzeError(f"{name}: malformed row {row!r}")
        conditions, code = rest
        rule = Rule(role, parse_conditions(name, conditions), None if code == "-" else code)
        rules.setdefault(word, []).append(rule)
    return {word: tuple(found) for word, found in rules.items()}


def parse_conditions(name: str, text: str) -> tuple[Condition, ...]:
    """ "obj=FORCES prep=out" -> (("obj", "FORCES"), ("prep", "out")); "-" -> ()."""
    if text == "-":
        return ()
    found = []
    for item in text.split():
        key, _, value = item.partition("=")
        if key not in CONDITIONS:
            raise AnalyzeError(f"{name}: unknown condition {item!r}")
        found.append((key, value))
    return tuple(found)
