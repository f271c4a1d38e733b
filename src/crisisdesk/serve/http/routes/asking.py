"""Questions: an answer from the stored sentences with its citations (or an abstention with
its reason), follow-ups read against the conversation's last question and answer, and
questions the store answers, to offer a reader."""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from crisisdesk.desk import Desk
from crisisdesk.records import Answer
from crisisdesk.serve.answers import ask_in_thread
from crisisdesk.serve.http import models
from crisisdesk.serve.http.deps import ServiceDep
from crisisdesk.serve.http.service import Service

router = APIRouter(prefix="/api", tags=["ask"])


@router.post("/ask", response_model=models.Answer)
async def ask(question: models.Question, service: ServiceDep) -> dict[str, Any]:
    """Answer a question. Send the `thread` of an answer with the next question to ask a
    follow-up ("and its range?"); a `context` is answered from that text alone."""
    if question.context is not None:
        text = question.question
        answer = await service.readers.run(lambda desk: desk.ask(text, context=question.context))
        return answered(text, answer, None)
    conversation = service.conversations.open(question.thread)
    if conversation is None:
        raise HTTPException(404, "unknown or expired thread: ask without one to start again")
    thread_id, thread, lock = conversation

    def work(desk: Desk) -> tuple[str, Answer]:
        with lock:
            return ask_in_thread(desk, thread, question.question)

    asked, answer = await service.readers.run(work)
    return answered(asked, answer, thread_id)


def answered(asked: str, answer: Answer, thread: str | None) -> dict[str, Any]:
    return {**answer.to_json(), "summary": answer.summary(), "asked": asked, "thread": thread}


@router.get("/ask/suggestions", response_model=list[models.Suggestion])
async def suggestions(
    service: ServiceDep, limit: Annotated[int, Query(ge=1, le=10)] = 5
) -> list[dict[str, Any]]:
    """Questions the stored sources answer, each with its short answer; worked out again
    when the store changes."""
    offered = await service.readers.run(lambda desk: suggested(desk, service, limit))
    return [{"question": q, "answer": a} for q, a in offered]


def suggested(desk: Desk, service: Service, limit: int) -> list[tuple[str, str | None]]:
    from crisisdesk.ask.suggest import suggestions as found

    def made() -> list[tuple[str, str | None]]:
        return [(q, a.summary()) for q, a in found(desk.store, desk.ask, limit=limit)]

    return service.kept.get(desk, ("suggestions", limit), made)
