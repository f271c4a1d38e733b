"""crisisdesk_doubt: hedges, allegations, denials, disputes (and who disputes), unconfirmed claims.

Each record is a dict `{start, end, text, kind, target, by, by_span, by_actor, target_antecedent}`
with character offsets (end exclusive); `target`, `by_span` and `target_antecedent` are
`{start, end, text}` or None. Kinds and their triggers (lexicons are data files):
- hedge: `hedges.txt` ("reportedly", "it is unclear whether", epistemic "may/might/could");
- allegation, denial, dispute, unconfirmed: `doubt_verbs.tsv` ("alleging", "denied", "questioned",
  "could not be independently verified", "brushed aside", "scoffed at"), `doubt_phrases.tsv`
  ("without evidence", "cast doubt on", "poured cold water on" a claim),
  allegation nouns and discrediting adjectives in `doubt_nouns.tsv` ("allegations that ...",
  "critics say the figure is inflated").
Modules: doubt_lexicon (the lexicons), doubt_hedges (epistemic use of hedges), doubt_disputes
(doubt verbs and their conditions), doubt_discredit ("the figure is inflated", "baseless
allegations"), doubt_phrases (phrases, allegation nouns), doubt_targets (who
doubts and what is doubted), doubt_records (the output dicts, `by_actor`), doubt_tree (parse
helpers); this module builds the component and orders the matches: a token triggers one doubt,
phrases before verbs before adjectives before nouns before hedges, longer before shorter.
Skipped on purpose (non-epistemic): "May" the month, "could not", "if/so/before ... could",
"if I may", "could see/hear", "you may", inverted questions, "as possible", "alleged"/"suspected"
as verbs of suspicion (only their adjective use hedges), "questioned the suspect" (interrogation),
"denied entry", "rejected the proposal" (only claims, reports and the like are rejected as untrue).
Not handled: plain negation ("did not attack"), "would" and future tense, belief verbs with a
subject ("officials believe"), doubt spread over several sentences, and irony. Rules, not a
trained model: recall depends on the lexicons and on the small model's parse.
"""

import logging
from collections.abc import Iterator

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from crisisdesk.analyze import extensions
from crisisdesk.analyze.components.doubt_discredit import KINDS, discredit_doubt
from crisisdesk.analyze.components.doubt_disputes import verb_doubt
from crisisdesk.analyze.components.doubt_hedges import hedge_doubt
from crisisdesk.analyze.components.doubt_lexicon import DoubtLexicon, lemma_doc, phrase_variants
from crisisdesk.analyze.components.doubt_phrases import noun_allegation, phrase_doubt
from crisisdesk.analyze.components.doubt_records import Found, Record, to_record
from crisisdesk.analyze.components.doubt_tree import is_clause

log = logging.getLogger(__name__)

Match = tuple[str, int, int]  # label, token start, token end
RANK = {"phrase": 0, "verb": 1, "adjective": 2, "noun": 3, "hedge": 4}


@Language.factory(
    "crisisdesk_doubt",
    assigns=["doc._.doubts"],
    requires=[
        "doc.sents",
        "token.dep",
        "token.lemma",
        "token.tag",
        "doc._.actor_mentions",
        "doc._.coref",
    ],
    default_config={
        "hedges": "hedges.txt",
        "verbs": "doubt_verbs.tsv",
        "nouns": "doubt_nouns.tsv",
        "phrases": "doubt_phrases.tsv",
    },
)
def make_doubt(
    nlp: Language,
    name: str,
    hedges: str,
    verbs: str,
    nouns: str,
    phrases: str,
) -> "DoubtFinder":
    return DoubtFinder(nlp, lexicon=DoubtLexicon.from_files(hedges, verbs, nouns, phrases))


class DoubtFinder:
    """Finds doubt records in one pass of compiled matchers; see the module docstring."""

    def __init__(self, nlp: Language, *, lexicon: DoubtLexicon) -> None:
        self.lexicon = lexicon
        vocab = nlp.vocab
        # PhraseMatchers (hash lookups) rather than a token Matcher: about ten times faster here
        self.lemmas = PhraseMatcher(vocab, attr="LEMMA")
        for kind, text, condition in lexicon.phrases:
            variants = [lemma_doc(vocab, v) for v in phrase_variants(text)]
            self.lemmas.add(f"phrase:{kind}:{condition}", variants)
        self.lemmas.add("verb", [lemma_doc(vocab, [v]) for v in sorted(lexicon.verbs)])
        nouns = sorted(lexicon.role("allegation"))
        self.lemmas.add("noun:allegation", [lemma_doc(vocab, [n]) for n in nouns])
        self.words = PhraseMatcher(vocab, attr="LOWER")
        hedges = [" ".join(v) for h in lexicon.hedges for v in phrase_variants(h)]
        self.words.add("hedge", [nlp.make_doc(h) for h in hedges])
        for role, kind in KINDS.items():
            words = sorted(lexicon.role(role))
            self.words.add(f"adjective:{kind}", [nlp.make_doc(w) for w in words])
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        records: list[Record] = []
        for found in self.find(doc):
            try:
                records.append(to_record(doc, found))
            except (IndexError, ValueError) as exc:  # one odd span never fails the document
                log.warning("skipped a doubt at token %s: %s", found.trigger, exc)
        records.sort(key=lambda r: (r["start"], r["end"]))
        doc._.doubts = records
        return doc

    def find(self, doc: Doc) -> Iterator[Found]:
        """Matches in priority order (specific before general); a token triggers one doubt, and
        an allegation noun another doubt targets ("denied the allegations") is not one itself."""
        used: set[int] = set()
        targets: set[int] = set()
        for label, start, end in self.ordered_matches(doc):
            targeted_noun = label.startswith("noun:") and start in targets
            if targeted_noun or used.intersection(range(start, end)):
                continue
            found = self.build(doc, label, start, end)
            if found is not None and not used.intersection(range(*found.trigger)):
                used.update(range(*found.trigger))
                if found.target is not None:
                    targets.add(doc[found.target[0] : found.target[1]].root.i)
                yield found

    def ordered_matches(self, doc: Doc) -> list[Match]:
        strings = doc.vocab.strings
        matches = [(strings[m], s, e) for m, s, e in self.lemmas(doc)]
        matches.extend((strings[m], s, e) for m, s, e in self.words(doc))
        return sorted(matches, key=lambda m: (RANK[m[0].split(":")[0]], m[1] - m[2], m[1]))

    def about_claim(self, doc: Doc, found: Found) -> bool:
        """A claim-like target: a claim noun, a clause, or a noun with a "that" clause."""
        if found.target is None:
            return False
        head = doc[found.target[0] : found.target[1]].root
        that = any(c.left_edge.lower_ == "that" for c in head.rights if c.dep_ in {"acl", "ccomp"})
        return head.lemma_ in self.lexicon.claims or is_clause(head) or that

    def build(self, doc: Doc, label: str, start: int, end: int) -> Found | None:
        family, _, kind = label.partition(":")
        if family == "phrase":
            kind, _, condition = kind.partition(":")
            found = phrase_doubt(doc, kind, start, end, self.lexicon.claims)
            return found if condition != "claim_object" or self.about_claim(doc, found) else None
        if family == "verb":
            return verb_doubt(doc[start], self.lexicon) if doc[start].pos_ == "VERB" else None
        if family == "adjective":
            return discredit_doubt(doc[start], kind, self.lexicon.claims)
        if family == "noun":
            return noun_allegation(doc[start]) if doc[start].pos_ == "NOUN" else None
        return hedge_doubt(doc, start, end)
