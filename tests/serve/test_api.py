"""The HTTP API over a real store of the bundled sample: contracts, citations that slice the
stored text, follow-ups, filters and pages, ingest jobs, who may write, and 4xx for bad input."""

import json
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from crisisdesk.serve.http import Service, create_app
from crisisdesk.settings import Settings
from tests.serve.servers import MARKUP, SEED_QUESTION, sample_store, service

BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def sample_service(
    tmp_path_factory: pytest.TempPathFactory, sample_path: Path, settings: Settings
) -> Iterator[Service]:
    db = sample_store(tmp_path_factory.mktemp("api") / "sample.db", sample_path, settings)
    with service(db, settings) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(sample_service: Service) -> TestClient:
    return TestClient(create_app(sample_service), base_url=BASE)


@pytest.fixture
def empty(tmp_path: Path, settings: Settings) -> Iterator[Service]:
    with service(tmp_path / "new.db", settings) as opened:
        yield opened


def text_of(client: TestClient, doc: str) -> str:
    response = client.get(f"/api/documents/{doc}")
    assert response.status_code == 200, response.text
    text: str = response.json()["text"]
    return text


def assert_cites(client: TestClient, citation: dict[str, Any]) -> None:
    """A citation's text is exactly the stored text at its offsets."""
    text = text_of(client, citation["doc"])
    assert text[citation["start"] : citation["end"]] == citation["text"]


def finished(client: TestClient, job: dict[str, Any]) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while job["state"] in ("queued", "running"):
        assert time.monotonic() < deadline, job
        time.sleep(0.1)
        job = client.get(f"/api/jobs/{job['id']}").json()
    return job


def test_status_counts_the_sample(client: TestClient) -> None:
    status = client.get("/api/status").json()
    assert status["documents"] == 6
    assert status["first_published"] == "2025-10-23"
    assert status["attributions"] > 0


def test_ask_answers_the_seed_with_a_citation_that_slices_the_text(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": SEED_QUESTION})
    assert response.status_code == 200
    answer = response.json()
    assert answer["answer"] == "5,000"
    assert "Nicolás Maduro" in answer["summary"]
    assert answer["asked"] == SEED_QUESTION
    assert answer["thread"]
    assert "5,000" in answer["citations"][0]["text"]
    for citation in answer["citations"] + answer["agree"]:
        assert_cites(client, citation)


def test_a_follow_up_is_read_against_the_thread(client: TestClient) -> None:
    first = client.post("/api/ask", json={"question": SEED_QUESTION}).json()
    follow = client.post(
        "/api/ask", json={"question": "and reservists?", "thread": first["thread"]}
    )
    answer = follow.json()
    assert answer["asked"] != "and reservists?"
    assert "reservists" in answer["asked"]
    assert answer["thread"] == first["thread"]
    assert answer["answer"] == "8 million"


def test_an_unknown_thread_is_404(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "and its range?", "thread": "nope"})
    assert response.status_code == 404
    assert "thread" in response.json()["detail"]


def test_ask_with_a_context_answers_from_it_alone(client: TestClient) -> None:
    context = "The ministry said 300 soldiers crossed the border on Monday."
    answer = client.post(
        "/api/ask", json={"question": "How many soldiers crossed the border?", "context": context}
    ).json()
    assert answer["answer"] == "300"
    assert answer["thread"] is None


def test_an_answer_says_who_reports_the_words_it_gives(client: TestClient) -> None:
    context = (
        "Military analysts say Mr. Putin would recognize the folly in waging an open-ended war "
        "in Syria."
    )
    answer = client.post(
        "/api/ask",
        json={"question": "What did Putin say about the war in Syria?", "context": context},
    ).json()
    assert answer["attribution"]["via"] == "Military analysts"


def test_suggested_questions_are_answered(client: TestClient) -> None:
    offered = client.get("/api/ask/suggestions?limit=3").json()
    assert 0 < len(offered) <= 3
    assert all(s["question"].endswith("?") and s["answer"] for s in offered)


def test_brief_items_all_cite_the_stored_text(client: TestClient) -> None:
    brief = client.get("/api/brief").json()
    assert brief["documents"] == 6
    sections = {k: v for k, v in brief.items() if isinstance(v, list)}
    assert sections["key_points"]
    assert sections["claims"]
    for items in sections.values():
        for item in items:
            assert item["citations"], item
            for citation in item["citations"][:1]:
                assert_cites(client, citation)


def test_brief_as_markdown_and_html_escapes_the_article_markup(client: TestClient) -> None:
    md = client.get("/api/brief?format=md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Crisis brief")
    html = client.get("/api/brief?format=html")
    assert html.headers["content-type"].startswith("text/html")
    assert "<script>" not in html.text
    assert "<b>fake</b>" not in html.text


def test_brief_takes_topic_and_actor(client: TestClient) -> None:
    about = client.get("/api/brief?topic=Igla-S").json()
    shown = [about["lede"], *about["key_points"]]
    assert shown
    assert all("Igla-S" in point["text"] for point in shown)
    trump = client.get("/api/brief?actor=Trump&until=2025-10-24").json()
    assert all("Trump" in point["text"] for point in [trump["lede"], *trump["key_points"]])


def test_brief_since_is_passed_on(client: TestClient) -> None:
    later = client.get("/api/brief?since=2025-10-24").json()
    assert later.get("since", "2025-10-24") == "2025-10-24"
    items = [i for v in later.values() if isinstance(v, list) for i in v if isinstance(i, dict)]
    days = {c["published"] for item in items for c in item.get("citations", [])}
    assert days
    assert all(day >= "2025-10-24" for day in days)


def test_claims_filter_by_actor_alias_and_stance(client: TestClient) -> None:
    page = client.get("/api/claims?actor=Maduro").json()
    assert page["items"]
    assert {r["actor"] for r in page["items"]} == {"Nicolás Maduro"}
    claimed = client.get("/api/claims?stance=claimed").json()["items"]
    assert claimed
    assert {r["stance"] for r in claimed} == {"claimed"}
    for row in claimed:
        text = text_of(client, row["doc"])
        assert text[row["cue_start"] : row["cue_end"]] == row["cue"]


def test_claims_come_in_pages(client: TestClient) -> None:
    first = client.get("/api/claims?limit=2").json()
    assert len(first["items"]) == 2
    assert first["next_offset"] == 2
    second = client.get("/api/claims?limit=2&offset=2").json()
    assert second["items"]
    assert second["items"] != first["items"]
    last = client.get("/api/claims?limit=500").json()
    assert last["next_offset"] is None


def test_numbers_by_actor(client: TestClient) -> None:
    rows = client.get("/api/numbers?actor=Maduro").json()["items"]
    assert {r["claimed_by"] for r in rows} == {"Nicolás Maduro"}
    assert any(r["base_value"] == 5000 and "Igla-S" in (r["counted"] or "") for r in rows)


def test_developments_cite_every_report(client: TestClient) -> None:
    found = client.get("/api/developments?actor=Maduro&limit=2").json()
    assert len(found["items"]) == 2
    first = found["items"][0]
    assert first["documents"] == 2
    assert len(first["outlets"]) == 2
    for report in first["reports"]:
        assert_cites(client, {k: report[k] for k in ("doc", "start", "end", "text")})
    assert client.get("/api/developments?since=2025-13-01").status_code == 422


def test_events_and_the_trend_of_a_pair(client: TestClient) -> None:
    events = client.get("/api/events?pair=USA-VEN").json()["items"]
    assert events
    assert all(e["reports"] for e in events)
    assert_cites(
        client,
        {
            "doc": events[0]["reports"][0]["doc"],
            "start": events[0]["reports"][0]["sentence_start"],
            "end": events[0]["reports"][0]["sentence_end"],
            "text": events[0]["reports"][0]["sentence"],
        },
    )
    periods = client.get("/api/trend?pair=USA-VEN&by=week").json()
    assert periods
    assert periods[0]["period"] == "2025-10-20"


def test_trend_chart_is_svg_or_png(client: TestClient) -> None:
    pytest.importorskip("matplotlib")
    svg = client.get("/api/trend?pair=USA-VEN&format=svg")
    assert svg.headers["content-type"] == "image/svg+xml"
    assert b"<svg" in svg.content
    png = client.get("/api/trend?pair=USA-VEN&format=png")
    assert png.content.startswith(b"\x89PNG")


def test_trend_chart_without_matplotlib_is_501(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    response = client.get("/api/trend?pair=USA-VEN&format=png")
    assert response.status_code == 501
    assert "crisisdesk[plot]" in response.json()["detail"]


def test_document_holds_its_records_and_the_span_to_mark(client: TestClient) -> None:
    answer = client.post("/api/ask", json={"question": SEED_QUESTION}).json()
    cited = answer["citations"][0]
    url = f"/api/documents/{cited['doc']}?start={cited['start']}&end={cited['end']}"
    doc = client.get(url).json()
    assert doc["highlight"] == {"start": cited["start"], "end": cited["end"]}
    assert any(e["actor"] == "Nicolás Maduro" for e in doc["entities"])
    assert all(doc["text"][q["start"] : q["end"]] == q["text"] for q in doc["quantities"])


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/api/claims?limit=0", 422, "limit"),
        ("/api/claims?stance=shouted", 422, "stance"),
        ("/api/events?since=yesterday", 422, "since"),
        ("/api/events?pair=USA", 400, "pair"),
        ("/api/trend", 422, "pair"),
        ("/api/brief?format=pdf", 422, "format"),
        ("/api/documents/nope", 404, "nope"),
        ("/api/jobs/nope", 404, "nope"),
    ],
)
def test_bad_reads_are_4xx_with_a_reason(
    client: TestClient, url: str, status: int, says: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert says in response.json()["detail"]


def test_a_span_outside_the_text_is_400(client: TestClient) -> None:
    doc = client.get("/api/claims?limit=1").json()["items"][0]["doc"]
    response = client.get(f"/api/documents/{doc}?start=5&end=999999")
    assert response.status_code == 400


def test_bad_questions_are_422(client: TestClient) -> None:
    assert client.post("/api/ask", json={"question": ""}).status_code == 422
    assert client.post("/api/ask", json={"q": "x"}).status_code == 422
    broken = client.post(
        "/api/ask", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422


def test_a_body_over_the_limit_is_413(client: TestClient, sample_service: Service) -> None:
    limit = sample_service.settings.serve.max_body_bytes
    body = json.dumps({"question": "x" * (limit + 10)})
    response = client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413
    chunks = (b"x" * 65536 for _ in range(limit // 65536 + 2))
    streamed = client.post("/api/ingest/documents", content=chunks)
    assert streamed.status_code == 413


def test_the_page_and_the_docs_are_served_with_a_csp(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<script src="/static/app.js"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "textContent" in client.get("/static/app.js").text
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/static-offline-docs/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    schema = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/brief", "/api/ingest", "/api/claims"} <= set(schema["paths"])
    assert "content-security-policy" in client.get("/api/status").headers


def test_ingest_json_documents_as_a_job(empty: Service) -> None:
    client = TestClient(create_app(empty), base_url=BASE)
    assert client.get("/api/brief").json()["documents"] == 0
    docs = {"documents": [{"text": MARKUP, "title": "<b>t</b>"}], "published": "2025-10-25"}
    started = client.post("/api/ingest/documents", json=docs)
    assert started.status_code == 202
    assert started.json()["total"] == 1
    job = finished(client, started.json())
    assert job["state"] == "done"
    assert job["added"] == 1
    assert client.get("/api/status").json()["documents"] == 1
    assert client.get("/api/brief").json()["documents"] == 1  # a kept brief is made again
    claims = client.get("/api/claims").json()["items"]
    assert any("<script>" in row["sentence"] for row in claims)
    again = finished(client, client.post("/api/ingest/documents", json=docs).json())
    assert again["added"] == 0
    assert again["unchanged"] == 1


def test_ingest_uploads_and_urls(empty: Service, tmp_path: Path) -> None:
    client = TestClient(create_app(empty), base_url=BASE)
    files = [
        ("files", ("../../report.txt", MARKUP.encode(), "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    started = client.post("/api/ingest", files=files, data={"urls": "http://127.0.0.1:9/feed.xml"})
    assert started.status_code == 202, started.text
    job = finished(client, started.json())
    assert job["state"] == "done"
    assert job["added"] == 1
    reasons = " ".join(job["skipped"])
    assert "empty.txt" in reasons
    assert "127.0.0.1" in reasons
    assert "crisisdesk-upload" not in reasons
    assert client.get("/api/jobs").json()[0]["id"] == job["id"]


@pytest.mark.parametrize(
    ("data", "says"), [({}, "nothing to ingest"), ({"urls": "file:///etc/passwd"}, "URL")]
)
def test_bad_ingest_is_400(empty: Service, data: dict[str, str], says: str) -> None:
    client = TestClient(create_app(empty), base_url=BASE)
    response = client.post("/api/ingest", data=data)
    assert response.status_code == 400
    assert says in response.json()["detail"]


def test_writes_off_loopback_need_the_token(empty: Service) -> None:
    docs = {"documents": [{"text": MARKUP}]}
    open_to_all = TestClient(create_app(replace(empty, host="0.0.0.0")), base_url=BASE)
    refused = open_to_all.post("/api/ingest/documents", json=docs)
    assert refused.status_code == 403
    assert "TOKEN" in refused.json()["detail"]
    assert open_to_all.get("/api/status").status_code == 200
    serve = empty.settings.serve.model_copy(update={"token": SecretStr("s3cret")})
    guarded = replace(
        empty, host="0.0.0.0", settings=empty.settings.model_copy(update={"serve": serve})
    )
    client = TestClient(create_app(guarded), base_url=BASE)
    assert client.post("/api/ingest/documents", json=docs).status_code == 401
    wrong = client.post("/api/ingest/documents", json=docs, headers={"authorization": "Bearer no"})
    assert wrong.status_code == 401
    right = {"authorization": "Bearer s3cret"}
    assert client.post("/api/ingest/documents", json=docs, headers=right).status_code == 202


def test_a_write_from_another_site_is_refused(client: TestClient) -> None:
    docs = {"documents": [{"text": MARKUP}]}
    response = client.post(
        "/api/ingest/documents", json=docs, headers={"origin": "http://evil.example"}
    )
    assert response.status_code == 403


def test_concurrent_reads_beside_a_write(empty: Service, sample_path: Path) -> None:
    """Readers answer while the writer stores; every request succeeds."""
    client = TestClient(create_app(empty), base_url=BASE)
    sample = [json.loads(line) for line in sample_path.read_text(encoding="utf-8").splitlines()]
    assert (
        finished(client, client.post("/api/ingest/documents", json={"documents": sample}).json())[
            "added"
        ]
        == 5
    )
    docs = {"documents": [{"text": f"Officials said {n} ships arrived on Friday."} for n in (7, 8)]}
    job = client.post("/api/ingest/documents", json=docs).json()
    calls = [
        lambda: client.post("/api/ask", json={"question": SEED_QUESTION}),
        lambda: client.get("/api/claims?actor=Maduro"),
        lambda: client.get("/api/brief"),
        lambda: client.get("/api/status"),
    ] * 6
    with ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(lambda call: call(), calls))
    assert [r.status_code for r in responses] == [200] * len(calls)
    assert responses[0].json()["answer"] == "5,000"
    assert finished(client, job)["added"] == 2
