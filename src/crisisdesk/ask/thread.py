"""A conversation's thread: a follow-up ("and its altitude?", "what did he say next?", "and
reservists?") is rewritten into a whole question from the previous question and answer, so
`ask` sees what the reader means.

Rules, in order: a fragment ("and reservists?") takes the previous question with its focus
noun swapped, or is asked about the previous question's names; "he/she/his/her" become the
person the previous answer is attributed to (or the previous answer, when it named a person);
"it/its/they/their" become the previous question's names. A question that needs none of this
is left as it is.
"""

import re
from dataclasses import dataclass, field

from crisisdesk.ask.question import Question
from crisisdesk.records import Answer

PERSON = re.compile(r"\b(he|she|him|his|her)\b", re.I)
THING = re.compile(r"\b(it|its|they|them|their)\b", re.I)
FRAGMENT = re.compile(
    r"^\s*(?:and|what about|how about)\s+(?:the\s+|its\s+|their\s+)?(.+?)\W*$", re.I
)
POSSESSIVE = frozenset({"his", "her", "its", "their"})


@dataclass(slots=True)
class Thread:
    """The last question and answer of a conversation."""

    question: Question | None = None
    answer: Answer | None = None
    history: list[str] = field(default_factory=list)

    def resolve(self, text: str) -> str:
        """The whole question a follow-up stands for (unchanged without a previous turn)."""
        if self.question is None:
            return text
        fragment = FRAGMENT.match(text)
        if fragment and len(fragment.group(1).split()) <= 3:
            return self._swapped(fragment.group(1))
        text = PERSON.sub(lambda m: self._person(m.group(1)), text)
        return THING.sub(lambda m: self._thing(m.group(1)), text)

    def remember(self, question: Question, answer: Answer) -> None:
        self.question, self.answer = question, answer
        self.history.append(question.text)

    def _swapped(self, noun: str) -> str:
        """The previous question about `noun` instead of its focus and the names that modify
        it ("and reservists?" after "How many Igla-S missiles ...": "How many reservists ..."),
        or about its names."""
        previous = self.question
        assert previous is not None
        if previous.focus and re.search(rf"\b{re.escape(previous.focus)}\b", previous.text, re.I):
            pattern = rf"\b(?:[A-Z][\w-]* )*(?i:{re.escape(previous.focus)})\b"
            return re.sub(pattern, noun, previous.text, count=1)
        about = " ".join(previous.names)
        return f"What is the {noun} of {about}?" if about else f"What about {noun}?"

    def _person(self, word: str) -> str:
        said = self.answer.attribution if self.answer else None
        who = (said.actor or said.source) if said else None
        if who is None and self.question is not None and self.question.kind == "actor":
            who = self.answer.text if self.answer else None
        if who is None:
            return word
        return f"{who}'s" if word.lower() in POSSESSIVE else who

    def _thing(self, word: str) -> str:
        names = " ".join(self.question.names) if self.question else ""
        if not names:
            return word
        return f"{names}'s" if word.lower() in POSSESSIVE else names
