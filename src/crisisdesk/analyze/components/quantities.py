"""crisisdesk_quantities: numbers with their normalized unit, counted thing, qualifier and range.

One pass over the tokens of a document:
1. a number is read from digits ("5,000", "4.5bn", "1/2", "1.3e6"), words ("two dozen",
   "a hundred and two", "two and a half") or both ("8 million"), with number words and scales
   from `lexicons/quantity_numbers.tsv`;
2. a unit from `lexicons/units.tsv` after it ("6,000 meters", "10kg", "40%") or a currency symbol
   before it ("$2 billion") turns it into a measure, converted to the lexicon's unit (SI where
   there is one: 3.5 km -> 3500 "m"); without one it is a count ("count") and `counted` is the
   noun it modifies in the parse, with its modifiers and conjuncts, without determiners;
3. ranges ("3,000-5,000", "3,000 to 5,000", "between 3,000 and 5,000") give `low` and `high`, and
   `value` is their midpoint (as quantulum3 reports ranges), so a range still sorts and compares;
4. a qualifier is the phrase of `lexicons/quantity_qualifiers.tsv` right before the quantity
   ("up to", "over") or an adjective on the noun it measures ("a maximum altitude of 3,500 m").
Not quantities: years, dates and day numbers (NER DATE, a month name next to it), ages, times
of day ("3 pm", "14:30"), ordinals, labels ("No. 5", `lexicons/quantity_labels.txt`), numbers
inside names ("F-16", NER entities other than numeric ones), list markers ("1)"), phone numbers
and addresses ("555-123-4567", "192.168.1.2"), and "one" used as a pronoun.
Limits: compound units are only the lexicon's ("km/h"); "per" rates keep the first unit;
temperatures keep their scale; a bare "$" is USD; "pounds" is mass unless a scale word
("20 million pounds") makes it sterling; scientific notation with "x10^" is not read.
"""

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from crisisdesk.analyze import extensions
from crisisdesk.analyze.lexicon import read_rows, read_words

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
DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?$")
GLUED = re.compile(r"^([-+−]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(.*)$")
FRACTION = re.compile(r"^(\d+)/(\d+)$")
VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅙": 1 / 6, "⅛": 0.125}
PHONE_LIKE = re.compile(r"^\(?\+?\d+\)?(?:[-./:]\d+){2,}$|^\d+:\d+$|^[A-Za-z]+-\d")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Unit:
    """A normalized unit: name, factor from the surface form, kind, and the unit to use when
    the number carries a scale word (only "pounds" -> GBP)."""

    name: str
    factor: float
    kind: str
    scaled: str | None = None


@dataclass(frozen=True, slots=True)
class Number:
    """A number read from tokens [start, end); `scale` is the product of its scale words."""

    start: int
    end: int
    value: float
    scale: float = 1.0
    unit: Unit | None = None  # a unit glued inside the last token ("30C", "2.1pm")


@dataclass(frozen=True, slots=True)
class Measure:
    """A number with its unit tokens [start, end): currency symbol before, unit after."""

    start: int
    end: int
    number: Number
    unit: Unit | None


COUNT = Unit("count", 1.0, "count")
SPACED_SINGLE = frozenset({"%", "$", "€", "£", "¥", "°", "L", "C", "F"})


class Lexicons:
    """Units, number words, qualifiers and label words, read once."""

    def __init__(self, nlp: Language, units: str, numbers: str, qualifiers: str, labels: str):
        self.units: dict[str, Unit] = {}
        self.numbers = {row[0]: (row[1], float(row[2])) for row in read_rows(numbers)}
        self.labels = frozenset(read_words(labels))
        self.unit_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.unit_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.glued: dict[str, Unit] = {}
        for row in read_rows(units):
            unit = Unit(row[1], float(row[2]), row[3], row[4] if len(row) > 4 else None)
            for surface in row[0].split("|"):
                self.add_unit(nlp, surface, unit)
        self.before = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.governors: set[str] = set()
        for phrase, where in read_rows(qualifiers):
            if where == "governor":
                self.governors.add(phrase)
            else:
                self.before.add(phrase, [nlp.make_doc(phrase)])

    def add_unit(self, nlp: Language, surface: str, unit: Unit) -> None:
        self.units[surface] = unit
        self.glued.setdefault(surface, unit)
        exact = surface != surface.lower() and len(surface) <= 3  # "MW", "K", "USD"
        matcher = self.unit_exact if exact else self.unit_lower
        matcher.add(surface, [nlp.make_doc(surface)])

    def unit_spans(self, doc: Doc) -> dict[int, tuple[int, Unit]]:
        """Token start -> (end, unit) of the longest unit phrase starting there."""
        found: dict[int, tuple[int, Unit]] = {}
        for matcher in (self.unit_exact, self.unit_lower):
            for key, start, end in matcher(doc):
                surface = doc.vocab.strings[key]
                if start not in found or found[start][0] < end:
                    found[start] = (end, self.units[surface])
        return found

    def qualifier_ends(self, doc: Doc) -> dict[int, int]:
        """Token end -> start of the longest qualifier phrase ending there."""
        found: dict[int, int] = {}
        for _key, start, end in self.before(doc):
            found[end] = min(found.get(end, start), start)
        return found


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
        number = self.read_number(i) or self.article_unit(i)
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
        first = self.measure(number)
        last = first
        second = self.range_end(first)
        if second is not None:
            last = second
        start = self.range_start(first) if second is not None else first.start
        if not self.accept(first, last):
            return None, last.end
        return self.record(start, first, last), last.end

    def measure(self, number: Number) -> Measure:
        """The number with a currency symbol before it or a unit after it."""
        before = self.currency_before(number.start)
        if number.unit is not None:
            return Measure(number.start, number.end, number, number.unit)
        if before is not None:
            return Measure(before[0], number.end, number, before[1])
        after = self.unit_after(number)
        if after is not None:
            return Measure(number.start, after[0], number, after[1])
        return Measure(number.start, number.end, number, None)

    def currency_before(self, start: int) -> tuple[int, Unit] | None:
        """(start token, unit) of a currency symbol or code right before token `start`."""
        for length in (2, 1):
            begin = start - length
            if begin < 0:
                continue
            hit = self.units.get(begin)
            word = self.doc[begin:start].text
            symbol = (
                word.isupper() or not word.replace(" ", "").isalpha()
            )  # "$", "USD", not "dollars"
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
        return word.lower_ in RANGE_WORDS

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
        ent = self.doc[first.number.start].ent_iob_ == "B" and self.doc[last.number.end - 1]
        inside = (
            self.doc[last.number.end].ent_iob_ == "I" if last.number.end < len(self.doc) else False
        )
        return not ent or inside

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
        text = self.doc.text
        left = text.rfind(" ", 0, token.idx) + 1
        right = text.find(" ", token.idx)
        word = text[left : right if right >= 0 else len(text)].strip(".,;:!?\"'()[]")
        return bool(PHONE_LIKE.match(word) or ORDINAL.match(token.text) or token.text[-1:] == "s")

    def is_year(self, number: Number, last: Measure) -> bool:
        """A bare four-digit integer 1000-2199 not followed by the noun it counts: a year."""
        token = self.doc[number.start]
        if not re.fullmatch(r"1\d{3}|2[01]\d{2}", token.text) or number.end - number.start != 1:
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
        if unit.name != "s" or end + 1 >= len(doc):
            return False
        return (doc[end].text == "-" and doc[end + 1].lower_ == "old") or doc[end].lower_ == "old"

    def is_pronoun_one(self, first: Measure, last: Measure) -> bool:
        token = self.doc[first.number.start]
        single = first is last and first.number.end - first.number.start == 1
        return single and token.lower_ == "one" and token.dep_ != "nummod"

    # -- records -------------------------------------------------------------------------------

    def record(self, start: int, first: Measure, last: Measure) -> dict[str, Any]:
        """The quantity dict: value converted to the unit, range bounds, counted, qualifier."""
        doc = self.doc
        unit = last.unit or first.unit or COUNT
        if unit.scaled and (first.number.scale != 1 or last.number.scale != 1):
            unit = Unit(unit.scaled, 1.0, "currency")
        low, high = self.bounds(first, last, unit)
        span = doc[start : max(last.end, first.end)]
        end_char = span.end_char - (span.text.endswith(".") and span[-1].text[:1].isdigit())
        counted = self.counted(first, last) if unit is COUNT else None
        return {
            "start": span.start_char,
            "end": end_char,
            "text": doc.text[span.start_char : end_char],
            "value": clean(low if first is last else (low + high) / 2),
            "unit": unit.name,
            "counted": counted,
            "qualifier": self.qualifier(start, first, last),
            "low": None if first is last else clean(low),
            "high": None if first is last else clean(high),
        }

    def bounds(self, first: Measure, last: Measure, unit: Unit) -> tuple[float, float]:
        """Converted values of both ends; "3 to 5 million" scales the 3 like the 5."""
        low = first.number.value * (last_scale(first, last) if first is not last else 1.0)
        high = last.number.value
        return low * unit.factor, high * unit.factor

    def qualifier(self, start: int, first: Measure, last: Measure) -> str | None:
        """The qualifier phrase right before the quantity, else a bound adjective of its noun."""
        qualifier_start = self.qualifiers.get(start)
        if qualifier_start is not None:
            return self.doc[qualifier_start:start].text.lower()
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
            if conj.i > right and conj.pos_ in NOUN_POS and not has_number(conj):
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
        return None


COUNT_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod", "conj"})


class NumberReader:
    """Reads one number from token i on: digits, words, scales, fractions and "point" decimals.

    Word numbers accumulate as in "two hundred and five thousand": `current` holds the part below
    the last scale, `total` what scales have committed. A new unit word after a finished unit
    word ("five three") ends the number, so "4000 3 hundred" reads as two numbers; "and" joins
    only after "hundred" or a scale ("one hundred and six"), so "3,000 and 5,000" stays two."""

    def __init__(self, doc: Doc, lex: Lexicons, i: int) -> None:
        self.doc = doc
        self.lex = lex
        self.start = i
        self.i = i
        self.total = 0.0
        self.current = 0.0
        self.last = ""  # kind of the last token taken
        self.before_and = ""  # kind of the token before the last "and"
        self.numerator_from = 0.0  # `current` when the last "and" was read
        self.scale = 1.0
        self.glued_unit: Unit | None = None

    def read(self) -> Number | None:
        doc = self.doc
        while self.i < len(doc) and self.take(doc[self.i]):
            self.i += 1
        while self.i > self.start and (
            doc[self.i - 1].lower_ in CONNECTORS or doc[self.i - 1].is_space
        ):
            self.i -= 1  # a connector the number did not use
        if self.i == self.start or self.last in {"", "a"}:
            return None
        value = self.total + self.current
        return Number(self.start, self.i, value, self.scale, self.glued_unit)

    def kind(self, token: Token) -> str:
        return self.kind_of(token.text)

    def kind_of(self, text: str) -> str:
        entry = self.lex.numbers.get(text.lower()) or self.lex.numbers.get(text)
        return entry[0] if entry else ""

    def value(self, token: Token) -> float:
        entry = self.lex.numbers.get(token.lower_) or self.lex.numbers[token.text]
        return entry[1]

    def take(self, token: Token) -> bool:
        """Take the token into the number, or return False at the first that does not fit."""
        if self.glued_unit is not None:
            return False
        if token.is_space:
            return self.last != ""  # "fifty   two": runs of spaces are their own tokens
        lower = token.lower_
        if lower in {"and", "&"} and self.last in {"hundred", "scale", "digits", "unit", "ten"}:
            self.before_and, self.numerator_from = self.last, self.current
            return self.step("and")
        if token.text == "-" and not token.whitespace_ and self.last == "ten":
            return self.step("-")
        if lower in {"a", "an"}:
            return self.take_article()
        if lower == "point" and self.last in {"unit", "teen", "ten", "hundred"}:
            return self.take_point()
        value = digits_value(token.text)
        if value is not None:
            return self.take_digits(token, value)
        handler = WORD_HANDLERS.get(self.kind(token))
        return handler(self, token) if handler else False

    def step(self, kind: str) -> bool:
        self.last = kind
        return True

    def joins_after_and(self) -> bool:
        return self.last != "and" or self.before_and in {"hundred", "scale"}

    def next_kind(self) -> str:
        k = self.i + 1
        return self.kind(self.doc[k]) if k < len(self.doc) else ""

    def take_article(self) -> bool:
        """ "a hundred", "a dozen", "two and a half": "a" is 1 before a scale or fraction."""
        if self.next_kind() not in {"hundred", "dozen", "scale", "fraction"}:
            return False
        if self.last == "fraction":
            return self.step("a-connector")  # "half a dozen"
        if self.last not in {"", "and"}:
            return False
        self.current += 1
        return self.step("a")

    def take_point(self) -> bool:
        """ "two hundred point zero three": the digit words after "point" are decimals."""
        doc = self.doc
        k, digits = self.i + 1, ""
        while k < len(doc) and self.kind(doc[k]) in {"unit", "ten"}:
            value = int(self.value(doc[k]))
            after = doc[k + 2] if k + 2 < len(doc) and doc[k + 1].text == "-" else None
            if value >= 20 and after is not None and self.kind(after) == "unit":
                value, k = value + int(self.value(after)), k + 2
            digits, k = digits + str(value), k + 1
        if not digits:
            return False
        self.current += float("0." + digits)
        self.i = k - 1
        return self.step("unit")

    def take_digits(self, token: Token, value: float) -> bool:
        """A digit token: first in the number, after "and"/a scale, or a fraction "2 1/2"."""
        fraction = bool(FRACTION.match(token.text)) or token.text in VULGAR
        if fraction:
            if self.last not in {"", "digits"} or self.current % 1:
                return False
        elif self.last and (self.last not in {"and", "hundred", "scale"} or self.current % 100):
            return False
        if not self.joins_after_and() or not self.take_glued(token.text):
            return False
        self.current += value * self.glued_scale(token.text)
        return self.step("digits")

    def take_glued(self, text: str) -> bool:
        """Accept a token's glued suffix: none, a scale ("4.5bn"), a unit ("30C"), a hyphen."""
        suffix = glued_suffix(text)
        if not suffix or suffix in {"-", "–"} or FRACTION.match(text) or DIGITS.match(text):
            return True
        if self.kind_of(suffix) in {"abbrev", "scale"}:
            return True
        if suffix in self.lex.glued:
            self.glued_unit = self.lex.glued[suffix]
            return True
        return False

    def glued_scale(self, text: str) -> float:
        suffix = glued_suffix(text)
        if not suffix or self.kind_of(suffix) not in {"abbrev", "scale"}:
            return 1.0
        entry = self.lex.numbers.get(suffix) or self.lex.numbers[suffix.lower()]
        self.scale *= entry[1]
        return entry[1]

    def take_unit_word(self, token: Token) -> bool:
        """ "five", "fifteen", "twenty"; "twenty one" and "twenty-one" join."""
        kind = self.kind(token)
        after_ten = self.last in {"ten", "-"} and kind == "unit"
        if self.last in {"unit", "teen", "digits", "ten", "-"} and not after_ten:
            return False
        if (self.current % 100 and not after_ten) or not self.joins_after_and():
            return False
        self.current += self.value(token)
        return self.step(kind)

    def take_hundred(self, token: Token) -> bool:
        if self.last in {"and", "-", "hundred"}:
            return False
        self.current = (self.current or 1.0) * self.value(token)
        return self.step("hundred")

    def take_scale(self, token: Token) -> bool:
        """ "million" after any number; "bn", "k", glued "M" after digits only."""
        if self.last in {"", "and", "-", "scale"}:
            return False
        if self.kind(token) == "abbrev" and not self.abbrev_fits(token):
            return False
        value = self.value(token)
        self.total = (self.total + (self.current or 1.0)) * value
        self.current = 0.0
        self.scale *= value
        return self.step("scale")

    def abbrev_fits(self, token: Token) -> bool:
        """ "2 bn", "10M", "$5m", "$ 2 T": one-letter scales need a currency or to be glued."""
        doc = self.doc
        if self.last != "digits":
            return False
        if len(token.text) > 1:
            return True
        currency = self.start > 0 and doc[self.start - 1].text in CURRENCY_SYMBOLS
        glued = not doc[token.i - 1].whitespace_
        return currency or (glued and token.text in {"M", "B", "k"})

    def multiplied_next(self) -> bool:
        """ "half million", "half a dozen": a lone "half" counts only before what it divides."""
        k = self.i + 1
        if k < len(self.doc) and self.doc[k].lower_ in {"a", "an"}:
            k += 1
        return k < len(self.doc) and self.kind(self.doc[k]) in {"scale", "dozen", "hundred"}

    def take_fraction(self, token: Token) -> bool:
        """ "two thirds", "and a half", "half a dozen": numerator / denominator."""
        denominator = self.value(token)
        if self.last == "" and token.lower_ in {"half", "quarter"} and self.multiplied_next():
            self.current += 1 / denominator
            return self.step("fraction")
        if self.last not in {"unit", "teen", "ten", "a", "digits"} or self.current % 1:
            return False
        numerator = self.current - self.numerator_from
        self.current = self.numerator_from + numerator / denominator
        return self.step("fraction")


CONNECTORS = frozenset({"and", "&", "a", "an", "-"})
CURRENCY_SYMBOLS = frozenset({"$", "€", "£", "US$", "¥", "C$", "A$", "₹", "₽"})
WORD_HANDLERS = {
    "unit": NumberReader.take_unit_word,
    "teen": NumberReader.take_unit_word,
    "ten": NumberReader.take_unit_word,
    "hundred": NumberReader.take_hundred,
    "dozen": NumberReader.take_hundred,
    "scale": NumberReader.take_scale,
    "abbrev": NumberReader.take_scale,
    "fraction": NumberReader.take_fraction,
}


def glued_suffix(text: str) -> str:
    """What follows the digits in a token: "bn" in "4.5bn", "T" in "2.174T." (final dot dropped)."""
    match = GLUED.match(text)
    suffix = match.group(3) if match else ""
    return suffix[:-1] if len(suffix) > 1 and suffix.endswith(".") else suffix


def digits_value(text: str) -> float | None:
    """The value of a digit token ("5,000", "4.5", "1/2", "½", "1.3e6", "4.5bn"), else None;
    a glued scale is applied by the reader, not here."""
    if text in VULGAR:
        return VULGAR[text]
    fraction = FRACTION.match(text)
    if fraction:
        denominator = int(fraction.group(2))
        return int(fraction.group(1)) / denominator if denominator else None
    if text[:1] in {"-", "−", "+"} and len(text) > 1 and text[1].isdigit():
        value = digits_value(text[1:])
        return None if value is None else (-value if text[0] != "+" else value)
    if not text or not (text[0].isdigit() or (text[0] == "." and text[1:2].isdigit())):
        return None
    if DIGITS.match(text):
        return float(text.replace(",", ""))
    match = GLUED.match(text)
    return float(match.group(2).replace(",", "")) if match else None


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
