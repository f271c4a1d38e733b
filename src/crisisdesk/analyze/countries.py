"""The world's states as gazetteer rows, from the `countryinfo` package's data.

Each state becomes one actor named as countryinfo names it, with its ISO 3166 alpha-3 code and
as aliases its name, Latin-script alternative names, demonym (and plural) and capital. Capitals
are marked lookup-only: "Victoria" or "Kingston" are linked when NER tags them as a place, never
matched as bare phrases. The team's `actors.tsv` is read after these rows and overrides them.
"""

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from countryinfo import CountryInfo

LOOKUP_ONLY = "~"  # alias prefix: link an NER entity with this text, do not phrase-match it


@cache
def country_rows() -> tuple[list[str], ...]:
    """Rows shaped like actors.tsv: name, GPE, alpha-3, aliases joined by "|"."""
    rows = []
    for info in CountryInfo.all().values():
        code = info.get("ISO", {}).get("alpha3")
        if code:
            rows.append([info["name"], "GPE", code, "|".join(aliases(info))])
    return tuple(rows)


def aliases(info: Mapping[str, Any]) -> Iterator[str]:
    """Names a news text uses for the state; two-letter codes are left out ("IN", "TO")."""
    yield info["name"]
    for name in info.get("altSpellings", []):
        if len(name) > 3 and "," not in name and name.isascii():
            yield name
    demonym = info.get("demonym") or ""
    if demonym:
        yield demonym
        if demonym.endswith(("n", "i")):
            yield demonym + "s"  # Venezuelans, Israelis; not "Chineses"
    capital = info.get("capital") or []
    for city in [capital] if isinstance(capital, str) else capital:  # a few states list several
        yield LOOKUP_ONLY + city
