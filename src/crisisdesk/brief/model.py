"""The brief as data: sections of typed items, every item carrying its citations.

Each item's JSON is `{"text", "actor", <its own fields>, "citations"}`; fields may be added,
never renamed (the brief contract in README.md).
"""

from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any, Self

from crisisdesk.records import Citation, Quantity


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """One line of a brief: what it says, about whom, and where it comes from."""

    text: str
    actor: str | None = None
    citations: tuple[Citation, ...] = ()

    def fields(self) -> dict[str, Any]:
        """The item's own JSON fields, between "actor" and "citations"."""
        return {}

    def citing(self, *more: Citation) -> Self:
        """The same item citing `more` as well."""
        return replace(self, citations=self.citations + more)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "actor": self.actor,
            **self.fields(),
            "citations": [c.to_json() for c in self.citations],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Point(Item):
    """A key point: a recent sentence about a main actor (a person, organisation or state)."""

    kind: str | None = None
    code: str | None = None

    def fields(self) -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code}


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(Item):
    """What `actor` claims (`text`), the cue and stance of the wording, who disputes or denies
    it and the hedges on it."""

    cue: str
    stance: str
    kind: str
    disputed_by: tuple[str, ...] = ()
    hedged: tuple[str, ...] = ()

    def fields(self) -> dict[str, Any]:
        return {
            "cue": self.cue,
            "stance": self.stance,
            "kind": self.kind,
            "disputed_by": list(self.disputed_by),
            "hedged": list(self.hedged),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Number(Item):
    """A number with what it counts, claimed by `actor`."""

    quantity: Quantity

    #: quantity fields the item already carries as text, actor and citations
    SHOWN = frozenset({"start", "end", "text", "claimed_by"})

    def fields(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self.quantity).items() if k not in self.SHOWN}


@dataclass(frozen=True, slots=True, kw_only=True)
class Dated(Item):
    """A sentence placed on the calendar by the date it mentions (`day`, ISO 8601)."""

    day: str
    time_text: str
    type: str

    def fields(self) -> dict[str, Any]:
        return {"date": self.day, "time_text": self.time_text, "type": self.type}


@dataclass(frozen=True, slots=True)
class Brief:
    """Key points by actor, claims ledger, numbers, timeline and trend (design.md)."""

    since: date | None
    documents: int
    key_points: tuple[Point, ...] = ()
    claims: tuple[Claim, ...] = ()
    numbers: tuple[Number, ...] = ()
    timeline: tuple[Dated, ...] = ()
    trend: tuple[Item, ...] = ()

    SECTIONS = ("key_points", "claims", "numbers", "timeline", "trend")

    def section(self, name: str) -> tuple[Item, ...]:
        """The items of section `name` (one of SECTIONS)."""
        items: tuple[Item, ...] = getattr(self, name)
        return items

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "since": self.since.isoformat() if self.since else None,
            "documents": self.documents,
        }
        for name in self.SECTIONS:
            out[name] = [item.to_json() for item in self.section(name)]
        return out
