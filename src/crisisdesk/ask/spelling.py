"""Names a question spells otherwise than its sources: a transliteration ("Hezbollah" for the
sources' "Hizbollah", "Moammar" for "Muammar"), or "&" spoken ("AT&T" for a transcript's "AT
and T"), is read as the sources spell it. Two spellings are one name when they begin with the
same letter and keep the same consonants in the same order (vowels, "y", "w", "h" after a
consonant and doubled letters aside)."""

import re
from itertools import groupby

from crisisdesk.analyze.gazetteer import Gazetteer
from crisisdesk.store import Store

#: names shorter than this, or with fewer consonants, too easily share another word's ("Iran"
#: and "Oman"; "Moammar" and "mirror"), and the most letters two spellings may differ by
SHORTEST = 6
CONSONANTS = 4
LONGER_BY = 2
#: how many best matches of a name's words are read for it spoken with "and"
SPOKEN_HITS = 20
#: what a spelling drops: vowels and the letters that stand for them in transliterations
SOFT = re.compile(r"(?<=.)(?:[aeiouyw]|(?<=[^aeiou])h)")


def skeleton(word: str) -> str:
    """The word's first letter and consonants, doubled letters once ("Hizbollah": "hzblh")."""
    lowered = "".join(c for c in word.lower() if c.isalpha())
    return "".join(k for k, _ in groupby(SOFT.sub("", lowered)))


def respelled(names: tuple[str, ...], store: Store, known: Gazetteer) -> dict[str, str]:
    """The question's names the sources never write, each with the spelling they use (the
    most used one that shares its skeleton), capitalized as a name; for a known actor, the
    alias of one word they write ("Hizbollah" for Hezbollah), never another name that looks
    like it ("Colombia" is not "Columbia")."""
    out = {}
    for name in dict.fromkeys(names):
        spoken = ampersand_spoken(name, store)
        if spoken is not None:
            out[name] = spoken
            continue
        shape = skeleton(name)
        if len(name) < SHORTEST or len(shape) < CONSONANTS or not name.isalpha():
            continue
        if store.search(name, limit=1):
            continue
        if known.lookup(name) is not None:
            alias = written_alias(name, store, known)
            if alias is not None:
                out[name] = alias
            continue
        found = next(
            (
                w
                for w, _ in store.indexed_words(name[0])
                if abs(len(w) - len(name)) <= LONGER_BY and skeleton(w) == shape
            ),
            None,
        )
        if found is not None:
            out[name] = found.capitalize()
    return out


def ampersand_spoken(name: str, store: Store) -> str | None:
    """A name with "&" the sources never write, as they write it with "and" instead ("AT
    and T" in a transcript for "AT&T"), or None."""
    if "&" not in name or store.search(name, limit=1):
        return None
    spoken = " and ".join(p.strip() for p in name.split("&"))
    phrase = re.compile(rf"\b{re.escape(spoken)}\b")
    hits = store.search(spoken, limit=SPOKEN_HITS)
    return spoken if any(phrase.search(h.text) for h in hits) else None


def written_alias(name: str, store: Store, known: Gazetteer) -> str | None:
    """An alias of one word of the actor the name is that the sources write, if any."""
    entry = known.lookup(name)
    aliases = (a for a, e in known.by_alias.items() if e == entry and a.isalpha() and a != name)
    return next((a for a in aliases if store.search(a, limit=1)), None)
