"""The mode of an event: happened, threatened, planned, or as reported: claimed, alleged,
denied, questioned.

An intent or threat sets the mode where it codes the event ("vowed to strike": threatened;
"offered to release": planned). Otherwise the reports around the word that codes it decide,
from crisisdesk_attribution and crisisdesk_doubt (run before this component): a denial whose
target holds it makes it denied; the innermost attribution whose content holds it gives its
stance (claimed, alleged, denied, questioned; a plain "said" leaves it happened) and who
reports it (`claimed_by`); an allegation or an unconfirmed report around it makes it alleged or
claimed. A denial outranks everything: "denied threatening" is a denied threat.
"""

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

Record = dict[str, Any]
STANCE_MODES = {
    "claimed": "claimed",
    "alleged": "alleged",
    "denied": "denied",
    "questioned": "questioned",
}
DOUBT_MODES = {"denial": "denied", "allegation": "alleged", "unconfirmed": "claimed"}


@dataclass(frozen=True, slots=True)
class Content:
    """A stretch of reported content and the attribution it belongs to."""

    start: int
    end: int
    attribution: Record


class Reports:
    """A document's attributions and doubts, looked up by the character offset of a word."""

    def __init__(self, doc: Doc) -> None:
        self.contents = sorted(
            (
                Content(c["start"], c["end"], a)
                for a in walk(doc._.attributions or ())
                for c in a["content"]
            ),
            key=lambda c: c.end - c.start,
        )
        self.doubts = [
            (d["target"] or d, DOUBT_MODES[d["kind"]])
            for d in doc._.doubts or ()
            if d["kind"] in DOUBT_MODES
        ]

    def holding(self, offset: int) -> Record | None:
        """The innermost attribution whose content holds `offset`."""
        reports = self.around(offset)
        return reports[0] if reports else None

    def around(self, offset: int) -> list[Record]:
        """The attributions whose content holds `offset`, innermost first."""
        return [c.attribution for c in self.contents if c.start <= offset < c.end]

    def mode(self, offset: int, own: str | None) -> tuple[str, str | None]:
        """(mode, claimed_by) of an event coded at `offset`; `own`: a mode the coding set.

        The innermost report that says more than "questioned" decides: experts questioning
        what Maduro claims leave it claimed by Maduro."""
        doubted = [mode for span, mode in self.doubts if span["start"] <= offset < span["end"]]
        reports = self.around(offset)
        chosen = next((r for r in reports if r["stance"] != "questioned"), None)
        report = chosen or (reports[0] if reports else None)
        source = report["source"] if report else None
        claimed_by = (source["actor"] or source["text"]) if source else None
        stance = STANCE_MODES.get(report["stance"]) if report else None
        if "denied" in doubted or stance == "denied":
            return "denied", claimed_by
        if own is not None:
            return own, claimed_by
        return stance or (doubted[0] if doubted else "happened"), claimed_by


def walk(attributions: Any) -> list[Record]:
    """Every attribution dict, nested ones included."""
    found: list[Record] = []
    for attribution in attributions:
        found.append(attribution)
        found.extend(walk(attribution.get("nested") or ()))
    return found
