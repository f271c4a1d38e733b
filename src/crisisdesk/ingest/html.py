"""HTML pages → main text and metadata via trafilatura; HTML fragments → plain text via lxml.

The text is what trafilatura extracts (boilerplate dropped), so offsets slice
`Document.text`, not the HTML. Comments under the article are left out. The page is decoded
here, not by trafilatura: it ignores a declared charset and guesses Western pages wrongly
("Núñez" as cp1250 "Núńez").
"""

import re
from dataclasses import replace
from datetime import date
from typing import Any

import lxml.html
import trafilatura
from lxml.etree import ParserError

from crisisdesk.errors import IngestError
from crisisdesk.ingest.decoding import decode
from crisisdesk.ingest.metadata import make_document, parse_date
from crisisdesk.records import Document

_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"blockquote", "pre", "table", "tr", "section", "article"}
)
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# <meta charset=...>, <meta http-equiv content="...; charset=..."> or <?xml ... encoding=...?>
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)


def read_html(data: bytes, *, origin: str, url: str | None = None) -> list[Document]:
    """One document: the page's main text, title, url, date and site name (as outlet).

    `url` (the address it was fetched from) is used when the page does not name its own.
    Raises IngestError when trafilatura finds no main text.
    """
    html, note = decode(data, origin, declared=declared_charset(data))
    page = _extract(html, origin=origin, url=url)
    text = getattr(page, "text", None)
    if not isinstance(text, str) or not text.strip():
        raise IngestError(origin, "no text extracted from HTML")
    doc = make_document(
        text,
        origin=origin,
        title=page.title,
        url=page.url or url,
        outlet=page.sitename,
        published=_page_date(page.date),
    )
    return [replace(doc, note=note)]


def _extract(html: str, *, origin: str, url: str | None) -> Any:
    """trafilatura's extraction; its own errors on odd markup become an IngestError.

    Why catch everything: trafilatura, htmldate and lxml raise assorted exceptions on
    malformed pages (an AssertionError from lxml for "<svg><html>"), and one odd page must
    not stop the batch. Only this library call is wrapped.
    """
    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False
        )
    except Exception as err:
        raise IngestError(origin, f"cannot extract HTML: {_one_line(err)}") from err


def _one_line(err: BaseException) -> str:
    """The exception's type and the first line of its message."""
    message = str(err).strip().split("\n", 1)[0]
    return f"{type(err).__name__}: {message}" if message else type(err).__name__


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 2 KB (meta tag or XML declaration), if any."""
    found = _DECLARED.search(data[:2048])
    return (found[1] or found[2]).decode("ascii") if found else None


def _page_date(value: Any) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): blocks become paragraphs.

    Why not trafilatura: it drops fragments too short to look like an article. Scripts and
    styles are not removed here; feedparser's sanitizer has already stripped them.
    """
    fragment = _CONTROLS.sub("", fragment)  # lxml refuses them; HTML does not allow them
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for element in root.iter():
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _BLOCKS or tag == "br":
            element.tail = ("\n" if tag == "br" else "\n\n") + (element.tail or "")
    text = _SPACES.sub(" ", root.text_content())
    lines = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", lines).strip()
