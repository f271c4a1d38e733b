"""Untrusted text made harmless for the terminal, CSV, Markdown, HTML and JSON lines."""

import html
import json

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from crisisdesk import safe


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a [/] b [link=https://x]y[/link]", "a [/] b [link=https://x]y[/link]"),
        ("\x1b]8;;https://evil\x07click\x1b]8;;\x07 here", "click here"),
        ("\x1b[31mred\x1b[0m and \x9b1mC1\x9b0m", "red and C1"),
        ("bell\x07 del\x7f nul\x00 c1\x85 cr\r esc\x1b", "bell del nul c1 cr esc"),
        ("over\u202eride and iso\u2066late", "override and isolate"),
        ("line\nbreak\ttab, Nicolás", "line\nbreak\ttab, Nicolás"),
    ],
)
def test_clean_drops_escape_sequences_and_controls(raw: str, shown: str) -> None:
    assert safe.clean(raw) == shown


def test_terminal_text_is_never_markup() -> None:
    raw = "[/] [link=https://evil.example]click[/link] [bold]x\x1b[2J"
    segments = list(Console(width=200).render(safe.text(raw)))
    assert (
        "".join(s.text for s in segments) == "[/] [link=https://evil.example]click[/link] [bold]x\n"
    )
    assert all(s.style is None or (s.style.link is None and not s.style.bold) for s in segments)


def test_one_line_joins_lines() -> None:
    assert safe.one_line("bad\nname.txt: empty") == "bad name.txt: empty"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("\tx", "'\tx"),
        ("\x1b[31m=1+1", "'=1+1"),
        ("Maduro said", "Maduro said"),
        (-5.0, -5.0),
        (-3, -3),
        (None, None),
    ],
)
def test_csv_cells_never_start_a_formula(cell: object, written: object) -> None:
    assert safe.csv_cell(cell) == written


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "![x](http://evil/t.png)",
        "<http://evil.example>",
        "`code` *em* _em_ **strong** ~~gone~~ \\* a | b",
        "# heading",
        "1. listed",
        "- listed",
        "> quoted",
        "---",
        "&amp; &lt;",
    ],
)
def test_markdown_renders_article_text_literally(raw: str) -> None:
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(safe.markdown(raw))
    literal = html.escape(raw, quote=False).replace('"', "&quot;")
    assert rendered == f"<p>{literal}</p>\n"


def test_markdown_keeps_plain_prose_readable() -> None:
    assert safe.markdown("Russian-made missiles, 3.5 km (AP)!") == (
        "Russian-made missiles, 3.5 km (AP)!"
    )


def test_html_escapes_attribute_quotes() -> None:
    assert safe.html_text("\"' onmouseover=alert(1)") == "&quot;&#x27; onmouseover=alert(1)"


def test_json_lines_parse_back_to_the_stored_text() -> None:
    stored = {"text": "\x1b[31mred\x9b \u202e Nicolás"}
    line = safe.json_line(stored)
    assert not set(line) & safe.UNSAFE
    assert "Nicolás" in line
    assert json.loads(line) == stored
