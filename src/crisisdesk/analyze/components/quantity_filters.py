"""Filters of crisisdesk_quantities: numbers that are not quantities.

Years and base years ("below 2005 levels"), decades ("the 90's"), dates and day numbers (NER
DATE, a month name next to it; a DATE number that counts a plural noun is kept: "in 2019 100
people"), ages ("45-year-old", "Marlowe, 63, said"), times of day ("3 pm"), ordinals ("a third
time", "a sixth-grader"), labels ("No. 5", "S&P 500", "Group of 20",
`lexicons/quantity_labels.txt`), numbers inside names ("F-16") and words ("high-five",
"one-on-one"), votes and scores ("voted 12-9", "a 7-2 verdict", "a 4 to 1 margin"), "24/7"
and "9/11", list markers ("1)"), phone numbers, street addresses ("418 North 9th Avenue"), "one"
used as a pronoun or in "at one point", model numbers ("the 787 Dreamliner", "their 737
airliner": a bare integer of three or more digits modifying a singular noun). A name label the
small model puts on a lone number ("closed at 7,162.90" as WORK_OF_ART) is not trusted, nor a
DATE over a count per time ("15 a year"). Not handled: years written in words, ages without
"old" or commas (MEANTIME marks such an apposed age as a quantity; we leave ages to NER).
"""

import re

from spacy.tokens import Token

from crisisdesk.analyze.components.quantity_lexicon import Unit
from crisisdesk.analyze.components.quantity_numbers import Number, digits_value
from crisisdesk.analyze.components.quantity_scan import YEAR, Measure, Scan
from crisisdesk.analyze.components.timex_grammar import ZONES

NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "LAW", "FAC", "EVENT", "WORK_OF_ART"})
NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "ORDINAL"}) | NAME_LABELS
TIME_WORDS = ZONES | {"am", "pm", "a.m.", "p.m.", "o'clock"}
MONTHS = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September"}
    | {"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug"}
    | {"Sep", "Sept", "Oct", "Nov", "Dec"}
)
AM_PM = frozenset({"am", "pm"})
PHONE_LIKE = re.compile(
    r"^\(?\+?\d+\)?([-./:])\d+(?:\1\d+)+$|^\+?\d+(?:[-./:]\d+){3,}$|^\d+:\d+$|^[A-Za-z]+-\d"
    r"|^\d{3}[-–]\d\d(?!00)\d\d$"  # "555-123-4567", "192.168.1.2", "14:30", "555–1234"
)
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
DECADE = re.compile(r"^(?:1\d|20)?\d0'?s$")
BARE_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.\d+$")
SCORE = re.compile(r"^\d{1,3}[-–](?:to-)?\d{1,3}$")
THRESHOLD_NOUNS = frozenset({"mark", "level", "barrier", "threshold", "figure", "milestone"})
MODEL_BEFORE_TAGS = frozenset({"DT", "PRP$", "POS", "JJ", "JJS", "NNP"})
MODIFIER_DEPS = frozenset({"nummod", "compound"})
IDIOM_ONE = frozenset({"point", "stage", "time"})  # "at one point"
STREET_WORDS = frozenset({"street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "blvd."})
SLASHED = re.compile(r"^(\d+)/(\d+)$")
COMMON_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 100})


def accept(scan: Scan, first: Measure, last: Measure) -> bool:
    """False for years, dates, times, ages, labels, names, list markers and phone numbers."""
    doc = scan.doc
    unit = last.unit or first.unit
    if is_date_or_time(scan, first, last) or looks_like_code(scan, first.number):
        return False
    if unit is not None:
        return not is_age(scan, last, unit)
    if in_other_entity(scan, first, last) or is_score(scan, first, last):
        return False
    if is_year(scan, first.number, last) or is_label(scan, first.number.start):
        return False
    if is_address(scan, last) or is_apposed_age(scan, first, last):
        return False
    if is_model_number(scan, first, last):
        return False
    if in_hyphenated_word(scan, first.number.start, last.end):
        return False
    end = last.end
    if end < len(doc) and doc[end].text == ")" and scan.word_before(first.start) != "(":
        return False
    return not is_pronoun_one(scan, first, last)


def in_other_entity(scan: Scan, first: Measure, last: Measure) -> bool:
    """Inside a DATE/TIME/ORDINAL or a name; a DATE that is the bare number alone is not
    trusted (the small model tags "42" and "45" as DATE)."""
    tokens = range(first.number.start, last.number.end)
    labels = {scan.ent_label(i) for i in tokens}
    if is_fraction(scan, first, last):
        labels -= {"ORDINAL", "DATE"}  # "a third of", "only a quarter of the aid"
    if labels & NAME_LABELS and bare_number_entity(scan, first.number.start):
        labels -= NAME_LABELS  # "closed at 7,162.90" tagged WORK_OF_ART
    if not labels & NOT_COUNT_LABELS:
        return False
    if labels != {"DATE"}:
        return True
    if count_per_time(scan, last):
        return False  # "at a rate of 40 a year": one DATE entity
    if counts_plural(scan, scan.doc[last.number.end - 1]):
        return False  # "in 2019 100 people": the small model tags "2019 100" as one DATE
    ent = scan.doc[first.number.start].ent_iob_ == "B" and scan.doc[last.number.end - 1]
    inside = scan.doc[last.number.end].ent_iob_ == "I" if last.number.end < len(scan.doc) else False
    return not ent or inside


def bare_number_entity(scan: Scan, i: int) -> bool:
    """Whether the entity over token i is that one token, a grouped or decimal number
    ("7,162.90"); not "-1" nor "^-1" (exponents stay out)."""
    ent = scan.ents.get(i)
    return ent is not None and len(ent) == 1 and BARE_NUMBER.match(ent.text) is not None


def count_per_time(scan: Scan, last: Measure) -> bool:
    """ "15 a year", "30 per day": a bare count followed by a rate word and a time unit."""
    doc, at = scan.doc, last.end
    if at + 1 >= len(doc) or doc[at].lower_ not in {"a", "an", "per", "each"}:
        return False
    hit = scan.units.get(at + 1)
    return hit is not None and hit[1].kind == "time"


def is_model_number(scan: Scan, first: Measure, last: Measure) -> bool:
    """ "the 787 Dreamliner", "their 737 airliner", "the S&P 500 index": a bare integer of
    three or more digits after a determiner, possessive, adjective or name, modifying a
    singular noun after it (a count takes a plural noun); not "the 5000 mark" (a threshold),
    not "lease 100 tanker aircraft" (no determiner: "aircraft" is plural too)."""
    token = scan.doc[first.number.start]
    if first is not last or first.number.end - first.number.start != 1:
        return False
    if not token.text.isdigit() or len(token.text) < 3:
        return False
    head, before = token.head, scan.doc[token.i - 1] if token.i else None
    named = before is not None and before.tag_ in MODEL_BEFORE_TAGS  # "the", "their", "'s"
    singular = head.tag_ in {"NN", "NNP"} and head.i > token.i and token.dep_ in MODIFIER_DEPS
    between = scan.doc[token.i + 1 : head.i]
    plain = not any(t.is_punct or t.pos_ == "SYM" for t in between)  # not "290 + seat"
    return named and singular and plain and head.lower_ not in THRESHOLD_NOUNS


def is_score(scan: Scan, first: Measure, last: Measure) -> bool:
    """ "voted 12-9", "a 7-2 verdict", "a 3-3 tie": a vote or score, not a range."""
    tied = first is not last and first.number.value == last.number.value
    if (first is last or tied) and SCORE.match(scan.word_at(first.number.start)):
        return True
    return first is last and (score_side(scan, first, 1) or score_side(scan, first, -1))


def score_side(scan: Scan, measure: Measure, step: int) -> bool:
    """ "a 4 to 1 margin": a bare number joined by "to" to a smaller one after it (step 1)
    or a larger one before it (step -1); not "from 10 to 5" (a change)."""
    doc = scan.doc
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


def is_apposed_age(scan: Scan, first: Measure, last: Measure) -> bool:
    """ "Marlowe, 63, who ...": a bare whole number set off by commas after a name."""
    doc, start, end = scan.doc, first.number.start, last.end
    if first is not last or start < 2 or end >= len(doc) or first.number.value % 1:
        return False
    named = doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN"
    return named and doc[end].is_punct and 0 < first.number.value < 120


def in_hyphenated_word(scan: Scan, start: int, end: int) -> bool:
    """ "high-five", "one-on-one", "hole-in-one": a number word glued by a hyphen to a word
    that is no number ("two-thirds" and "30-minute" stay)."""
    doc = scan.doc
    if start > 1 and doc[start - 1].text == "-":
        before = doc[start - 2]
        glued = not before.whitespace_ + doc[start - 1].whitespace_
        if glued and before.is_alpha and not scan.is_number_token(before):
            return True
    glued = end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    return glued and doc[end + 1].pos_ in {"ADP", "DET", "PRON"}


def is_address(scan: Scan, last: Measure) -> bool:
    """ "418 North 9th Avenue": a number before capitalised words and a street word."""
    for token in scan.doc[last.end : last.end + 4]:
        if token.lower_ in STREET_WORDS and token.text[:1].isupper():
            return True
        if not token.text[:1].isupper() and not token.text[:1].isdigit():
            return False
    return False


def is_fraction(scan: Scan, first: Measure, last: Measure) -> bool:
    """A number ending in a fraction word with a numerator or an "of" after it."""
    end = last.number.end
    if scan.kind(scan.doc[end - 1]) != "fraction":
        return False
    doc = scan.doc
    return end - first.number.start > 1 or (end < len(doc) and doc[end].lower_ == "of")


def counts_plural(scan: Scan, token: Token) -> bool:
    """A number that is not year-like and counts the plural noun after it ("100 people")."""
    if YEAR.fullmatch(token.text):
        return False
    head = token.head
    return token.dep_ == "nummod" and head.i > token.i and head.tag_ in {"NNS", "NNPS"}


def is_date_or_time(scan: Scan, first: Measure, last: Measure) -> bool:
    """A month name next to the number ("March 3", "3 March"), or "3 pm", "2.13am"."""
    doc = scan.doc
    start, end = first.number.start, last.end
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    glued_time = last.number.unit is None and doc[last.number.end - 1].lower_[-2:] in AM_PM
    return before in MONTHS or after in MONTHS or after.lower() in TIME_WORDS or glued_time


def looks_like_code(scan: Scan, number: Number) -> bool:
    """Phone numbers, addresses, "192.168.1.2", "14:30", "F-16", "1990s", ordinals."""
    token = scan.doc[number.start]
    word = scan.word_at(number.start)
    after = scan.doc[number.end] if number.end < len(scan.doc) else None
    apostrophe = after is not None and after.text in {"'s", "’s"} and not token.whitespace_
    decade = bool(DECADE.match(token.text)) or (token.text.isdigit() and apostrophe)
    code = PHONE_LIKE.match(word) or ORDINAL.match(token.text) or decade
    return bool(code) or slash_code(scan, number)


def slash_code(scan: Scan, number: Number) -> bool:
    """ "24/7", "9/11": a lone digit fraction that is improper or has an odd denominator;
    "1/2", "3/4" and "2 1/2" stay fractions."""
    match = SLASHED.match(scan.doc[number.start].text)
    if match is None or number.end - number.start != 1:
        return False
    numerator, denominator = int(match.group(1)), int(match.group(2))
    date_like = numerator <= 12 and denominator <= 31  # "9/11", "5/17"
    common = denominator in COMMON_DENOMINATORS
    return numerator >= denominator or (date_like and not common)


def is_year(scan: Scan, number: Number, last: Measure) -> bool:
    """A bare four-digit integer 1000-2199 not followed by the noun it counts: a year."""
    token = scan.doc[number.start]
    if not YEAR.fullmatch(token.text) or number.end - number.start != 1:
        return False
    if scan.ent_label(number.start) == "DATE" and token.ent_iob_ == "B":
        return True  # "below 2005 levels"; "in 2019 100 people" is one DATE entity
    after = scan.doc[last.end] if last.end < len(scan.doc) else None
    return after is None or not (after.pos_ == "NOUN" and after.tag_ in {"NNS", "NNPS"})


def is_label(scan: Scan, i: int) -> bool:
    """ "No. 5", "# 3", "Flight 370": a label word (or a name) right before the number; not a
    name the number follows as a count of what is done to it ("shooting McDonald 16 times")."""
    before = scan.word_before(i)
    if before == "." and i > 1:
        before = scan.doc[i - 2].lower_ + "."
    two = f"{scan.word_before(i - 1)} {before}" if i > 1 else ""
    named = two in scan.lex.labels and scan.doc[i - 2].text[:1].isupper()  # "Group of 20"
    after_name = scan.ent_label(i - 1) in NAME_LABELS and not counts_plural(scan, scan.doc[i])
    return before in scan.lex.labels or named or after_name


def is_age(scan: Scan, last: Measure, unit: Unit) -> bool:
    """ "45-year-old", "aged 45 years": an age, left to NER and the reader."""
    doc = scan.doc
    end = last.end
    if unit.kind != "time" or end + 1 >= len(doc):
        return False
    return (doc[end].text == "-" and doc[end + 1].lower_ == "old") or doc[end].lower_ == "old"


def is_pronoun_one(scan: Scan, first: Measure, last: Measure) -> bool:
    """ "one of them", "the one who"; "at one point", "at one stage" (a time)."""
    doc, i = scan.doc, first.number.start
    single = first is last and first.number.end - i == 1
    if not single or doc[i].lower_ != "one":
        return False
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return doc[i].dep_ != "nummod" or (scan.word_before(i) == "at" and after in IDIOM_ONE)


# -- records -------------------------------------------------------------------------------
