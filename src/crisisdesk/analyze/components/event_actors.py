"""Event participants: the phrase a head word heads, with its canonical actor, code and sector.

The actor comes from crisisdesk_actors: the coreference of the head ("he" -> Donald Trump), the
actor mention holding the head, else the actor mentions among its modifiers ("Senior Hungarian
and Romanian officials": Hungary and Romania, two participants), else a possessive pronoun's
person ("his country": the code of the man it refers to). The code is the actor's (ISO alpha-3
for states); for an actor without one, the code of a state named in the phrase ("British
Defence Secretary Tom King", "Iraqi Kurds": the actors component's gazetteer), in an "in/of/
from" phrase of the head ("rebels in the Ivory Coast"), else of an international body named in
the phrase (event_actors.tsv). The sector is that of the head word, else of a title word in the
phrase (event_sectors.tsv). Not known: the state of a person the gazetteer lacks and no word
around names ("President Museveni"): add them to the actors file.
"""

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from crisisdesk.analyze.components.event_args import phrase, prep_objects, semantic_head
from crisisdesk.analyze.components.event_lexicon import EventLexicon
from crisisdesk.analyze.gazetteer import Gazetteer

Record = dict[str, Any]
POSSESSIVE = frozenset({"his", "her", "their", "its"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: "rebels in the Ivory Coast", "the government of Sudan", "a newspaper based in Beirut"
HOME_PREPS = frozenset({"in", "of", "from", "throughout", "across"})
#: sectors a name's last word gives ("US Navy", "Supreme Court"), unlike "European Union"
INSTITUTIONS = frozenset({"MIL", "COP", "LEG", "JUD", "GOV", "SPY"})


class Participants:
    """Participants of one document's events, each head computed once."""

    def __init__(
        self,
        doc: Doc,
        lexicon: EventLexicon,
        bodies: re.Pattern[str] | None,
        gazetteer: Gazetteer,
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.bodies = bodies
        self.gazetteer = gazetteer
        self.actors: dict[str, tuple[str, str | None]] = doc._.actors or {}
        self.coref: dict[int, str] = doc._.coref or {}
        self.mention_at = mention_tokens(doc)
        self.places = {
            i: e for e in doc.ents if e.label_ in PLACE_LABELS for i in range(e.start, e.end)
        }
        self.cache: dict[int, list[Record]] = {}

    def of(self, head: Token) -> list[Record]:
        """The participants a head word names (one per actor; one without actor if none)."""
        if head.i not in self.cache:
            self.cache[head.i] = self._of(head)
        return self.cache[head.i]

    def _of(self, head: Token) -> list[Record]:
        start, end = phrase(head)
        span = self.doc[start:end]
        inner = semantic_head(head)
        actors = self.head_actors(inner) or self.modifier_actors(span, inner)
        sector = self.sector(span, inner)
        if not actors or any(code is None for _, code in actors):
            home = self.home_code(span, inner)
            actors = [(actor, code or home) for actor, code in actors or [(None, None)]]
        return [self.record(span, actor, code, sector) for actor, code in actors]

    def record(self, span: Span, actor: str | None, code: str | None, sector: str | None) -> Record:
        return {
            "start": span.start_char,
            "end": span.end_char,
            "text": span.text,
            "actor": actor,
            "code": code,
            "sector": sector,
        }

    def head_actors(self, head: Token) -> list[tuple[str | None, str | None]]:
        actor = self.coref.get(head.i) or self.mention_at.get(head.i)
        return [(actor, self.code(actor))] if actor else []

    def modifier_actors(self, span: Span, head: Token) -> list[tuple[str | None, str | None]]:
        """Actors mentioned in the phrase around the head, in order; else a possessive
        pronoun's person, standing for their state ("his country")."""
        found: dict[str, str | None] = {}
        for token in span:
            actor = self.mention_at.get(token.i) or (
                self.coref.get(token.i) if token.lower_ in POSSESSIVE else None
            )
            if actor and token is not head and actor not in found:
                found[actor] = self.code(actor)
        people = [a for a in found if self.actors.get(a, ("", None))[0] == "PERSON"]
        if people and len(found) == len(people) and not self.is_person(head):
            return [(None, found[people[0]])]  # "his country", "Maduro's government"
        return list(found.items())

    def is_person(self, head: Token) -> bool:
        return head.ent_type_ == "PERSON" or self.lexicon.sectors.get(head.lemma_.lower()) in (
            "GOV",
            "MIL",
        )

    def code(self, actor: str | None) -> str | None:
        if actor is None:
            return None
        code = self.actors.get(actor, ("", None))[1]
        return code or self.lexicon.bodies.get(actor) or self.lexicon.people.get(actor.lower())

    def home_code(self, span: Span, head: Token) -> str | None:
        """The state or body an actor without a code belongs to, from the words around it."""
        for token in span:
            if token is not head and token.i in self.mention_at:
                code = self.code(self.mention_at[token.i])
                if code:
                    return code
        return self.named_state(span) or self.located_code(head) or self.body_code(span.text)

    def named_state(self, span: Span) -> str | None:
        """The code of a state the phrase names in two words or one ("Ivory Coast rebels",
        "Radical French farmers"), by the actors component's gazetteer."""
        for size in (2, 1):
            for start in range(span.start, span.end - size + 1):
                words = self.doc[start : start + size]
                if not all(t.is_title for t in words):
                    continue
                entry = self.gazetteer.lookup(words.text)
                if entry is not None and entry.kind == "GPE" and entry.code:
                    return entry.code
        return None

    def located_code(self, head: Token) -> str | None:
        """The code of a state in an "in/of/from" phrase of the head, or of a participle after
        it ("rebels in the Ivory Coast", "a newspaper based in Beirut")."""
        for _, obj in prep_objects(head, HOME_PREPS):
            code = self.code(self.mention_at.get(obj.i))
            if code:
                return code
        for modifier in (c for c in head.rights if c.dep_ in ("acl", "amod")):
            for token in modifier.subtree:  # "militants loyal to Iraq's ...", "based in Beirut"
                code = self.code(self.mention_at.get(token.i))
                if code:
                    return code
        return None

    def body_code(self, text: str) -> str | None:
        """The code of an international body named in the text ("a UN official": IGO)."""
        found = self.bodies.search(text) if self.bodies else None
        return self.lexicon.bodies[found.group(0)] if found else None

    def sector(self, span: Span, head: Token) -> str | None:
        """The head word's sector; for a name, a title word before it ("President X"), or the
        name itself when it is one word ("the Pentagon"), never a word of a longer name
        ("European Union" is no trade union)."""
        sectors = self.lexicon.sectors
        if head.pos_ != "PROPN":
            return sectors.get(head.lemma_.lower()) or sectors.get(head.lower_)
        titles = (t for t in span if t.i < head.i and t.ent_iob_ != "I" and t.lower_ in sectors)
        title = next(titles, None)
        if title is not None:
            return sectors[title.lower_]
        named = sectors.get(head.lower_)
        return named if named in INSTITUTIONS or not head.ent_type_ else None

    def place(self, token: Token) -> Record | None:
        """The place a token names when it is inside a place entity (GPE, LOC, FAC)."""
        ent = self.places.get(token.i)
        if ent is None:
            return None
        actor = self.mention_at.get(token.i)
        return self.record(ent, actor, self.code(actor), None)


def mention_tokens(doc: Doc) -> dict[int, str]:
    """Token index -> actor of the actor mention covering it (crisisdesk_actors' offsets)."""
    found: dict[int, str] = {}
    for start, end, actor, _label in doc._.actor_mentions or ():
        span = doc.char_span(start, end, alignment_mode="expand") if actor else None
        if span is not None:
            found.update(dict.fromkeys(range(span.start, span.end), actor))
    return found


def bodies_pattern(lexicon: EventLexicon) -> re.Pattern[str] | None:
    """One regular expression for every international body's name, longest first."""
    names = sorted(lexicon.bodies, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")
