"""Follow-ups in a conversation become whole questions; suggested questions are answerable."""

from pathlib import Path

from spacy.language import Language
from typer.testing import CliRunner

from crisisdesk.ask import question as questions
from crisisdesk.ask.suggest import suggestions
from crisisdesk.ask.thread import Thread
from crisisdesk.desk import Desk
from crisisdesk.records import Answer, Said
from crisisdesk.serve.cli import app


def test_a_fragment_swaps_the_focus_of_the_previous_question(nlp: Language) -> None:
    thread = Thread()
    thread.remember(
        questions.read("How many missiles did the minister say were deployed?", nlp),
        Answer(None, "5,000", 0.9),
    )
    assert thread.resolve("and reservists?") == (
        "How many reservists did the minister say were deployed?"
    )


def test_a_fragment_swaps_the_names_that_modify_the_focus(nlp: Language) -> None:
    thread = Thread()
    thread.remember(
        questions.read("How many Igla-S missiles did Maduro say were deployed?", nlp),
        Answer(None, "5,000", 0.9),
    )
    assert thread.resolve("and reservists?") == "How many reservists did Maduro say were deployed?"


def test_pronouns_take_the_previous_names_and_speaker(nlp: Language) -> None:
    thread = Thread()
    said = Said("the minister", "Tomas Arkell", "claimed", "claimed")
    thread.remember(
        questions.read("What is the range of the Igla-S?", nlp),
        Answer(None, "6,000 meters", 0.8, attribution=said),
    )
    assert thread.resolve("and its altitude?") == "What is the altitude of Igla-S?"
    assert thread.resolve("What did he say next?") == "What did Tomas Arkell say next?"
    assert Thread().resolve("What did he say?") == "What did he say?"  # no previous turn


def test_suggestions_are_questions_the_store_answers(desk: Desk, sample_path: Path) -> None:
    desk.ingest([sample_path])
    offered = suggestions(desk.store, desk.ask)
    assert offered
    for question, answer in offered:
        assert answer.text is not None
        assert desk.ask(question).text == answer.text


def test_chat_answers_a_follow_up(desk: Desk, sample_path: Path) -> None:
    desk.ingest([sample_path])
    lines = "What is the range of the Igla-S?\nand its altitude?\n\n"
    result = CliRunner().invoke(app, ["chat", "--db", desk.store.path], input=lines)  # type: ignore[attr-defined]
    assert result.exit_code == 0
    assert "taken as: What is the altitude of Igla-S?" in result.stdout
    assert "3,500 meters" in result.stdout
