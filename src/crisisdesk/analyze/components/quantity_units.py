"""Units of crisisdesk_quantities: the unit of a number, before it, glued to it or after it.

A currency symbol or code before the number ("$2 billion", "HK$1.5bn", "c $ 300", "USD115",
the wires' "dlrs 50 million"), a
unit of `lexicons/units.tsv` after it ("6,000 meters", "10kg", "40%", "half a percentage point",
"27-kilometer"), "billions of dollars"; "3 dollars 50 cents" is one amount; "$15.4/hour" and
"1.2 million barrels a day" are rates ("USD/h", "bbl/day"), a length per time is a speed ("500
miles an hour" -> "mph"); "45 and 50 mg", "3 or 4 km": the bare number shares the unit after the
next one. One-letter units count only glued to the number ("5 m" is not metres). Multipliers
("three times higher", "five times as many", "ten times the size", "3-fold") have the unit "x":
a ratio to a reference, not a count of "times" ("visited three times" stays a count). A time
unit may follow one duration adjective ("six straight days", "five trading days"); a unit may
follow "of a" ("0.5 of a percentage point"); "$(45) million" is an accounting negative.
Not handled: feet-and-inches sums ("5 ft 2 in"), bracketed units ("20 (kg)"), "x10^6".
"""

import math
from dataclasses import replace

from crisisdesk.analyze.components.quantity_lexicon import Unit
from crisisdesk.analyze.components.quantity_numbers import Number, currency_prefix
from crisisdesk.analyze.components.quantity_scan import Measure, Scan

SPACED_SINGLE = frozenset({"L", "C", "F"})  # letters that count spaced ("5 L"); symbols always do
RATE_WORDS = frozenset({"/", "per", "a", "an", "each"})
#: currency words the wire services write before the number ("dlrs 50 million": AP, Xinhua);
#: "us $" is one only in capitals ("it cost us $1 billion": the pronoun)
WIRE_CURRENCIES = frozenset({"dlrs", "dlr"})
NOT_A_RATE_AFTER = frozenset({"earlier", "ago", "later", "before", "after", "previously"})
COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
MULTIPLIER_NEXT = frozenset({"as", "the", "that", "what", "more", "less", "fewer", "bigger"})
DURATION_ADJECTIVES = frozenset(
    {"straight", "consecutive", "successive", "trading", "business", "working", "calendar"}
)


def measure(scan: Scan, number: Number) -> Measure:
    """The number with a currency symbol before it or a unit after it."""
    before = currency_before(scan, number.start)
    glued = scan.lex.units.get(currency_prefix(scan.doc[number.start].text))
    if glued is not None:
        return Measure(number.start, number.end, number, glued)
    if number.unit is not None:
        return Measure(number.start, number.end, number, number.unit)
    if before is not None:
        return Measure(before[0], number.end, number, before[1])
    after = unit_after(scan, number) or multiplier_after(scan, number)
    after = after or vague_currency(scan, number)
    if after is not None:
        return Measure(number.start, after[0], number, after[1])
    return Measure(number.start, number.end, number, None)


def shared_unit(scan: Scan, first: Measure) -> Measure:
    """ "45 and 50 mg", "3 or 4 km": a bare digit number takes the unit written after the
    next number (a unit after it, not a currency sign before it)."""
    doc, at = scan.doc, first.end
    if first.unit is not None or at + 1 >= len(doc) or doc[at].lower_ not in {"and", "or", "to"}:
        return first
    if not doc[first.number.start].text[:1].isdigit() or not scan.starts_number(at + 1):
        return first
    number = scan.read_number(at + 1)
    after = unit_after(scan, number) if number is not None and number.unit is None else None
    if after is None or (after[0] < len(doc) and doc[after[0]].lower_ == "old"):
        return first  # "31 and 34 years old": ages
    return replace(first, unit=after[1])


def with_cents(scan: Scan, first: Measure) -> Measure:
    """ "4 dollars 25 cents", "twelve dollars and thirty-five cents": one amount."""
    unit, at = first.unit, first.end
    if unit is None or unit.kind != "currency" or unit.base != unit.name or at >= len(scan.doc):
        return first
    at += scan.doc[at].lower_ == "and"
    number = scan.read_number(at) if at < len(scan.doc) else None
    if number is None or number.unit is not None:
        return first
    after = unit_after(scan, number)
    if after is None or after[1].base != unit.name or after[1].factor >= 1:
        return first
    value = first.number.value + number.value * after[1].factor
    return replace(first, end=after[0], number=replace(first.number, value=value))


def with_rate(scan: Scan, measure: Measure) -> Measure:
    """ "$15.4/hour", "1.2 million barrels a day", "$5 per share": unit "USD/h", "bbl/day";
    a count stays a count ("30 missiles a day")."""
    unit, at = measure.unit, measure.end
    if unit is None or at + 1 >= len(scan.doc) or scan.doc[at].lower_ not in RATE_WORDS:
        return measure
    hit = scan.units.get(at + 1)
    if hit is not None:
        end, per = hit
    elif scan.doc[at + 1].tag_ == "NN":
        end, word = at + 2, scan.doc[at + 1].lower_
        per = Unit(word, "count", word)
    else:
        return measure
    if end < len(scan.doc) and scan.doc[end].lower_ in NOT_A_RATE_AFTER:
        return measure  # "4.1 percent a year earlier": a time, not a rate
    return replace(measure, end=end, unit=rate_unit(scan, unit, per))


def rate_unit(scan: Scan, unit: Unit, per: Unit) -> Unit:
    """ "USD/bbl"; a length per time is the lexicon's speed ("miles an hour" -> "mph")."""
    factor = unit.factor / per.factor
    if unit.kind == "length" and per.kind == "time":
        for known in scan.lex.by_name.values():
            if known.kind == "speed" and math.isclose(known.factor, factor, rel_tol=1e-3):
                return known
    name = f"{unit.name}/{per.name}"
    return Unit(name, "rate", f"{unit.base}/{per.base}", factor)


def currency_before(scan: Scan, start: int) -> tuple[int, Unit] | None:
    """(start token, unit) of a currency symbol or code right before token `start`."""
    for length in (2, 1):
        begin = start - length
        if begin < 0:
            continue
        hit = scan.units.get(begin)
        word = scan.doc[begin:start].text
        symbol = word != word.lower() or not word.replace(" ", "").isalpha()  # "$", "Rs"
        symbol = (symbol or word in WIRE_CURRENCIES) and not word.startswith("us ")
        if hit and hit[0] == start and hit[1].kind == "currency" and symbol:
            return begin, hit[1]
    return None


def unit_after(scan: Scan, number: Number) -> tuple[int, Unit] | None:
    """(end token, unit) of a unit phrase after the number, also "27-kilometer"."""
    doc = scan.doc
    at = unit_start(scan, number)
    hit = scan.units.get(at)
    if hit is None:
        return None
    end, unit = hit
    surface = doc[at:end].text
    if (
        len(surface) == 1
        and doc[at - 1].whitespace_
        and surface.isalpha()
        and surface not in SPACED_SINGLE
    ):
        return None  # "5 m", "2 in": one letter counts only glued to the number
    if surface.lower() in {"in", "p", "pp"} and doc[at - 1].whitespace_:
        return None
    return end, unit


def unit_start(scan: Scan, number: Number) -> int:
    """The token where a unit after the number may start: after a glued hyphen ("27-km"),
    "a" after a lone fraction ("half a point"), "of a" ("0.5 of a percentage point") or a
    duration adjective before a time unit ("six straight days")."""
    doc, at = scan.doc, number.end
    if at >= len(doc):
        return at
    if doc[at].text == "-" and not doc[at - 1].whitespace_:
        return at + 1
    if doc[at].lower_ in {"a", "an"} and lone_fraction(scan, number):
        return at + 1
    if doc[at].lower_ == "of" and at + 2 < len(doc) and doc[at + 1].lower_ in {"a", "an"}:
        hit = scan.units.get(at + 2)
        return at + 2 if hit is not None and hit[1].kind == "percent" else at
    if doc[at].lower_ in DURATION_ADJECTIVES:
        hit = scan.units.get(at + 1)
        return at + 1 if hit is not None and hit[1].kind == "time" else at
    return at


def multiplier_after(scan: Scan, number: Number) -> tuple[int, Unit] | None:
    """ "three times higher", "five times as many", "ten times the size": (end, unit "x")."""
    doc, at = scan.doc, number.end
    if at + 1 >= len(doc) or doc[at].lower_ != "times" or "x" not in scan.lex.by_name:
        return None
    after = doc[at + 1]
    if after.tag_ in COMPARATIVE_TAGS or after.lower_ in MULTIPLIER_NEXT:
        return at + 1, scan.lex.by_name["x"]
    return None


def lone_fraction(scan: Scan, number: Number) -> bool:
    return number.end - number.start == 1 and scan.kind(scan.doc[number.start]) == "fraction"


def vague_currency(scan: Scan, number: Number) -> tuple[int, Unit] | None:
    """ "billions of dollars": (end token, currency) after the "of" of a vague number."""
    at = number.end
    if not number.vague or at + 1 >= len(scan.doc) or scan.doc[at].lower_ != "of":
        return None
    hit = scan.units.get(at + 1)
    word = scan.doc[at + 1].text.isalpha()  # "of dollars", not "of $12-an-hour"
    return hit if hit is not None and hit[1].kind == "currency" and word else None
