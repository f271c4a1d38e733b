"""Ranges and ratios of crisisdesk_quantities.

Ranges ("3,000-5,000", "3 to 5 km", "between 3,000 and 5,000", "ranged from 3 to 5") give a low
and a high bound; after a verb of change ("rose 3% to 7%", "from 5% to 9%") they are two
quantities. Ratios ("one in five", "4 out of 10", "eight of 10", "one of every nine") are one
count, the fraction. Ranges the tokenizer keeps as one token ("$5bn-7bn", "5–7", "€2bn–€3bn",
"10%-15%", "5km-7 km") are split here on the dash. Not handled: negative ranges ("-5-3"), ranges
with low above high (scores), "one over three".
"""

import re
from dataclasses import replace

from spacy.tokens import Token

from crisisdesk.analyze.components.quantity_numbers import (
    CURRENCY_SYMBOLS,
    Number,
    currency_prefix,
    digits_value,
    glued_suffix,
)
from crisisdesk.analyze.components.quantity_scan import YEAR, Measure, Scan
from crisisdesk.analyze.components.quantity_units import measure, with_rate

RANGE_WORDS = frozenset({"-", "–", "—", "to", "through", "thru", "~"})
GLUED_RANGE = re.compile(r"^([^-–—]+)[-–—]([^-–—]+)$")
SCALE_KINDS = frozenset({"abbrev", "scale"})
Found = tuple[int, Measure, Measure]  # start token, first and last measure


def glued_range(scan: Scan, i: int) -> Found | None:
    """(start, low, high) of a range written as one token: "$5bn-7bn", "5–7 million", "5-$7"."""
    match = GLUED_RANGE.match(scan.doc[i].text)
    if match is None or YEAR.fullmatch(match.group(1)):
        return None  # "1939–45": years
    low, high = glued_part(scan, i, match.group(1)), glued_part(scan, i, match.group(2))
    if low is None or high is None:
        return None
    first, last = measure(scan, low), measure(scan, with_scale_word(scan, high))
    if first.unit and last.unit and first.unit.name != last.unit.name:
        return None
    if first.number.value * last_scale(first, last) > last.number.value:
        return None  # "3–1": a score
    return min(first.start, last.start), first, with_rate(scan, last)


def glued_part(scan: Scan, i: int, text: str) -> Number | None:
    """One side of a glued range: digits with a currency before ("$7") and a scale ("7bn") or a
    unit ("5km", "10%") after; "m" is a million only on money."""
    value = digits_value(text)
    if value is None:
        return None
    prefix, suffix = currency_prefix(text), glued_suffix(text)
    money = bool(prefix) or (i > 0 and scan.doc[i - 1].text in CURRENCY_SYMBOLS)
    unit = scan.lex.units.get(prefix) if prefix else None
    entry = scan.lex.numbers.get(suffix) or scan.lex.numbers.get(suffix.lower())
    scale = 1.0
    if entry is not None and entry[0] in SCALE_KINDS and (money or suffix not in scan.lex.glued):
        scale = entry[1]
    elif suffix in scan.lex.glued:
        unit = unit or scan.lex.glued[suffix]
    elif suffix:
        return None
    return Number(i, i + 1, value * scale, scale, unit)


def text_before(scan: Scan, number: Number) -> str:
    return scan.doc[number.start - 1].text if number.start > 0 else ""


def with_scale_word(scan: Scan, number: Number) -> Number:
    """ "5–7 million", "£1.5m-£2m": the scale word after a glued range belongs to its high
    end (a glued "m" only on money)."""
    at, doc = number.end, scan.doc
    money = number.unit is not None or text_before(scan, number) in CURRENCY_SYMBOLS
    glued = at < len(doc) and not doc[at - 1].whitespace_ and money  # "£1.5m-£2" "m"
    word = doc[at].text.rstrip(".") if at < len(doc) else ""
    entry = scan.lex.numbers.get(word) or scan.lex.numbers.get(word.lower())
    if entry is None or entry[0] not in (SCALE_KINDS if glued else {"scale"}):
        return number
    factor = entry[1]
    value, scale = number.value * factor, number.scale * factor
    return replace(number, end=at + 1, value=value, scale=scale)


def ratio(scan: Scan, first: Measure) -> Measure:
    """ "one in five", "4 in 10", "1 out of 3", "eight of 10", "one of every nine": one
    quantity, the fraction (0.2, 0.4, ...). Not "one of five" (one among five)."""
    at = ratio_denominator_at(scan, first)
    if at is None:
        return first
    number = scan.read_number(at)
    whole = first.number.value % 1 == 0
    if number is None or number.value <= first.number.value or number.value % 1 or not whole:
        return first
    of = scan.doc[first.end].lower_ == "of" and scan.doc[at - 1].lower_ != "every"
    if (of and number.value not in {10, 100}) or measure(scan, number).unit is not None:
        return first
    value = first.number.value / number.value
    return Measure(first.start, number.end, Number(first.start, number.end, value), None)


def ratio_denominator_at(scan: Scan, first: Measure) -> int | None:
    """The token after "in", "out of", "of" (and "every") that follows a bare number."""
    doc, at = scan.doc, first.end
    if first.unit is not None or at + 1 >= len(doc) or first.number.value < 1:
        return None
    out_of = doc[at].lower_ == "out" and doc[at + 1].lower_ == "of"
    if not out_of and doc[at].lower_ not in {"in", "of"}:
        return None
    at += 2 if out_of else 1
    at += at < len(doc) and doc[at].lower_ == "every"
    return None if at >= len(doc) or YEAR.fullmatch(doc[at].text) else at


def range_end(scan: Scan, first: Measure) -> Measure | None:
    """The second half of "3,000-5,000", "3 to 5 km", "between 3,000 and 5,000"; not
    "rose from 5% to 10%" (a change: two quantities) nor "3-2" (low above high)."""
    doc = scan.doc
    at = first.end
    if at + 1 >= len(doc) or not joins_range(scan, first, doc[at]):
        return None
    start = at + 2 if doc[at + 1].text in CURRENCY_SYMBOLS else at + 1
    number = scan.number_at(start) if start < len(doc) else None
    if number is None:
        return None
    second = measure(scan, number)
    if first.unit and second.unit and first.unit.name != second.unit.name:
        return None
    low = first.number.value * (last_scale(first, second))
    return second if low <= second.number.value else None


def joins_range(scan: Scan, first: Measure, word: Token) -> bool:
    before = scan.word_before(first.start)
    if word.lower_ == "and":
        return before == "between"
    if word.lower_ in {"-", "–", "—"}:
        return word.whitespace_ == scan.doc[word.i - 1].whitespace_
    if word.lower_ == "to" and before == "from":
        head = scan.doc[first.start - 1].head  # "ranged from 3 to 5" is a range
        return head.pos_ not in {"VERB", "AUX"} or head.lemma_ in {"range", "vary"}
    if word.lower_ == "to" and after_change_verb(scan, first):
        return False  # "rose 3.4 percent to 7.2%": a change, two quantities
    return word.lower_ in RANGE_WORDS


def after_change_verb(scan: Scan, first: Measure) -> bool:
    """Whether a verb of change ("rose", "fell") governs the first number or its unit."""
    for token in scan.doc[first.number.start : first.end]:
        for head in (token.head, token.head.head):
            if head.pos_ in {"VERB", "AUX"} and head.lemma_ in scan.lex.change_verbs:
                return True
    return False


def range_start(scan: Scan, first: Measure) -> int:
    word = scan.word_before(first.start)
    return first.start - 1 if word in {"between", "from"} else first.start


def bounds(scan: Scan, first: Measure, last: Measure) -> tuple[float, float]:
    """Values of both ends as written; "3 to 5 million" scales the 3 like the 5."""
    low = first.number.value * (last_scale(first, last) if first is not last else 1.0)
    return low, last.number.value


def last_scale(first: Measure, last: Measure) -> float:
    """The scale "3 to 5 million" lends its first number (when that one has none)."""
    if first.number.scale != 1 or first.number.value * last.number.scale > last.number.value:
        return 1.0
    return last.number.scale
