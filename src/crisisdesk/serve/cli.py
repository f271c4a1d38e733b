"""The `crisisdesk` command: thin typer commands over `Desk`.

Machine-readable output (JSON, JSONL, rendered briefs) goes to stdout; messages, progress bars and
errors go to stderr through one rich console. A deliberate error prints one line and exits 1.
"""

import json
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from crisisdesk.desk import Desk, IngestReport
from crisisdesk.errors import CrisisdeskError
from crisisdesk.ingest import count_sources
from crisisdesk.serve.extract import extract_lines
from crisisdesk.serve.listing import FORMATS, claim_row, emit, number_row

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="A cited evidence base of who said what in crisis news coverage.",
)
console = Console(stderr=True)

DbOption = Annotated[Path | None, typer.Option("--db", help="SQLite file [env CRISISDESK_DB].")]
Published = Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for the input.")]
ActorOption = Annotated[str | None, typer.Option(help="Only this actor (any alias).")]
Format = Annotated[str, typer.Option("--format", help="table, json or csv.")]
DEMO_QUESTIONS = (
    "How many Igla-S missiles did Maduro say were deployed?",
    "How many Marines and sailors has the US deployed to the Caribbean?",
    "What is the range of the Stinger's successor?",
)


def main() -> None:
    """Console entry point: deliberate errors become one line on stderr and exit code 1."""
    try:
        app()
    except CrisisdeskError as exc:
        console.print(f"[red]error:[/] {exc}", highlight=False)
        sys.exit(1)


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {value!r}") from None


def write_json(obj: Any, *, indent: int | None = None) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=indent) + "\n")


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, feed files or URLs.")],
    db: DbOption = None,
    published: Published = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for the input.")] = None,
) -> None:
    """Read, analyze and store documents; unreadable inputs are listed with the reason."""
    with Desk(db) as desk, progress_bar() as bar:
        task = bar.add_task("ingest", total=count_sources(sources) or None)
        report = desk.ingest(
            sources,
            published=parse_date(published),
            outlet=outlet,
            progress=lambda n: bar.advance(task, n),
        )
    show_report(report)
    if report.skipped and report.added + report.unchanged == 0:
        raise typer.Exit(1)


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.completed} docs"),
        TextColumn("{task.speed} docs/s"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,  # no bar (and no stray blank line) in pipes and CI
    )


def show_report(report: IngestReport) -> None:
    """A summary line and one line per skipped input; only the reasons when nothing was read."""
    if report.skipped and report.added + report.unchanged == 0:
        for error in report.skipped:
            console.print(f"[red]error:[/] {error}", highlight=False)
        return
    console.print(
        f"added {report.added} documents ({report.words} words), "
        f"{report.unchanged} already stored, {report.joined_story} joined a story"
    )
    for error in report.skipped:
        console.print(f"[yellow]skipped[/] {error}", highlight=False)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A file, a folder, a .jsonl of documents, or -.")],
    published: Published = None,
) -> None:
    """Print the analysis of documents as contract JSON (one line per document for many)."""
    desk = Desk(":memory:")
    lines = list(extract_lines(path, desk, published=parse_date(published)))
    single = len(lines) == 1 and "file" not in lines[0] and "id" not in lines[0]
    for line in lines:
        write_json(line)
    if not lines or (single and "error" in lines[0]):
        raise typer.Exit(1)


@app.command()
def status(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts of what the evidence base holds and the dates it covers."""
    with Desk(db) as desk:
        state = desk.status()
    first = state.first_published.isoformat() if state.first_published else None
    last = state.last_published.isoformat() if state.last_published else None
    if as_json:
        write_json(
            {
                **state.counts,
                "first_published": first,
                "last_published": last,
                "schema_version": state.schema_version,
            }
        )
        return
    table = Table("what", "count", title="crisisdesk evidence base")
    for name, count in state.counts.items():
        table.add_row(name, str(count))
    table.add_row("published", f"{first or '-'} … {last or '-'}")
    Console().print(table)


@app.command()
def brief(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Only documents published since.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md, html or json.")] = "md",
    out: Annotated[Path | None, typer.Option(help="Write to this file.")] = None,
) -> None:
    """A cited briefing: key points by actor, claims, numbers, timeline."""
    from crisisdesk.brief.render import RENDERERS, render

    if fmt not in RENDERERS:
        raise typer.BadParameter(f"format must be one of {', '.join(RENDERERS)}")
    with Desk(db) as desk:
        text = render(desk.brief(since=parse_date(since)), fmt)
    if out:
        out.write_text(text, encoding="utf-8")
        console.print(f"wrote {out}")
    else:
        sys.stdout.write(text)


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"format must be one of {', '.join(FORMATS)}")


@app.command()
def claims(
    db: DbOption = None,
    actor: ActorOption = None,
    stance: Annotated[
        str | None, typer.Option(help="asserted, claimed, alleged, denied or questioned.")
    ] = None,
    fmt: Format = "table",
) -> None:
    """Who claims what, with the stance of the wording and the sentence it comes from."""
    check_format(fmt)
    with Desk(db) as desk:
        name = desk.resolve_actor(actor) if actor else None
        rows = [claim_row(f) for f in desk.store.attributions(actor=name, stance=stance)]
    emit(rows, fmt, columns=("actor", "cue", "stance", "content"))


@app.command()
def numbers(db: DbOption = None, actor: ActorOption = None, fmt: Format = "table") -> None:
    """Every stored number: value, unit, what is counted, qualifier, and where it is said."""
    check_format(fmt)
    with Desk(db) as desk:
        name = desk.resolve_actor(actor) if actor else None
        rows = [number_row(f) for f in desk.store.quantities(actor=name)]
    emit(rows, fmt, columns=("text", "value", "unit", "counted", "qualifier", "claimed_by"))


@app.command()
def ask(
    question: Annotated[
        str | None, typer.Argument(help="A question about the stored coverage.")
    ] = None,
    batch: Annotated[Path | None, typer.Option(help="JSONL of {id, question, context?}.")] = None,
    db: DbOption = None,
) -> None:
    """Answer from the sources, with citations; a null answer means the sources do not say."""
    if (question is None) == (batch is None):
        raise typer.BadParameter("give a QUESTION or --batch FILE")
    with Desk(db) as desk:
        if batch is not None:
            for item in read_questions(batch):
                write_json(
                    desk.ask(
                        item["question"], context=item.get("context"), qid=item.get("id")
                    ).to_json()
                )
            return
        show_answer(question or "", desk)


def read_questions(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CrisisdeskError(f"{path}:{number}: not JSON ({exc.msg})") from None


def show_answer(question: str, desk: Desk) -> None:
    answer = desk.ask(question)
    out = Console()
    out.print(f"[bold]Q:[/] {question}", highlight=False)
    if answer.text is None:
        out.print(f"[bold]A:[/] (no answer: {answer.reason})", highlight=False)
        return
    out.print(
        f"[bold]A:[/] {answer.text}  [dim](confidence {answer.confidence:.2f})[/]", highlight=False
    )
    for c in answer.citations:
        when = c.published.isoformat() if c.published else "undated"
        out.print(
            f"   [dim]{c.outlet or '?'}, {when}, doc {c.doc[:8]} chars {c.start}-{c.end}:[/] "
            f"“{c.text}”",
            highlight=False,
        )


@app.command()
def demo() -> None:
    """Ingest the bundled sample reports into a temporary store, brief, and answer questions."""
    from crisisdesk.brief.render import render

    sample = Path(str(resources.files("crisisdesk") / "sample" / "reports.jsonl"))
    with tempfile.TemporaryDirectory() as tmp, Desk(Path(tmp) / "demo.db") as desk:
        show_report(desk.ingest([sample]))
        Console().print(render(desk.brief(), "md"), markup=False, highlight=False)
        for question in DEMO_QUESTIONS:
            show_answer(question, desk)
