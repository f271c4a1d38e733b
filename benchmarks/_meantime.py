"""MEANTIME (NewsReader, English Wikinews) articles read back into text with character offsets.

The corpus ships token XML only: each `<token t_id sentence>` and markables (`TIMEX3`, `VALUE`,
`ENTITY_MENTION`, ...) pointing at token ids. The text is rebuilt by joining tokens with spaces
(none before closing punctuation or after "(" and "$"), a newline between sentences, and only
the first `MEANTIME_SENTENCES` sentences (title, date line and four sentences: all that its
annotators covered). The rebuilt text is not the original article ("US$ 40 billion", "Boeing 's"
keep the tokenizer's spaces). Used by benchmarks/times.py and benchmarks/quantities.py.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "'s", "n't", "%"})
MEANTIME_SENTENCES = 6  # title, date line, four sentences: what MEANTIME annotated
Offsets = dict[str | None, tuple[int, int]]


@dataclass(frozen=True)
class Article:
    """One article: its file stem, rebuilt text, XML root and token id -> (start, end)."""

    id: str
    text: str
    root: ElementTree.Element
    offsets: Offsets

    def markables(self, tag: str) -> Iterator[tuple[int, int, ElementTree.Element]]:
        """(start, end, element) of each `tag` markable lying wholly in the rebuilt text."""
        for element in self.root.iter(tag):
            ids = [a.get("t_id") for a in element.iter("token_anchor")]
            if ids and all(i in self.offsets for i in ids):
                yield self.offsets[ids[0]][0], self.offsets[ids[-1]][1], element


def article(path: Path) -> Article:
    """The article at `path` with its text rebuilt from its tokens."""
    root = ElementTree.parse(path).getroot()
    pieces: list[str] = []
    offsets: Offsets = {}
    previous = None
    for token in root.iter("token"):
        sentence, text = token.get("sentence"), token.text or ""
        if int(sentence or 0) >= MEANTIME_SENTENCES:
            break
        if previous is not None:
            glued = text in NO_SPACE_BEFORE or pieces[-1] in ("(", "$")
            pieces.append("\n" if sentence != previous else "" if glued else " ")
        start = sum(map(len, pieces))
        offsets[token.get("t_id")] = (start, start + len(text))
        pieces.append(text)
        previous = sentence
    return Article(path.stem, "".join(pieces), root, offsets)


def articles(folder: Path) -> list[Article]:
    """Every article under `folder` (all its corpus_* subfolders), in path order."""
    return [article(p) for p in sorted(folder.rglob("*.xml"))]
