"""The doubt lexicons (data files under crisisdesk/lexicons) read into one object.

- hedges.txt: hedge words and phrases, matched on the lowercased text;
- doubt_verbs.tsv: lemma, kind, condition (always, claim_object, negated);
- doubt_nouns.tsv: lemma, role (claim, shell, person, refusal, allegation, discredit);
- doubt_phrases.tsv: kind, lemma pattern ("cast|raise doubt on|about").
"""

from dataclasses import dataclass
from itertools import product

from spacy.tokens import Doc
from spacy.vocab import Vocab

from crisisdesk.analyze.lexicon import read_rows, read_words


@dataclass(frozen=True, slots=True)
class DoubtLexicon:
    """The doubt lexicons: hedge phrases, verbs with kind and condition, words by role, phrases."""

    hedges: list[str]
    verbs: dict[str, tuple[str, str]]
    nouns: dict[str, frozenset[str]]
    phrases: list[tuple[str, str]]

    @classmethod
    def from_files(cls, hedges: str, verbs: str, nouns: str, phrases: str) -> "DoubtLexicon":
        by_role: dict[str, set[str]] = {}
        for lemma, role in read_rows(nouns):
            by_role.setdefault(role, set()).add(lemma)
        return cls(
            hedges=read_words(hedges),
            verbs={row[0]: (row[1], row[2]) for row in read_rows(verbs)},
            nouns={role: frozenset(words) for role, words in by_role.items()},
            phrases=[(row[0], row[1]) for row in read_rows(phrases)],
        )

    def role(self, name: str) -> frozenset[str]:
        return self.nouns.get(name, frozenset())


def phrase_variants(text: str) -> list[list[str]]:
    """Every lemma sequence a "lemma|lemma token? ..." pattern stands for (doubt_phrases.tsv)."""
    slots: list[list[str | None]] = []
    for item in text.split():
        words: list[str | None] = list(item.rstrip("?").split("|"))
        slots.append([*words, None] if item.endswith("?") else words)
    return [[w for w in combo if w] for combo in product(*slots)]


def lemma_doc(vocab: Vocab, lemmas: list[str]) -> Doc:
    """A pattern Doc for a PhraseMatcher on LEMMA."""
    return Doc(vocab, words=lemmas, lemmas=lemmas)
