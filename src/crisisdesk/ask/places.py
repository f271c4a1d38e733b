"""A passage that tells of another place than the one a question asks about: asked for the
Nevada caucuses, "0.3 points behind Clinton at the Iowa caucuses" answers for Iowa. A place
is of the same kind as the asked one when both are provinces of one state ("Iowa" and
"Nevada") or both states."""

from collections.abc import Iterable
from functools import cache

from crisisdesk.analyze.countries import country_rows, provinces


def kinds(place: str) -> frozenset[str]:
    """What a place is one of: the states it is a province of, or "state" for a state."""
    if place in states():
        return frozenset({"state"})
    return provinces().get(place, frozenset())


@cache
def states() -> frozenset[str]:
    """The states by their name ("Venezuela")."""
    return frozenset(row[0] for row in country_rows())


#: states whose provinces are much larger than any city (a British county may be named
#: for its city, "Manchester"; a German state may be one, "Hamburg")
LARGE_PROVINCES = frozenset({"USA", "CAN", "AUS", "IND", "BRA", "MEX"})
#: provinces of those whose name a city of theirs shares
CITY_NAMED = frozenset({"New York", "Quebec"})


def province(place: str) -> bool:
    """The place is a large province of a state ("Wyoming", "Ontario"), not a city named so
    too ("New York")."""
    return bool(provinces().get(place, frozenset()) & LARGE_PROVINCES) and place not in CITY_NAMED


def other_place(asked: Iterable[str], named: Iterable[str]) -> str | None:
    """A place the passage names (`named`, its sentence's places) of the same kind as one the
    question asks about (`asked`, none of them said near the passage) and not asked."""
    wanted = set(asked)
    kinds_asked = frozenset().union(*(kinds(p) for p in wanted))
    return next((p for p in named if p not in wanted and kinds(p) & kinds_asked), None)
