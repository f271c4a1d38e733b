"""Brief -> Markdown, HTML or JSON.

Article text is untrusted: in Markdown and HTML every stored string (text, actors, cues, hedges,
outlets) goes through one escaper (`safe.markdown` or `safe.html_text`), so it reads as literal
text; only the brief's own structure is markup. JSON keeps the stored text as it is.
"""

from collections.abc import Callable
from functools import singledispatch

from crisisdesk import safe
from crisisdesk.brief.model import Brief, Claim, Dated, Item, Number
from crisisdesk.records import Citation

Escape = Callable[[object], str]

TITLES = {
    "key_points": "Key points by actor",
    "claims": "Claims ledger",
    "numbers": "Numbers",
    "timeline": "Timeline",
    "trend": "Escalation trend",
}
EMPTY = "Nothing stored yet for this section."


def label(c: Citation, esc: Escape) -> str:
    """A short human citation: outlet, date, document and character offsets."""
    when = c.published.isoformat() if c.published else "undated"
    return (
        f"{esc(c.outlet or 'unknown outlet')}, {when}, doc {esc(c.doc[:8])} chars {c.start}-{c.end}"
    )


@singledispatch
def heading(item: Item, esc: Escape) -> str:
    """The words put before an item's text: its actor (key points, trend)."""
    return esc(item.actor or "")


@heading.register
def _claim_heading(item: Claim, esc: Escape) -> str:
    return joined(esc(item.actor or ""), f"({esc(item.stance)}, “{esc(item.cue)}”)")


@heading.register
def _number_heading(item: Number, esc: Escape) -> str:
    stance = item.quantity.stance
    return joined(esc(item.actor or ""), f"({esc(stance)})" if stance else "")


@heading.register
def _dated_heading(item: Dated, esc: Escape) -> str:
    return joined(esc(item.day), esc(item.actor or ""))


def joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


@singledispatch
def notes(_item: Item, _esc: Escape) -> str:
    """What is said after an item's text: nothing, but for claims."""
    return ""


@notes.register
def _claim_notes(item: Claim, esc: Escape) -> str:
    """ "(disputed by …; hedged: reportedly)" for a claim someone disputes or denies, or whose
    wording is hedged; else nothing."""
    said = []
    if item.disputed_by:
        said.append(f"disputed by {', '.join(map(esc, item.disputed_by))}")
    if item.hedged:
        said.append(f"hedged: {', '.join(map(esc, item.hedged))}")
    return f" ({'; '.join(said)})" if said else ""


def to_markdown(brief: Brief) -> str:
    since = f" since {brief.since.isoformat()}" if brief.since else ""
    lines = [f"# Crisis brief{since}", "", f"_{brief.documents} documents in the evidence base._"]
    for name in Brief.SECTIONS:
        lines += ["", f"## {TITLES[name]}", ""]
        lines += [md_item(item) for item in brief.section(name)] or [f"_{EMPTY}_"]
    return "\n".join(lines) + "\n"


def md_item(item: Item) -> str:
    esc = safe.markdown
    head = heading(item, esc)
    refs = "; ".join(f"[{label(c, esc)}]" for c in item.citations)
    return f"- {'**' + head + '**: ' if head else ''}{esc(item.text)}{notes(item, esc)} {refs}"


def to_html(brief: Brief) -> str:
    since = f" since {brief.since.isoformat()}" if brief.since else ""
    body = [f"<h1>Crisis brief{since}</h1>", f"<p>{brief.documents} documents.</p>"]
    for name in Brief.SECTIONS:
        rows = "".join(html_item(i) for i in brief.section(name)) or f"<li><em>{EMPTY}</em></li>"
        body.append(f"<h2>{TITLES[name]}</h2><ul>{rows}</ul>")
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Crisis brief</title></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def html_item(item: Item) -> str:
    esc = safe.html_text
    head = heading(item, esc)
    refs = " ".join(f"<cite>{label(c, esc)}</cite>" for c in item.citations)
    strong = f"<strong>{head}</strong>: " if head else ""
    return f"<li>{strong}{esc(item.text)}{notes(item, esc)} {refs}</li>"


def to_json(brief: Brief) -> str:
    return safe.json_line(brief.to_json(), indent=2) + "\n"


RENDERERS: dict[str, Callable[[Brief], str]] = {"md": to_markdown, "html": to_html, "json": to_json}


def render(brief: Brief, fmt: str) -> str:
    """The brief in `fmt` (md, html or json)."""
    return RENDERERS[fmt](brief)
