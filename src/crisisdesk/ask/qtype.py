"""Question -> the type of answer it expects, from its wh-phrase.

Rules on the question's first words; a question the rules do not type gets "span" (answer with
the best sentence). Not handled: yes/no questions are answered with the supporting sentence.
"""

import re

#: (pattern on the lowercased question, answer type, entity labels that can answer it, the
#: most fitting first: "who" prefers a person to an organisation to a place)
RULES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (
        re.compile(r"\bhow (many|much)\b|\bwhat (number|percentage|amount)\b"),
        "number",
        ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"),
    ),
    (
        re.compile(
            r"\bhow (far|long|high|big|large|fast)\b"
            r"|\bwhat(?: is| was| are)?(?: the| its)? (range|distance|altitude|size|speed)\b"
        ),
        "quantity",
        ("QUANTITY", "CARDINAL", "DATE", "TIME"),
    ),
    (
        re.compile(r"\bwhen\b|\bwhat (year|date|day|month|time)\b|\bwhich (year|day)\b"),
        "date",
        ("DATE", "TIME"),
    ),
    (
        re.compile(r"\bwhere\b|\bwhich (country|city|region|place)\b"),
        "place",
        ("GPE", "LOC", "FAC"),
    ),
    (
        re.compile(r"\bwho\b|\bwhom\b|\bwhose\b|\bwhich (person|organi[sz]ation|group|company)\b"),
        "actor",
        ("PERSON", "ORG", "NORP", "GPE"),
    ),
)


def answer_type(question: str) -> tuple[str, tuple[str, ...]]:
    """The expected answer type and the entity labels that may fill it."""
    lowered = question.lower()
    for pattern, kind, labels in RULES:
        if pattern.search(lowered):
            return kind, labels
    return "span", ()
