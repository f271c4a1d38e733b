"""The world's states as gazetteer rows, from the `countryinfo` package's data.

Each state becomes one actor named as countryinfo names it, with its ISO 3166 alpha-3 code and
as aliases its name, Latin-script alternative names, demonym (and plural) and capital. Capitals
are marked lookup-only: "Victoria" or "Kingston" name a state only where NER tags them as a
place, and are never matched as bare phrases. An alias several states share goes to one: a
state's own name first, then an alternative name, a demonym, a capital; among equals, the most
populous ("French" is France, not Martinique; "Kingston" Jamaica). Withdrawn codes are left out.
The team's `actors.tsv` is read after these rows and overrides them.
"""

from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from countryinfo import CountryInfo

LOOKUP_ONLY = "~"  # alias prefix: link an NER place with this text, do not phrase-match it
WITHDRAWN = frozenset({"ANT", "SCG"})  # Netherlands Antilles, Serbia and Montenegro
NAME, ALTERNATIVE, DEMONYM, CAPITAL = range(4)  # how strongly an alias names its state


@cache
def country_rows() -> tuple[list[str], ...]:
    """Rows shaped like actors.tsv: name, GPE, alpha-3, aliases joined by "|"."""
    states = [info for info in CountryInfo.all().values() if code_of(info)]
    owner = alias_owners(states)
    rows = []
    for info in states:
        mine = [alias for alias, _ in aliases(info) if owner[alias.lstrip(LOOKUP_ONLY)] is info]
        rows.append([info["name"], "GPE", code_of(info), "|".join(mine)])
    return tuple(rows)


@cache
def capitals() -> frozenset[str]:
    """The states' capitals ("Ankara", "Caracas"): cities, though they may stand for a state."""
    return frozenset(
        a.removeprefix(LOOKUP_ONLY)
        for info in CountryInfo.all().values()
        for a, strength in aliases(info)
        if strength == CAPITAL
    )


@cache
def regions() -> frozenset[str]:
    """The states and their provinces by name ("Venezuela", "Missouri", "Zulia"): what a
    place's name may be followed by ("Independence, Missouri")."""
    states = CountryInfo.all().values()
    return frozenset(
        [
            *(info["name"] for info in states),
            *(p for info in states for p in info.get("provinces") or []),
        ]
    )


@cache
def provinces() -> dict[str, frozenset[str]]:
    """Province -> the codes of the states that have one by that name ("Iowa": {"USA"}),
    but for names that are also a state's or a capital's ("Georgia", "Washington", "Madrid"):
    those may name another place."""
    states = [info for info in CountryInfo.all().values() if code_of(info)]
    taken = {a.lstrip(LOOKUP_ONLY) for info in states for a, _ in aliases(info)}
    taken |= {w for c in capitals() for w in (c, c.split()[0])}
    found: dict[str, set[str]] = {}
    for info in states:
        for name in info.get("provinces") or []:
            if name not in taken:
                found.setdefault(name, set()).add(code_of(info))
    return {name: frozenset(codes) for name, codes in found.items()}


def code_of(info: Mapping[str, Any]) -> str:
    code = info.get("ISO", {}).get("alpha3") or ""
    return "" if code in WITHDRAWN else code


def alias_owners(states: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Alias -> the one state it names (see the module docstring for the order)."""
    best: dict[str, tuple[tuple[int, int], Mapping[str, Any]]] = {}
    for info in states:
        population = info.get("population") or 0
        for alias, strength in aliases(info):
            key, rank = alias.lstrip(LOOKUP_ONLY), (strength, -population)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, info)
    return {alias: info for alias, (_, info) in best.items()}


def aliases(info: Mapping[str, Any]) -> Iterator[tuple[str, int]]:
    """(alias, strength) of the names a news text uses for the state; two-letter codes are left
    out ("IN", "TO")."""
    yield info["name"], NAME
    for name in info.get("altSpellings", []):
        if len(name) > 3 and "," not in name and name.isascii():
            yield name, ALTERNATIVE
    demonym = info.get("demonym") or ""
    if demonym:
        yield demonym, DEMONYM
        if demonym.endswith(("n", "i")):
            yield demonym + "s", DEMONYM  # Venezuelans, Israelis; not "Chineses"
    capital = info.get("capital") or []
    for city in [capital] if isinstance(capital, str) else capital:  # a few states list several
        yield LOOKUP_ONLY + city, CAPITAL
