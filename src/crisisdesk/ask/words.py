"""Words of questions and sentences as the reader compares them: crude stems, a word's
parts, plural numbers ("777s")."""

import re
import unicodedata
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache

from crisisdesk.analyze.lexicon import read_rows

WORD = re.compile(r"\w[\w'’-]*")
#: a number written in digits ("5,000", "447", "3.5")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


#: plurals whose "es" is its own syllable ("buses", "taxes", "marches"): the stem drops it
SIBILANT_ES = ("ses", "xes", "zes", "ches", "shes")
#: the shortest "-ies" and "-es" plurals read as plurals ("spies" and "axes" stay whole)
PLURAL_IES, PLURAL_ES = 6, 5


#: a consonant doubled before "-ed" or "-ing" ("stopp-ed", "cutt-ing"), after three letters
#: or more ("add-ed" keeps its own), but the l, s and z that words end with ("fall-ing")
DOUBLED = re.compile(r"(?<=\w{2})([b-df-hj-kmnp-rtv-y])\1$")


def stem(word: str) -> str:
    """A crude stem for coverage checks (FTS5's porter tokenizer does the retrieval stemming):
    "stopped" and "stopping" are "stop"."""
    word = word.lower()
    if len(word) > PLURAL_IES and word.endswith("ies"):  # "countries": "country"
        return f"{word[:-3]}y"
    if len(word) > PLURAL_ES and word.endswith("es") and not word.endswith(SIBILANT_ES):
        return word[:-1]  # "missiles": "missile", as its singular
    for suffix in ("es", "s", "ed", "ing"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            bare = word[: -len(suffix)]
            return bare[:-1] if suffix in ("ed", "ing") and DOUBLED.search(bare) else bare
    return word


@lru_cache(maxsize=4096)
def words_of(text: str) -> frozenset[str]:
    """The words of a text and their stems, hyphenated words also split into their parts and
    joined, a plural number also as the number ("777s": "777"); a question compares its words
    with the same passages several times, so each text is read once while it is in use."""
    words = WORD.findall(text.lower())
    numbers = {w[:-1] for w in words if w.endswith("s") and w[:-1].isdigit()}
    parts = {p for w in words for p in re.split(r"[-'’]", w)}
    joined = {stem(w.replace("-", "")) for w in words if "-" in w}  # "sub-prime": subprime
    return frozenset({stem(w) for w in words} | parts | numbers | joined)


def found(term: str, present: AbstractSet[str]) -> bool:
    """The term, or its stem, is among the words present, hyphens aside ("sub-prime" for
    "subprime")."""
    joined = "-" in term and stem(term.replace("-", "")) in present
    return stem(term) in present or term in present or joined


@cache
def word_groups(lexicon: str) -> dict[str, frozenset[str]]:
    """Stem -> the words of every group it is in, from a reader lexicon (one group a line,
    words separated by tabs: `reader_synonyms.tsv`, `reader_verbs.tsv`)."""
    groups: dict[str, set[str]] = {}
    for row in read_rows(lexicon):
        for word in row:
            groups.setdefault(stem(word), set()).update(row)
    return {word: frozenset(group) for word, group in groups.items()}


@cache
def synonym_stems() -> dict[str, frozenset[str]]:
    """Stem -> the stems of every group it is in (lexicons/reader_synonyms.tsv)."""
    groups = word_groups("reader_synonyms.tsv")
    return {word: frozenset(stem(w) for w in group) for word, group in groups.items()}


def stems_for(word: str) -> frozenset[str]:
    """The stems that say the word: its own and its reader synonyms' ("mall" for "center")."""
    return synonym_stems().get(stem(word), frozenset({stem(word)}))


#: a name written in its initials ("DNC", "U.N."), and the small words its long form may hold
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
LINKING = frozenset({"of", "the", "and", "for", "on", "de"})


def spelled_out(acronym: str, text: str) -> bool:
    """The text writes the acronym's name in full: capitalized words whose initials spell it,
    small words between them skipped or, when their initial is the letter due, counted
    ("Democratic National Committee" for DNC, "Department of Justice" for DOJ)."""
    if not ACRONYM.fullmatch(acronym):
        return False
    letters = acronym.replace(".", "")
    words = WORD.findall(text)
    return any(_spells(letters, words, i) for i, w in enumerate(words) if w[0] == letters[0])


def abbreviated(run: str, text: str) -> bool:
    """The text writes a name of several capitalized words by its initials ("GM" or "G.M."
    for General Motors, "BOJ" or "BJ" for Bank of Japan), with or without its small words."""
    words = run.split()
    if sum(w[:1].isupper() for w in words) < 2 or not all(
        w[:1].isupper() or w.lower() in LINKING for w in words
    ):
        return False
    spellings = {
        "".join(w[0].upper() for w in words),
        "".join(w[0] for w in words if w.lower() not in LINKING),
    }
    dotted = (r"\.?".join(s) for s in spellings)
    return any(re.search(rf"(?<![\w.]){d}\.?(?![\w-])", text) is not None for d in dotted)


def _spells(letters: str, words: list[str], i: int) -> bool:
    due = 0
    for word in words[i:]:
        if due == len(letters):
            break
        if word[0] == letters[due]:
            due += 1
        elif word.lower() in LINKING:
            due += word[0].upper() == letters[due]
        else:
            return False
    return due == len(letters)


def folded(text: str) -> str:
    """The text without its accents ("Nicolás Gülen": "Nicolas Gulen"): a reader may type a
    name either way, and sources write it either way."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


#: the words that say a change went up, and down
RISING = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|climb\w*|gain\w*|jump\w*|increas\w*|gr[eo]w\w*|surg\w*"
    r"|soar\w*|boost\w*|up|higher|upwards?|above)\b",
    re.I,
)
FALLING = re.compile(
    r"\b(?:fall\w*|fell|drop\w*|declin\w*|decreas\w*|slump\w*|sli[dp]\w*|plung\w*|shr[iu]nk\w*"
    r"|down|lower|downwards?|below|los[est]\w*|lost)\b",
    re.I,
)


def heading(text: str) -> str | None:
    """Which way the text says something went, if one way only."""
    up, down = RISING.search(text) is not None, FALLING.search(text) is not None
    return None if up == down else ("up" if up else "down")
