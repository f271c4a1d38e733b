"""The brief as data: sections of items, every item carrying its citations."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from crisisdesk.records import Citation


@dataclass(frozen=True, slots=True)
class Item:
    """One line of a brief: what it says, about whom, and where it comes from."""

    text: str
    citations: tuple[Citation, ...]
    actor: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "actor": self.actor,
            **self.detail,
            "citations": [c.to_json() for c in self.citations],
        }


@dataclass(frozen=True, slots=True)
class Brief:
    """Key points by actor, claims ledger, numbers, timeline and trend (design.md)."""

    since: date | None
    documents: int
    key_points: tuple[Item, ...] = ()
    claims: tuple[Item, ...] = ()
    numbers: tuple[Item, ...] = ()
    timeline: tuple[Item, ...] = ()
    trend: tuple[Item, ...] = ()

    SECTIONS = ("key_points", "claims", "numbers", "timeline", "trend")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "since": self.since.isoformat() if self.since else None,
            "documents": self.documents,
        }
        for name in self.SECTIONS:
            out[name] = [item.to_json() for item in getattr(self, name)]
        return out
