"""Brief -> Markdown, HTML or JSON. HTML escapes every stored string: article text is untrusted."""

import json
from collections.abc import Callable
from html import escape

from crisisdesk.brief.model import Brief, Item
from crisisdesk.records import Citation

TITLES = {
    "key_points": "Key points by actor",
    "claims": "Claims ledger",
    "numbers": "Numbers",
    "timeline": "Timeline",
    "trend": "Escalation trend",
}
EMPTY = "Nothing stored yet for this section."


def label(c: Citation) -> str:
    """A short human citation: outlet, date, document and character offsets."""
    when = c.published.isoformat() if c.published else "undated"
    return f"{c.outlet or 'unknown outlet'}, {when}, doc {c.doc[:8]} chars {c.start}-{c.end}"


def heading(item: Item) -> str:
    """The words put before an item's text: its actor and, for claims, the stance."""
    parts = [item.actor or ""]
    if "cue" in item.detail:
        parts.append(f"({item.detail['stance']}, “{item.detail['cue']}”)")
    elif item.detail.get("stance"):
        parts.append(f"({item.detail['stance']})")
    if "date" in item.detail:
        parts.insert(0, str(item.detail["date"]))
    return " ".join(p for p in parts if p)


def to_markdown(brief: Brief) -> str:
    since = f" since {brief.since.isoformat()}" if brief.since else ""
    lines = [f"# Crisis brief{since}", "", f"_{brief.documents} documents in the evidence base._"]
    for name in Brief.SECTIONS:
        lines += ["", f"## {TITLES[name]}", ""]
        items: tuple[Item, ...] = getattr(brief, name)
        lines += [md_item(item) for item in items] or [f"_{EMPTY}_"]
    return "\n".join(lines) + "\n"


def doubts(item: Item) -> str:
    """ "(disputed by …; hedged: reportedly)" for a claim someone disputes or denies, or whose
    wording is hedged; else nothing."""
    notes = []
    if who := item.detail.get("disputed_by"):
        notes.append(f"disputed by {', '.join(who)}")
    if hedges := item.detail.get("hedged"):
        notes.append(f"hedged: {', '.join(hedges)}")
    return f" ({'; '.join(notes)})" if notes else ""


def md_item(item: Item) -> str:
    head = heading(item)
    refs = "; ".join(f"[{label(c)}]" for c in item.citations)
    return f"- {'**' + head + '**: ' if head else ''}{item.text}{doubts(item)} {refs}"


def to_html(brief: Brief) -> str:
    since = f" since {escape(brief.since.isoformat())}" if brief.since else ""
    body = [f"<h1>Crisis brief{since}</h1>", f"<p>{brief.documents} documents.</p>"]
    for name in Brief.SECTIONS:
        items: tuple[Item, ...] = getattr(brief, name)
        rows = "".join(html_item(i) for i in items) or f"<li><em>{EMPTY}</em></li>"
        body.append(f"<h2>{TITLES[name]}</h2><ul>{rows}</ul>")
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Crisis brief</title></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def html_item(item: Item) -> str:
    head = heading(item)
    refs = " ".join(f"<cite>{escape(label(c))}</cite>" for c in item.citations)
    strong = f"<strong>{escape(head)}</strong>: " if head else ""
    return f"<li>{strong}{escape(item.text)}{escape(doubts(item))} {refs}</li>"


def to_json(brief: Brief) -> str:
    return json.dumps(brief.to_json(), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Brief], str]] = {"md": to_markdown, "html": to_html, "json": to_json}


def render(brief: Brief, fmt: str) -> str:
    """The brief in `fmt` (md, html or json)."""
    return RENDERERS[fmt](brief)
