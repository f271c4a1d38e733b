"""A candidate answer: a stretch of a retrieved sentence, how it was found and how well its kind
fits the question."""

from dataclasses import dataclass

from crisisdesk.ask.words import WORD


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible answer: document offsets (end exclusive), its text, how it was found and how
    well its kind fits the question (1 best)."""

    start: int
    end: int
    text: str
    how: str
    fit: float = 1.0
    #: what the candidate says, for counting sources that agree ("$15bn" and "$15 billion")
    key: str = ""
    #: the answer as the sentence puts it, when that says more ("up to 6,000 meters")
    phrase: str = ""

    @property
    def same_as(self) -> str:
        return " ".join(WORD.findall((self.key or self.text).casefold()))
