"""From a coded event word to the plain dict of `doc._.events`: source, target, place, time,
mode, intensity, and the character offsets that cite it.

Source: the subject of the event word (event_args.subject), for an event noun its possessive,
actor modifier or "by" phrase ("US strikes", "Israel's invasion"); "it"/"they" inside a
reported statement stand for the one who reports it. Target: the object unless it is what is
done rather than to whom ("deployed troops", "imposed sanctions"), else the recipient, a
prepositional object (against, on, with, to, into, at, from), the actors inside the object's
phrase ("rejected a Senegalese peace plan": Senegal), else the target of the governed action
("threatened to strike Venezuela"). Place: a place entity in an "in/at/near/off/across..."
phrase of the event word. Time: the time expression whose head depends on the event word, else
the sentence's only one. The record spans its words and participants within the sentence.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from crisisdesk.analyze.components.event_actors import Participants
from crisisdesk.analyze.components.event_args import (
    dative,
    direct_object,
    prep_objects,
    semantic_head,
    subject,
    with_conjuncts,
    word_forms,
)
from crisisdesk.analyze.components.event_lexicon import EventLexicon
from crisisdesk.analyze.components.event_mode import Reports

Record = dict[str, Any]
TARGET_PREPS = frozenset(
    {
        "against",
        "on",
        "upon",
        "with",
        "to",
        "into",
        "at",
        "toward",
        "towards",
        "from",
        "inside",
        "between",
    }
)
NOUN_TARGET_PREPS = TARGET_PREPS | {"of"}
PLACE_PREPS = frozenset(
    {"in", "at", "near", "off", "across", "inside", "outside", "along", "around", "within", "into"}
)
#: prepositions before a state that make it the place, not the target ("deployed in Syria")
PLACE_ONLY = frozenset({"in", "at", "near", "off", "across", "along", "around", "within"})
STANDS_FOR = frozenset({"it", "they", "we", "its", "their", "our"})
PERSONAL = frozenset({"he", "she", "his", "her"})
#: object classes that say what is done, not to whom ("imposed sanctions", "rejected a plan")
THEMES = (
    "SANCTIONS",
    "RESTRICTIONS",
    "BLOCKADE",
    "TALKS",
    "AGREEMENT",
    "RELATIONS",
    "PROPOSALS",
    "INVESTIGATION",
    "PROTESTS",
    "ATTACKS",
    "BORDERS",
    "FIRE",
    "POWER",
    "ELECTIONS",
)
#: what a source sends, deploys or gives ("deployed troops"); what violence hits otherwise
OWN_THINGS = ("FORCES", "PEACEKEEPERS", "AID", "WEAPONS")
MOVING = frozenset({"MOBILIZE", "AID", "COOPERATE", "AGREE"})
WITHDRAWING = frozenset({"087", "0872", "0873", "0874", "161", "1661", "1662", "162"})
NOT_ACTORS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "EVENT", "LAW"}
)


@dataclass(slots=True)
class Found:
    """A coded event before it becomes a record. `token` is the word that codes it; `noun` the
    event noun a light verb takes ("carried out [strikes]"); `inner` the governed event whose
    target stands in ("threatened to strike X"); `mode` set by an intent or threat."""

    token: Token
    code: str
    mode: str | None = None
    inner: "Found | None" = None
    noun: Token | None = None
    source: list[Record] | None = None
    target: Token | None = None


class Builder:
    """Builds the records of one document's events."""

    def __init__(self, doc: Doc, lexicon: EventLexicon, participants: Participants) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.participants = participants
        self.reports = Reports(doc)
        self.themes = frozenset().union(*(lexicon.classes[c] for c in THEMES)) | set(lexicon.nouns)
        self.own = frozenset().union(*(lexicon.classes[c] for c in OWN_THINGS))
        self.times = [
            (t, doc.char_span(t["start"], t["end"], alignment_mode="expand"))
            for t in doc._.times or ()
        ]
        self.text = doc.text  # Doc.text joins every token again on each call
        #: token index -> its sentence (Token.sent walks every sentence before it each time)

        self.sentences = {t.i: sent for sent in doc.sents for t in sent}

    def sentence(self, token: Token) -> Span:
        return self.sentences[token.i]

    def record(self, found: Found) -> Record | None:
        """The `doc._.events` dict of a coded event (character offsets, end exclusive); None
        for an event without source or target (a capability, a generic statement)."""
        token, code = found.token, self.lexicon.codes[found.code]
        sources, targets = self.sources(found), self.targets(found, code.type)
        if not sources and not targets:
            return None
        place = self.place(found, targets)
        mode, claimed_by = self.reports.mode(token.idx, found.mode)
        trigger = self.doc[token.i : token.i + 1]
        start, end = self.extent(trigger, [*sources, *targets])
        return {
            "start": start,
            "end": end,
            "text": self.text[start:end],
            "type": code.type,
            "code": found.code,
            "mode": mode,
            "intensity": code.intensity,
            "trigger": {"start": trigger.start_char, "end": trigger.end_char, "text": trigger.text},
            "source": sources,
            "target": targets,
            "time": self.time(found),
            "place": place,
            "claimed_by": claimed_by,
        }

    def extent(self, trigger: Span, parts: list[Record]) -> tuple[int, int]:
        """The characters from the first to the last of the trigger and the participants inside
        the trigger's sentence."""
        sent = self.sentence(trigger[0])
        inside = [p for p in parts if sent.start_char <= p["start"] and p["end"] <= sent.end_char]
        start = min([trigger.start_char, *(p["start"] for p in inside)])
        end = max([trigger.end_char, *(p["end"] for p in inside)])
        return start, end

    # -- source -------------------------------------------------------------------------------

    def sources(self, found: Found) -> list[Record]:
        if found.source is not None:
            return found.source
        head = self.source_head(found)
        if head is None:
            return []
        if head.lower_ in STANDS_FOR or head.lower_ in PERSONAL:
            stands = self.stands_for(head)
            if stands:
                return stands
        named = [p for h in with_conjuncts(head) for p in self.participants.of(h)]
        return [self.owned(p, head) for p in named]

    def owned(self, part: Record, head: Token) -> Record:
        """A participant without actor or code takes the code of whoever "its"/"their" stands
        for ("Venezuela denied that its troops attacked": Venezuela's troops)."""
        if part["actor"] or part["code"]:
            return part
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ not in STANDS_FOR:
            return part
        owner = self.speaker(poss) or self.antecedent(poss) or []
        code = next((p["code"] for p in owner if p["code"]), None)
        return {**part, "code": code} if code else part

    def source_head(self, found: Found) -> Token | None:
        token = found.token
        if token.pos_ in ("NOUN", "PROPN"):
            return self.noun_source(token)
        head = subject(token)
        if head is None and found.noun is not None:
            head = self.noun_source(found.noun)
        return head

    def noun_source(self, noun: Token) -> Token | None:
        """Who an event noun's action is by: a possessive, an actor modifier, a "by" phrase."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        mentions = self.participants.mention_at
        for child in noun.lefts:
            if child.dep_ in ("compound", "amod", "nmod") and child.i in mentions:
                return child
        return next((obj for _, obj in prep_objects(noun, frozenset({"by"}))), None)

    def speaker(self, pronoun: Token) -> list[Record] | None:
        """The source of the statement a pronoun sits in ("Syria says it will ...")."""
        report = self.reports.holding(pronoun.idx)
        source = report["source"] if report else None
        span = self.doc.char_span(source["start"], source["end"]) if source else None
        return self.participants.of(span.root) if span is not None else None

    def stands_for(self, pronoun: Token) -> list[Record] | None:
        """Who a pronoun stands for: the speaker of the statement it sits in, unless "he"/"she"
        is resolved to someone else; "it"/"they" outside a statement: the last state or body."""
        speaker = self.speaker(pronoun)
        if pronoun.lower_ not in PERSONAL:
            return speaker or self.antecedent(pronoun)
        resolved = {p["actor"] for p in self.participants.of(pronoun)} - {None}
        spoken = {p["actor"] for p in speaker or ()}
        if speaker and (not resolved or resolved & spoken):
            return speaker  # "Annan announced that he will ...": the fuller phrase, its code
        return None

    def antecedent(self, pronoun: Token) -> list[Record] | None:
        """ "it"/"its" outside a statement: the last state or organisation named before it in
        the sentence ("the United States, which has increased its presence")."""
        mentions = self.participants.mention_at
        sent = self.sentence(pronoun)
        for token in reversed(sent[: pronoun.i - sent.start]):
            actor = mentions.get(token.i)
            if actor and self.participants.actors.get(actor, ("", None))[0] != "PERSON":
                return self.participants.of(token)
        return None

    # -- target -------------------------------------------------------------------------------

    def targets(self, found: Found, kind: str) -> list[Record]:
        heads = list(self.target_heads(found, kind))
        return [p for h in heads for c in with_conjuncts(h) for p in self.participants.of(c)]

    def target_heads(self, found: Found, kind: str) -> Iterator[Token]:
        """The first of: a chosen target, the object, the recipient, a prepositional object,
        the event noun's targets, actors inside a thematic object, the governed event's."""
        token = found.token
        if found.target is not None:
            yield found.target
            return
        if kind == "DEMAND" and found.inner is not None:
            doer = subject(found.inner.token)  # "demanded that the US cancel": of the US
            if doer is not None and doer is not subject(token):
                yield doer
                return
        if token.pos_ in ("NOUN", "PROPN"):
            yield from self.noun_targets(token)
            return
        if found.noun is not None:
            heads = self.noun_targets(found.noun) or self.verb_targets(token, None, found)
        else:
            heads = self.verb_targets(token, direct_object(token), found)
        if heads:
            yield from heads
        elif found.inner is not None:
            inner_kind = self.lexicon.type_of(found.inner.code) or kind
            yield from self.target_heads(found.inner, inner_kind)

    def verb_targets(self, token: Token, obj: Token | None, found: Found) -> list[Token]:
        """The object unless it is what the source moves or what is done; the recipient; a
        prepositional object; what the object's own phrases name."""
        if obj is not None and self.moves(found) and self.is_own(obj):
            obj = None  # "deployed troops": what the source moves, not whom it targets
        if obj is not None and not self.is_theme(obj) and not self.offered(obj, found):
            return [obj]
        recipient = dative(token)
        if recipient is not None and recipient.pos_ == "ADP":  # "offer packages [to] workers"
            recipient = next((c for c in recipient.children if c.dep_ == "pobj"), None)
        if recipient is not None:
            return [recipient]
        for prep, pobj in prep_objects(token, TARGET_PREPS):
            if self.can_be_target(prep, pobj):
                return [pobj]
        if obj is None:
            return []
        return self.noun_targets(obj) or self.actors_inside(obj)

    def offered(self, obj: Token, found: Found) -> bool:
        """What is offered or promised, not to whom: "offered buyouts to workers"."""
        kind = self.lexicon.type_of(found.code)
        return kind == "AGREE" and obj.i not in self.participants.mention_at

    def moves(self, found: Found) -> bool:
        """Events whose object is the source's own forces, aid or staff ("withdrew troops")."""
        kind = self.lexicon.type_of(found.code)
        return kind in MOVING or found.code in WITHDRAWING

    def noun_targets(self, noun: Token) -> list[Token]:
        for prep, pobj in prep_objects(noun, NOUN_TARGET_PREPS):
            if self.can_be_target(prep, pobj):
                return [pobj]
        return []

    def can_be_target(self, prep: str, pobj: Token) -> bool:
        """Not a place, a thing done, or a date or number ("on Tuesday")."""
        not_actor = pobj.ent_type_ in NOT_ACTORS
        return not (not_actor or self.is_place(prep, pobj) or self.is_theme(pobj))

    def actors_inside(self, obj: Token) -> list[Token]:
        """Actor mentions among an object's modifiers and prepositional phrases ("a Senegalese
        peace plan", "changes to the law of Venezuela"), one token per actor."""
        mentions, seen, found = self.participants.mention_at, set(), []
        for token in obj.subtree:
            actor = mentions.get(token.i)
            if actor and actor not in seen and token.dep_ not in ("relcl",):
                seen.add(actor)
                found.append(token)
        return found[:2]

    def is_theme(self, token: Token) -> bool:
        head = semantic_head(token)
        lemmas = word_forms(head) | {c.lemma_.lower() for c in head.lefts if c.dep_ == "compound"}
        return head.i not in self.participants.mention_at and bool(lemmas & self.themes)

    def is_own(self, token: Token) -> bool:
        return bool(word_forms(semantic_head(token)) & self.own)

    def is_place(self, prep: str, pobj: Token) -> bool:
        """A place rather than a target: a location or facility, or a state after "in"."""
        if pobj.ent_type_ in ("LOC", "FAC"):
            return True
        return prep in PLACE_ONLY and pobj.ent_type_ == "GPE"

    # -- place and time ---------------------------------------------------------------------

    def place(self, found: Found, targets: list[Record]) -> Record | None:
        taken = {(t["start"], t["end"]) for t in targets}
        for token in (found.token, found.noun):
            if token is None:
                continue
            for _, pobj in prep_objects(token, PLACE_PREPS):
                of = [o for _, o in prep_objects(pobj, frozenset({"of"}))]
                owner = [c for c in pobj.children if c.dep_ == "poss"]
                for word in (pobj, *of, *owner):  # "off the coast of Venezuela", "Venezuela's"
                    place = self.participants.place(word)
                    if place and (place["start"], place["end"]) not in taken:
                        return place
        return None

    def time(self, found: Found) -> str | None:
        """The value of the time expression attached to the event word, else of the only one
        in its sentence."""
        sent = self.sentence(found.token)

        inside = [
            (t, s) for t, s in self.times if s is not None and sent.start <= s.start < sent.end
        ]
        anchors = {found.token.i} | ({found.noun.i} if found.noun is not None else set())
        for t, span in inside:
            if span.root.i in anchors or any(a.i in anchors for a in span.root.ancestors):
                return str(t["value"]) if t["value"] else None
        if len(inside) == 1 and inside[0][0]["value"]:
            return str(inside[0][0]["value"])
        return None
