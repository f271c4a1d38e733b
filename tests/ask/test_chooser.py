"""The reader model's restricted choice on the bundled sample: what the model is offered, the
grammar and schema that hold it to the candidates, the checks on its reply, and answers that
fall back to crisisdesk's own choice when an endpoint fails (real HTTP endpoints on 127.0.0.1,
scripted; tests/ask/test_chooser_llama.py runs a real llama.cpp server)."""

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crisisdesk.analyze import gazetteer
from crisisdesk.ask import question as questions
from crisisdesk.ask.answer import Scored, Sources, confidence, scored
from crisisdesk.ask.chooser import (
    ABSTAIN,
    Offer,
    endpoint,
    gbnf_literal,
    grammar,
    offer,
    parse,
    prompt,
    request_body,
    schema,
)
from crisisdesk.ask.retrieve import retrieve
from crisisdesk.desk import Desk
from crisisdesk.records import Answer
from crisisdesk.serve.cli import app
from crisisdesk.settings import AskSettings, Settings

WHO = "Who authorized the CIA to conduct covert action in Venezuela?"
HOW_MANY = "How many Igla-S missiles did Maduro say were deployed?"


def stored(db: Path, sample_path: Path) -> Path:
    """A store at `db` holding the bundled sample."""
    with Desk(db, settings=Settings()) as desk:
        assert desk.ingest([sample_path]).added == 5
    return db


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Path:
    return stored(tmp_path_factory.mktemp("chooser") / "sample.db", sample_path)


@pytest.fixture(scope="module")
def sample_desk(sample_db: Path) -> Iterator[Desk]:
    with Desk(sample_db, create=False, settings=Settings()) as desk:
        yield desk


def offered(question: str, desk: Desk) -> Offer:
    """What the model is offered for `question` over the store: the candidates above the bar."""
    read = questions.read(question, desk.nlp)
    ask = desk.settings.ask
    passages = retrieve(read, desk.store, limit=ask.top_k)
    ranked = scored(read, passages, Sources(desk.store, desk.nlp, gazetteer(desk.settings), ask))
    return offer(question, [s for s in ranked if confidence(s) >= ask.min_confidence])


def with_llm(url: str, **more: object) -> Settings:
    """The default settings with a reader model at `url`."""
    settings = Settings()
    ask = AskSettings.model_validate({**settings.ask.model_dump(), "llm_url": url, **more})
    return settings.model_copy(update={"ask": ask})


def asked(question: str, db: Path, settings: Settings) -> Answer:
    with Desk(db, create=False, settings=settings) as desk:
        return desk.ask(question)


def test_the_offer_numbers_sentences_and_their_verbatim_candidates(sample_desk: Desk) -> None:
    made = offered(WHO, sample_desk)
    assert list(made.options)[:4] == ["[1] Trump", "[2] Maduro", "[2] Donald Trump", "[3] Maduro"]
    assert (
        made.sentences[0] == "Trump has authorized the CIA to conduct covert action in Venezuela."
    )
    for key, chosen in made.options.items():
        n, span = re.match(r"\[(\d+)\] (.*)", key).groups()  # type: ignore[union-attr]
        hit, cand = chosen.passage.hit, chosen.candidate
        assert hit.text == made.sentences[int(n) - 1]
        assert hit.text[cand.start - hit.start : cand.end - hit.start] == span


def test_only_candidates_above_the_bar_are_offered(sample_desk: Desk) -> None:
    bar = sample_desk.settings.ask.min_confidence
    assert all(confidence(s) >= bar for s in offered(WHO, sample_desk).options.values())
    assert offered("What is the capital of France?", sample_desk).options == {}


def test_the_prompt_shows_each_passage_with_its_candidates_then_the_question(
    sample_desk: Desk,
) -> None:
    text = prompt(offered(WHO, sample_desk))
    assert text.splitlines()[1].startswith("[1] Trump has authorized the CIA")
    assert "Candidates: [1] Trump" in text
    assert text.index("[2] President Donald Trump has stated") < text.index(f"Question: {WHO}")
    counted = prompt(offered(HOW_MANY, sample_desk))
    assert "Candidates: [1] 5,000" in counted
    assert "6,000" not in counted  # the missile's range counts no missiles


def test_the_grammar_allows_the_candidates_and_abstaining_only(sample_desk: Desk) -> None:
    made = offered(WHO, sample_desk)
    literals = " | ".join(f'"{option}"' for option in made.options)
    assert grammar(made) == f'root ::= {literals} | "[0] not stated"'
    assert grammar(made).startswith('root ::= "[1] Trump" | "[2] Maduro"')
    enum = schema(made)["properties"]["answer"]["enum"]
    assert enum == [*made.options, ABSTAIN]


def test_grammar_literals_escape_quotes_backslashes_and_line_breaks() -> None:
    assert (
        gbnf_literal('the “Shield” said "no" \\ ok\n') == '"the “Shield” said \\"no\\" \\\\ ok\\n"'
    )


def test_the_request_holds_the_reply_by_grammar_or_by_json_schema(sample_desk: Desk) -> None:
    made = offered(WHO, sample_desk)
    by_grammar = request_body(made, AskSettings(llm_url="http://127.0.0.1:1"))
    assert by_grammar["grammar"] == grammar(made)
    assert "response_format" not in by_grammar
    assert "model" not in by_grammar
    assert by_grammar["temperature"] == 0
    assert by_grammar["max_tokens"] >= len("[2] Donald Trump")
    settings = AskSettings(llm_url="http://127.0.0.1:1", llm_format="json_schema", llm_model="m")
    by_schema = request_body(made, settings)
    assert by_schema["response_format"]["json_schema"]["schema"] == schema(made)
    assert (by_schema["model"], "grammar" in by_schema) == ("m", False)


def test_a_reply_must_be_exactly_one_candidate_or_abstain(sample_desk: Desk) -> None:
    made = offered(WHO, sample_desk)
    chosen = parse("[2] Donald Trump\n", made, "grammar")
    assert isinstance(chosen, Scored)
    assert chosen.candidate.text == "Donald Trump"
    assert chosen.passage.hit.text == made.sentences[1]
    assert parse(" [0] not stated", made, "grammar") is None
    for reply in ("Donald Trump", "[1] Donald Trump", "[2] Donald Trump.", "[1] Trump [3] Maduro"):
        with pytest.raises(ValueError, match="not one of the candidates"):
            parse(reply, made, "grammar")


def test_a_json_reply_must_carry_one_candidate(sample_desk: Desk) -> None:
    made = offered(WHO, sample_desk)
    chosen = parse('{"answer": "[1] Trump"}', made, "json_schema")
    assert chosen is not None
    assert chosen.candidate.text == "Trump"
    with pytest.raises(ValueError, match="not one of the candidates"):
        parse('{"answer": "the CIA"}', made, "json_schema")
    for reply in ("[1] Trump", '{"choice": "[1] Trump"}', '["[1] Trump"]'):
        with pytest.raises(ValueError, match=r"JSON|answer"):
            parse(reply, made, "json_schema")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/v1/chat/completions"),
        ("http://localhost:11434/v1/", "http://localhost:11434/v1/chat/completions"),
        ("https://h/v1/chat/completions", "https://h/v1/chat/completions"),
    ],
)
def test_a_base_url_leads_to_chat_completions(url: str, expected: str) -> None:
    assert endpoint(url) == expected


class Scripted(BaseHTTPRequestHandler):
    """A chat completions endpoint that replies as its server's `behaviour` says: the last
    candidate its grammar allows, abstain, something off the list, late, or an error."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        behaviour = self.server.behaviour  # type: ignore[attr-defined]
        if behaviour == "error":
            self.send_error(500)
            return
        if behaviour == "slow":
            time.sleep(1.5)
        allowed = re.findall(r'"((?:[^"\\]|\\.)*)"', body["grammar"])
        text = {"last": allowed[-2], "abstain": ABSTAIN}.get(behaviour, "Donald Trump")
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": text}}]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload.encode())))
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, *args: object) -> None:
        """Quiet."""


@contextmanager
def scripted(behaviour: str) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    server.behaviour = behaviour  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_models_pick_is_the_answer_with_its_checked_citation(
    sample_db: Path, sample_desk: Desk
) -> None:
    last = last_option(sample_desk)
    with scripted("last") as url:
        answer = asked(WHO, sample_db, with_llm(url))
    assert (answer.text, answer.reason) == (last, None)
    assert last in answer.citations[0].text
    assert sample_desk.ask(WHO).text == "Trump"


def last_option(desk: Desk) -> str:
    """The span of the last candidate offered for WHO (the scripted model's "last" pick)."""
    return list(offered(WHO, desk).options)[-1].split("] ", 1)[1]


def test_the_model_may_abstain_where_crisisdesk_answers(sample_db: Path) -> None:
    with scripted("abstain") as url:
        answer = asked(WHO, sample_db, with_llm(url))
    assert (answer.text, answer.citations) == (None, ())
    assert answer.reason == "the reader model found no answer among the candidates"


def test_the_model_is_not_asked_where_crisisdesk_abstains(sample_db: Path) -> None:
    with scripted("last") as url:
        answer = asked("What is the range of the Stinger's successor?", sample_db, with_llm(url))
    assert answer.text is None
    assert "reader model" not in (answer.reason or "")


@pytest.mark.parametrize(
    ("behaviour", "why"),
    [("off", "not one of the candidates"), ("slow", "timed out"), ("error", "HTTP 500")],
)
def test_a_failing_endpoint_leaves_crisisdesks_own_answer_with_a_note(
    sample_db: Path, behaviour: str, why: str
) -> None:
    with scripted(behaviour) as url:
        answer = asked(HOW_MANY, sample_db, with_llm(url, llm_timeout_s=0.5))
    assert answer.text == "5,000"
    assert answer.citations[0].text.startswith("Venezuelan President Nicolás Maduro claimed")
    assert why in (answer.reason or "")
    assert (answer.reason or "").endswith("crisisdesk's own choice")


def test_no_endpoint_listening_leaves_crisisdesks_own_answer(sample_db: Path) -> None:
    answer = asked(HOW_MANY, sample_db, with_llm(f"http://127.0.0.1:{closed_port()}"))
    assert answer.text == "5,000"
    assert "refused" in (answer.reason or "")


def test_the_cli_takes_an_endpoint_and_rejects_what_is_not_one(
    sample_db: Path, sample_desk: Desk
) -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["ask", HOW_MANY, "--db", str(sample_db), "--llm", "file:///etc"])
    assert bad.exit_code == 2
    assert "not an http(s) URL" in bad.output
    with scripted("last") as url:
        good = runner.invoke(app, ["ask", WHO, "--db", str(sample_db), "--llm", url])
    assert good.exit_code == 0, good.output
    assert f"A: {last_option(sample_desk)}" in good.stdout
