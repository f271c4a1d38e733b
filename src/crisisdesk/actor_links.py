"""One actor per person across the store: a lone surname joins the one full name that ends with it.

Within a document the actors component links "Holloway" to "Jane Holloway". Across documents a
text may only say "Holloway": its actor joins the stored person "Jane Holloway" when that is the
only stored person with that surname; a full name arriving later takes over a lone surname stored
before, so the result does not depend on the order of ingest. Two people sharing a surname are
left apart. Gazetteer people already carry their full canonical name, so only people it does not
know are linked.
Limits: only actors of kind PERSON count (NER sometimes tags a lone surname ORG, but "Ford" may
be the company, not Gerald Ford); a link made is kept when a second person with that surname
arrives later; the index is read once per Desk, which assumes one writer at a time.
"""

from collections.abc import Iterable, Mapping
from dataclasses import replace

from crisisdesk.records import Actor, ActorRef, Analysis, Attribution, Entity

Links = dict[str, Actor]  # lone surname -> the person it names


class ActorIndex:
    """The store's actors by name, and its people by surname, kept up to date as documents
    arrive (so each document costs lookups, not a scan of every actor)."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors: dict[str, Actor] = {}
        self.by_surname: dict[str, dict[str, Actor]] = {}
        self.add(actors)

    def add(self, actors: Iterable[Actor]) -> None:
        """Index actors by name, and people named by several words by their surname."""
        for actor in actors:
            self.actors[actor.name] = actor
            if is_full_name(actor):
                self.by_surname.setdefault(actor.name.rsplit(" ", 1)[1], {})[actor.name] = actor

    def links(self, analysis: Analysis) -> Links:
        """The document's lone names that one stored person's surname matches."""
        lone = (a.name for a in analysis.actors if is_lone_name(a))
        return unique({name: self.by_surname.get(name, {}) for name in lone})

    def take_over(self, analysis: Analysis) -> Links:
        """Stored lone names that a person first named in this document now claims; indexes
        the document's actors. The caller renames them in the store, then calls `forget`."""
        arrived = [a for a in analysis.actors if a.name not in self.actors]
        self.add(arrived)
        surnames = {a.name.rsplit(" ", 1)[1] for a in arrived if is_full_name(a)}
        lone = [s for s in surnames if s in self.actors and is_lone_name(self.actors[s])]
        return unique({s: self.by_surname[s] for s in lone})

    def forget(self, name: str) -> None:
        """Drop an actor the store no longer has (renamed into another)."""
        self.actors.pop(name, None)


def unique(candidates: Mapping[str, dict[str, Actor]]) -> Links:
    """The names with exactly one candidate person."""
    return {name: next(iter(full.values())) for name, full in candidates.items() if len(full) == 1}


def is_full_name(actor: Actor) -> bool:
    """A person named by more than one word."""
    return actor.kind == "PERSON" and " " in actor.name


def is_lone_name(actor: Actor) -> bool:
    """A person named by one word: a surname used alone."""
    return actor.kind == "PERSON" and " " not in actor.name


def relinked(analysis: Analysis, links: Links) -> Analysis:
    """The analysis with each linked name replaced by its person in every record."""
    if not links:
        return analysis

    def name(actor: str | None) -> str | None:
        return links[actor].name if actor in links else actor

    return replace(
        analysis,
        entities=tuple(_relinked_entity(e, links) for e in analysis.entities),
        attributions=tuple(_relinked_attribution(a, links) for a in analysis.attributions),
        doubts=tuple(replace(d, by_actor=name(d.by_actor)) for d in analysis.doubts),
        quantities=tuple(replace(q, claimed_by=name(q.claimed_by)) for q in analysis.quantities),
        actors=tuple(a for a in analysis.actors if a.name not in links),
    )


def _relinked_entity(e: Entity, links: Links) -> Entity:
    person = links.get(e.actor or "")
    if person is None:
        return e
    return replace(e, actor=person.name, label="PERSON", code=person.code)


def _relinked_attribution(a: Attribution, links: Links) -> Attribution:
    source: ActorRef | None = a.source
    person = links.get(source.actor or "") if source else None
    if source is not None and person is not None:
        source = replace(source, actor=person.name, code=person.code)
    nested = tuple(_relinked_attribution(inner, links) for inner in a.nested)
    return replace(a, source=source, nested=nested)
