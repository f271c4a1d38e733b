"""What a matched time expression says, read token by token into `Cues`.

Each token adds one fact (a month, a day number, a count, a unit, a shift such as "last"), so the
resolver works on facts, not on which pattern matched. Limits: years spelled in words ("nineteen
ninety-six") are not read; the first value of each kind wins.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from crisisdesk.analyze.components.timex_grammar import TimeWords

YEAR = re.compile(r"^(?:mid-)?((?:1\d|20)\d\d)$")
DECADE = re.compile(r"^(?:mid-)?((?:1\d|20)?\d)0'?s$|^'(\d)0s$")
DECADE_WORDS = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5", "sixties": "6",
                "seventies": "7", "eighties": "8", "nineties": "9"}  # fmt: skip
DAY = re.compile(r"^([012]?\d|3[01])(?:st|nd|rd|th)?\.?$")
HHMM = re.compile(r"^([01]?\d|2[0-4])[:.]([0-5]\d)$")
DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "half": 0.5}
ORDINAL_UNITS = {"quarter", "quarters", "half", "century"}
WORD_CLASSES = ("month", "weekday", "relday", "part", "season", "clock", "shift", "ago")


@dataclass(slots=True)
class Cues:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    ordinal: int | None = None
    count: float | str | None = None
    unit: str | None = None
    relday: int | None = None
    part: str | None = None
    season: str | None = None
    clock: tuple[int, int] | None = None
    shift: int | None = None
    ago: int | None = None
    decade: str | None = None
    plural: bool = False
    closed: bool = False  # after "to"/"or" in a range: the first number is the count


def read_cues(tokens: Sequence[Token], words: TimeWords) -> Cues:
    """The facts of one expression (`tokens` is the matched span)."""
    cues = Cues()
    has_month = any(words.value("month", t.lower_) for t in tokens)
    texts = [t.lower_ for t in tokens]
    for i, text in enumerate(texts):
        following = next((t for t in texts[i + 1 :] if t != "-"), "")
        if not read_numeral(cues, text, following, has_month=has_month):
            read_word(cues, text, following, words)
    return cues


def read_numeral(cues: Cues, text: str, following: str, *, has_month: bool) -> bool:
    """Years, decades, clock times, day numbers and digit counts; False if `text` is none."""
    if (m := YEAR.match(text)) and cues.year is None:
        cues.year = int(m.group(1))
    elif (m := DECADE.match(text)) or text in DECADE_WORDS:
        cues.decade = decade_value(m, text)
    elif m := HHMM.match(text):
        cues.clock = (int(m.group(1)), int(m.group(2)))
    elif DIGITS.match(text) and following.startswith(("a.m", "p.m", "am", "pm")):
        cues.clock = (int(float(text)), 0)
    elif text in ("a.m.", "a.m", "am", "p.m.", "p.m", "pm"):
        cues.clock = meridiem(cues.clock, text)
    elif has_month and (m := DAY.match(text)) and cues.day is None:
        cues.day = int(m.group(1))
    elif DIGITS.match(text):
        cues.count = cues.count if cues.closed else float(text)
    elif text in FRACTIONS and isinstance(cues.count, float):
        cues.count += FRACTIONS[text]
    else:
        return False
    return True


def decade_value(m: re.Match[str] | None, text: str) -> str:
    """TIMEX3 decade value: "1990s" -> "199", "'90s" and "nineties" -> "199" (20th century)."""
    if m is None:
        return "19" + DECADE_WORDS[text]
    if m.group(2):
        return "19" + m.group(2)
    digits = m.group(1)
    return digits if len(digits) == 3 else "19" + digits[-1]


def meridiem(clock: tuple[int, int] | None, text: str) -> tuple[int, int] | None:
    if clock is None:
        return None
    hour, minute = clock
    if text.startswith("p") and hour < 12:
        hour += 12
    elif text.startswith("a") and hour == 12:
        hour = 0
    return hour, minute


def read_word(cues: Cues, text: str, following: str, words: TimeWords) -> None:
    """Month, weekday, relative day, part of day, season, shift, units, ordinals, counts."""
    for kind in WORD_CLASSES:
        value = words.value(kind, text)
        if value is not None and getattr(cues, kind) is None:
            setattr(cues, kind, convert(kind, value))
    if kind_weekday_plural(text, words):
        cues.plural = True
    ordinal = words.value("ordinal", text)
    if ordinal and following in ORDINAL_UNITS:
        cues.ordinal = int(ordinal)
    elif (unit := words.value("unit", text) or words.value("period", text)) and cues.unit is None:
        cues.unit, cues.plural = unit, text.endswith("s")
    elif (number := words.value("number", text)) is not None and not cues.closed:
        cues.count = add_count(cues.count, number)
    elif text in ("to", "or") and cues.count is not None:
        cues.closed = True


def convert(kind: str, value: str) -> object:
    if kind in ("month", "weekday", "relday", "shift", "ago"):
        return int(value)
    if kind == "clock":
        hour, minute = value.split(":")
        return int(hour), int(minute)
    return value


def kind_weekday_plural(text: str, words: TimeWords) -> bool:
    return text.endswith("s") and words.value("weekday", text) is not None


def add_count(count: float | str | None, number: str) -> float | str:
    """Combine number words: "twenty four" -> 24, "two hundred" -> 200, "a few" -> X."""
    if number == "X" or count == "X":
        return "X"
    value = float(number)
    if count is None:
        return value
    assert isinstance(count, float)
    if value >= 100:
        return count * value
    return count + value if count >= 20 and value < 10 else value
