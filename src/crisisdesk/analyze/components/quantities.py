"""crisisdesk_quantities: numbers with their unit, counted thing, qualifier and range.

One pass over the tokens of a document:
1. a number is read by `quantity_numbers.NumberReader` from digits, words or both ("5,000",
   "4.5bn", "1.5m reservists", "40 000", "two dozen", "one-third", "a quarter of a million",
   "a million and a half"); "tens of thousands of", "tens of millions" and "hundreds of" are
   read as their lower bound with the qualifier "at least";
2. `quantity_units` finds its unit (lexicon `units.tsv`): a currency before it, a unit after
   it, a rate ("$85 a barrel"). The value stays as written, scale words applied ("3.5 km" ->
   3.5 "km", as quantulum3, Recognizers-Text and CQE report it); the lexicon's base and factor
   convert it. Without a unit it is a count ("count");
3. `quantity_ranges` joins ranges ("3,000-5,000", "between 3 and 5 percent", "$5bn-7bn"):
   `low` and `high`, and `value` is their midpoint; and ratios ("one in five") into one count;
4. `quantity_filters` drops years, dates, times, ages, labels, names, scores and codes;
5. `quantity_counted` gives the counted noun of a count and the qualifier ("up to", "over").
`quantity_scan` holds the per-document lookups, `quantity_lexicon` the lexicons. The record keys
are those of `records.Quantity`: start, end, text, value, unit, counted, qualifier, low, high,
base_value, base_unit.
Limits: "x10^6" notation, "one over three", decimal commas, feet-and-inches sums, temperatures
keep their scale; a bare "$" is USD; "pounds" is mass unless a scale word or a nationality
("Egyptian pounds") makes it money; "over four years" keeps "over" as a qualifier.
"""

import math
from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from crisisdesk.analyze import extensions
from crisisdesk.analyze.components.quantity_counted import counted, qualifier
from crisisdesk.analyze.components.quantity_filters import accept
from crisisdesk.analyze.components.quantity_lexicon import COUNT, Lexicons, Unit
from crisisdesk.analyze.components.quantity_ranges import (
    Found,
    bounds,
    glued_range,
    range_end,
    range_start,
    ratio,
)
from crisisdesk.analyze.components.quantity_scan import Measure, Scan
from crisisdesk.analyze.components.quantity_units import measure, shared_unit, with_cents, with_rate


@Language.factory(
    "crisisdesk_quantities",
    assigns=["doc._.quantities"],
    requires=["doc.ents", "token.dep", "token.tag"],
    default_config={
        "units": "units.tsv",
        "numbers": "quantity_numbers.tsv",
        "qualifiers": "quantity_qualifiers.tsv",
        "labels": "quantity_labels.txt",
    },
)
def make_quantities(
    nlp: Language,
    name: str,
    units: str,
    numbers: str,
    qualifiers: str,
    labels: str,
) -> "QuantityFinder":
    return QuantityFinder(Lexicons(nlp, units, numbers, qualifiers, labels))


class QuantityFinder:
    """Writes `doc._.quantities`; see the module docstring for the rules."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        doc._.quantities = list(self.quantities(doc))
        return doc

    def quantities(self, doc: Doc) -> Iterator[dict[str, Any]]:
        scan = Scan(doc, self.lex)
        i = 0
        while i < len(doc):
            found = quantity_at(scan, i) if scan.may_start(doc[i]) else None
            if found is None:
                i += 1
                continue
            record_, i = found
            if record_ is not None:
                yield record_


def quantity_at(scan: Scan, i: int) -> tuple[dict[str, Any] | None, int] | None:
    """(record or None when rejected, next token) for a quantity starting at token i."""
    found = glued_range(scan, i) or spaced_quantity(scan, i)
    if found is None:
        return None
    start, first, last = found
    if not accept(scan, first, last):
        return None, last.end
    return record(scan, start, first, last), last.end


def spaced_quantity(scan: Scan, i: int) -> Found | None:
    """(start, first, last) of a number, ratio or range of several tokens from token i."""
    number = scan.number_at(i)
    if number is None:
        return None
    first = ratio(scan, with_cents(scan, measure(scan, number)))
    second = range_end(scan, first)
    if second is None:
        first = with_rate(scan, shared_unit(scan, first))
        return first.start, first, first
    return range_start(scan, first), first, with_rate(scan, second)


def record(scan: Scan, start: int, first: Measure, last: Measure) -> dict[str, Any]:
    """The quantity dict: value as written with its unit, the value in the kind's base unit
    (SI; ISO currency), range bounds, counted thing, qualifier."""
    doc = scan.doc
    unit = last.unit or first.unit or COUNT
    if unit.scaled and (first.number.scale != 1 or last.number.scale != 1):
        unit = Unit(unit.scaled, "currency", unit.scaled)
    low, high = bounds(scan, first, last)
    span = doc[start : max(last.end, first.end)]
    end_char = span.end_char - trailing_dot(scan, span)
    thing = counted(scan, first, last) if unit is COUNT else None
    value = low if first is last else (low + high) / 2
    return {
        "start": span.start_char,
        "end": end_char,
        "text": scan.text[span.start_char : end_char],
        "value": clean(value),
        "unit": unit.name,
        "counted": thing,
        "qualifier": qualifier(scan, start, first, last),
        "low": None if first is last else clean(low),
        "high": None if first is last else clean(high),
        "base_value": clean(value * unit.factor),
        "base_unit": unit.base,
    }


def trailing_dot(scan: Scan, span: Span) -> bool:
    """A sentence's full stop glued to the last token ("5.", "$5m.", "km/h.")."""
    last = span[-1].text
    letter = len(last) == 2 and last[0].isalpha() and len(span) > 1 and span[-2].text == "/"
    return last.endswith(".") and (last[:1].isdigit() or last[:-1] in scan.lex.numbers or letter)


def clean(value: float) -> float:
    """Round float noise from unit factors (3.5 * 1000 = 3500.0000000000005)."""
    if value == 0 or math.isnan(value):
        return value
    digits = 12 - math.floor(math.log10(abs(value)))
    return round(value, digits)
