"""Canonical names for people and organisations the gazetteer does not know, per document.

Why: news names one organisation several ways ("General Motors Corporation (GM)", "General
Motors", "GM") and puts titles in front of people ("Spokeswoman Jane Holloway"). Rules:
- a person's name loses leading titles (`lexicons/actor_affixes.tsv`, kind "title");
- an organisation's name loses trailing legal forms ("Inc.", "Corp.", "Group", kind "suffix");
- an organisation whose name begins with a shorter one's in the document takes the shorter
  ("Ford Motor Company" -> "Ford"), the form news repeats and users type;
- an acronym takes the organisation it is defined after ("Singapore Airlines (SIA)") or, else,
  the one organisation in the document whose capitalized words' initials spell it.
Limits: per document only (actor_links joins lone names across the store); a subsidiary named
after its parent ("Boeing Capital" beside "Boeing") joins the parent; a title
word that begins a mislabelled organisation ("General Motors" tagged PERSON) is dropped too.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span

from crisisdesk.analyze.lexicon import read_rows

NOT_INITIALS = frozenset({"of", "and", "for", "the", "de", "&", "on", "in"})


@dataclass(frozen=True, slots=True)
class Affixes:
    """Words that are not part of a name: titles before people, legal forms after firms."""

    titles: frozenset[str]
    suffixes: frozenset[str]

    @classmethod
    def from_file(cls, name: str) -> "Affixes":
        rows = [row for row in read_rows(name) if len(row) > 1]
        return cls(
            frozenset(word for kind, word, *_ in rows if kind == "title"),
            frozenset(word for kind, word, *_ in rows if kind == "suffix"),
        )

    def person(self, name: str) -> str:
        """The name without leading titles ("Mr. Jan Smith" -> "Jan Smith"); one word stays."""
        words = name.split()
        while len(words) > 1 and words[0] in self.titles:
            words.pop(0)
        return " ".join(words)

    def org(self, name: str) -> str:
        """The name without trailing legal forms ("General Motors Corp." -> "General Motors")."""
        words = name.split()
        while len(words) > 1 and words[-1] in self.suffixes:
            words.pop()
            words[-1] = words[-1].rstrip(",")
        return " ".join(words)


def is_acronym(text: str) -> bool:
    """Two to six capital letters ("GM", "UNHCR")."""
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def initials(name: str) -> str:
    """Initials of the capitalized words ("Government Accountability Office" -> "GAO")."""
    return "".join(w[0] for w in name.split() if w not in NOT_INITIALS and w[:1].isupper())


def org_names(names: Iterable[str]) -> dict[str, str]:
    """Each organisation name -> the shortest name in the document that begins it (the brand:
    "Boeing Commercial Airplanes" -> "Boeing"), else itself."""
    unique = sorted(set(names), key=len)
    canon = {}
    for index, name in enumerate(unique):
        shorter = (m for m in unique[:index] if name.startswith(m + " "))
        canon[name] = next(shorter, name)
    return canon


def acronym_names(
    acronyms: Iterable[Span], canon: dict[str, str], defined: dict[str, str]
) -> dict[str, str]:
    """Acronym -> organisation: defined in brackets after its name, else by unique initials."""
    by_initials: dict[str, set[str]] = {}
    for name, target in canon.items():
        by_initials.setdefault(initials(name), set()).add(target)
    links = {}
    for ent in acronyms:
        text = ent.text
        full = defined.get(text)
        spelled = by_initials.get(text, set())
        if full is None and len(spelled) == 1:
            full = next(iter(spelled))
        if full is not None and full != text:
            links[text] = canon.get(full, full)
    return links


def bracket_definitions(orgs: Iterable[tuple[Span, str]]) -> dict[str, str]:
    """Acronym -> name for "Name (ACR)": an acronym in brackets right after an organisation."""
    defined = {}
    for ent, name in orgs:
        doc = ent.doc
        if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
            acronym = doc[ent.end + 1].text
            if is_acronym(acronym):
                defined[acronym] = name
    return defined
