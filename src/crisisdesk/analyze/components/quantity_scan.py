"""Per-document state of crisisdesk_quantities: lookups built once per Doc, number reading.

`Scan` holds the unit spans, qualifier ends and entity labels of one document and reads the
number starting at a token (with its sign, "thousands of", "a gallon"); `Measure` is a number
with its unit tokens. The other quantity_* modules are functions over a `Scan`.
"""

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from crisisdesk.analyze.components.quantity_lexicon import Lexicons, Unit
from crisisdesk.analyze.components.quantity_numbers import (
    VULGAR,
    Number,
    NumberReader,
    digits_value,
    read_vague,
)

ARTICLE_EXCLUDED = frozenset({"time", "percent", "angle"})
YEAR = re.compile(r"1\d{3}|2[01]\d{2}")
FOLD = re.compile(r"^([a-z]+)fold$")  # "threefold", "tenfold": multipliers
FOLD_KINDS = frozenset({"unit", "teen", "ten", "hundred"})
STARTERS = frozenset({"a", "an", "-", "−", "("})  # "a dozen", "-5", "$(45) million"


@dataclass(frozen=True, slots=True)
class Measure:
    """A number with its unit tokens [start, end): currency symbol before, unit after."""

    start: int
    end: int
    number: Number
    unit: Unit | None


class Scan:
    """The per-document state of one pass: unit, qualifier and entity lookups by token."""

    def __init__(self, doc: Doc, lex: Lexicons) -> None:
        self.doc = doc
        self.text = doc.text  # built once: Doc.text joins every token on each access
        self.lex = lex
        self.units = lex.unit_spans(doc)
        self.qualifiers = lex.qualifier_ends(doc)
        self.ents: dict[int, Span] = {i: e for e in doc.ents for i in range(e.start, e.end)}

    def ent_label(self, i: int) -> str | None:
        """The label of the entity over token i, if any."""
        ent = self.ents.get(i)
        return ent.label_ if ent is not None else None

    def may_start(self, token: Token) -> bool:
        """Cheap test run on every token: could a number (or a sign, "a", a bracket, a
        "-fold" word) begin here? Spares the readers the tokens that are plain words."""
        lower = token.lower_
        return (
            any(c.isdigit() for c in lower)
            or lower in self.lex.numbers
            or lower in STARTERS
            or lower in VULGAR
            or lower.endswith("fold")
        )

    def number_at(self, i: int) -> Number | None:
        """The number starting at token i, digits and/or words, with a sign."""
        doc = self.doc
        sign = 1.0
        start = i
        if (self.kind(doc[i]) == "sign" and i + 1 < len(doc)) or self.is_minus(i):
            sign, i = -1.0, i + 1
        number = read_vague(doc, self.lex, i) or self.read_number(i) or self.article_unit(i)
        number = number or self.fold_word(i) or self.accounting(i)
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

    def fold_word(self, i: int) -> Number | None:
        """ "threefold", "tenfold": the number with the multiplier unit "x"."""
        match = FOLD.match(self.doc[i].lower_)
        entry = self.lex.numbers.get(match.group(1)) if match else None
        if entry is None or entry[0] not in FOLD_KINDS or "x" not in self.lex.by_name:
            return None
        return Number(i, i + 1, entry[1], unit=self.lex.by_name["x"])

    def accounting(self, i: int) -> Number | None:
        """ "$(45) million": a bracketed amount after a currency sign is negative."""
        doc = self.doc
        if doc[i].text != "(" or i == 0 or i + 2 >= len(doc) or doc[i - 1].tag_ != "$":
            return None
        value = digits_value(doc[i + 1].text)
        if value is None or doc[i + 2].text != ")":
            return None
        scale = self.lex.numbers.get(doc[i + 3].lower_) if i + 3 < len(doc) else None
        factor = scale[1] if scale and scale[0] in {"scale", "abbrev"} else 1.0
        end = i + 3 + (factor != 1.0)
        return Number(i, end, -value * factor, scale=factor)

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

    def word_before(self, i: int) -> str:
        """The lower-case token before token i ("" at the start)."""
        return self.doc[i - 1].lower_ if i > 0 else ""

    def word_at(self, i: int) -> str:
        """The space-delimited word around token i, without surrounding punctuation."""
        text, idx = self.text, self.doc[i].idx
        left = text.rfind(" ", 0, idx) + 1
        right = text.find(" ", idx)
        return text[left : right if right >= 0 else len(text)].strip(".,;:!?\"'()[]")
