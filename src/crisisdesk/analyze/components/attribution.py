"""crisisdesk_attribution: who said (or thinks) what: source, cue and content of reported speech.

Rules over the dependency parse, one pass over the tokens, cue verbs from `lexicons/cue_verbs.tsv`:
- a cue verb with a clausal complement: "X said (that) ...", "X claimed his country has ...",
  "'...,' he said", "said the minister", "stating they are ...", "claiming to have ...";
  for participles and "by saying" the source is the subject of the governing clause;
- a cue verb whose direct object is content, for verbs marked `object` ("denied the report"),
  running on through the verb's prepositional phrases ("defended Clinton against allegations");
- a cue verb with its own preposition, listed in the lexicon's 4th column ("called for a ban",
  "talked about the wall"): the preposition joins the cue, its object is the content;
- a quotation ending in ',"' before the cue wins over an object ('"Wait," he urged them');
- "In a new poll, X": a document or survey noun (`attribution_source_nouns.txt`) heading a
  clause with no cue verb is the source, "In" the cue, the clause the content;
- a parenthetical cue ("The plan, he said, is sound"): content is the clause around it;
- a cue verb followed by a colon or next to a quotation: content is that quotation;
- "according to X, ...": content is the clause without the "according to" phrase;
- a speech or belief noun (`attribution_cue_nouns.tsv`) with a "that"-clause ("his claim that",
  "said in a statement that"), or with a possessor and an object ("Trump's criticism of the deal"):
  with a "to"-infinitive ("his decision to run"), or as the subject of "is" with a clause ("Their
  fear is that ..."): the noun is the cue; it gives way to a cue verb inside its clause;
- a stance adjective (`attribution_cue_adjectives.tsv`) after a copula with a complement ("was
  critical of the deal", "are hopeful that ..."): the adjective is the cue, the subject the source;
- an "as" clause ("As the Herald reported, X"): content is the clause it modifies;
- an `as` cue ("sees him as a threat") takes its object only when an "as" phrase follows.
Content follows PolNeAR's conventions: "that" and quotation marks belong to it, sentence-final
and separating punctuation outside quotes do not. Quotation marks (straight, curly, '' and ``) are
paired per paragraph; quotes that continue a speaker's words in the following sentences or the next
paragraph, with no cue of their own, join the content. Pronoun sources take their actor from
`doc._.coref`, others from the overlapping `doc._.actor_mentions`.
A cue inside another's content ("X said Y claimed Z") goes under the outer record's "nested" key,
so the top level labels each word once, as PolNeAR does; a participle after a comma ("..., stating
they are ...") stays a cue of its own and ends the content before it.
Stance comes from the cue lemma; a negated cue ("did not confirm") turns assertion into doubt.
Modules: attribution_cues (cue verbs), attribution_nouns (noun cues), attribution_adjectives
(stance adjectives), attribution_phrases
("according to", "In a poll", "Name:"), attribution_quotes (quotation pairing and the quotes a
cue takes), attribution_spans (offsets of source and content), attribution_records (nesting and
the output dicts); this module only builds the component and orders them.
Not handled: noun cues with no clause, infinitive or possessor ("in a statement", "worries
about her record": too often not PolNeAR's), relative-clause cues whose object is the antecedent
("a treaty he once backed"), cue verb chains
("appeared to accept", "declining to say"), sources found only by discourse ("The report: ..."),
cues inside the quoted words themselves, and speakers named more than one sentence away.
Rules follow the annotation guidelines of PolNeAR (Newell et al., LREC 2018).
"""

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from crisisdesk.analyze import extensions
from crisisdesk.analyze.components.attribution_adjectives import complement, from_adjective
from crisisdesk.analyze.components.attribution_cues import Cue, from_verb, modifier, read_cues
from crisisdesk.analyze.components.attribution_nouns import (
    copular_clause,
    from_noun,
    infinitive,
    possessed_object,
    that_clause,
)
from crisisdesk.analyze.components.attribution_phrases import according_to, in_document, labelled
from crisisdesk.analyze.components.attribution_quotes import Quotes, continue_quotes, kind_of
from crisisdesk.analyze.components.attribution_records import nest, record
from crisisdesk.analyze.components.attribution_spans import Found
from crisisdesk.analyze.lexicon import read_rows, read_words


@Language.factory(
    "crisisdesk_attribution",
    assigns=["doc._.attributions"],
    requires=[
        "token.dep",
        "token.lemma",
        "doc.sents",
        "doc._.actor_mentions",
        "doc._.actors",
        "doc._.coref",
    ],
    default_config={
        "cue_verbs": "cue_verbs.tsv",
        "extra_cue_verbs": None,
        "source_nouns": "attribution_source_nouns.txt",
        "cue_nouns": "attribution_cue_nouns.tsv",
        "cue_adjectives": "attribution_cue_adjectives.tsv",
    },
)
def make_attribution(
    nlp: Language,
    name: str,
    cue_verbs: str,
    extra_cue_verbs: str | None,
    source_nouns: str,
    cue_nouns: str,
    cue_adjectives: str,
) -> "Attributor":
    return Attributor(
        cues=read_cues(cue_verbs, extra_cue_verbs),
        source_nouns=frozenset(read_words(source_nouns)),
        cue_nouns={row[0].lower(): row[1] for row in read_rows(cue_nouns)},
        cue_adjectives={row[0].lower(): row[1] for row in read_rows(cue_adjectives)},
    )


class Attributor:
    """Finds attributions; see the module docstring for the rules."""

    def __init__(
        self,
        *,
        cues: dict[str, Cue],
        source_nouns: frozenset[str] = frozenset(),
        cue_nouns: dict[str, str] | None = None,
        cue_adjectives: dict[str, str] | None = None,
    ) -> None:
        self.cues = cues
        self.source_nouns = source_nouns
        self.cue_nouns = cue_nouns or {}
        self.cue_adjectives = cue_adjectives or {}
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        text = doc.text  # Doc.text joins every token: read it once
        doc._.attributions = [record(doc, text, found) for found in self.match(doc)]
        return doc

    def match(self, doc: Doc) -> list[Found]:
        """Every attribution in the document, each quotation claimed by at most one."""
        quotes = Quotes(doc.text)  # once per document
        found = [f for f in self.candidates(doc, quotes) if f.content]
        found.extend(labelled(doc, quotes))
        found = nest(found, quotes.text)
        for item in found:
            if item.kind != "according_to":  # nesting may have cut the content
                item.kind = kind_of(item.content, quotes)
        continue_quotes(doc, found, quotes)
        return found

    def candidates(self, doc: Doc, quotes: Quotes) -> Iterator[Found]:
        for token in doc:
            if token.lower_ == "according" and token.i + 1 < len(doc):
                found = according_to(doc, token, quotes)
            elif token.lower_ == "in" and (noun := self.document_source(token)) is not None:
                found = in_document(token, noun, quotes)
            elif token.pos_ in ("NOUN", "ADJ"):
                found = self.word_cue(doc, token, quotes)
            elif token.pos_ == "VERB" and token.lemma_.lower() in self.cues:
                if quotes.inside(token.idx) or modifier(token):
                    continue  # the quoted words' own verbs; "a site called X", "so-called"
                found = from_verb(doc, token, self.cues[token.lemma_.lower()], quotes)
            else:
                continue
            if found is not None:
                yield found

    def word_cue(self, doc: Doc, token: Token, quotes: Quotes) -> Found | None:
        """A cue noun ("his claim that ...") or stance adjective ("critical of ..."), outside
        quotations."""
        lemma = token.lemma_.lower()
        if quotes.inside(token.idx):
            return None
        if token.pos_ == "NOUN" and (clause := self.noun_clause(token)) is not None:
            return from_noun(doc, token, clause, quotes, self.cue_nouns[lemma])
        if token.pos_ == "ADJ" and (clause := self.adjective_clause(token)) is not None:
            return from_adjective(doc, token, clause, quotes, self.cue_adjectives[lemma])
        return None

    def noun_clause(self, noun: Token) -> Token | None:
        """The "that"-clause of a cue noun ("his claim that ..."), the object of a possessed one
        ("Trump's criticism of the deal"), its "to"-infinitive ("the decision to run") or the
        clause it is equated with ("Their fear is that ...")."""
        if noun.lemma_.lower() not in self.cue_nouns:
            return None
        return (
            that_clause(noun) or possessed_object(noun) or infinitive(noun) or copular_clause(noun)
        )

    def adjective_clause(self, adjective: Token) -> Token | None:
        """The complement of a stance adjective ("critical of the deal", "hopeful that ...")."""
        return complement(adjective) if adjective.lemma_.lower() in self.cue_adjectives else None

    def document_source(self, prep: Token) -> Token | None:
        """The noun of "In a new poll, ..." heading a clause without a cue verb of its own."""
        head = prep.head
        if prep.dep_ != "prep" or head.pos_ not in ("VERB", "AUX") or head.i < prep.i:
            return None
        if head.lemma_.lower() in self.cues:
            return None
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return noun if noun is not None and noun.lemma_.lower() in self.source_nouns else None
