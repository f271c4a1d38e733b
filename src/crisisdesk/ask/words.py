"""Words of questions and sentences as the reader compares them: crude stems, a word's
parts, plural numbers ("777s")."""

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

WORD = re.compile(r"\w[\w'’-]*")


def stem(word: str) -> str:
    """A crude stem for coverage checks (FTS5's porter tokenizer does the retrieval stemming)."""
    word = word.lower()
    for suffix in ("ies", "es", "s", "ed", "ing"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def words_of(text: str) -> frozenset[str]:
    """The words of a text and their stems, hyphenated words also split into their parts, a
    plural number also as the number ("777s": "777"); a question compares its words with the
    same passages several times, so each text is read once while it is in use."""
    words = WORD.findall(text.lower())
    numbers = {w[:-1] for w in words if w.endswith("s") and w[:-1].isdigit()}
    parts = {p for w in words for p in re.split(r"[-'’]", w)}
    return frozenset({stem(w) for w in words} | parts | numbers)


def found(term: str, present: AbstractSet[str]) -> bool:
    return stem(term) in present or term in present
