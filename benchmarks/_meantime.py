"""MEANTIME (NewsReader, English Wikinews) articles read back into text with character offsets.

The corpus ships token XML only: each `<token t_id sentence>` and markables (`TIMEX3`, `VALUE`,
`ENTITY_MENTION`, ...) pointing at token ids. The text is rebuilt by joining tokens with spaces
(none before closing punctuation and clitics such as "'s", "n't", "'re", none after a "(" or a
currency token ending in "$": "US$997 million"), a newline between sentences. By default only
the first `MEANTIME_SENTENCES` sentences are kept (title, date line and four sentences: all
that its annotators covered fully); `sentences=None` keeps the whole article, and
`Article.end()` is then where the annotated part ends. The rebuilt text is not the original
article (PTB quotes "``" stay). Used by benchmarks/times.py, quantities.py, actors.py, doubt.py
and ask_news.py.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

NO_SPACE_BEFORE = frozenset(
    {",", ".", ":", ";", "!", "?", ")", "%", "'s", "'", "n't", "'re", "'ve", "'ll"}
)
NO_SPACE_AFTER = frozenset({"(", "$"})
MEANTIME_SENTENCES = 6  # title, date line, four sentences: what MEANTIME annotated
Offsets = dict[str | None, tuple[int, int]]


@dataclass(frozen=True)
class Article:
    """One article: its file stem, rebuilt text, XML root, token id -> (start, end), token id ->
    sentence number, and sentence number -> (start, end) of each sentence kept."""

    id: str
    text: str
    root: ElementTree.Element
    offsets: Offsets
    token_sentences: dict[str | None, int]
    sentences: dict[int, tuple[int, int]]

    def markables(self, tag: str) -> Iterator[tuple[int, int, ElementTree.Element]]:
        """(start, end, element) of each `tag` markable lying wholly in the rebuilt text."""
        for element in self.root.iter(tag):
            ids = [a.get("t_id") for a in element.iter("token_anchor")]
            if ids and all(i in self.offsets for i in ids):
                yield self.offsets[ids[0]][0], self.offsets[ids[-1]][1], element

    def sentence(self, token_id: str | None) -> int:
        """The sentence number of a token kept in the text."""
        return self.token_sentences[token_id]

    def sentence_at(self, offset: int) -> int:
        """The number of the sentence holding character `offset`, or -1 (between sentences)."""
        return next((n for n, (s, e) in self.sentences.items() if s <= offset < e), -1)

    def end(self, sentences: int = MEANTIME_SENTENCES) -> int:
        """Where the first `sentences` sentences end in the text (0 when there are none)."""
        return max((e for n, (_, e) in self.sentences.items() if n < sentences), default=0)


def glued(word: str, previous: str) -> bool:
    """Whether `word` follows the `previous` token of its sentence without a space."""
    return word.lower() in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER or previous.endswith("$")


def article(path: Path, sentences: int | None = MEANTIME_SENTENCES) -> Article:
    """The article at `path` with its text rebuilt from its tokens: its first `sentences`
    sentences, or all of it when `sentences` is None."""
    root = ElementTree.parse(path).getroot()
    pieces: list[str] = []
    offsets: Offsets = {}
    numbers: dict[str | None, int] = {}
    ranges: dict[int, tuple[int, int]] = {}
    position, previous = 0, None
    for token in root.iter("token"):
        number, word = int(token.get("sentence") or 0), token.text or ""
        if sentences is not None and number >= sentences:
            break
        if previous is not None:
            gap = "\n" if number != previous else "" if glued(word, pieces[-1]) else " "
            pieces.append(gap)
            position += len(gap)
        t_id, end = token.get("t_id"), position + len(word)
        offsets[t_id], numbers[t_id] = (position, end), number
        ranges[number] = (ranges[number][0] if number in ranges else position, end)
        pieces.append(word)
        position, previous = end, number
    return Article(path.stem, "".join(pieces), root, offsets, numbers, ranges)


def articles(folder: Path, sentences: int | None = MEANTIME_SENTENCES) -> list[Article]:
    """Every article under `folder` (all its corpus_* subfolders), in path order."""
    return [article(p, sentences) for p in sorted(folder.rglob("*.xml"))]
