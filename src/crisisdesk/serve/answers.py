"""An answer on the terminal: the answer as a reader says it (who claims it, the doubt on it),
each citation with its sentence, the sources that agree and those that say otherwise. Stored
text is printed as plain `Text` (never markup), cleaned of control characters."""

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from crisisdesk import safe
from crisisdesk.records import Answer, Citation

if TYPE_CHECKING:
    from crisisdesk.ask.thread import Thread
    from crisisdesk.desk import Desk


def ask_in_thread(desk: "Desk", thread: "Thread", line: str) -> tuple[str, Answer]:
    """Answer a question of a conversation: a follow-up ("and its range?") is first rewritten
    into the whole question it stands for; that question and its answer are remembered."""
    from crisisdesk.ask import question as questions

    asked = thread.resolve(line)
    answer = desk.ask(asked)
    thread.remember(questions.read(asked, desk.nlp), answer)
    return asked, answer


def where(c: Citation) -> str:
    """Outlet, date, document and character offsets of a citation."""
    when = c.published.isoformat() if c.published else "undated"
    return f"{c.outlet or '?'}, {when}, doc {c.doc[:8]} chars {c.start}-{c.end}"


def cited(c: Citation, lead: str = "   ") -> Text:
    quote = safe.clean(c.text).strip()
    return Text.assemble(lead, (safe.clean(where(c) + ":"), "dim"), " “", quote, "”")


def show(question: str, answer: Answer, out: Console) -> None:
    """Print a question and its answer, or why there is none."""
    out.print(Text.assemble(("Q:", "bold"), " ", safe.clean(question)))
    if answer.text is None:
        out.print(Text.assemble(("A:", "bold"), " ", safe.clean(f"(no answer: {answer.reason})")))
        return
    confidence = f"(confidence {answer.confidence:.2f})"
    said = safe.clean(answer.summary() or answer.text)
    out.print(Text.assemble(("A:", "bold"), " ", said, "  ", (confidence, "dim")))
    for c in answer.citations:
        out.print(cited(c))
    for c in answer.agree:
        out.print(cited(c, "   also "))
    for other in answer.disagree:
        out.print(Text.assemble("   but ", (safe.clean(other.text), "bold"), ":"))
        out.print(cited(other.citation, "      "))
