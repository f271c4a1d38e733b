"""crisisdesk_actors: one canonical actor per real-world actor mentioned in a document.

How a mention gets its actor, in order:
1. the gazetteer (`lexicons/actors.tsv`): names, surnames, titles, demonyms, capitals standing for
   their government ("Washington"), matched on the entity text without "the" or a possessive;
2. for people the gazetteer does not know, the longest PERSON name in the document sharing the
   surname ("Smith" -> "Jane Smith"), also when NER mislabels the lone surname as ORG or GPE;
3. otherwise the entity text itself, without "the" and a possessive.
Gazetteer phrases that NER missed or that contain an entity ("Venezuela's president") are added as
mentions. Pronouns and role nouns ("he", "the president") resolve to the nearest preceding person
within two sentences: a recency rule, not a trained coreference model (none ships offline).
Limits: surname linking is per document; a surname shared by two people in one document goes to
the longest name.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from crisisdesk.analyze import extensions
from crisisdesk.analyze.lexicon import read_rows, read_words

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})  # places (LOC, FAC) are not actors
PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
ROLE_NOUNS = frozenset({"president", "leader", "minister", "secretary", "spokesman", "spokeswoman"})
COREF_WINDOW = 2  # sentences back that a pronoun may reach

Mention = tuple[int, int, str | None, str]  # start_char, end_char, actor, label


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str
    code: str | None


def bare(text: str) -> str:
    """The entity text without a leading "the" and a trailing possessive."""
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article) :]
    for possessive in ("'s", "’s", "'", "’"):
        if text.endswith(possessive):
            return text[: -len(possessive)]
    return text


class Gazetteer:
    """Aliases -> actor entries, read from TSV lexicons (later files override earlier ones)."""

    def __init__(self, rows: Iterable[list[str]]) -> None:
        self.by_alias: dict[str, Entry] = {}
        self.by_name: dict[str, Entry] = {}
        for row in rows:
            name, kind = row[0], row[1]
            code = row[2] if len(row) > 2 and row[2] else None
            entry = self.by_name[name] = Entry(name, kind, code)
            aliases = row[3].split("|") if len(row) > 3 else []
            for alias in [name, *aliases]:
                self.by_alias[alias.strip()] = entry

    @classmethod
    def from_files(cls, *names: str | None) -> "Gazetteer":
        return cls(row for name in names if name for row in read_rows(name))

    def lookup(self, text: str) -> Entry | None:
        return self.by_alias.get(text) or self.by_alias.get(bare(text))


@Language.factory(
    "crisisdesk_actors",
    assigns=["doc._.actor_mentions", "doc._.actors", "doc._.coref"],
    requires=["doc.ents", "token.dep"],
    default_config={
        "gazetteer": "actors.tsv",
        "extra_gazetteer": None,
        "equipment": "equipment.txt",
    },
)
def make_actors(
    nlp: Language, name: str, gazetteer: str, extra_gazetteer: str | None, equipment: str
) -> "ActorLinker":
    return ActorLinker(
        nlp,
        gazetteer=Gazetteer.from_files(gazetteer, extra_gazetteer),
        equipment=frozenset(read_words(equipment)),
    )


class ActorLinker:
    """Links entity mentions to canonical actors; see the module docstring for the rules."""

    def __init__(self, nlp: Language, *, gazetteer: Gazetteer, equipment: frozenset[str]) -> None:
        self.gazetteer = gazetteer
        self.equipment = equipment
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for alias, entry in gazetteer.by_alias.items():
            self.matcher.add(entry.name, [nlp.make_doc(alias)])
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        actors: dict[str, tuple[str, str | None]] = {}
        mentions = list(self.entity_mentions(doc, actors))
        mentions.extend(self.phrase_mentions(doc, actors))
        mentions.sort()
        doc._.actor_mentions = mentions
        doc._.actors = actors
        people = [(s, e, a, label) for s, e, a, label in mentions if a and label == "PERSON"]
        doc._.coref = resolve_pronouns(doc, people)
        return doc

    def entity_mentions(
        self, doc: Doc, actors: dict[str, tuple[str, str | None]]
    ) -> Iterator[Mention]:
        """Mentions for NER entities of actor-like labels."""
        surnames = longest_names(doc.ents)
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            if bare(ent.text) in self.equipment:  # "Igla-S" tagged GPE: a weapon, not an actor
                yield ent.start_char, ent.end_char, None, "PRODUCT"
                continue
            entry = self.gazetteer.lookup(ent.text) or person_entry(ent, surnames)
            if entry is None:  # unknown to the gazetteer: the entity is its own actor
                entry = Entry(bare(ent.text), ent.label_, None)
            actors[entry.name] = (entry.kind, entry.code)
            yield ent.start_char, ent.end_char, entry.name, corrected_label(ent.label_, entry.kind)

    def phrase_mentions(
        self, doc: Doc, actors: dict[str, tuple[str, str | None]]
    ) -> Iterator[Mention]:
        """Gazetteer phrases that are not an entity and do not sit inside one."""
        inside = {i: e for e in doc.ents for i in range(e.start, e.end)}
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        for span in filter_spans(spans):
            entry = self.gazetteer.by_name[span.label_]  # not span.text: spacing may differ
            within = {inside[i] for i in range(span.start, span.end) if i in inside}
            if any(ent.start <= span.start and span.end <= ent.end for ent in within):
                continue  # the entity itself (or one holding this phrase) was linked already
            if any(self.gazetteer.lookup(ent.text) == entry for ent in within):
                continue  # "President Donald Trump" around "Donald Trump": one mention is enough
            actors[entry.name] = (entry.kind, entry.code)
            yield span.start_char, span.end_char, entry.name, entry.kind


def corrected_label(ner_label: str, kind: str) -> str:
    """The gazetteer's kind wins over NER ("Rosoboronexport" is an ORG), except for demonyms."""
    if ner_label == "NORP" and kind == "GPE":
        return ner_label
    return kind


def person_entry(ent: Span, surnames: dict[str, str]) -> Entry | None:
    """The document's person for a PERSON entity, or for a lone surname NER mislabelled
    ("Holloway said" tagged ORG after "Jane Holloway")."""
    if ent.label_ != "PERSON" and len(ent) != 1:
        return None
    name = surnames.get(surname(ent))
    return Entry(name, "PERSON", None) if name else None


def surname(ent: Span) -> str:
    return bare(ent[-1].text) if len(ent) else ent.text


def longest_names(ents: Iterable[Span]) -> dict[str, str]:
    """Surname -> the longest PERSON name in the document that ends with it."""
    best: dict[str, str] = {}
    for ent in ents:
        if ent.label_ == "PERSON":
            key, name = surname(ent), bare(ent.text)
            if len(name) > len(best.get(key, "")):
                best[key] = name
    return best


def resolve_pronouns(doc: Doc, people: list[tuple[int, int, str, str]]) -> dict[int, str]:
    """Token index -> actor for he/she/his/her and "the president": the last person before it
    within COREF_WINDOW sentences. One pass over the tokens."""
    sentence_of: dict[int, int] = {}
    for number, sent in enumerate(doc.sents):
        sentence_of.update(dict.fromkeys(range(sent.start, sent.end), number))
    resolved: dict[int, str] = {}
    last: tuple[str, int] | None = None
    pending = iter(people)
    upcoming = next(pending, None)
    for token in doc:
        while upcoming is not None and upcoming[1] <= token.idx:
            last = (upcoming[2], sentence_of.get(token.i, 0))
            upcoming = next(pending, None)
        if last is None or sentence_of.get(token.i, 0) - last[1] > COREF_WINDOW:
            continue
        lower = token.lower_
        is_role = lower in ROLE_NOUNS and token.i > 0 and doc[token.i - 1].lower_ == "the"
        if (lower in PRONOUNS and token.pos_ == "PRON") or is_role:
            resolved[token.i] = last[0]
    return resolved
