"""One actor per person across the store: a lone surname joins the one full name that ends with it.

Within a document the actors component links "Holloway" to "Jane Holloway". Across documents a
text may only say "Holloway": its actor joins the stored person "Jane Holloway" when that is the
only stored person with that surname; a full name arriving later takes over a lone surname stored
before, so the result does not depend on the order of ingest. Two people sharing a surname are
left apart. Gazetteer people already carry their full canonical name, so only people it does not
know are linked. These are pure functions: the store applies them inside the transaction that
stores a document (`Store.add`), reading the candidates it needs by index, so concurrent ingests
and crashes never split a person in two.
Limits: only actors of kind PERSON count (NER sometimes tags a lone surname ORG, but "Ford" may
be the company, not Gerald Ford); a link made is kept when a second person with that surname
arrives later.
"""

from collections.abc import Mapping, Sequence
from dataclasses import replace

from crisisdesk.records import Actor, ActorRef, Analysis, Attribution, Entity

Links = dict[str, Actor]  # lone surname -> the person it names


def last_word(name: str) -> str | None:
    """The last word of a name of several words (a person's surname), else None."""
    return name.rsplit(" ", 1)[1] if " " in name else None


def unique(candidates: Mapping[str, Sequence[Actor]]) -> Links:
    """The names with exactly one candidate person."""
    return {name: people[0] for name, people in candidates.items() if len(people) == 1}


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
