"""What a matched time expression says, read token by token into `Cues`.

Each token adds one fact (a month, a day number, a count, a unit, a shift such as "last"), so the
resolver works on facts, not on which pattern matched. Years in words are read for
"nineteen ninety-six" and "the year two thousand" (not "twenty ten"); ranges keep the first
number ("two to three weeks" -> P2W, as TimeBank has it); the first value of each kind wins.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from crisisdesk.analyze.components.timex_grammar import ZONES, TimeWords

YEAR = re.compile(r"^(?:mid-)?((?:1\d|20)\d\d)$")
DECADE = re.compile(r"^(?:mid-)?((?:1\d|20)?\d)0'?s$|^'(\d)0s$")
DECADE_WORDS = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5", "sixties": "6",
                "seventies": "7", "eighties": "8", "nineties": "9"}  # fmt: skip
DAY = re.compile(r"^([012]?\d|3[01])(?:st|nd|rd|th)?\.?$")
ORDINAL_DIGITS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
HHMM = re.compile(r"^([01]?\d|2[0-4])[:.]([0-5]\d)$")
COMPACT_HHMM = re.compile(r"^([01]\d|2[0-3])([0-5]\d)$")  # "0800 UTC": only before a zone
UNIVERSAL = frozenset({"gmt", "utc"})
DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "half": 0.5}
ORDINAL_UNITS = {"quarter", "quarters", "half", "century"}
#: words every holiday name holds one of (a cheap test before looking names up)
HOLIDAY_WORDS = frozenset({"christmas", "xmas", "year", "day", "halloween", "thanksgiving",
                           "easter", "friday"})  # fmt: skip
CENTURY_WORDS = {"eighteen": 1800, "nineteen": 1900, "two": 2000}
DEICTIC = frozenset({"that", "same"})
ANAPHORS = frozenset({"following", "previous", "preceding"})
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
    half: int | None = None  # 1 or 2: "the first half", "the second half"
    holiday: str | None = None  # a rule of timex_holidays ("12-25")
    anaphor: bool = False  # "that year", "the following month": read from the text's last date
    universal: bool = False  # the clock time is in UTC/GMT: its value ends in Z


def read_cues(tokens: Sequence[Token], words: TimeWords) -> Cues:
    """The facts of one expression (`tokens` is the matched span)."""
    texts = [t.lower_ for t in tokens]
    year, spelled = spelled_year(texts, words)
    if year is None and texts[:1] in (["'"], ["’"]) and len(texts) > 1 and texts[1].isdigit():
        year, spelled = abbreviated_year(texts[1]), range(2)
    cues = Cues(year=year, universal=bool(UNIVERSAL.intersection(texts)))
    has_month = any(words.value("month", t.lower_) for t in tokens)
    for i, text in enumerate(texts):
        if i in spelled:
            continue
        following = next((t for t in texts[i + 1 :] if t != "-"), "")
        if not read_numeral(cues, text, following, has_month=has_month):
            read_word(cues, text, following, words)
    read_anaphor(cues, texts)
    read_half(cues, texts, words)
    cues.holiday = holiday_rule(texts, words)
    return cues


def holiday_rule(texts: list[str], words: TimeWords) -> str | None:
    """The rule of the longest holiday name in the expression, if any."""
    holidays = words.classes.get("holiday", {})
    if not holidays or not HOLIDAY_WORDS.intersection(texts):
        return None
    joined = f" {' '.join(texts)} "
    names = [name for name in holidays if f" {name} " in joined]
    return holidays[max(names, key=len)] if names else None


def abbreviated_year(digits: str) -> int:
    """ "'82" -> 1982, "'05" -> 2005 (years up to '30 are read in this century)."""
    return int(digits) + (2000 if int(digits) <= 30 else 1900)


def spelled_year(texts: list[str], words: TimeWords) -> tuple[int | None, range]:
    """A year in words and the positions it takes: "nineteen ninety - six" -> 1996,
    "(the year) two thousand (one)" -> 2000 (2001). Limits: not "twenty ten", "oh-five"."""
    for i, text in enumerate(texts):
        century = CENTURY_WORDS.get(text)
        if century is None or i + 1 == len(texts):
            continue
        if century == 2000 and (texts[i + 1] != "thousand" or texts[i - 1 : i] != ["year"]):
            continue
        rest = [t for t in texts[i + 1 :] if t not in ("-", "and", "thousand")]
        values = [words.value("number", t) for t in rest]
        digits = [int(v) for v in values if v and v.isdigit() and int(v) < 100]
        if century == 2000 or (digits and digits[0] >= 20):
            return century + sum(digits[:2]), range(i, len(texts))
    return None, range(0)


def read_half(cues: Cues, texts: list[str], words: TimeWords) -> None:
    """ "the first half" -> 1, "the second/last/latter half" -> 2; in "the last half of this
    year" the shift is "this", not "last"."""
    if "half" not in texts or texts.index("half") == 0:
        return
    i = texts.index("half")
    cues.half = 1 if texts[i - 1] in ("first", "1st") else 2
    shifts = (words.value("shift", t) for t in texts[i + 1 :])
    cues.shift = next((int(v) for v in shifts if v is not None), None)
    cues.ordinal = None


def read_anaphor(cues: Cues, texts: list[str]) -> None:
    """Mark expressions that point at a time the text named: "that day", "the same week",
    "the following year", "the previous Friday", "the next day/morning". "that"/"same" mean
    that very unit ("later that day" is the same day, not the next one)."""
    if DEICTIC.intersection(texts):
        cues.anaphor, cues.shift, cues.ago = True, 0, None
    else:
        next_day = texts[0] == "the" and "next" in texts and (cues.unit == "D" or cues.part)
        cues.anaphor = bool(ANAPHORS.intersection(texts)) or bool(next_day)


def digit_ordinal(text: str) -> str | None:
    """ "11th" -> "11" (an ordinal written in digits: "the 11th century", "the 2nd quarter")."""
    m = ORDINAL_DIGITS.match(text)
    return m.group(1) if m else None


def read_numeral(cues: Cues, text: str, following: str, *, has_month: bool) -> bool:
    """Years, decades, clock times, day numbers and digit counts; False if `text` is none."""
    if (m := COMPACT_HHMM.match(text)) and following in ZONES:
        cues.clock = (int(m.group(1)), int(m.group(2)))
    elif (m := YEAR.match(text)) and cues.year is None:
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
    ordinal = words.value("ordinal", text) or digit_ordinal(text)
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
