"""Number reading for crisisdesk_quantities: digits, number words, scales and fractions.

`NumberReader` reads one number from a token on: digits ("5,000", "4.5bn", "1/2", "1.3e6",
"40 000"), words ("two dozen", "a hundred and two", "two and a half", "one-third") or both
("8 million"), fractions of scales ("a quarter of a million", "a million and a half"), with
number words and scales from `lexicons/quantity_numbers.tsv`. A glued "m" is a million before a
plural noun ("1.5m reservists"), else metres; a lower-case "mm" is a million only on money
("$5mm"; "7.62mm" is millimetres); a scale may follow a hyphen ("$1.5-billion") or end the
sentence ("$5m."), a larger scale multiplies a smaller ("1.5 lakh crore"); a sign may precede a
glued currency ("-$2.1bn"). Ranges kept in one token ("5bn-7bn") are split by `quantity_ranges`.
Not handled: "four-and-a-half", "x10^6" notation, "one over three", decimal commas ("5,00"),
Indian digit grouping ("12,34,567"), spaced one-letter scales without a currency ("2.33 k").
"""

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.quantity_lexicon import Lexicons, Unit

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?$")
GLUED = re.compile(r"^([-+−]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(.*)$")
PREFIXED = re.compile(
    r"^[-−]?((?:[A-Z]{1,3}|Mex|Can)?\$|[€£¥₹₽₩₪₦₱₺₫฿₴₾₡₭]|Rs\.?|Rp|RM|K?Sh|"
    r"USD|EUR|GBP|JPY|CNY|RMB|INR|CHF|AUD|CAD|NGN|KES|ZAR|PKR|EGP)(?=\.?\d)"
)
GROUP = re.compile(r"^\d{3}$")
LEAD_GROUP = re.compile(r"^[$€£]?\d{1,3}$")
GROUP_GAPS = frozenset({" ", "\u00a0", "\u202f", "\u2009"})
FRACTION = re.compile(r"^(\d+)/(\d+)$")
VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅙": 1 / 6, "⅛": 0.125}


@dataclass(frozen=True, slots=True)
class Number:
    """A number read from tokens [start, end); `scale` is the product of its scale words."""

    start: int
    end: int
    value: float
    scale: float = 1.0
    unit: Unit | None = None  # a unit glued inside the last token ("30C", "2.1pm")
    vague: bool = False  # "tens of thousands": value is the lower bound


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
        self.last_scale = 1.0  # value of the last scale word ("million" in "a million and a half")
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
        entry = self.entry(text)
        return entry[0] if entry else ""

    def value(self, token: Token) -> float:
        entry = self.entry(token.text)
        assert entry is not None
        return entry[1]

    def entry(self, text: str) -> tuple[str, float] | None:
        """The lexicon entry of a number word; "m." ending a sentence is the scale "m"."""
        entry = self.lex.numbers.get(text.lower()) or self.lex.numbers.get(text)
        if entry is None and len(text) > 1 and text.endswith("."):
            entry = self.lex.numbers.get(text[:-1])
            return entry if entry is not None and entry[0] == "abbrev" else None
        return entry

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
        if token.text == "-" and not token.whitespace_ and self.hyphen_joins():
            return self.last == "digits" or self.step("-")  # "1.5-million" keeps "digits"
        if lower in {"a", "an"}:
            return self.take_article()
        if lower == "of" and self.last == "fraction":
            return self.take_fraction_of()
        if lower == "point" and self.last in {"unit", "teen", "ten", "hundred"}:
            return self.take_point()
        value = digits_value(token.text)
        if value is not None:
            return self.take_digits(token, value)
        handler = WORD_HANDLERS.get(self.kind(token))
        return handler(self, token) if handler else False

    def hyphen_joins(self) -> bool:
        """ "twenty-one", "one-third", "two-thirds", "1.5-million": a glued hyphen inside a
        number."""
        if self.last == "ten" or (self.last == "digits" and self.next_kind() == "scale"):
            return True  # "twenty-one", "$1.5-billion"
        return self.last in {"unit", "teen"} and self.next_kind() == "fraction"

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

    def take_fraction_of(self) -> bool:
        """ "a quarter of a million", "two thirds of a billion": the fraction scales what follows;
        not "half of the residents" (the reader stops at "of")."""
        k = self.i + 1
        if k < len(self.doc) and self.doc[k].lower_ in {"a", "an"}:
            k += 1
        if k >= len(self.doc) or self.kind(self.doc[k]) not in {"scale", "hundred", "dozen"}:
            return False
        value = self.value(self.doc[k])
        self.total, self.current = (self.total + self.current) * value, 0.0
        self.scale *= value
        self.i = k
        return self.step("scale")

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
        if self.last and currency_prefix(token.text):
            return False  # "C$300 million and HK$1.5 billion": two amounts
        if self.last == "digits" and self.is_group(token):
            self.current = self.current * 1000 + value
            return self.step("digits")
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

    def is_group(self, token: Token) -> bool:
        """ "40 000", "1 414 021 100": a three-digit group after one thin or plain space."""
        if not GROUP.match(token.text) or self.scale != 1 or self.current % 1:
            return False
        previous = self.doc[self.i - 1]
        gap = previous.whitespace_
        if previous.is_space and self.i - 2 >= self.start:  # "40\u202f000": the space is a token
            gap, previous = previous.text + previous.whitespace_, self.doc[self.i - 2]
        return gap in GROUP_GAPS and bool(LEAD_GROUP.match(previous.text))

    def take_glued(self, text: str) -> bool:
        """Accept a token's glued suffix: none, a scale ("4.5bn"), a unit ("30C"), a hyphen."""
        suffix = glued_suffix(text)
        if not suffix or suffix in {"-", "–"} or FRACTION.match(text) or DIGITS.match(text):
            return True
        if self.suffix_scales(text, suffix):
            return True
        if suffix in self.lex.glued:
            self.glued_unit = self.lex.glued[suffix]
            return True
        return False

    def glued_scale(self, text: str) -> float:
        suffix = glued_suffix(text)
        if not suffix or not self.suffix_scales(text, suffix):
            return 1.0
        entry = self.lex.numbers.get(suffix) or self.lex.numbers[suffix.lower()]
        self.scale *= entry[1]
        return entry[1]

    def suffix_scales(self, text: str, suffix: str) -> bool:
        """A glued scale ("4.5bn", "10M"); a lower-case "mm" only on money ("$5mm", not the
        "7.62mm" of a gun barrel)."""
        if self.kind_of(suffix) not in {"abbrev", "scale"}:
            return False
        if suffix != "mm":
            return True
        before = self.doc[self.start - 1].text if self.start > 0 else ""
        return bool(currency_prefix(text)) or before in CURRENCY_SYMBOLS

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
        """ "million" after any number; "bn", "k", glued "M" after digits only; a larger scale
        after a scale multiplies it ("1.5 lakh crore")."""
        value = self.value(token)
        if self.last in {"", "and", "-"} or (self.last == "scale" and value <= self.last_scale):
            return False  # "lakh crore" (1e12) multiplies; "million billion" does not
        if self.kind(token) == "abbrev" and not self.abbrev_fits(token):
            return False
        base = self.current if self.last == "scale" else (self.current or 1.0)
        self.total = (self.total + base) * value
        self.current = 0.0
        self.scale *= value
        self.last_scale = value
        return self.step("scale")

    def abbrev_fits(self, token: Token) -> bool:
        """ "2 bn", "10M", "$5m", "$ 2 T": one-letter scales need a currency or to be glued."""
        doc = self.doc
        if self.last != "digits":
            return False
        currency = self.start > 0 and doc[self.start - 1].text in CURRENCY_SYMBOLS
        currency = currency or bool(currency_prefix(doc[self.start].text))
        text = token.text.rstrip(".")
        if len(text) > 1:
            return text != "mm" or currency  # "7.62mm": millimetres
        glued = not doc[token.i - 1].whitespace_
        return currency or (glued and (text in {"M", "B", "k"} or self.counts_after(token)))

    def counts_after(self, token: Token) -> bool:
        """ "1.5m reservists": a glued "m" before a plural noun that is no unit is a million."""
        k = token.i + 1
        if token.text != "m" or k >= len(self.doc):
            return False
        after = self.doc[k]
        return after.tag_ in {"NNS", "NNPS"} and after.lower_ not in self.lex.units

    def multiplied_next(self) -> bool:
        """ "half million", "half a dozen": a lone "half" counts only before what it divides."""
        k = self.i + 1
        if k < len(self.doc) and self.doc[k].lower_ in {"a", "an"}:
            k += 1
        return k < len(self.doc) and self.kind(self.doc[k]) in {"scale", "dozen", "hundred"}

    def lone_fraction(self, token: Token) -> bool:
        """ "half a million", "half of the residents"; not "the first half of the year"."""
        if token.lower_ not in {"half", "quarter"}:
            return False
        if self.multiplied_next() or self.unit_next():
            return True
        before = self.doc[self.i - 1] if self.i > 0 else None
        bare = before is None or before.pos_ not in {"DET", "ADJ", "PRON", "NUM"}
        return bare and token.lower_ == "half" and self.of_next()

    def unit_next(self) -> bool:
        """ "half a percentage point", "half a mile": "a" then the first word of a unit."""
        k = self.i + 2
        return (
            k < len(self.doc)
            and self.doc[k - 1].lower_ in {"a", "an"}
            and (self.doc[k].lower_ in self.lex.unit_heads)
        )

    def noun_next(self) -> bool:
        """A noun after "a third" (an ordinal: "a third time"), also "a sixth-grader"."""
        k = self.i + 1
        if k >= len(self.doc):
            return False
        glued = self.doc[k].text == "-" and not self.doc[self.i].whitespace_
        unit = k + 1 < len(self.doc) and self.doc[k + 1].lower_ in self.lex.unit_heads
        return (glued and not unit) or self.doc[k].pos_ in {"NOUN", "PROPN", "ADJ"}

    def of_next(self) -> bool:
        k = self.i + 1
        return k < len(self.doc) and self.doc[k].lower_ == "of"

    def take_fraction(self, token: Token) -> bool:
        """ "two thirds", "and a half", "half a dozen": numerator / denominator."""
        denominator = self.value(token)
        if self.last == "" and self.lone_fraction(token):
            self.current += 1 / denominator
            return self.step("fraction")
        if self.last not in {"unit", "teen", "ten", "a", "digits", "-"} or self.current % 1:
            return False
        if self.last == "a" and not self.before_and and self.noun_next():
            return False  # "a third time", "a fifth straight day": an ordinal
        numerator = self.current - self.numerator_from
        self.current = self.numerator_from + numerator / denominator
        if self.before_and == "scale":  # "a million and a half": half a million more
            self.current *= self.last_scale
        return self.step("fraction")


CONNECTORS = frozenset({"and", "&", "a", "an", "-"})
CURRENCY_SYMBOLS = frozenset(
    {"$", "€", "£", "US$", "¥", "C$", "A$", "₹", "₽", "₦", "₱", "₺", "₩", "₪"}
)
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
    match = GLUED.match(after_prefix(text))
    suffix = match.group(3) if match else ""
    return suffix[:-1] if len(suffix) > 1 and suffix.endswith(".") else suffix


def currency_prefix(text: str) -> str:
    """The currency glued before the digits of a token: "HK$" in "HK$1.5", "-$2bn", else ""."""
    match = PREFIXED.match(text)
    return match.group(1) if match else ""


def after_prefix(text: str) -> str:
    """The token without its sign and glued currency: "2bn" of "-$2bn"."""
    match = PREFIXED.match(text)
    return text[match.end() :] if match else text


def digits_value(text: str) -> float | None:
    """The value of a digit token ("5,000", "4.5", "1/2", "½", "1.3e6", "4.5bn"), else None;
    a glued scale is applied by the reader, not here."""
    if text in VULGAR:
        return VULGAR[text]
    if currency_prefix(text):
        value = digits_value(after_prefix(text))
        return -value if value is not None and text[:1] in {"-", "−"} else value
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


def read_vague(doc: Doc, lex: Lexicons, i: int) -> Number | None:
    """ "thousands of", "tens of thousands of", "hundreds of": a plural number word before "of",
    read as its lower bound (10,000 for "tens of thousands"). Not "thousands" without "of"."""
    value, k = 1.0, i
    while k + 1 < len(doc) and doc[k + 1].lower_ == "of":
        entry = lex.numbers.get(doc[k].lower_)
        if entry is None or not doc[k].lower_.endswith("s"):
            break
        if entry[0] not in {"plural", "hundred", "dozen"}:
            break
        value, k = value * entry[1], k + 2
    if k == i:
        return None
    end, entry = k - 1, lex.numbers.get(doc[k].lower_) if k < len(doc) else None
    if entry is not None and entry[0] == "plural" and doc[k].lower_.endswith("s"):
        value, end = value * entry[1], k + 1  # "tens of millions" with no "of" after
    return Number(i, end, value, value, vague=True)
