"""The doubt lexicons (data files under crisisdesk/lexicons) read into one object.

- hedges.txt: hedge words and phrases, matched on the lowercased text;
- doubt_verbs.tsv: lemma, kind, condition (always, claim_object, negated), particles ("aside|off");
- doubt_nouns.tsv: lemma, role (claim, shell, person, refusal, allegation, and the adjective
  roles untrue and inflated);
- doubt_phrases.tsv: kind, lemma pattern ("cast|raise doubt on|about"), condition (always,
  claim_object).
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
    particles: dict[str, frozenset[str]]
    nouns: dict[str, frozenset[str]]
    phrases: list[tuple[str, str, str]]  # kind, pattern, condition
    claims: frozenset[str]  # claim and shell nouns: what is doubted, built once

    @classmethod
    def from_files(cls, hedges: str, verbs: str, nouns: str, phrases: str) -> "DoubtLexicon":
        verb_rows = list(read_rows(verbs))
        by_role: dict[str, set[str]] = {}
        for lemma, role in read_rows(nouns):
            by_role.setdefault(role, set()).add(lemma)
        claims = by_role.get("claim", set()) | by_role.get("shell", set())
        return cls(
            hedges=read_words(hedges),
            verbs={row[0]: (row[1], row[2]) for row in verb_rows},
            particles={row[0]: frozenset(row[3].split("|")) for row in verb_rows if len(row) > 3},
            nouns={role: frozenset(words) for role, words in by_role.items()},
            phrases=[(r[0], r[1], r[2] if len(r) > 2 else "always") for r in read_rows(phrases)],
            claims=frozenset(claims),
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
