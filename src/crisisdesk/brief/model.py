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
    """A key point (or the lede): one development, shown by its most central report, under the
    heading of the actor it is about (`actor`), citing one report per document."""

    documents: int = 1
    outlets: int = 0
    first: date | None = None
    last: date | None = None

    def fields(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "outlets": self.outlets,
            "first": _iso(self.first),
            "last": _iso(self.last),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


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
    """A number with what it counts, claimed by `actor`, disputed by `disputed_by`."""

    quantity: Quantity
    disputed_by: tuple[str, ...] = ()

    #: quantity fields the item already carries as text, actor and citations
    SHOWN = frozenset({"start", "end", "text", "claimed_by"})

    def fields(self) -> dict[str, Any]:
        own = {k: v for k, v in asdict(self.quantity).items() if k not in self.SHOWN}
        return own | {"disputed_by": list(self.disputed_by)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Dated(Item):
    """A sentence placed on the calendar by the date it mentions (`day`, ISO 8601)."""

    day: str
    time_text: str
    type: str

    def fields(self) -> dict[str, Any]:
        return {"date": self.day, "time_text": self.time_text, "type": self.type}


@dataclass(frozen=True, slots=True, kw_only=True)
class Contested(Item):
    """One counted thing with the differing values reports give it (`values`: value as
    written, who gives it, date, outlet), in date order; `kind` is "contested" or "series"."""

    kind: str
    values: tuple[dict[str, Any], ...]

    def fields(self) -> dict[str, Any]:
        return {"kind": self.kind, "values": list(self.values)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Change(Point):
    """A development with reports since the brief's `changed` date: "new" when it was first
    reported then, else "continuing"."""

    status: str

    def fields(self) -> dict[str, Any]:
        return {"status": self.status, **Point.fields(self)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Question(Item):
    """A question `ask` answers from the store (`text`), with that answer and its citations."""

    answer: str

    def fields(self) -> dict[str, Any]:
        return {"answer": self.answer}


@dataclass(frozen=True, slots=True)
class Brief:
    """The lede, key points, claims ledger, numbers, timeline and trend (design.md)."""

    since: date | None
    documents: int
    until: date | None = None
    lede: Point | None = None
    key_points: tuple[Point, ...] = ()
    developments: tuple[Point, ...] = ()
    contested: tuple[Contested, ...] = ()
    claims: tuple[Claim, ...] = ()
    numbers: tuple[Number, ...] = ()
    timeline: tuple[Dated, ...] = ()
    trend: tuple[Item, ...] = ()
    changed_since: date | None = None
    changed: tuple[Change, ...] = ()
    questions: tuple[Question, ...] = ()

    SECTIONS = (
        *("key_points", "contested", "claims", "numbers", "timeline", "changed", "trend"),
        *("developments", "questions"),
    )

    def section(self, name: str) -> tuple[Item, ...]:
        """The items of section `name` (one of SECTIONS)."""
        items: tuple[Item, ...] = getattr(self, name)
        return items

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "since": _iso(self.since),
            "until": _iso(self.until),
            "documents": self.documents,
            "changed_since": _iso(self.changed_since),
            "lede": self.lede.to_json() if self.lede else None,
        }
        for name in self.SECTIONS:
            out[name] = [item.to_json() for item in self.section(name)]
        return out
