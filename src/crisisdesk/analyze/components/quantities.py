"""crisisdesk_quantities: numbers with their unit, counted thing, qualifier and range.

One pass over the tokens of a document:
1. a number is read by `quantity_numbers.NumberReader` from digits, words or both ("5,000",
   "4.5bn", "1.5m reservists", "40 000", "two dozen", "one-third", "a quarter of a million",
   "a million and a half"); "tens of thousands of", "tens of millions" and "hundreds of" are
   read as their lower bound with the qualifier "at least";
2. a unit from `lexicons/units.tsv` after it ("6,000 meters", "10kg", "40%", "half a percentage
   point") or a currency before it ("$2 billion", "HK$1.5bn", "c $ 300", "USD115") makes it a
   measure ("billions of dollars" too). The value stays as written, scale words applied
   ("3.5 km" -> 3.5 "km", as quantulum3, Recognizers-Text and CQE report it); the lexicon's base
   and factor convert it. "3 dollars 50 cents" is one amount; "$15.4/hour", "1.2 million
   barrels a day" are rates ("USD/h", "bbl/day"), a length per time is a speed ("500 miles an
   hour" -> "mph"). "45 and 50 mg", "3 or 4 km": the bare number shares the unit after the
   next one. Without a unit it is a count ("count") and `counted` is the noun it modifies in
   the parse (or the object of "of": "half of the residents"), with its modifiers and
   conjuncts (not those with their own determiner: "a crew"), without determiners; "one in
   five", "4 out of 10", "eight of 10", "one of every nine" are one count, the fraction;
3. ranges ("3,000-5,000", "3 to 5 km", "between 3,000 and 5,000", "ranged from 3 to 5") give
   `low` and `high`, and `value` is their midpoint; after a verb of change ("rose 3% to 7%")
   they are two quantities;
4. a qualifier is the phrase of `lexicons/quantity_qualifiers.tsv` right before the quantity
   ("up to", "over") or an adjective on the noun it measures ("a maximum altitude of 3,500 m").
Not quantities: years and base years ("below 2005 levels"), decades ("the 90's"), dates and day
numbers (NER DATE, a month name next to it; a DATE number that counts a plural noun is kept:
"in 2019 100 people"), ages ("45-year-old", "Schiff, 56, said"), times of day ("3 pm"),
ordinals ("a third time", "a sixth-grader"), labels ("No. 5", "S&P 500", "Group of 20",
`lexicons/quantity_labels.txt`), numbers inside names ("F-16") and words ("high-five",
"one-on-one"), votes and scores ("voted 19-15", "a 5-4 decision", "a 3 to 1 margin"),
"24/7" and "9/11", list markers ("1)"), phone numbers, street addresses ("131 West 23rd
Street"), "one" used as a pronoun, "a real", "a bit".
Limits: "x10^6" notation, "one over three", decimal commas, feet-and-inches sums ("5 ft 2 in"),
negative ranges with low above high, bracketed units ("20 (kg)"), ranges the tokenizer keeps as
one token ("$5bn-7bn", "billion-$7"); temperatures keep their scale; a bare "$" is USD; "pounds"
is mass unless a scale word makes it sterling; "over four years" keeps "over" as a qualifier.
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
        """A "-" glued to digits and not to a word before ("-5"; not the "-" of "3-5" nor of
        "one-on-one", "high-five")."""
        doc = self.doc
        if doc[i].text not in {"-", "−"} or doc[i].whitespace_ or not self.starts_number(i + 1):
            return False
        if i == 0:
            return True
        spaced = bool(doc[i - 1].whitespace_) and not self.is_number_token(doc[i - 1])
        return spaced and doc[i + 1].text[:1].isdigit()

    def article_unit(self, i: int) -> Number | None:
        """ "a gallon", "a penny": one of a measure unit (not time: "a year ago")."""
        if self.doc[i].lower_ not in {"a", "an"}:
            return None
        hit = self.units.get(i + 1)
        if hit is None or hit[1].kind in ARTICLE_EXCLUDED or self.doc[hit[0] - 1].pos_ != "NOUN":
            return None  # not "a year ago", "a real disgrace"
        if self.doc[i + 1].lower_ in {"bit", "real"}:
            return None  # "a bit more"
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
        first = self.ratio(self.with_cents(self.measure(number)))
        second = self.range_end(first)
        if second is None:
            first = last = self.with_rate(self.shared_unit(first))
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
        after = self.unit_after(number) or self.vague_currency(number)
        if after is not None:
            return Measure(number.start, after[0], number, after[1])
        return Measure(number.start, number.end, number, None)

    def shared_unit(self, first: Measure) -> Measure:
        """ "45 and 50 mg", "3 or 4 km": a bare digit number takes the unit written after the
        next number (a unit after it, not a currency sign before it)."""
        doc, at = self.doc, first.end
        if (
            first.unit is not None
            or at + 1 >= len(doc)
            or doc[at].lower_ not in {"and", "or", "to"}
        ):
            return first
        if not doc[first.number.start].text[:1].isdigit() or not self.starts_number(at + 1):
            return first
        number = self.read_number(at + 1)
        after = self.unit_after(number) if number is not None and number.unit is None else None
        if after is None or (after[0] < len(doc) and doc[after[0]].lower_ == "old"):
            return first  # "27 and 29 years old": ages
        return replace(first, unit=after[1])

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
            end, per = hit
        elif self.doc[at + 1].tag_ == "NN":
            end, word = at + 2, self.doc[at + 1].lower_
            per = Unit(word, "count", word)
        else:
            return measure
        return replace(measure, end=end, unit=self.rate_unit(unit, per))

    def rate_unit(self, unit: Unit, per: Unit) -> Unit:
        """ "USD/bbl"; a length per time is the lexicon's speed ("miles an hour" -> "mph")."""
        factor = unit.factor / per.factor
        if unit.kind == "length" and per.kind == "time":
            for known in self.lex.by_name.values():
                if known.kind == "speed" and math.isclose(known.factor, factor, rel_tol=1e-3):
                    return known
        name = f"{unit.name}/{per.name}"
        return Unit(name, "rate", f"{unit.base}/{per.base}", factor)

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
        elif at < len(doc) and doc[at].lower_ in {"a", "an"} and self.lone_fraction(number):
            at += 1  # "half a percentage point"
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

    def lone_fraction(self, number: Number) -> bool:
        return number.end - number.start == 1 and self.kind(self.doc[number.start]) == "fraction"

    def vague_currency(self, number: Number) -> tuple[int, Unit] | None:
        """ "billions of dollars": (end token, currency) after the "of" of a vague number."""
        at = number.end
        if not number.vague or at + 1 >= len(self.doc) or self.doc[at].lower_ != "of":
            return None
        hit = self.units.get(at + 1)
        word = self.doc[at + 1].text.isalpha()  # "of dollars", not "of $12-an-hour"
        return hit if hit is not None and hit[1].kind == "currency" and word else None

    def ratio(self, first: Measure) -> Measure:
        """ "one in five", "4 in 10", "1 out of 3", "eight of 10", "one of every nine": one
        quantity, the fraction (0.2, 0.4, ...). Not "one of five" (one among five)."""
        at = self.ratio_denominator_at(first)
        if at is None:
            return first
        number = self.read_number(at)
        whole = first.number.value % 1 == 0
        if number is None or number.value <= first.number.value or number.value % 1 or not whole:
            return first
        of = self.doc[first.end].lower_ == "of" and self.doc[at - 1].lower_ != "every"
        if (of and number.value not in {10, 100}) or self.measure(number).unit is not None:
            return first
        value = first.number.value / number.value
        return Measure(first.start, number.end, Number(first.start, number.end, value), None)

    def ratio_denominator_at(self, first: Measure) -> int | None:
        """The token after "in", "out of", "of" (and "every") that follows a bare number."""
        doc, at = self.doc, first.end
        if first.unit is not None or at + 1 >= len(doc) or first.number.value < 1:
            return None
        out_of = doc[at].lower_ == "out" and doc[at + 1].lower_ == "of"
        if not out_of and doc[at].lower_ not in {"in", "of"}:
            return None
        at += 2 if out_of else 1
        at += at < len(doc) and doc[at].lower_ == "every"
        return None if at >= len(doc) or YEAR.fullmatch(doc[at].text) else at

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
            head = self.doc[first.start - 1].head  # "ranged from 3 to 5" is a range
            return head.pos_ not in {"VERB", "AUX"} or head.lemma_ in {"range", "vary"}
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
        if self.in_other_entity(first, last) or self.is_score(first, last):
            return False
        if self.is_year(first.number, last) or self.is_label(first.number.start):
            return False
        if self.is_address(last) or self.is_apposed_age(first, last):
            return False
        if self.in_hyphenated_word(first.number.start, last.end):
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
        if self.is_fraction(first, last):
            labels -= {"ORDINAL", "DATE"}  # "a third of", "only a quarter of the aid"
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

    def is_score(self, first: Measure, last: Measure) -> bool:
        """ "voted 19-15", "a 5-4 decision", "a 4-4 ruling": a vote or score, not a range."""
        tied = first is not last and first.number.value == last.number.value
        if (first is last or tied) and SCORE.match(self.word_at(first.number.start)):
            return True
        return first is last and (self.score_side(first, 1) or self.score_side(first, -1))

    def score_side(self, measure: Measure, step: int) -> bool:
        """ "a 3 to 1 margin": a bare number joined by "to" to a smaller one after it (step 1)
        or a larger one before it (step -1); not "from 10 to 5" (a change)."""
        doc = self.doc
        at = measure.end if step > 0 else measure.start - 1
        other = at + step
        if not 0 <= other < len(doc) or doc[at].lower_ != "to":
            return False
        value = digits_value(doc[other].text)
        start = measure.start if step > 0 else other
        if value is None or (start > 0 and doc[start - 1].lower_ == "from"):
            return False
        small = max(value, measure.number.value) <= 20  # "3 to 1"; not "218 to 214 seats"
        return small and value * step < measure.number.value * step

    def is_apposed_age(self, first: Measure, last: Measure) -> bool:
        """ "Schiff, 56, who ...": a bare whole number set off by commas after a name."""
        doc, start, end = self.doc, first.number.start, last.end
        if first is not last or start < 2 or end >= len(doc) or first.number.value % 1:
            return False
        named = doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN"
        return named and doc[end].is_punct and 0 < first.number.value < 120

    def in_hyphenated_word(self, start: int, end: int) -> bool:
        """ "high-five", "one-on-one", "hole-in-one": a number word glued by a hyphen to a word
        that is no number ("two-thirds" and "30-minute" stay)."""
        doc = self.doc
        if start > 1 and doc[start - 1].text == "-":
            before = doc[start - 2]
            glued = not before.whitespace_ + doc[start - 1].whitespace_
            if glued and before.is_alpha and not self.is_number_token(before):
                return True
        glued = end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
        return glued and doc[end + 1].pos_ in {"ADP", "DET", "PRON"}

    def is_address(self, last: Measure) -> bool:
        """ "131 West 23rd Street": a number before capitalised words and a street word."""
        for token in self.doc[last.end : last.end + 4]:
            if token.lower_ in STREET_WORDS and token.text[:1].isupper():
                return True
            if not token.text[:1].isupper() and not token.text[:1].isdigit():
                return False
        return False

    def is_fraction(self, first: Measure, last: Measure) -> bool:
        """A number ending in a fraction word with a numerator or an "of" after it."""
        end = last.number.end
        if self.kind(self.doc[end - 1]) != "fraction":
            return False
        return end - first.number.start > 1 or self.word_before(end + 1) == "of"

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
        word = self.word_at(number.start)
        after = self.doc[number.end] if number.end < len(self.doc) else None
        apostrophe = after is not None and after.text in {"'s", "’s"} and not token.whitespace_
        decade = bool(DECADE.match(token.text)) or (token.text.isdigit() and apostrophe)
        code = PHONE_LIKE.match(word) or ORDINAL.match(token.text) or decade
        return bool(code) or self.slash_code(number)

    def slash_code(self, number: Number) -> bool:
        """ "24/7", "9/11": a lone digit fraction that is improper or has an odd denominator;
        "1/2", "3/4" and "2 1/2" stay fractions."""
        match = SLASHED.match(self.doc[number.start].text)
        if match is None or number.end - number.start != 1:
            return False
        numerator, denominator = int(match.group(1)), int(match.group(2))
        date_like = numerator <= 12 and denominator <= 31  # "9/11", "5/17"
        common = denominator in COMMON_DENOMINATORS
        return numerator >= denominator or (date_like and not common)

    def word_at(self, i: int) -> str:
        """The space-delimited word around token i, without surrounding punctuation."""
        text, idx = self.text, self.doc[i].idx
        left = text.rfind(" ", 0, idx) + 1
        right = text.find(" ", idx)
        return text[left : right if right >= 0 else len(text)].strip(".,;:!?\"'()[]")

    def is_year(self, number: Number, last: Measure) -> bool:
        """A bare four-digit integer 1000-2199 not followed by the noun it counts: a year."""
        token = self.doc[number.start]
        if not YEAR.fullmatch(token.text) or number.end - number.start != 1:
            return False
        if self.ent_label.get(number.start) == "DATE" and token.ent_iob_ == "B":
            return True  # "below 2005 levels"; "in 2019 100 people" is one DATE entity
        after = self.doc[last.end] if last.end < len(self.doc) else None
        return after is None or not (after.pos_ == "NOUN" and after.tag_ in {"NNS", "NNPS"})

    def is_label(self, i: int) -> bool:
        """ "No. 5", "# 3", "Flight 370": a label word (or a name) right before the number."""
        before = self.word_before(i)
        if before == "." and i > 1:
            before = self.doc[i - 2].lower_ + "."
        two = f"{self.word_before(i - 1)} {before}" if i > 1 else ""
        named = two in self.lex.labels and self.doc[i - 2].text[:1].isupper()  # "Group of 20"
        return before in self.lex.labels or named or self.ent_label.get(i - 1) in NAME_LABELS

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
        while left < head.i and (doc[left].pos_ in SKIPPED_POS or doc[left].lower_ == "of"):
            left += 1
        right = head.i
        for conj in head.conjuncts:
            numeric = has_number(conj) or conj.lower_ in self.lex.numbers
            numeric = numeric or any(c.dep_ == "det" for c in conj.children)  # "a crew"
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
ARTICLE_EXCLUDED = frozenset({"time", "percent", "angle"})
DECADE = re.compile(r"^(?:1\d|20)?\d0'?s$")
SCORE = re.compile(r"^\d{1,3}-(?:to-)?\d{1,3}$")
STREET_WORDS = frozenset({"street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "blvd."})
SLASHED = re.compile(r"^(\d+)/(\d+)$")
COMMON_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 100})
RATE_WORDS = frozenset({"/", "per", "a", "an", "each"})
SKIPPED_POS = frozenset({"DET", "PUNCT", "CCONJ", "NUM", "SYM"})
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
