"""Lexicons are data files under `crisisdesk/lexicons/`: one entry per line or TSV columns.

Lines starting with `#` are comments (the header names the source and licence). Users extend a
lexicon with a file of the same shape given by path.
"""

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from crisisdesk.errors import AnalyzeError


def lexicon_path(name: str) -> Path:
    """The path of a packaged lexicon, or of a user file when `name` is a path that exists."""
    given = Path(name)
    if given.is_file():
        return given
    packaged = Path(str(resources.files("crisisdesk") / "lexicons" / name))
    if not packaged.is_file():
        raise AnalyzeError(f"lexicon not found: {name}")
    return packaged


def read_rows(name: str) -> Iterator[list[str]]:
    """The non-comment, non-blank lines of a lexicon, split on tabs."""
    with lexicon_path(name).open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield [cell.strip() for cell in line.split("\t")]


def read_words(name: str) -> list[str]:
    """A one-entry-per-line lexicon as a list (first column only)."""
    return [row[0] for row in read_rows(name)]
