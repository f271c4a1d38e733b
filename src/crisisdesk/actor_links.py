"""One actor per person across the store: a lone surname joins the one full name that ends with it.

Within a document the actors component links "Holloway" to "Jane Holloway". Across documents a
text may only say "Holloway": its actor joins the stored person "Jane Holloway" when that is the
only stored person with that surname; a full name arriving later takes over a lone surname stored
before, so the result does not depend on the order of ingest. Two people sharing a surname are
left apart. Only people the gazetteer does not know are concerned: its entries are canonical.
Limits: a link made is kept when a second person with that surname arrives later; the index is
read once per Desk, which assumes one writer at a time.
"""

from collections.abc import Callable, Mapping
from dataclasses import replace

from crisisdesk.records import ActorRef, Analysis, Attribution, Entity

Links = dict[str, str]  # lone surname -> full name
Namer = Callable[[str | None], str | None]
LONE_KINDS = frozenset({"PERSON", "ORG"})


class ActorIndex:
    """The store's actors by name, and its people by surname, kept up to date as documents
    arrive (so each document costs lookups, not a scan of every actor)."""

    def __init__(self, kinds: Mapping[str, str]) -> None:
        self.kinds: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.add(kinds)

    def add(self, kinds: Mapping[str, str]) -> None:
        for name, kind in kinds.items():
            self.kinds[name] = kind
            if is_full_name(name, kind):
                self.by_surname.setdefault(name.rsplit(" ", 1)[1], set()).add(name)

    def links(self, analysis: Analysis) -> Links:
        """The document's lone names that one stored person's surname matches."""
        lone = (a.name for a in analysis.actors if is_lone_name(a.name, a.kind))
        return self._unique({name: self.by_surname.get(name, set()) for name in lone})

    def take_over(self, analysis: Analysis) -> Links:
        """Stored lone names that a person first named in this document now claims; indexes
        the document's actors."""
        arrived = {a.name: a.kind for a in analysis.actors if a.name not in self.kinds}
        self.add(arrived)
        new_people = {n for n, k in arrived.items() if is_full_name(n, k)}
        surnames = {name.rsplit(" ", 1)[1] for name in new_people}
        lone = [s for s in surnames if is_lone_name(s, self.kinds.get(s, ""))]
        links = self._unique({s: self.by_surname[s] for s in lone})
        for old in links:
            del self.kinds[old]
        return links

    @staticmethod
    def _unique(candidates: Mapping[str, set[str]]) -> Links:
        return {name: next(iter(full)) for name, full in candidates.items() if len(full) == 1}


def is_full_name(name: str, kind: str) -> bool:
    """A person named by more than one word."""
    return kind == "PERSON" and " " in name


def is_lone_name(name: str, kind: str) -> bool:
    """A capitalized one-word actor that may be a surname used alone; NER often tags such a
    speaker ORG ("Holloway said"), so organisations count too."""
    return kind in LONE_KINDS and " " not in name and name[:1].isupper()


def relinked(analysis: Analysis, links: Links) -> Analysis:
    """The analysis with each linked name replaced by its full name in every record."""
    if not links:
        return analysis

    def name(actor: str | None) -> str | None:
        return links.get(actor, actor) if actor else actor

    return replace(
        analysis,
        entities=tuple(_relinked_entity(e, links) for e in analysis.entities),
        attributions=tuple(_relinked_attribution(a, name) for a in analysis.attributions),
        doubts=tuple(replace(d, by_actor=name(d.by_actor)) for d in analysis.doubts),
        quantities=tuple(replace(q, claimed_by=name(q.claimed_by)) for q in analysis.quantities),
        actors=tuple(a for a in analysis.actors if a.name not in links),
    )


def _relinked_entity(e: Entity, links: Links) -> Entity:
    if e.actor not in links:
        return e
    return replace(e, actor=links[e.actor], label="PERSON")


def _relinked_attribution(a: Attribution, name: Namer) -> Attribution:
    source: ActorRef | None = a.source
    if source is not None:
        source = replace(source, actor=name(source.actor))
    nested = tuple(_relinked_attribution(inner, name) for inner in a.nested)
    return replace(a, source=source, nested=nested)
