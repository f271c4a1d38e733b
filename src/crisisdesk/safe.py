"""Untrusted text made harmless where it is shown: terminal, CSV, Markdown, HTML, JSON lines.

Article text, titles, outlets, actor names and file names come from outside. On a terminal they
are printed as rich `Text` (never markup) with escape sequences and control characters removed;
a CSV cell cannot start a spreadsheet formula; in Markdown and HTML they stay literal text.
"""

import html
import json
import re
import unicodedata
from typing import Any

from rich.text import Text

#: C0 controls but newline and tab, DEL and the C1 controls (Unicode category Cc), and the
#: bidirectional overrides and isolates that can make a quote read differently than it is stored
UNSAFE = frozenset(
    [chr(c) for c in range(0xA0) if unicodedata.category(chr(c)) == "Cc" and chr(c) not in "\n\t"]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
)
_REMOVE = str.maketrans(dict.fromkeys(UNSAFE))
#: what JSON leaves raw (DEL, C1, bidi controls) as \\u escapes: the value parses back unchanged
_JSON_ESCAPES = str.maketrans({c: f"\\u{ord(c):04x}" for c in UNSAFE if ord(c) >= 0x7F})
#: whole CSI and OSC escape sequences (colours, cursor moves, OSC 8 hyperlinks, OSC 52 clipboard)
ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x00-\x1f\x7f-\x9f]*(?:\x07|\x1b\\|\x9c)"
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: characters that start inline Markdown (emphasis, code, links, strikethrough, table cells)
MD_INLINE = re.compile(r"([\\`*_\[\]~|])")
#: what makes a line a heading, list item or rule when it starts one ("> " is escaped as HTML)
MD_BLOCK_START = re.compile(r"^(\d*)([#+.)=-])(?=\s|$|[=-])")


def clean(value: object) -> str:
    """`value` as text without escape sequences or control characters (newline and tab stay)."""
    return ESCAPE_SEQUENCE.sub("", str(value)).translate(_REMOVE)


def one_line(value: object) -> str:
    """`clean(value)` with line breaks as spaces: for messages that must stay on one line."""
    return clean(value).replace("\n", " ")


def text(value: object, style: str = "") -> Text:
    """`value` as rich Text: printed as it reads, never interpreted as markup."""
    return Text(clean(value), style=style)


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula: a string starting with = + - @ tab or
    carriage return gets a leading ' (OWASP); numbers and None are kept as they are."""
    if not isinstance(value, str):
        return value
    cleaned = clean(value)
    return "'" + cleaned if cleaned.startswith(FORMULA_START) else cleaned


def markdown(value: object) -> str:
    """`value` as literal Markdown text on one line: HTML, links, images, code and emphasis
    are escaped, and it cannot start a heading, quote or list."""
    folded = " ".join(clean(value).split())
    escaped = MD_INLINE.sub(r"\\\1", html.escape(folded, quote=False))
    return MD_BLOCK_START.sub(r"\1\\\2", escaped)


def html_text(value: object) -> str:
    """`value` escaped for HTML text and attribute values (quotes included)."""
    return html.escape(clean(value), quote=True)


def json_line(obj: Any, *, indent: int | None = None) -> str:
    """`obj` as JSON (non-ASCII kept) with DEL, C1 and bidi controls escaped too, so the text
    reaches a terminal inert and parses back to the stored value."""
    return json.dumps(obj, ensure_ascii=False, indent=indent).translate(_JSON_ESCAPES)
