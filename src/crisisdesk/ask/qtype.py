"""Question -> the type of answer it expects, from its wh-word and the noun that follows it.

"What year", "which city", "what percentage" and "how long" say more than "what" alone, so the
head noun after the wh-word is looked up first and the bare wh-word second. A question the rules
do not type gets "phrase": a noun phrase of the best sentence answers it (see `span.py`).
Not handled: yes/no questions, and "why"/"how" (reason, manner) get "phrase" too, which is weak.
"""

import re

NUMBER = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
AMOUNT = ("QUANTITY", "CARDINAL", "MONEY", "PERCENT", "DATE", "TIME")
DATE = ("DATE", "TIME")
PLACE = ("GPE", "LOC", "FAC")
ACTOR = ("PERSON", "ORG", "NORP", "GPE")

#: (pattern on the lowercased question, answer type, entity labels that can answer it, the
#: most fitting first: "who" prefers a person to an organisation to a place). First match wins,
#: so head-noun rules come before the bare wh-words they refine.
RULES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (re.compile(r"\b(what|which) (percent|percentage|proportion|share)\b"), "number", ("PERCENT",)),
    (re.compile(r"\bhow much (money|did .* cost)\b|\bwhat (price|cost)\b"), "number", ("MONEY",)),
    (
        re.compile(r"\bhow (many|much)\b|\bwhat (number|amount|total)\b|\bwhat is the number\b"),
        "number",
        NUMBER,
    ),
    (
        re.compile(r"\b(what|which) (year|date|day|month|century|decade|era|season|time)s?\b"),
        "date",
        DATE,
    ),
    (re.compile(r"\bhow (old|long ago)\b"), "date", DATE),
    (
        re.compile(
            r"\bhow (far|long|high|big|large|fast|tall|wide|deep|heavy)\b"
            r"|\bwhat(?: is| was| are)?(?: the| its)?(?: maximum| minimum| top| average| total)?"
            r" (range|distance|altitude|size|speed|length"
            r"|height|weight|area|temperature|duration)\b"
        ),
        "quantity",
        AMOUNT,
    ),
    (re.compile(r"\bwhen\b|\bwhat period\b"), "date", DATE),
    (
        re.compile(
            r"\b(what|which|in what|in which) (country|countries|city|cities|state|region|place"
            r"|continent|town|province|island|nation|area)\b|\bwhere\b"
        ),
        "place",
        PLACE,
    ),
    (
        re.compile(
            r"\b(what|which) (person|people|king|queen|leader|ruler|duke|president|emperor"
            r"|scientist|author|man|woman|pope|general)\b"
        ),
        "actor",
        ("PERSON", "NORP", "ORG"),
    ),
    (
        re.compile(r"\b(what|which) (organi[sz]ation|group|company|team|party|university)\b"),
        "actor",
        ("ORG", "NORP", "PERSON"),
    ),
    (re.compile(r"\bwho\b|\bwhom\b|\bwhose\b"), "actor", ACTOR),
    (re.compile(r"\bwhat (language|nationality|religion)\b"), "actor", ("NORP", "LANGUAGE")),
)


def answer_type(question: str) -> tuple[str, tuple[str, ...]]:
    """The expected answer type and the entity labels that may fill it."""
    lowered = question.lower()
    for pattern, kind, labels in RULES:
        if pattern.search(lowered):
            return kind, labels
    return "phrase", ()
