"""crisisdesk_quantities: numbers with their unit, counted thing, qualifier and range.

One pass over the tokens of a document:
1. a number is read by `quantity_numbers.NumberReader` from digits, words or both ("5,000",
   "4.5bn", "40 000", "two dozen", "one-third", "8 million"); "tens of thousands of" and
   "hundreds of" are read as their lower bound with the qualifier "at least";
2. a unit from `lexicons/units.tsv` after it ("6,000 meters", "10kg", "40%") or a currency
   before it ("$2 billion", "HK$1.5bn", "Rs 500 crore") makes it a measure. The value stays as
   written, scale words applied ("3.5 km" -> 3.5 "km", as quantulum3, Recognizers-Text and CQE
   report it); the lexicon's base and factor convert it. "3 dollars 50 cents" is one amount;
   "$15.4/hour", "1.2 million barrels a day" are rates ("USD/h", "bbl/day"). Without a unit it
   is a count ("count") and `counted` is the noun it modifies in the parse (or the object of
   "of": "half of the residents"), with its modifiers and conjuncts, without determiners;
3. ranges ("3,000-5,000", "3 to 5 km", "between 3,000 and 5,000") give `low` and `high`, and
   `value` is their midpoint; after a verb of change ("rose 3% to 7%") they are two quantities;
4. a qualifier is the phrase of `lexicons/quantity_qualifiers.tsv` right before the quantity
   ("up to", "over") or an adjective on the noun it measures ("a maximum altitude of 3,500 m").
Not quantities: years, dates and day numbers (NER DATE, a month name next to it; a DATE number
that counts a plural noun is kept: "in 2019 100 people"), ages, times of day ("3 pm"),
ordinals ("a third time"), labels ("No. 5", `lexicons/quantity_labels.txt`), numbers inside
names ("F-16"), list markers ("1)"), phone numbers and addresses, "one" used as a pronoun.
Limits: "x10^6" notation, "one over three", decimal commas, feet-and-inches sums ("5 ft 2 in"),
negative ranges with low above high, bracketed units ("20 (kg)"); temperatures keep their
scale; a bare "$" is USD; "pounds" is mass unless a scale word makes it sterling.
"""

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from crisisdesk.analyze import extensions
from crisisdesk.analyze.components.quantity_lexicon import COUNT, Lexicons, Unit
from crisisdesk.analyze.components.quantity_numbers import (
    CURRENCY_SYMBOLS,
    Number,
    NumberReader,
    currency_prefix,
    digits_value,
    read_vague,
)

NUMERIC_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "LAW", "FAC", "EVENT", "WORK_OF_ART"})
NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "ORDINAL"}) | NAME_LABELS
RANGE_WORDS = frozenset({"-", "–", "—", "to", "through", "thru", "~"})
TIME_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "gmt", "utc", "est", "edt", "o'clock"})
MONTHS = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September"}
    | {"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug"}
    | {"Sep", "Sept", "Oct", "Nov", "Dec"}
)
AM_PM = frozenset({"am", "pm"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
PHONE_LIKE = re.compile(r"^\(?\+?\d+\)?(?:[-./:]\d+){2,}$|^\d+:\d+$|^[A-Za-z]+-\d")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Measure:
    """A number with its unit tokens [start, end): currency symbol before, unit after."""

    start: int
    end: int
    number: Number
    unit: Unit | None


SPACED_SINGLE = frozenset({"%", "$", "€", "£", "¥", "°", "L", "C", "F"})


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
            found = scan.quantity_at(i)
            if found is None:
                i += 1
                continue
            record, i = found
            if record is not None:
                yield record


class Scan:
    """The per-document state of one pass: unit, qualifier and entity lookups by token."""

    def __init__(self, doc: Doc, lex: Lexicons) -> None:
        self.doc = doc
        self.text = doc.text  # built once: Doc.text joins every token on each access
        self.lex = lex
        self.units = lex.unit_spans(doc)
        self.qualifiers = lex.qualifier_ends(doc)
        self.ent_label = {i: e.label_ for e in doc.ents for i in range(e.start, e.end)}

    # -- numbers -------------------------------------------------------------------------------

    def number_at(self, i: int) -> Number | None:
        """The number starting at token i, digits and/or words, with a sign."""
        doc = self.doc
        sign = 1.0
        start = i
        if (self.kind(doc[i]) == "sign" and i + 1 < len(doc)) or self.is_minus(i):
            sign, i = -1.0, i + 1
        number = read_vague(doc, self.lex, i) or self.read_number(i) or self.article_unit(i)
        if number is None:
            return None
        return replace(number, start=start, value=sign * number.value)

    def is_minus(self, i: int) -> bool:
        """A "-" glued to a number and not after one ("-5", not the "-" of "3-5")."""
        doc = self.doc
        if doc[i].text not in {"-", "−"} or doc[i].whitespace_ or not self.starts_number(i + 1):
            return False
        return i == 0 or not self.is_number_token(doc[i - 1])

    def article_unit(self, i: int) -> Number | None:
        """ "a gallon", "a penny": one of a measure unit (not time: "a year ago")."""
        if self.doc[i].lower_ not in {"a", "an"}:
            return None
        hit = self.units.get(i + 1)
        if hit is None or hit[1].kind in {"time", "percent", "angle"} or hit[0] - i < 2:
            return None
        if len(self.doc[i + 1 : hit[0]].text) < 3:
            return None
        return Number(i + 1, i + 1, 1.0)

    def starts_number(self, i: int) -> bool:
        return i < len(self.doc) and self.is_number_token(self.doc[i])

    def is_number_token(self, token: Token) -> bool:
        return digits_value(token.text) is not None or self.kind(token) in {"unit", "teen", "ten"}

    def kind(self, token: Token) -> str | None:
        entry = self.lex.numbers.get(token.lower_)
        return entry[0] if entry else None

    def read_number(self, i: int) -> Number | None:
        reader = NumberReader(self.doc, self.lex, i)
        return reader.read()

    # -- quantities ----------------------------------------------------------------------------

    def quantity_at(self, i: int) -> tuple[dict[str, Any] | None, int] | None:
        """(record or None when rejected, next token) for a quantity starting at token i."""
        number = self.number_at(i)
        if number is None:
            return None
        first = self.with_cents(self.measure(number))
        second = self.range_end(first)
        if second is None:
            first = last = self.with_rate(first)
        else:
            last = self.with_rate(second)
        start = self.range_start(first) if second is not None else first.start
        if not self.accept(first, last):
            return None, last.end
        return self.record(start, first, last), last.end

    def measure(self, number: Number) -> Measure:
        """The number with a currency symbol before it or a unit after it."""
        before = self.currency_before(number.start)
        glued = self.lex.units.get(currency_prefix(self.doc[number.start].text))
        if glued is not None:
            return Measure(number.start, number.end, number, glued)
        if number.unit is not None:
            return Measure(number.start, number.end, number, number.unit)
        if before is not None:
            return Measure(before[0], number.end, number, before[1])
        after = self.unit_after(number)
        if after is not None:
            return Measure(number.start, after[0], number, after[1])
        return Measure(number.start, number.end, number, None)

    def with_cents(self, first: Measure) -> Measure:
        """ "3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount."""
        unit, at = first.unit, first.end
        if unit is None or unit.kind != "currency" or unit.base != unit.name or at >= len(self.doc):
            return first
        at += self.doc[at].lower_ == "and"
        number = self.read_number(at) if at < len(self.doc) else None
        if number is None or number.unit is not None:
            return first
        after = self.unit_after(number)
        if after is None or after[1].base != unit.name or after[1].factor >= 1:
            return first
        value = first.number.value + number.value * after[1].factor
        return replace(first, end=after[0], number=replace(first.number, value=value))

    def with_rate(self, measure: Measure) -> Measure:
        """ "$15.4/hour", "1.2 million barrels a day", "$5 per share": unit "USD/h", "bbl/day";
        a count stays a count ("30 missiles a day")."""
        unit, at = measure.unit, measure.end
        if unit is None or at + 1 >= len(self.doc) or self.doc[at].lower_ not in RATE_WORDS:
            return measure
        hit = self.units.get(at + 1)
        if hit is not None:
            end, name, base = hit[0], hit[1].name, hit[1].base
        elif self.doc[at + 1].tag_ == "NN":
            end, name = at + 2, self.doc[at + 1].lower_
            base = name
        else:
            return measure
        rate = Unit(f"{unit.name}/{name}", "rate", f"{unit.base}/{base}")
        return replace(measure, end=end, unit=rate)

    def currency_before(self, start: int) -> tuple[int, Unit] | None:
        """(start token, unit) of a currency symbol or code right before token `start`."""
        for length in (2, 1):
            begin = start - length
            if begin < 0:
                continue
            hit = self.units.get(begin)
            word = self.doc[begin:start].text
            symbol = word != word.lower() or not word.replace(" ", "").isalpha()  # "$", "Rs"
            if hit and hit[0] == start and hit[1].kind == "currency" and symbol:
                return begin, hit[1]
        return None

    def unit_after(self, number: Number) -> tuple[int, Unit] | None:
        """(end token, unit) of a unit phrase after the number, also "27-kilometer"."""
        doc = self.doc
        at = number.end
        if at < len(doc) and doc[at].text == "-" and not doc[at - 1].whitespace_:
            at += 1
        hit = self.units.get(at)
        if hit is None:
            return None
        end, unit = hit
        surface = doc[at:end].text
        if len(surface) == 1 and doc[at - 1].whitespace_ and surface not in SPACED_SINGLE:
            return None  # "5 m", "2 in": one letter counts only glued to the number
        if surface.lower() in {"in", "p", "pp"} and doc[at - 1].whitespace_:
            return None
        return end, unit

    def range_end(self, first: Measure) -> Measure | None:
        """The second half of "3,000-5,000", "3 to 5 km", "between 3,000 and 5,000"; not
        "rose from 5% to 10%" (a change: two quantities) nor "3-2" (low above high)."""
        doc = self.doc
        at = first.end
        if at + 1 >= len(doc) or not self.joins_range(first, doc[at]):
            return None
        start = at + 2 if doc[at + 1].text in CURRENCY_SYMBOLS else at + 1
        number = self.number_at(start) if start < len(doc) else None
        if number is None:
            return None
        second = self.measure(number)
        if first.unit and second.unit and first.unit.name != second.unit.name:
            return None
        low = first.number.value * (last_scale(first, second))
        return second if low <= second.number.value else None

    def joins_range(self, first: Measure, word: Token) -> bool:
        before = self.word_before(first.start)
        if word.lower_ == "and":
            return before == "between"
        if word.lower_ in {"-", "–", "—"}:
            return word.whitespace_ == self.doc[word.i - 1].whitespace_
        if word.lower_ == "to" and before == "from":
            return self.doc[first.start - 1].head.pos_ not in {"VERB", "AUX"}
        if word.lower_ == "to" and self.after_change_verb(first):
            return False  # "rose 3.4 percent to 7.2%": a change, two quantities
        return word.lower_ in RANGE_WORDS

    def after_change_verb(self, first: Measure) -> bool:
        """Whether a verb of change ("rose", "fell") governs the first number or its unit."""
        for token in self.doc[first.number.start : first.end]:
            for head in (token.head, token.head.head):
                if head.pos_ in {"VERB", "AUX"} and head.lemma_ in self.lex.change_verbs:
                    return True
        return False

    def range_start(self, first: Measure) -> int:
        word = self.word_before(first.start)
        return first.start - 1 if word in {"between", "from"} else first.start

    def word_before(self, i: int) -> str:
        return self.doc[i - 1].lower_ if i > 0 else ""

    # -- filters -------------------------------------------------------------------------------

    def accept(self, first: Measure, last: Measure) -> bool:
        """False for years, dates, times, ages, labels, names, list markers and phone numbers."""
        doc = self.doc
        unit = last.unit or first.unit
        if self.is_date_or_time(first, last) or self.looks_like_code(first.number):
            return False
        if unit is not None:
            return not self.is_age(last, unit)
        if self.in_other_entity(first, last):
            return False
        if self.is_year(first.number, last) or self.is_label(first.number.start):
            return False
        end = last.end
        if end < len(doc) and doc[end].text == ")" and self.word_before(first.start) != "(":
            return False
        return not self.is_pronoun_one(first, last)

    def in_other_entity(self, first: Measure, last: Measure) -> bool:
        """Inside a DATE/TIME/ORDINAL or a name; a DATE that is the bare number alone is not
        trusted (the small model tags "42" and "45" as DATE)."""
        tokens = range(first.number.start, last.number.end)
        labels = {self.ent_label.get(i) for i in tokens}
        if not labels & NOT_COUNT_LABELS:
            return False
        if labels != {"DATE"}:
            return True
        if self.counts_plural(self.doc[last.number.end - 1]):
            return False  # "in 2019 100 people": the small model tags "2019 100" as one DATE
        ent = self.doc[first.number.start].ent_iob_ == "B" and self.doc[last.number.end - 1]
        inside = (
            self.doc[last.number.end].ent_iob_ == "I" if last.number.end < len(self.doc) else False
        )
        return not ent or inside

    def counts_plural(self, token: Token) -> bool:
        """A number that is not year-like and counts the plural noun after it ("100 people")."""
        if YEAR.fullmatch(token.text):
            return False
        head = token.head
        return token.dep_ == "nummod" and head.i > token.i and head.tag_ in {"NNS", "NNPS"}

    def is_date_or_time(self, first: Measure, last: Measure) -> bool:
        """A month name next to the number ("March 3", "3 March"), or "3 pm", "2.13am"."""
        doc = self.doc
        start, end = first.number.start, last.end
        before = doc[start - 1].text if start > 0 else ""
        after = doc[end].text if end < len(doc) else ""
        glued_time = last.number.unit is None and doc[last.number.end - 1].lower_[-2:] in AM_PM
        return before in MONTHS or after in MONTHS or after.lower() in TIME_WORDS or glued_time

    def looks_like_code(self, number: Number) -> bool:
        """Phone numbers, addresses, "192.168.1.2", "14:30", "F-16", "1990s", ordinals."""
        token = self.doc[number.start]
        text = self.text
        left = text.rfind(" ", 0, token.idx) + 1
        right = text.find(" ", token.idx)
        word = text[left : right if right >= 0 else len(text)].strip(".,;:!?\"'()[]")
        decade = token.text[:1].isdigit() and token.text[-1:] == "s"
        return bool(PHONE_LIKE.match(word) or ORDINAL.match(token.text) or decade)

    def is_year(self, number: Number, last: Measure) -> bool:
        """A bare four-digit integer 1000-2199 not followed by the noun it counts: a year."""
        token = self.doc[number.start]
        if not YEAR.fullmatch(token.text) or number.end - number.start != 1:
            return False
        after = self.doc[last.end] if last.end < len(self.doc) else None
        return after is None or not (after.pos_ == "NOUN" and after.tag_ in {"NNS", "NNPS"})

    def is_label(self, i: int) -> bool:
        """ "No. 5", "# 3", "Flight 370": a label word (or a name) right before the number."""
        before = self.word_before(i)
        if before == "." and i > 1:
            before = self.doc[i - 2].lower_ + "."
        return before in self.lex.labels or self.ent_label.get(i - 1) in NAME_LABELS

    def is_age(self, last: Measure, unit: Unit) -> bool:
        """ "45-year-old", "aged 45 years": an age, left to NER and the reader."""
        doc = self.doc
        end = last.end
        if unit.kind != "time" or end + 1 >= len(doc):
            return False
        return (doc[end].text == "-" and doc[end + 1].lower_ == "old") or doc[end].lower_ == "old"

    def is_pronoun_one(self, first: Measure, last: Measure) -> bool:
        token = self.doc[first.number.start]
        single = first is last and first.number.end - first.number.start == 1
        return single and token.lower_ == "one" and token.dep_ != "nummod"

    # -- records -------------------------------------------------------------------------------

    def record(self, start: int, first: Measure, last: Measure) -> dict[str, Any]:
        """The quantity dict: value as written with its unit, the value in the kind's base unit
        (SI; ISO currency), range bounds, counted thing, qualifier."""
        doc = self.doc
        unit = last.unit or first.unit or COUNT
        if unit.scaled and (first.number.scale != 1 or last.number.scale != 1):
            unit = Unit(unit.scaled, "currency", unit.scaled)
        low, high = self.bounds(first, last)
        span = doc[start : max(last.end, first.end)]
        end_char = span.end_char - (span.text.endswith(".") and span[-1].text[:1].isdigit())
        counted = self.counted(first, last) if unit is COUNT else None
        value = low if first is last else (low + high) / 2
        return {
            "start": span.start_char,
            "end": end_char,
            "text": self.text[span.start_char : end_char],
            "value": clean(value),
            "unit": unit.name,
            "counted": counted,
            "qualifier": self.qualifier(start, first, last),
            "low": None if first is last else clean(low),
            "high": None if first is last else clean(high),
            "base_value": clean(value * unit.factor),
            "base_unit": unit.base,
        }

    def bounds(self, first: Measure, last: Measure) -> tuple[float, float]:
        """Values of both ends as written; "3 to 5 million" scales the 3 like the 5."""
        low = first.number.value * (last_scale(first, last) if first is not last else 1.0)
        return low, last.number.value

    def qualifier(self, start: int, first: Measure, last: Measure) -> str | None:
        """The qualifier phrase right before the quantity, else a bound adjective of its noun."""
        qualifier_start = self.qualifiers.get(start)
        if qualifier_start is not None:
            return self.doc[qualifier_start:start].text.lower()
        if first.number.vague:
            return "at least"  # "thousands of": the value is the lower bound
        return self.governor_adjective(last if last.unit else first)

    def governor_adjective(self, measure: Measure) -> str | None:
        """ "a maximum altitude of 3,500 meters" -> "maximum" (unit or number under "of")."""
        doc = self.doc
        for token in doc[measure.start : measure.end]:
            prep = token.head
            if token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ in NOUN_POS:
                for child in prep.head.children:
                    if child.dep_ in {"amod", "compound"} and child.lower_ in self.lex.governors:
                        return child.lower_
        return None

    def counted(self, first: Measure, last: Measure) -> str | None:
        """The noun phrase the number counts: head noun, its left modifiers after the number,
        and its conjuncts without a number of their own ("Marines and sailors")."""
        doc = self.doc
        head = self.counted_head(first, last)
        if head is None:
            return None
        left = last.end
        while left < head.i and doc[left].pos_ in {"DET", "PUNCT", "CCONJ", "NUM", "SYM"}:
            left += 1
        right = head.i
        for conj in head.conjuncts:
            numeric = has_number(conj) or conj.lower_ in self.lex.numbers
            if conj.i > right and conj.pos_ in NOUN_POS and not numeric:
                right = conj.i
        if any(not is_within(doc[k], head) for k in range(left, head.i)):
            left = head.i
        return doc[left : right + 1].text

    def counted_head(self, first: Measure, last: Measure) -> Token | None:
        doc = self.doc
        tokens = range(first.number.start, last.number.end)
        for k in tokens:
            head = doc[k].head
            near = last.end <= head.i <= last.end + 12 and head.lower_ not in self.lex.numbers
            if near and head.pos_ in NOUN_POS and doc[k].dep_ in COUNT_DEPS:
                return head
        after = doc[last.end] if last.end < len(doc) else None
        if after is not None and after.pos_ == "NOUN" and after.tag_ == "NNS":
            return after
        if after is not None and after.lower_ == "of":  # "half of the residents"
            objects = [c for c in after.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS]
            return objects[0] if objects else None
        return None


YEAR = re.compile(r"1\d{3}|2[01]\d{2}")
RATE_WORDS = frozenset({"/", "per", "a", "an", "each"})
COUNT_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod", "conj"})


def last_scale(first: Measure, last: Measure) -> float:
    """The scale "3 to 5 million" lends its first number (when that one has none)."""
    if first.number.scale != 1 or first.number.value * last.number.scale > last.number.value:
        return 1.0
    return last.number.scale


def has_number(token: Token) -> bool:
    return any(child.dep_ == "nummod" for child in token.children)


def is_within(token: Token, head: Token) -> bool:
    return token.head == head or any(anc == head for anc in token.ancestors)


def clean(value: float) -> float:
    """Round float noise from unit factors (3.5 * 1000 = 3500.0000000000005)."""
    if value == 0 or math.isnan(value):
        return value
    digits = 12 - math.floor(math.log10(abs(value)))
    return round(value, digits)
