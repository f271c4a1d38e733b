"""The `crisisdesk` command: thin typer commands over `Desk`.

Machine-readable output (JSON, JSONL, rendered briefs) goes to stdout; messages, progress bars and
errors go to stderr through one rich console. A deliberate error prints one line and exits 1.
Text from articles, stores and file names is printed as plain rich `Text` (`crisisdesk.safe`):
never markup, never escape sequences. Commands that only read never create a store.
"""

import json
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.prompt import Prompt
from rich.table import Table
from rich.text import Text

from crisisdesk import safe
from crisisdesk.desk import Desk, IngestReport
from crisisdesk.errors import CrisisdeskError
from crisisdesk.serve import answers
from crisisdesk.serve.listing import FORMATS, claim_rows, emit, number_rows, status_json
from crisisdesk.settings import AskSettings, Settings, get_settings

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
Limit = Annotated[int, typer.Option(min=1, help="At most this many rows (newest first).")]
Offset = Annotated[int, typer.Option(min=0, help="Skip this many rows first (paging).")]
LlmOption = Annotated[
    str | None,
    typer.Option(
        "--llm",
        metavar="URL",
        help="OpenAI-compatible endpoint that picks among the accepted candidate answers"
        " [env CRISISDESK_ASK__LLM_URL].",
    ),
]
DEMO_QUESTIONS = (
    "How many Igla-S missiles did Maduro say were deployed?",
    "How many Marines and sailors has the US deployed to the Caribbean?",
    "What is the range of the Stinger's successor?",
)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: deliberate errors become one line on stderr and exit code 1; so do,
    as a last resort, a damaged store's sqlite3 errors and failures to write output."""
    try:
        app(args=argv)
    except CrisisdeskError as exc:
        fail(exc)
    except sqlite3.Error as exc:
        fail(f"the evidence base cannot be read: {exc}")
    except OSError as exc:
        fail(f"cannot write output: {exc.strerror or exc}")


def fail(message: object) -> NoReturn:
    say("error:", message, "red")
    sys.exit(1)


def say(label: str, message: object, style: str = "") -> None:
    """One line on stderr: our `label` (styled), then `message` as plain text."""
    console.print(Text.assemble((label, style), " ", safe.one_line(message)), soft_wrap=True)


def reading(db: Path | None, llm: str | None = None) -> Desk:
    """The evidence base at `db` for a command that only reads: never created."""
    return Desk(db, create=False, settings=with_llm(llm))


def with_llm(llm: str | None) -> Settings:
    """The settings, with the reader model at `llm` when one is given."""
    settings = get_settings()
    if llm is None:
        return settings
    try:
        ask = AskSettings.model_validate({**settings.ask.model_dump(), "llm_url": llm})
    except ValidationError:
        raise typer.BadParameter(f"not an http(s) URL: {llm!r}", param_hint="--llm") from None
    return settings.model_copy(update={"ask": ask})


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {value!r}") from None


def write_json(obj: Any, *, indent: int | None = None) -> None:
    sys.stdout.write(safe.json_line(obj, indent=indent) + "\n")


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, feed files or URLs.")],
    db: DbOption = None,
    published: Published = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for the input.")] = None,
) -> None:
    """Read, analyze and store documents; unreadable inputs are listed with the reason."""
    from crisisdesk.ingest import count_sources

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
            say("error:", error, "red")
        return
    console.print(
        f"added {report.added} documents ({report.words} words), "
        f"{report.unchanged} already stored, {report.joined_story} joined a story"
    )
    for error in report.skipped:
        say("skipped", error, "yellow")
    for note in report.notes:
        say("note:", note, "cyan")


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A file, a folder, a .jsonl of documents, or -.")],
    published: Published = None,
) -> None:
    """Print the analysis of documents as contract JSON (one line per document for many)."""
    from crisisdesk.serve.extract import extract_lines

    lines = extract_lines(path, get_settings(), published=parse_date(published), warn=warn_skipped)
    failed = total = 0
    for line in lines:
        write_json(line)
        total += 1
        failed += "error" in line
    if failed == total:
        raise typer.Exit(1)


def warn_skipped(error: CrisisdeskError) -> None:
    say("skipped", error, "yellow")


@app.command()
def status(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts of what the evidence base holds and the dates it covers."""
    with reading(db) as desk:
        state = status_json(desk.status())
    if as_json:
        write_json(state)
        return
    first, last = state.pop("first_published"), state.pop("last_published")
    del state["schema_version"]
    table = Table("what", "count", title="crisisdesk evidence base")
    for name, count in state.items():
        table.add_row(safe.text(name), safe.text(count))
    table.add_row("published", safe.text(f"{first or '-'} … {last or '-'}"))
    Console().print(table)


@app.command()
def brief(  # noqa: PLR0913 (typer: one parameter per option)
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Developments from this day on.")] = None,
    until: Annotated[str | None, typer.Option(help="Developments up to this day.")] = None,
    topic: Annotated[str | None, typer.Option(help="Only developments with these words.")] = None,
    actor: ActorOption = None,
    changed_since: Annotated[
        str | None, typer.Option(help="'What changed' from this day (default: last brief).")
    ] = None,
    questions: Annotated[
        bool | None,
        typer.Option(help="Suggest questions the store answers (default: for md and html)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="md, html or json.")] = "md",
    out: Annotated[Path | None, typer.Option(help="Write to this file.")] = None,
) -> None:
    """A cited briefing: lede, key points, contested numbers, claims, numbers, timeline,
    what changed, trend and questions to ask."""
    from crisisdesk.brief import Scope
    from crisisdesk.brief.charts import trend_charts
    from crisisdesk.brief.render import RENDERERS, around_in, render

    if fmt not in RENDERERS:
        raise typer.BadParameter(f"format must be one of {', '.join(RENDERERS)}")
    scope = Scope(parse_date(since), parse_date(until), actor, topic)
    with reading(db) as desk:
        asked = fmt != "json" if questions is None else questions
        made = desk.brief(scope, changed_since=parse_date(changed_since), questions=asked)
        charts = trend_charts(desk.store, made, scope.since) if fmt == "html" else []
        text = render(made, fmt, around_in(desk.store), charts)
    if out:
        write_file(out, text)
        say("wrote", out)
    else:
        sys.stdout.write(text)


def write_file(path: Path, text: str) -> None:
    """Write `text` to `path`; a missing folder or a failed write is a one-line error."""
    if not path.parent.is_dir():
        raise CrisisdeskError(f"cannot write {path}: no folder {path.parent}")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CrisisdeskError(f"cannot write {path}: {exc.strerror or exc}") from None


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
    limit: Limit = 50,
    offset: Offset = 0,
) -> None:
    """Who claims what, with the stance of the wording and the sentence it comes from."""
    check_format(fmt)
    with reading(db) as desk:
        rows = claim_rows(desk, actor=actor, stance=stance, limit=limit, offset=offset)
    emit(rows, fmt, columns=("actor", "cue", "stance", "content"))


@app.command()
def numbers(
    db: DbOption = None,
    actor: ActorOption = None,
    fmt: Format = "table",
    limit: Limit = 50,
    offset: Offset = 0,
) -> None:
    """Stored numbers, newest first: value, unit, what is counted, qualifier, and where it is
    said."""
    check_format(fmt)
    with reading(db) as desk:
        rows = number_rows(desk, actor=actor, limit=limit, offset=offset)
    emit(rows, fmt, columns=("text", "value", "unit", "counted", "qualifier", "claimed_by"))


PairOption = Annotated[
    str | None, typer.Option(help="Two actors or ISO codes, e.g. USA-VEN (either way round).")
]
SinceDay = Annotated[str | None, typer.Option(help="Only events on or after YYYY-MM-DD.")]


def parse_pair(value: str | None) -> tuple[str, str] | None:
    """ "USA-VEN" or "Maduro,Trump" -> the two sides."""
    from crisisdesk.serve.event_listing import parse_pair as pair_of

    if value is None:
        return None
    try:
        return pair_of(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


@app.command()
def events(
    db: DbOption = None,
    actor: ActorOption = None,
    pair: PairOption = None,
    since: SinceDay = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json, csv or plover.")] = "table",
    limit: Limit = 50,
) -> None:
    """Stored events, latest first: one per event however many outlets report it, with its
    type, mode, sides, reports and the sentence of its first report."""
    from crisisdesk.serve.event_listing import EVENT_FORMATS, show_events

    if fmt not in EVENT_FORMATS:
        raise typer.BadParameter(f"format must be one of {', '.join(EVENT_FORMATS)}")
    sides, day = parse_pair(pair), parse_date(since)
    with reading(db) as desk:
        found = desk.events(actor=actor, pair=sides, since=day, limit=limit)
    show_events(found, fmt)


@app.command()
def developments(  # noqa: PLR0913 (typer: one parameter per option)
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Developments from this day on.")] = None,
    until: Annotated[str | None, typer.Option(help="Developments up to this day.")] = None,
    topic: Annotated[str | None, typer.Option(help="Only developments with these words.")] = None,
    actor: ActorOption = None,
    fmt: Format = "table",
    limit: Limit = 50,
    offset: Offset = 0,
) -> None:
    """Developments, most widely reported first: what several documents report, with their
    days, documents, outlets and reports (one per document and sentence)."""
    from crisisdesk.serve.development_listing import show_developments
    from crisisdesk.store import DevelopmentScope

    check_format(fmt)
    scope = DevelopmentScope(parse_date(since), parse_date(until), actor, topic)
    with reading(db) as desk:
        show_developments(desk.developments(scope, limit=limit, offset=offset), fmt)


@app.command()
def trend(
    pair: Annotated[str, typer.Option(help="Two actors or ISO codes, e.g. USA-VEN.")],
    db: DbOption = None,
    by: Annotated[str, typer.Option(help="day or week.")] = "week",
    since: SinceDay = None,
    out: Annotated[Path | None, typer.Option(help="Draw the chart to a .png or .svg.")] = None,
    fmt: Format = "table",
) -> None:
    """The escalation index of a pair per day or week (conflict minus cooperation, weighted by
    intensity, from events counted once): printed, or drawn with --out (needs matplotlib)."""
    from crisisdesk.events import PERIODS, main_events
    from crisisdesk.serve.event_listing import show_trend, trend_periods

    if by not in PERIODS:
        raise typer.BadParameter(f"--by must be one of {', '.join(PERIODS)}")
    check_format(fmt)
    sides = parse_pair(pair)
    assert sides is not None
    with reading(db) as desk:
        periods = trend_periods(desk, sides, by=by, since=parse_date(since))
    if out is None:
        show_trend(periods, fmt)
        return
    from crisisdesk.events.chart import draw

    if not out.parent.is_dir():
        raise CrisisdeskError(f"cannot write {out}: no folder {out.parent}")
    draw(periods, main_events(periods), pair=pair, by=by, path=out)
    say("wrote", out)


@app.command()
def ask(
    question: Annotated[
        str | None, typer.Argument(help="A question about the stored coverage.")
    ] = None,
    batch: Annotated[Path | None, typer.Option(help="JSONL of {id, question, context?}.")] = None,
    db: DbOption = None,
    llm: LlmOption = None,
) -> None:
    """Answer from the sources, with citations; a null answer means the sources do not say."""
    if (question is None) == (batch is None):
        raise typer.BadParameter("give a QUESTION or --batch FILE")
    if batch is not None:
        answer_batch(batch, db, llm)
        return
    with reading(db, llm) as desk:
        show_answer(question or "", desk)


@dataclass(frozen=True, slots=True)
class Question:
    """One line of an `ask --batch` file."""

    id: str | None
    question: str
    context: str | None = None


def answer_batch(path: Path, db: Path | None, llm: str | None = None) -> None:
    """One JSON answer per good line; bad lines are reported and make the exit code 1. Lines
    that all carry a context need no evidence base."""
    questions, bad = read_questions(path)
    if questions:
        needs_store = any(q.context is None for q in questions)
        opened = reading(db, llm) if needs_store else Desk(":memory:", settings=with_llm(llm))
        with opened as desk:
            for q in questions:
                write_json(desk.ask(q.question, context=q.context, qid=q.id).to_json())
    if bad:
        raise typer.Exit(1)


def read_questions(path: Path) -> tuple[list[Question], int]:
    """The questions of a JSONL file and how many lines were bad (each reported on stderr)."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError:
        raise CrisisdeskError(f"cannot read {path}: not UTF-8 text") from None
    except OSError as exc:
        raise CrisisdeskError(f"cannot read {path}: {exc.strerror or exc}") from None
    questions, bad = [], 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            questions.append(parse_question(line))
        except ValueError as exc:
            say("error:", f"{path}:{number}: {exc}", "red")
            bad += 1
    return questions, bad


def parse_question(line: str) -> Question:
    """A question line, or ValueError saying what is wrong with it."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    qid, question, context = item.get("id"), item.get("question"), item.get("context")
    if not isinstance(question, str):
        raise ValueError('"question" must be a string')
    if not isinstance(context, str | None):
        raise ValueError('"context" must be a string or null')
    if isinstance(qid, bool) or not isinstance(qid, str | int | None):
        raise ValueError('"id" must be a string')
    return Question(None if qid is None else str(qid), question, context)


def show_answer(question: str, desk: Desk) -> None:
    """The question, the answer (or why there is none) and each citation with its sentence."""
    answers.show(question, desk.ask(question), Console())


@app.command()
def chat(db: DbOption = None, llm: LlmOption = None) -> None:
    """Ask in a row: numbers pick a suggested question, follow-ups ("and its range?", "what
    did he say?") continue the thread; an empty line or Ctrl-D ends."""
    from crisisdesk.ask.suggest import suggestions

    out = Console()
    with reading(db, llm) as desk:
        offered = [q for q, _ in suggestions(desk.store, desk.ask)]
        if offered:
            out.print(Text("Questions the sources answer:", style="bold"))
            for n, question in enumerate(offered, 1):
                out.print(Text.assemble(f"  {n}. ", safe.clean(question)))
        converse(desk, offered, out)


def converse(desk: Desk, offered: list[str], out: Console) -> None:
    """The question-and-answer loop of `chat`."""
    from crisisdesk.ask.thread import Thread

    thread = Thread()
    while True:
        try:
            line = Prompt.ask("[bold]ask[/]", console=out, default="", show_default=False)
        except (EOFError, KeyboardInterrupt):
            break
        line = line.strip()
        if not line or line.lower() in ("quit", "exit"):
            break
        if line.isdigit() and 1 <= int(line) <= len(offered):
            line = offered[int(line) - 1]
        asked, answer = answers.ask_in_thread(desk, thread, line)
        if asked != line:
            out.print(Text(f"(taken as: {safe.clean(asked)})", style="dim"))
        answers.show(asked, answer, out)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to bind (another than loopback: set a token).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the evidence base over HTTP: the API (OpenAPI at /docs) and the web page at /.
    The store is created when missing; writes need CRISISDESK_SERVE__TOKEN off loopback."""
    from crisisdesk.serve import http

    settings = get_settings()
    note = http.writes_note(settings, host)
    if note:
        say("note:", note, "yellow")
    say("serving", f"{db or settings.db} at http://{host}:{port}/ (API docs: /docs)", "green")
    http.serve(db, host=host, port=port, settings=settings)


@app.command()
def demo() -> None:
    """Ingest the bundled sample reports into a temporary store, brief, and answer questions."""
    from crisisdesk.brief.render import render

    sample = Path(str(resources.files("crisisdesk") / "sample" / "reports.jsonl"))
    with tempfile.TemporaryDirectory() as tmp, Desk(Path(tmp) / "demo.db") as desk:
        show_report(desk.ingest([sample]))
        Console().print(safe.text(render(desk.brief(), "md")))
        for question in DEMO_QUESTIONS:
            show_answer(question, desk)
