"""Words of questions and sentences as the reader compares them: crude stems, a word's
parts, plural numbers ("777s")."""

import re

WORD = re.compile(r"\w[\w'’-]*")


def stem(word: str) -> str:
    """A crude stem for coverage checks (FTS5's porter tokenizer does the retrieval stemming)."""
    word = word.lower()
    for suffix in ("ies", "es", "s", "ed", "ing"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def words_of(text: str) -> set[str]:
    """The words of a text and their stems, hyphenated words also split into their parts, a
    plural number also as the number ("777s": "777")."""
    words = WORD.findall(text.lower())
    numbers = {w[:-1] for w in words if w.endswith("s") and w[:-1].isdigit()}
    return {stem(w) for w in words} | {p for w in words for p in re.split(r"[-'’]", w)} | numbers


def found(term: str, present: set[str]) -> bool:
    return stem(term) in present or term in present
