"""Hostile article text reaches every output neutralised: no terminal markup or escape sequences,
no spreadsheet formulas, no HTML, links or emphasis in briefs; the commands still succeed."""

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import Result
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from crisisdesk.serve.cli import app

HOSTILE = (
    "Maduro said 5,000 missiles [/] were deployed near "
    "[link=https://evil.example]click[/link] the coast.\n"
    'Officials said =HYPERLINK("http://evil","x") and 300 soldiers crossed the border.\n'
    "@SUM(A1) said 12 drones flew <script>alert(1)</script> over the city.\n"
    "The army said 7 tanks moved north past <img src=x onerror=alert(1)> to the site on Monday.\n"
    "The army said tanks moved to [x](javascript:alert(1)) and `rm -rf` *bold* _under_ "
    "on Tuesday.\n"
    "Temperatures fell to -12 degrees Celsius, officials said.\n"
    "The ministry said the port held 40 ships \x1b]8;;https://evil\x07near Caracas\x1b]8;;\x07 "
    "\x1b[31mtoday\x1b[0m.\n"
)
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORMULA = ("=", "+", "-", "@", "\t", "\r")
#: every tag a rendered Markdown brief may hold: its own structure, nothing from articles
BRIEF_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "strong", "em"}


def invoke(*args: str | Path) -> Result:
    runner = CliRunner(env={"COLUMNS": "400"})
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert not CONTROLS.search(result.output)
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    invoke("ingest", article, "--db", folder / "desk.db", "--published", "2025-10-24")
    return folder / "desk.db"


def test_ask_quotes_markup_as_written(db: Path) -> None:
    out = invoke("ask", "How many missiles did Maduro say were deployed?", "--db", db).stdout
    assert "A: 5,000" in out
    assert "[/] were deployed near [link=https://evil.example]click[/link] the coast.”" in out


def test_ask_quotes_without_escape_sequences(db: Path) -> None:
    out = invoke("ask", "How many ships did the ministry say the port held?", "--db", db).stdout
    assert "A: 40" in out
    assert "“The ministry said the port held 40 ships near Caracas today.”" in out


def test_ask_quotes_html_as_written(db: Path) -> None:
    out = invoke("ask", "How many drones flew over the city?", "--db", db).stdout
    assert "“@SUM(A1) said 12 drones flew <script>alert(1)</script> over the city.”" in out


def test_tables_show_text_as_written(db: Path) -> None:
    claims = invoke("claims", "--db", db).stdout
    assert "[/] were deployed near [link=https://evil.example]click[/link] the coast" in claims
    assert "40 ships near Caracas today" in claims
    assert "@SUM(A1)" in invoke("numbers", "--db", db).stdout


@pytest.mark.parametrize(
    ("command", "neutralised"),
    [("claims", ("'=HYPERLINK(", "'@SUM(A1)")), ("numbers", ("'@SUM(A1)", "'-12 degrees"))],
)
def test_csv_cells_start_no_formula(db: Path, command: str, neutralised: tuple[str, ...]) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke(command, "--db", db, "--format", "csv").stdout)))
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c.startswith(FORMULA) and not is_number(c)]
    for start in neutralised:
        assert any(c.startswith(start) for c in cells), start


def test_csv_negative_numbers_stay_numbers(db: Path) -> None:
    out = invoke("numbers", "--db", db, "--format", "csv").stdout
    cold = [r for r in csv.DictReader(io.StringIO(out)) if r["unit"] != "count"]
    assert [(r["text"], r["value"]) for r in cold] == [("'-12 degrees Celsius", "-12.0")]


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_markdown_brief_renders_article_text_literally(db: Path) -> None:
    md = invoke("brief", "--db", db, "--format", "md").stdout
    html = MarkdownIt("commonmark").enable("strikethrough").render(md)
    assert set(re.findall(r"<(\w+)", html)) <= BRIEF_TAGS
    assert "href" not in html
    assert "[x](javascript:alert(1)) and `rm -rf` *bold* _under_" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "@SUM(A1) (asserted, “said”)" in html


def test_html_brief_escapes_article_text(db: Path) -> None:
    html = invoke("brief", "--db", db, "--format", "html").stdout
    tags = re.findall(r"<[^>]*>", html)
    assert {re.match(r"</?(\w+|!doctype)", t).group(1) for t in tags} <= {  # type: ignore[union-attr]
        *BRIEF_TAGS,
        *("!doctype", "html", "head", "meta", "title", "style", "body", "cite"),
        *("section", "div", "mark", "a"),
    }
    assert not [t for t in tags if "onerror" in t or "script" in t]
    links = [t for t in tags if t.startswith("<a")]
    assert all(re.fullmatch(r"<a href='#src-\d+' title='[^'<>]*'>", t) for t in links)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
