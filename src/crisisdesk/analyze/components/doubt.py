"""crisisdesk_doubt: hedges, allegations, denials, disputes (and who disputes), unconfirmed claims.

Each record is a dict `{start, end, text, kind, target, by, by_span, by_actor, target_antecedent}`
with character offsets (end exclusive); `target`, `by_span` and `target_antecedent` are
`{start, end, text}` or None. Kinds and their triggers (lexicons are data files):
- hedge: `hedges.txt` ("reportedly", "it is unclear whether", epistemic "may/might/could");
- allegation, denial, dispute, unconfirmed: `doubt_verbs.tsv` ("alleging", "denied", "questioned",
  "could not be independently verified"), `doubt_phrases.tsv` ("without evidence", "cast doubt on").
Arguments come from the dependency parse: `by` is the subject, the passive agent ("questioned by US
lawmakers") or the relative-clause subject ("a number experts have questioned"); `target` is the
object or complement, the passive subject, the noun a relative clause attaches to, or the figure a
parenthesis comments on. A demonstrative target ("These strikes") gets `target_antecedent`, the last
earlier noun phrase with the same head noun within two sentences. `by_actor` is the actor of an
overlapping `doc._.actor_mentions` item, else the coreference of the `by` head.
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
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from crisisdesk.analyze import extensions
from crisisdesk.analyze.lexicon import read_rows, read_words

log = logging.getLogger(__name__)

Record = dict[str, Any]
Range = tuple[int, int]  # token start, token end (exclusive)

MODALS = frozenset({"may", "might", "could"})
LINKED = frozenset({"acomp", "xcomp", "ccomp", "oprd", "attr"})
PERCEPTION = frozenset({"see", "hear", "feel", "smell", "watch"})  # "could see": ability
NOT_EPISTEMIC_MARKS = frozenset({"if", "unless", "so", "whether", "before", "until"})
MONTH_CONTEXT = frozenset({"in", "on", "since", "until", "by", "early", "late", "mid", "last"})
AS_POSSIBLE = frozenset({"as", "if", "where", "when", "whenever", "wherever"})
DECLINE = frozenset({"decline", "refuse", "fail", "unable"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RELATIVE = frozenset({"which", "that", "who", "whom", "what"})
DEMONSTRATIVES = frozenset({"these", "this", "those", "that", "the", "such"})
INHERITS_SUBJECT = frozenset({"xcomp", "advcl", "conj", "pcomp"})
CONTENT_PREPS = frozenset({"about", "over", "on", "of", "into"})
ANTECEDENT_WINDOW = 2  # sentences back that "These strikes" may reach


@dataclass(frozen=True, slots=True)
class DoubtLexicon:
    """The doubt lexicons: hedge phrases, verbs with kind and condition, nouns by role, phrases."""

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


@dataclass(slots=True)
class Found:
    """One doubt before it becomes a record: token ranges, not yet character offsets."""

    kind: str
    trigger: Range
    by: Range | None = None
    target: Range | None = None
    antecedent: Range | None = None
    extent: list[Range] = field(default_factory=list)  # argument ranges the record span covers


@Language.factory(
    "crisisdesk_doubt",
    assigns=["doc._.doubts"],
    requires=["doc.sents", "token.dep", "token.lemma", "token.tag", "doc._.actor_mentions"],
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


class DoubtFinder:
    """Finds doubt records in one pass of compiled matchers; see the module docstring."""

    def __init__(self, nlp: Language, *, lexicon: DoubtLexicon) -> None:
        self.lexicon = lexicon
        vocab = nlp.vocab
        # PhraseMatchers (hash lookups) rather than a token Matcher: about ten times faster here
        self.lemmas = PhraseMatcher(vocab, attr="LEMMA")
        for kind, text in lexicon.phrases:
            variants = [lemma_doc(vocab, v) for v in phrase_variants(text)]
            self.lemmas.add(f"phrase:{kind}", variants)
        self.lemmas.add("verb", [lemma_doc(vocab, [v]) for v in sorted(lexicon.verbs)])
        nouns = sorted(lexicon.role("allegation"))
        self.lemmas.add("noun:allegation", [lemma_doc(vocab, [n]) for n in nouns])
        self.hedges = PhraseMatcher(vocab, attr="LOWER")
        self.hedges.add("hedge", [nlp.make_doc(h) for h in lexicon.hedges])
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
        """Matches in priority order (specific before general); a token triggers one doubt."""
        used: set[int] = set()
        for label, start, end in self.ordered_matches(doc):
            if used.intersection(range(start, end)):
                continue
            found = self.build(doc, label, start, end)
            if found is not None and not used.intersection(range(*found.trigger)):
                used.update(range(*found.trigger))
                yield found

    def ordered_matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = doc.vocab.strings
        matches = [(strings[m], s, e) for m, s, e in self.lemmas(doc)]
        matches.extend(("hedge", s, e) for _, s, e in self.hedges(doc))
        rank = {"phrase": 0, "verb": 1, "noun": 2, "hedge": 3}
        return sorted(matches, key=lambda m: (rank[m[0].split(":")[0]], m[1] - m[2], m[1]))

    def build(self, doc: Doc, label: str, start: int, end: int) -> Found | None:
        family, _, kind = label.partition(":")
        if family == "phrase":
            return phrase_doubt(doc, kind, start, end)
        if family == "verb":
            return self.verb_doubt(doc[start]) if doc[start].pos_ == "VERB" else None
        if family == "noun":
            return noun_allegation(doc[start]) if doc[start].pos_ == "NOUN" else None
        return self.hedge_doubt(doc, start, end)

    def hedge_doubt(self, doc: Doc, start: int, end: int) -> Found | None:
        """A hedge word or phrase, if its use here is epistemic."""
        if end - start == 1 and not epistemic_word(doc[start]):
            return None
        last = doc[end - 1]
        if end < len(doc) and doc[end].lower_ in {"whether", "if"}:
            end += 1  # "it is unclear whether"
        found = Found("hedge", (start, end))
        if end - start == 1 and last.dep_ == "amod":
            found.target = noun_phrase(last.head)
        elif last.head.lemma_ in {"be", "remain"}:
            clause = first_child(last.head, {"ccomp"})
            found.target = subtree(clause) if clause is not None else None
        return found

    def verb_doubt(self, verb: Token) -> Found | None:
        """A doubt verb, if its condition holds; arguments from the parse."""
        if verb.dep_ in {"amod", "compound"}:
            return None  # "the alleged plot" is a hedge, handled as such
        kind, condition = self.lexicon.verbs[verb.lemma_]
        trigger = negated_group(verb) if condition == "negated" else verb_group(verb)
        if trigger is None:
            return None
        found = Found(kind, trigger)
        self.attach_arguments(verb, found)
        if not self.holds(verb, condition, found):
            return None
        return found

    def attach_arguments(self, verb: Token, found: Found) -> None:
        found.by, by_is_local = agent_or_subject(verb, self.lexicon.role("shell"))
        found.target, target_is_local = self.target_of(verb, found.kind)
        if found.target is not None:
            found.antecedent = antecedent(verb.doc, found.target)
        if found.by is not None and by_is_local:
            subject = first_child(verb, {"nsubj"})  # keeps "a number" of "a number experts"
            found.extent.append(noun_phrase(subject) if subject is not None else found.by)
        if found.target is not None and target_is_local:
            found.extent.append(found.target)

    def target_of(self, verb: Token, kind: str) -> tuple[Range | None, bool]:
        """The thing doubted, and whether it sits inside the doubting clause."""
        if kind == "allegation":
            content = first_child(verb, {"ccomp"}) or prep_object(verb, {"of"})
            return (subtree(content), True) if content is not None else (None, False)
        thing = passive_subject(verb) or first_child(verb, {"dobj"})
        if thing is not None and thing.lower_ not in RELATIVE:
            return noun_phrase(thing), True
        if verb.dep_ == "relcl":
            return self.relative_head(verb.head), False
        paren = open_paren(verb)
        if paren is not None:
            return figure_before(verb.doc, paren), False
        content = first_child(verb, {"ccomp", "xcomp"}) or prep_object(verb, CONTENT_PREPS)
        return (subtree(content), True) if content is not None else (None, False)

    def relative_head(self, noun: Token) -> Range | None:
        """The noun a relative clause attaches to, or what a shell noun ("a claim") stands for."""
        if noun.lemma_ not in self.lexicon.role("shell"):
            return noun_phrase(noun)
        if noun.dep_ == "appos":
            return noun_phrase(noun.head)
        paren = open_paren(noun)
        if paren is not None:
            return figure_before(noun.doc, paren)
        return noun_phrase(noun)

    def holds(self, verb: Token, condition: str, found: Found) -> bool:
        """The verb's lexicon condition, and the interrogation / refusal exceptions."""
        head = target_head(verb.doc, found.target)
        if found.kind == "dispute" and head is not None and is_person(head, self.lexicon):
            return False  # "police questioned the suspect"
        if found.kind == "denial" and verb.lemma_ == "deny" and is_refusal(verb, self.lexicon):
            return False  # "was denied entry"
        if condition != "claim_object":
            return True
        claims = self.lexicon.role("claim") | self.lexicon.role("shell")
        as_phrase = verb.lemma_ == "dismiss" and prep_object(verb, {"as"}) is not None
        noun = passive_subject(verb) or first_child(verb, {"dobj"})
        relative = noun is not None and noun.lower_ in RELATIVE
        if relative or (noun is None and verb.dep_ == "relcl"):
            noun = verb.head
        return as_phrase or (noun is not None and noun.lemma_ in claims)


def epistemic_word(token: Token) -> bool:
    """Single-word hedges: modals only in epistemic use, others as adverbs or adjectives."""
    if token.lower_ in MODALS:
        return epistemic_modal(token)
    if token.pos_ in {"VERB", "AUX"}:  # appear, seem: only as linking verbs ("appears likely")
        return any(c.dep_ in LINKED for c in token.children)
    if token.pos_ == "ADJ" or token.dep_ == "amod":
        return not (token.i > 0 and token.doc[token.i - 1].lower_ in AS_POSSIBLE)
    return token.pos_ == "ADV"


def epistemic_modal(modal: Token) -> bool:
    """may/might/could as possibility; not the month, ability, conditions or questions."""
    if modal.tag_ != "MD":
        return False  # "May" the month is a proper noun
    doc, head = modal.doc, modal.head
    before = doc[modal.i - 1].lower_ if modal.i > 0 else ""
    after = doc[modal.i + 1] if modal.i + 1 < len(doc) else None
    if before in MONTH_CONTEXT or (after is not None and after.like_num):
        return False  # a month the tagger took for a modal
    negated = any(c.dep_ == "neg" for c in head.children)
    if modal.lower_ == "could" and (negated or head.lemma_ in PERCEPTION):
        return False  # "could not reach", "could see": ability
    marks = [*head.children, *modal.children]
    if head == modal or any(c.dep_ == "mark" and c.lower_ in NOT_EPISTEMIC_MARKS for c in marks):
        return False  # "if I may" (no verb), "if he could", "before police could"
    subject = first_child(head, SUBJECTS)  # "you may": permission; subject after: a question
    return subject is None or (subject.lower_ != "you" and subject.i < modal.i)


def phrase_doubt(doc: Doc, kind: str, start: int, end: int) -> Found:
    """A doubt phrase: `by` is the subject of its verb, `target` what it is about."""
    found = Found(kind, (start, end))
    span = doc[start:end]
    verb = next((t for t in span if t.pos_ in {"VERB", "AUX"}), span.root)
    found.by, _ = agent_or_subject(verb, frozenset())
    about = next((t for t in span if t.dep_ == "prep" and t.lower_ in CONTENT_PREPS), None)
    pobj = first_child(about, {"pobj", "pcomp"}) if about is not None else None
    if pobj is not None:
        found.target = noun_phrase(pobj)
        found.extent = [found.target]
    return found


def noun_allegation(noun: Token) -> Found:
    """ "allegations that ..." / "allegations of ...": the noun with its content."""
    content = first_child(noun, {"acl", "ccomp"}) or prep_object(noun, {"of", "that"})
    found = Found("allegation", (noun.i, noun.i + 1))
    if content is not None:
        found.target = subtree(content)
        found.extent = [found.target]
    return found


def verb_group(verb: Token) -> Range:
    """The verb with its auxiliaries, negation and adverbs just before it."""
    start = verb.i
    for child in verb.lefts:
        if child.dep_ in {"aux", "auxpass", "neg", "advmod"} and child.i >= start - 4:
            start = min(start, child.i)
    return start, verb.i + 1


def negated_group(verb: Token) -> Range | None:
    """ "could not be independently verified", "declined to confirm", "unable to verify"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return verb_group(verb)
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in DECLINE:
        return min(head.i, verb.i), verb.i + 1
    return None


def agent_or_subject(verb: Token, shells: frozenset[str]) -> tuple[Range | None, bool]:
    """Who doubts: the passive agent, else the subject (inherited through xcomp/advcl/conj)."""
    agent = prep_object(verb, {"by"}, dep="agent")
    if agent is not None:
        return noun_phrase(agent), True
    if passive_subject(verb) is not None:
        return None, False
    local = True
    while first_child(verb, {"nsubj"}) is None and verb.dep_ in INHERITS_SUBJECT:
        verb, local = verb.head, False
    subject = first_child(verb, {"nsubj"})
    if subject is None:
        return None, False
    if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
        return noun_phrase(verb.head), False
    return without_shell(subject, shells), local


def without_shell(subject: Token, shells: frozenset[str]) -> Range:
    """ "a number experts" (a reduced relative the parser glued together) -> "experts"."""
    start, end = noun_phrase(subject)
    for token in subject.lefts:
        if token.dep_ == "compound" and token.lemma_ in shells:
            start = token.i + 1
    return start, end


def first_child(token: Token | None, deps: set[str] | frozenset[str]) -> Token | None:
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ in deps), None)


def passive_subject(verb: Token) -> Token | None:
    return first_child(verb, {"nsubjpass"})


def prep_object(token: Token, words: set[str] | frozenset[str], dep: str = "prep") -> Token | None:
    """The object of a preposition child of `token` ("accused of fraud" -> fraud)."""
    for child in token.children:
        if child.dep_ == dep and child.lower_ in words:
            return first_child(child, {"pobj", "pcomp"})
    return None


def noun_phrase(noun: Token) -> Range:
    """The noun with its left modifiers and "of" phrases, without relative clauses."""
    start, end = noun.left_edge.i, noun.i + 1
    for child in noun.rights:
        if child.dep_ in {"compound", "nummod"} or (child.dep_ == "prep" and child.lower_ == "of"):
            end = child.right_edge.i + 1
        else:
            break
    return trim(noun.doc, start, end)


def subtree(token: Token) -> Range:
    return trim(token.doc, token.left_edge.i, token.right_edge.i + 1)


def trim(doc: Doc, start: int, end: int) -> Range:
    """Drop punctuation at both ends (quotes, commas, parentheses)."""
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return start, end


def open_paren(token: Token) -> int | None:
    """The index of the "(" opening the parenthesis that `token`'s phrase sits in, if any."""
    left = token.left_edge.i
    doc = token.doc
    for i in (left, left - 1):
        if i >= 0 and doc[i].text == "(":
            return i
    return None


def figure_before(doc: Doc, paren: int) -> Range | None:
    """The noun phrase a parenthesis comments on: the last one holding a number, else the last."""
    sent_start = doc[paren].sent.start
    for i in range(paren - 1, sent_start - 1, -1):
        if doc[i].like_num:
            return noun_phrase_head(doc[i])
    last = paren - 1
    while last >= sent_start and doc[last].is_punct:
        last -= 1
    return noun_phrase(doc[last]) if last >= sent_start else None


def noun_phrase_head(token: Token) -> Range:
    """From a number up to the noun it counts ("8" -> "over 8 million reservists")."""
    while token.dep_ in {"nummod", "compound", "quantmod"} and token.head.i > token.i:
        token = token.head
    return token.left_edge.i, token.i + 1


def target_head(doc: Doc, target: Range | None) -> Token | None:
    return doc[target[0] : target[1]].root if target is not None else None


def is_person(token: Token, lexicon: DoubtLexicon) -> bool:
    """A person being questioned (interrogation), not a statement being doubted."""
    return (
        token.ent_type_ == "PERSON"
        or token.lower_ in {"him", "her", "them"}
        or token.lemma_ in lexicon.role("person")
    )


def is_refusal(verb: Token, lexicon: DoubtLexicon) -> bool:
    obj = first_child(verb, {"dobj"})
    passive_with_object = obj is not None and passive_subject(verb) is not None
    return passive_with_object or (obj is not None and obj.lemma_ in lexicon.role("refusal"))


def antecedent(doc: Doc, target: Range) -> Range | None:
    """For "These strikes": the last earlier noun phrase with the same head noun, if near."""
    first, head = doc[target[0]], doc[target[0] : target[1]].root
    if first.lower_ not in DEMONSTRATIVES or head.pos_ != "NOUN" or first == head:
        return None
    sents = list(doc.sents)
    index = next(n for n, s in enumerate(sents) if s.start <= head.i < s.end)
    floor = sents[max(0, index - ANTECEDENT_WINDOW)].start
    for i in range(first.i - 1, floor - 1, -1):
        token = doc[i]
        same = token.lemma_ == head.lemma_ and token.pos_ == "NOUN" and token.dep_ != "compound"
        if same and doc[token.left_edge.i].lower_ not in DEMONSTRATIVES:
            return token.left_edge.i, token.i + 1
    return None


def char_span(doc: Doc, tokens: Range | None) -> Record | None:
    return None if tokens is None else offsets(doc, tokens)


def offsets(doc: Doc, tokens: Range) -> Record:
    """Character offsets of a token range; Span.text equals doc.text[start:end] and, unlike
    Doc.text, does not rebuild the whole text."""
    span = doc[tokens[0] : tokens[1]]
    return {"start": span.start_char, "end": span.end_char, "text": span.text}


def by_actor(doc: Doc, by: Range | None) -> str | None:
    """The actor behind `by`: the actor mention overlapping it most ("US lawmakers" is US
    Congress, not the "US" inside it), else the coreference of its head."""
    if by is None:
        return None
    span = doc[by[0] : by[1]]
    overlaps = [
        (min(end, span.end_char) - max(start, span.start_char), end - start, actor)
        for start, end, actor, _label in doc._.actor_mentions or ()
        if actor and start < span.end_char and span.start_char < end
    ]
    if overlaps:
        return str(max(overlaps)[2])
    return (doc._.coref or {}).get(span.root.i)


def to_record(doc: Doc, found: Found) -> Record:
    """The plain dict written to `doc._.doubts` (character offsets, end exclusive)."""
    ranges = [found.trigger, *found.extent]
    sent = doc[found.trigger[0]].sent
    ranges = [r for r in ranges if sent.start <= r[0] and r[1] <= sent.end]
    whole = offsets(doc, (min(r[0] for r in ranges), max(r[1] for r in ranges)))
    by = char_span(doc, found.by)
    return {
        **whole,
        "kind": found.kind,
        "target": char_span(doc, found.target),
        "by": by["text"] if by else None,
        "by_span": by,
        "by_actor": by_actor(doc, found.by),
        "target_antecedent": char_span(doc, found.antecedent),
    }
