"""The optional reader model: an OpenAI-compatible endpoint (llama.cpp server, Ollama, vLLM)
that picks the answer among the candidate spans crisisdesk has already accepted.

The model sees the top sentences holding accepted candidates, numbered by passage, with their
candidates written "[n] span", and may only reply one of those pairs or ABSTAIN: a llama.cpp
`grammar` (GBNF) or a JSON schema (`response_format`) built from the list holds it there, and
the reply is checked again here, so every answer stays a verbatim span of a stored sentence
with a checked citation. Abstention stays crisisdesk's: the model is asked only where
crisisdesk would answer, and may only narrow that to an abstention. An endpoint that fails,
is slow or replies off the list leaves crisisdesk's own choice, with a note.
Left out: API keys, streaming, a total deadline (the timeout bounds each network read).
"""

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.client import HTTPException
from typing import TYPE_CHECKING, Any

from crisisdesk.settings import AskSettings

if TYPE_CHECKING:
    from crisisdesk.ask.answer import Scored

log = logging.getLogger(__name__)

#: the reply that says the passages do not answer
ABSTAIN = "[0] not stated"
#: sentences offered to the model, and candidates offered from each
PASSAGES = 5
PER_PASSAGE = 5
#: the largest reply body read from the endpoint
MAX_REPLY = 1_000_000
SYSTEM = (
    "You answer a question from numbered news passages. Reply with exactly one of the listed "
    "candidate answers, copied as written: the passage number in brackets, then the span. "
    f"If no candidate answers the question, reply {ABSTAIN}."
)


@dataclass(frozen=True, slots=True)
class Offer:
    """What the model is shown: the question, the numbered sentences, and each allowed reply
    ("[n] span") with the candidate it stands for."""

    question: str
    sentences: tuple[str, ...]
    options: dict[str, "Scored"]


@dataclass(frozen=True, slots=True)
class Choice:
    """The candidates with the chosen one first (empty: the model abstained) and a note saying
    why the model's choice was not taken or what it decided (None: nothing to say)."""

    ranked: list["Scored"]
    note: str | None = None


def choose(
    question: str,
    ranked: list["Scored"],
    confident: Callable[["Scored"], float],
    settings: AskSettings,
) -> Choice:
    """crisisdesk's ranking with the model's pick first, when `settings.llm_url` names an
    endpoint; the candidates offered are those whose confidence reaches the abstention bar."""
    if settings.llm_url is None:
        return Choice(ranked)
    made = offer(question, [s for s in ranked if confident(s) >= settings.min_confidence])
    try:
        picked = parse(reply(request_body(made, settings), settings), made, settings.llm_format)
    except (OSError, HTTPException, ValueError) as exc:
        note = f"reader model not used ({why(exc)}): crisisdesk's own choice"
        log.warning("%s", note)
        return Choice(ranked, note)
    if picked is None:
        return Choice([], "the reader model found no answer among the candidates")
    return Choice([picked, *(s for s in ranked if s is not picked)])


def offer(question: str, accepted: list["Scored"]) -> Offer:
    """The first PASSAGES sentences holding accepted candidates, best first, each with its
    best PER_PASSAGE distinct candidates."""
    numbers: dict[str, int] = {}
    sentences: list[str] = []
    options: dict[str, Scored] = {}
    for s in accepted:
        text = s.passage.hit.text
        if text not in numbers:
            if len(numbers) == PASSAGES:
                continue
            numbers[text] = len(numbers) + 1
            sentences.append(text)
        n = numbers[text]
        key = f"[{n}] {s.candidate.text}"
        if key not in options and sum(k.startswith(f"[{n}] ") for k in options) < PER_PASSAGE:
            options[key] = s
    return Offer(question, tuple(sentences), options)


def prompt(made: Offer) -> str:
    """The user message: each numbered sentence with its candidates, then the question."""
    lines = ["Passages:"]
    for n, sentence in enumerate(made.sentences, 1):
        own = [k for k in made.options if k.startswith(f"[{n}] ")]
        lines += [f"[{n}] {' '.join(sentence.split())}", f"Candidates: {' | '.join(own)}"]
    lines += ["", f"Question: {made.question}", f"Answer with one candidate, or {ABSTAIN}."]
    return "\n".join(lines)


def grammar(made: Offer) -> str:
    """A GBNF grammar whose only sentences are the allowed replies."""
    return "root ::= " + " | ".join(gbnf_literal(o) for o in replies(made))


def gbnf_literal(text: str) -> str:
    """`text` as a quoted GBNF string (backslash, quote and control characters escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def schema(made: Offer) -> dict[str, Any]:
    """A JSON schema of `{"answer": one allowed reply}`."""
    answer = {"type": "string", "enum": replies(made)}
    return {
        "type": "object",
        "properties": {"answer": answer},
        "required": ["answer"],
        "additionalProperties": False,
    }


def replies(made: Offer) -> list[str]:
    return [*made.options, ABSTAIN]


def request_body(made: Offer, settings: AskSettings) -> dict[str, Any]:
    """A chat completion request held to the allowed replies, greedy, as long as the longest."""
    body: dict[str, Any] = {
        "messages": [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": prompt(made)},
        ],
        "temperature": 0,
        "max_tokens": 24 + max(len(r) for r in replies(made)),
    }
    if settings.llm_model:
        body["model"] = settings.llm_model
    if settings.llm_format == "grammar":
        body["grammar"] = grammar(made)
    else:
        spec = {"name": "answer", "strict": True, "schema": schema(made)}
        body["response_format"] = {"type": "json_schema", "json_schema": spec}
    return body


def parse(text: str, made: Offer, form: str) -> "Scored | None":
    """The candidate a reply names, None for ABSTAIN; ValueError for anything that is not
    exactly one allowed reply (surrounding white space aside)."""
    said = answer_field(text) if form == "json_schema" else text.strip()
    if said == ABSTAIN:
        return None
    if said not in made.options:
        raise ValueError(f"replied {said[:80]!r}, not one of the candidates")
    return made.options[said]


def answer_field(text: str) -> str:
    """The "answer" of a JSON reply."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise ValueError(f"replied {text[:80]!r}, not JSON") from None
    if not isinstance(value, dict) or not isinstance(value.get("answer"), str):
        raise ValueError(f'replied {text[:80]!r}, no "answer" string')
    return str(value["answer"]).strip()


def reply(body: dict[str, Any], settings: AskSettings) -> str:
    """The text of the endpoint's first choice for a chat completion request."""
    request = urllib.request.Request(
        endpoint(settings.llm_url or ""),
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=settings.llm_timeout_s) as response:
        payload = json.loads(response.read(MAX_REPLY))
    try:
        content = payload["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise ValueError("the reply is not a chat completion") from None
    if not isinstance(content, str):
        raise ValueError("the reply has no text")
    return content


def endpoint(url: str) -> str:
    """The chat completions URL of a base URL: "http://host:8080" and "http://host:8080/v1"
    both lead to ".../v1/chat/completions"; a full one is kept."""
    url = url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return f"{url}/chat/completions" if url.endswith("/v1") else f"{url}/v1/chat/completions"


def why(exc: Exception) -> str:
    """A short reason for a failed request: the HTTP status, a timeout, the network error."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code}"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return str(exc)
