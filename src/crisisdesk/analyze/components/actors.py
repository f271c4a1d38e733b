"""crisisdesk_actors: one canonical actor per real-world actor mentioned in a document.

How a mention gets its actor, in order:
1. the gazetteer (`lexicons/actors.tsv`): names, surnames, titles, demonyms, capitals standing for
   their government ("Washington"), matched on the entity text without "the" or a possessive;
   A state's government is the state ("the Canadian government", "US Government");
2. for people the gazetteer does not know, the longest PERSON name in the document sharing the
   surname ("Smith" -> "Jane Smith"), also when NER mislabels the lone surname as ORG or GPE;
3. for organisations it does not know, the document's canonical name (`actor_names`): legal
   forms dropped, short forms and acronyms joined to the full name;
4. otherwise the entity text itself, without "the", a possessive and (people) leading titles.
Gazetteer phrases that NER missed or that contain an entity ("Venezuela's president") are added as
mentions, and so is a form with the surname of a person the document names ("Mr Balls").
Pronouns and role nouns ("he", "the president") resolve to the nearest preceding person within
two sentences: a recency rule, not a trained coreference model (none ships offline).
Limits: surname linking is per document; a surname shared by two people in one document goes to
the longest name.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from crisisdesk.analyze import extensions
from crisisdesk.analyze.components.actor_names import (
    Affixes,
    acronym_names,
    bracket_definitions,
    is_acronym,
    org_names,
)
from crisisdesk.analyze.gazetteer import Entry, Gazetteer, bare
from crisisdesk.analyze.lexicon import read_words

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})  # places (LOC, FAC) are not actors
PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
ROLE_NOUNS = frozenset({"president", "leader", "minister", "secretary", "spokesman", "spokeswoman"})
TITLE_WORDS = ROLE_NOUNS | {"'s", "’s"}  # inside a title: "Venezuela's Defense Minister"
COREF_WINDOW = 2  # sentences back that a pronoun may reach
FORMS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})  # "Mr Balls": a form, a surname
TITLE_HEADS = frozenset({"secretary", "minister", "secretary-general"})
TITLE_REACH = 5  # tokens before a name that a title ("Venezuela's Defense Minister") may span

Mention = tuple[int, int, str | None, str]  # start_char, end_char, actor, label
FIGURELESS = frozenset({"PERSON", "GPE", "NORP"})  # entity labels whose names end in no figure


@dataclass(frozen=True, slots=True)
class DocNames:
    """One document's people by surname and organisations by canonical name."""

    surnames: dict[str, str]
    orgs: dict[str, str]
    affixes: Affixes


@Language.factory(
    "crisisdesk_actors",
    assigns=["doc.ents", "doc._.actor_mentions", "doc._.actors", "doc._.coref"],
    requires=["doc.ents", "token.dep"],
    default_config={
        "gazetteer": "actors.tsv",
        "extra_gazetteer": None,
        "equipment": "equipment.txt",
        "affixes": "actor_affixes.tsv",
    },
)
def make_actors(
    nlp: Language,
    name: str,
    gazetteer: str,
    extra_gazetteer: str | None,
    equipment: str,
    affixes: str,
) -> "ActorLinker":
    return ActorLinker(
        nlp,
        gazetteer=Gazetteer.from_files(gazetteer, extra_gazetteer),
        equipment=frozenset(read_words(equipment)),
        affixes=Affixes.from_file(affixes),
    )


class ActorLinker:
    """Links entity mentions to canonical actors; see the module docstring for the rules."""

    def __init__(
        self, nlp: Language, *, gazetteer: Gazetteer, equipment: frozenset[str], affixes: Affixes
    ) -> None:
        self.gazetteer = gazetteer
        self.equipment = equipment
        self.affixes = affixes
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for alias in gazetteer.matchable:
            self.matcher.add(gazetteer.by_alias[alias].name, [nlp.make_doc(alias)])
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()  # idempotent; spawned worker processes need it too
        untail(doc)
        actors: dict[str, tuple[str, str | None]] = {}
        mentions = list(self.entity_mentions(doc, actors))
        mentions.extend(self.phrase_mentions(doc, actors))
        mentions.extend(addressed_mentions(doc, mentions))
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
        names = self.doc_names(doc)
        codes: dict[int, str] = {}  # token index -> state code of the actor mentioned there
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            if {bare(ent.text), bare(ent[-1].text)} & self.equipment:  # "US Stingers": a weapon
                yield ent.start_char, ent.end_char, None, "PRODUCT"
                continue
            entry = self.gazetteer.lookup(ent.text, ent.label_)
            if entry is not None and entry.kind == "GPE" and ent.label_ == "PERSON":
                entry = person_entry(ent, names, actors) or entry  # "Jordan" of "Ann Jordan"
            if entry is None and is_title_word(ent):
                continue  # "Defense" in "Defense Secretary": part of a title, not an actor
            entry = (
                entry
                or person_entry(ent, names, actors)
                or org_entry(ent, names)
                or unknown_entry(ent, codes, names.affixes)
            )
            actors[entry.name] = (entry.kind, entry.code)
            if entry.code:
                codes.update(dict.fromkeys(range(ent.start, ent.end), entry.code))
            yield ent.start_char, ent.end_char, entry.name, corrected_label(ent.label_, entry.kind)

    def doc_names(self, doc: Doc) -> DocNames:
        """The document's canonical names for people and organisations the gazetteer lacks."""
        unknown = [e for e in doc.ents if self.gazetteer.lookup(e.text, e.label_) is None]
        people = [self.affixes.person(bare(e.text)) for e in unknown if e.label_ == "PERSON"]
        orgs = [
            (e, self.affixes.org(bare(e.text)))
            for e in unknown
            if e.label_ == "ORG" and not is_acronym(bare(e.text))
        ]
        canon = org_names(name for _, name in orgs)
        acronyms = [e for e in unknown if e.label_ in ACTOR_LABELS and is_acronym(e.text)]
        canon.update(acronym_names(acronyms, canon, bracket_definitions(orgs)))
        return DocNames(longest_names(people), canon, self.affixes)

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
            if any(self.gazetteer.lookup(ent.text, ent.label_) == entry for ent in within):
                continue  # "President Donald Trump" around "Donald Trump": one mention is enough
            actors[entry.name] = (entry.kind, entry.code)
            yield span.start_char, span.end_char, entry.name, entry.kind


def addressed_mentions(doc: Doc, mentions: list[Mention]) -> Iterator[Mention]:
    """A person the document names addressed by a form and their surname alone, which NER
    often misses ("Mr Balls said" after "Ed Balls"): a mention of that person. A surname two
    people of the document share is left alone."""
    owners: dict[str, set[str]] = {}
    for _, _, actor, label in mentions:
        if actor and label == "PERSON" and " " in actor:
            owners.setdefault(actor.rsplit(" ", 1)[-1], set()).add(actor)
    taken = {i for s, e, _, _ in mentions for i in range(s, e)}
    for form, name in pairwise(doc):
        people = owners.get(name.text, set())
        if form.lower_.rstrip(".") in FORMS and len(people) == 1 and name.idx not in taken:
            yield form.idx, name.idx + len(name), next(iter(people)), "PERSON"


def untail(doc: Doc) -> None:
    """Give back to the sentence the numbers the tagger ran into the end of a name ("shooting
    Laquan McDonald 16 times": a person, then "16 times"); names of places and people never
    end in a figure (a regnal number is a roman one)."""
    ents, changed = [], False
    for ent in doc.ents:
        end = ent.end
        while end > ent.start + 1 and ent.label_ in FIGURELESS and doc[end - 1].like_num:
            end -= 1
        changed = changed or end != ent.end
        ents.append(ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_))
    if changed:
        doc.ents = ents


def corrected_label(ner_label: str, kind: str) -> str:
    """The gazetteer's kind wins over NER ("Rosoboronexport" is an ORG), except for demonyms."""
    if ner_label == "NORP" and kind == "GPE":
        return ner_label
    return kind


def person_entry(
    ent: Span, names: DocNames, actors: dict[str, tuple[str, str | None]]
) -> Entry | None:
    """The document's person for a PERSON entity, or for a lone surname NER mislabelled
    ("Holloway said" tagged ORG after "Jane Holloway"), with the code already found for them."""
    if ent.label_ != "PERSON" and len(ent) != 1:
        return None
    name = names.surnames.get(surname(ent))
    if not name or name == names.affixes.person(bare(ent.text)):
        return None  # the full name itself: an unknown actor
    return Entry(name, "PERSON", actors.get(name, ("PERSON", None))[1])


def org_entry(ent: Span, names: DocNames) -> Entry | None:
    """The document's canonical name for an organisation or an acronym."""
    text = bare(ent.text)
    if is_acronym(text):
        canon = names.orgs.get(text)
    elif ent.label_ == "ORG":
        canon = names.orgs.get(names.affixes.org(text))
    else:
        return None
    return Entry(canon, "ORG", None) if canon else None


def unknown_entry(ent: Span, codes: dict[int, str], affixes: Affixes) -> Entry:
    """An actor the gazetteer does not know is its own entity text (a person's without titles);
    a person takes the state code of a title before the name ("Colombian President Gustavo
    Petro", "Kremlin spokesman")."""
    if ent.label_ != "PERSON":
        return Entry(bare(ent.text), ent.label_, None)
    return Entry(affixes.person(bare(ent.text)), "PERSON", title_code(ent, codes))


def title_code(ent: Span, codes: dict[int, str]) -> str | None:
    """The code of a state mentioned in the title words right before a person's name."""
    sent_start = ent.sent.start
    for i in range(ent.start - 1, max(sent_start, ent.start - TITLE_REACH) - 1, -1):
        if i in codes:
            return codes[i]
        token = ent.doc[i]
        if token.is_punct or not (token.is_title or token.lower_ in TITLE_WORDS):
            return None
    return None


def is_title_word(ent: Span) -> bool:
    """An unknown one-word ORG right before "Secretary"/"Minister", or after "Secretary of"."""
    if ent.label_ != "ORG" or len(ent) != 1:
        return False
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.start]]
    return after in TITLE_HEADS or (len(before) == 2 and before[0] in TITLE_HEADS)


def surname(ent: Span) -> str:
    return bare(ent[-1].text)


def longest_names(names: Iterable[str]) -> dict[str, str]:
    """Surname -> the longest person name in the document that ends with it."""
    best: dict[str, str] = {}
    for name in names:
        key = bare(name.rsplit(" ", 1)[-1])
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
            last = (upcoming[2], sentence_of.get(token.i - 1, 0))  # the mention's last token
            upcoming = next(pending, None)
        if last is None or sentence_of.get(token.i, 0) - last[1] > COREF_WINDOW:
            continue
        lower = token.lower_
        is_role = lower in ROLE_NOUNS and token.i > 0 and doc[token.i - 1].lower_ == "the"
        if (lower in PRONOUNS and token.pos_ == "PRON") or is_role:
            resolved[token.i] = last[0]
    return resolved
