"""Brief -> Markdown, HTML or JSON.

Article text is untrusted: in Markdown and HTML every stored string (text, actors, cues, hedges,
outlets, titles) goes through one escaper (`safe.markdown` or `safe.html_text`), so it reads as
literal text; only the brief's own structure is markup. JSON keeps the stored text as it is.

The HTML is one self-contained file (no script, no remote resource): every citation links to
its source passage at the end of the page, shown with the cited sentence highlighted and, when
the renderer is given the documents' text (`Around`), the text around it.
"""

from collections.abc import Callable, Sequence
from functools import singledispatch

from crisisdesk import safe
from crisisdesk.brief.model import (
    Brief,
    Change,
    Claim,
    Contested,
    Dated,
    Item,
    Number,
    Point,
    Question,
)
from crisisdesk.records import Citation
from crisisdesk.store import Store

Escape = Callable[[object], str]
#: the text before and after a cited sentence, from its document
Around = Callable[[Citation], tuple[str, str]]

TITLES = {
    "key_points": "Key points",
    "contested": "Contested numbers",
    "claims": "Claims ledger",
    "numbers": "Numbers",
    "timeline": "Timeline",
    "changed": "What changed",
    "trend": "Escalation trend",
    "developments": "Developments reported by several documents",
    "questions": "Questions you can ask",
}
EMPTY = "Nothing stored for this section."
#: characters of context shown each side of a cited sentence in the HTML's sources
CONTEXT = 300
#: citations shown per item in Markdown and HTML (JSON has them all)
CITED = 5
#: sections the Markdown leaves out (the key points already show them)
NOT_IN_MARKDOWN = frozenset({"developments"})
STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}"
    ".lede{font-size:1.15rem}cite a{font-size:.8rem;text-decoration:none}"
    ".meta{color:#555;font-size:.85rem}.passage:target{background:#fff8d0}"
    "mark{background:#ffe066}.passage{border-left:3px solid #ccc;padding-left:.7rem}"
    "figure{margin:0}figure svg{max-width:100%;height:auto}"
)


def label(c: Citation, esc: Escape) -> str:
    """A short human citation: outlet, date, document and character offsets."""
    when = c.published.isoformat() if c.published else "undated"
    return (
        f"{esc(c.outlet or 'unknown outlet')}, {when}, doc {esc(c.doc[:8])} chars {c.start}-{c.end}"
    )


@singledispatch
def heading(item: Item, esc: Escape) -> str:
    """The words put before an item's text: its actor (trend, questions: none)."""
    return esc(item.actor or "")


@heading.register
def _point_heading(_item: Point, _esc: Escape) -> str:
    return ""  # points sit under their actor's heading


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


@heading.register
def _contested_heading(item: Contested, _esc: Escape) -> str:
    return "running tally" if item.kind == "series" else "contested"


def joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


@singledispatch
def notes(_item: Item, _esc: Escape) -> str:
    """What is said after an item's text."""
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


@notes.register
def _number_notes(item: Number, esc: Escape) -> str:
    """ "(disputed by experts)" for a number someone disputes or denies."""
    return f" (disputed by {', '.join(map(esc, item.disputed_by))})" if item.disputed_by else ""


@notes.register
def _point_notes(item: Point, _esc: Escape) -> str:
    """ "(3 documents, 2 outlets, 2025-10-22 to 2025-10-24)"; a point one document reports
    gives its days only: "(2025-10-23)"."""
    days = " to ".join(dict.fromkeys(d.isoformat() for d in (item.first, item.last) if d))
    parts = [f"{item.status}"] if isinstance(item, Change) else []
    if item.documents > 1:
        parts.append(f"{item.documents} documents")
        parts += [f"{item.outlets} outlet{'s' * (item.outlets != 1)}"] if item.outlets else []
    parts += [days] if days else []
    return f" ({', '.join(parts)})" if parts else ""


@notes.register
def _question_notes(item: Question, esc: Escape) -> str:
    return f" → {esc(item.answer)}"


# -- Markdown ----------------------------------------------------------------------------------


def to_markdown(brief: Brief, _around: Around | None = None, _charts: Sequence[str] = ()) -> str:
    esc = safe.markdown
    lines = [f"# Crisis brief{period(brief)}", "", f"_{brief.documents} documents stored._"]
    if brief.lede:
        lines += ["", f"{esc(brief.lede.text)}{notes(brief.lede, esc)} {md_refs(brief.lede)}"]
    for name in Brief.SECTIONS:
        if name in NOT_IN_MARKDOWN:
            continue
        lines += ["", f"## {TITLES[name]}", ""]
        lines += md_section(brief.section(name)) or [f"_{EMPTY}_"]
    return "\n".join(lines) + "\n"


def period(brief: Brief) -> str:
    since = f" since {brief.since.isoformat()}" if brief.since else ""
    until = f" until {brief.until.isoformat()}" if brief.until else ""
    return since + until


def md_section(items: tuple[Item, ...]) -> list[str]:
    """Items as list lines; key points under a `###` line at each new actor."""
    lines: list[str] = []
    current: str | None = None
    for item in items:
        head = under(item)
        if head is not None and head != current:
            lines += [*([""] if lines else []), f"### {safe.markdown(head)}", ""]
        current = head
        lines.append(md_item(item))
    return lines


def under(item: Item) -> str | None:
    """The heading a key point sits under (its actor); None for other items."""
    return item.actor or "" if type(item) is Point else None


def md_item(item: Item) -> str:
    esc = safe.markdown
    head = heading(item, esc)
    lead = f"**{head}**: " if head else ""
    return f"- {lead}{esc(item.text)}{notes(item, esc)} {md_refs(item)}"


def md_refs(item: Item) -> str:
    shown = "; ".join(f"[{label(c, safe.markdown)}]" for c in item.citations[:CITED])
    return shown + more(item)


def more(item: Item) -> str:
    """ " and 12 more" when an item has more citations than CITED."""
    extra = len(item.citations) - CITED
    return f" and {extra} more" if extra > 0 else ""


# -- HTML --------------------------------------------------------------------------------------


class Sources:
    """The passages the page cites, numbered in the order first cited."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, int, int], int] = {}
        self.cited: list[Citation] = []

    def link(self, c: Citation) -> str:
        key = (c.doc, c.start, c.end)
        if key not in self.numbers:
            self.numbers[key] = len(self.cited) + 1
            self.cited.append(c)
        n = self.numbers[key]
        return f"<a href='#src-{n}' title='{label(c, safe.html_text)}'>[{n}]</a>"


def to_html(brief: Brief, around: Around | None = None, charts: Sequence[str] = ()) -> str:
    """The brief as one page; `charts`: SVG drawings of the trend, shown in its section
    (made by `brief.charts` from codes and dates only, never article text)."""
    esc, sources = safe.html_text, Sources()
    body = [f"<h1>Crisis brief{esc(period(brief))}</h1>"]
    body.append(f"<p class='meta'>{brief.documents} documents stored.</p>")
    if brief.lede:
        lede = brief.lede
        body.append(f"<p class='lede'>{esc(lede.text)}{notes(lede, esc)} {refs(lede, sources)}</p>")
    for name in Brief.SECTIONS:
        rows = html_section(brief.section(name), sources) or f"<p><em>{EMPTY}</em></p>"
        if name == "trend" and brief.trend:
            rows = "".join(f"<figure>{svg}</figure>" for svg in charts) + rows
        body.append(f"<section id='{name}'><h2>{TITLES[name]}</h2>{rows}</section>")
    body.append(passages(sources, around))
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>Crisis brief</title><style>{STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def html_section(items: tuple[Item, ...], sources: Sources) -> str:
    """Items as lists; points in one list per actor, under its heading."""
    out: list[str] = []
    rows: list[str] = []
    current: str | None = None
    for item in items:
        head = under(item)
        if head != current and rows:
            out.append(f"<ul>{''.join(rows)}</ul>")
            rows = []
        if head is not None and head != current:
            out.append(f"<h3>{safe.html_text(head)}</h3>")
        current = head
        rows.append(html_item(item, sources))
    if rows:
        out.append(f"<ul>{''.join(rows)}</ul>")
    return "".join(out)


def html_item(item: Item, sources: Sources) -> str:
    esc = safe.html_text
    head = heading(item, esc)
    strong = f"<strong>{head}</strong>: " if head else ""
    return f"<li>{strong}{esc(item.text)}{notes(item, esc)} {refs(item, sources)}</li>"


def refs(item: Item, sources: Sources) -> str:
    shown = " ".join(sources.link(c) for c in item.citations[:CITED])
    return f"<cite>{shown}{more(item)}</cite>"


def passages(sources: Sources, around: Around | None) -> str:
    """Every cited passage, its sentence highlighted, under an anchor the citations link to."""
    esc = safe.html_text
    blocks = []
    for n, c in enumerate(sources.cited, start=1):
        before, after = around(c) if around else ("", "")
        title = f" — {esc(c.title)}" if c.title else ""
        blocks.append(
            f"<div class='passage' id='src-{n}'><p class='meta'>[{n}] {label(c, esc)}{title}"
            f"</p><p>{esc(before)}<mark>{esc(c.text)}</mark>{esc(after)}</p></div>"
        )
    return f"<section id='sources'><h2>Sources</h2>{''.join(blocks)}</section>"


def around_in(store: Store, chars: int = CONTEXT) -> Around:
    """Text around a cited sentence in its stored document: up to `chars` characters each
    side, cut at a space."""
    texts: dict[str, str] = {}

    def around(c: Citation) -> tuple[str, str]:
        if c.doc not in texts:
            doc = store.document(c.doc)
            texts[c.doc] = doc.text if doc else ""
        text = texts[c.doc]
        before, after = text[max(0, c.start - chars) : c.start], text[c.end : c.end + chars]
        if c.start > chars:
            before = "…" + before.partition(" ")[2]
        if c.end + chars < len(text):
            after = after.rpartition(" ")[0] + "…"
        return before, after

    return around


# -- JSON --------------------------------------------------------------------------------------


def to_json(brief: Brief, _around: Around | None = None, _charts: Sequence[str] = ()) -> str:
    return safe.json_line(brief.to_json(), indent=2) + "\n"


RENDERERS: dict[str, Callable[[Brief, Around | None, Sequence[str]], str]] = {
    "md": to_markdown,
    "html": to_html,
    "json": to_json,
}


def render(brief: Brief, fmt: str, around: Around | None = None, charts: Sequence[str] = ()) -> str:
    """The brief in `fmt` (md, html or json); `around` gives HTML passages their context and
    `charts` are the trend's SVG drawings (HTML only)."""
    return RENDERERS[fmt](brief, around, charts)
