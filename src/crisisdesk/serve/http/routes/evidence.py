"""The stored evidence: status, the claims ledger, numbers, developments, events, the
escalation trend and documents with their text and records. The same library calls as the
command line."""

import importlib.util
import tempfile
import threading
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Response
from fastapi import Path as Segment

from crisisdesk.desk import Desk
from crisisdesk.serve.development_listing import development_json
from crisisdesk.serve.event_listing import event_json, parse_pair, trend_periods, trend_row
from crisisdesk.serve.http import models
from crisisdesk.serve.http.deps import ServiceDep
from crisisdesk.serve.http.routes.params import Actor, Limit, Offset, Pair, page
from crisisdesk.serve.listing import claim_rows, number_rows, status_json
from crisisdesk.store import DevelopmentScope

router = APIRouter(prefix="/api", tags=["evidence"])
Stance = Literal["asserted", "claimed", "alleged", "denied", "questioned"]
Since = Annotated[date | None, Query(description="Only on or after this day (YYYY-MM-DD).")]
#: pyplot keeps global state: one chart is drawn at a time
DRAWING = threading.Lock()
IMAGES = {"png": "image/png", "svg": "image/svg+xml"}


@router.get("/status", response_model=models.Status)
async def status(service: ServiceDep) -> dict[str, Any]:
    """Counts of what the evidence base holds and the dates it covers."""
    return await service.readers.run(lambda desk: status_json(desk.status()))


@router.get("/claims", response_model=models.Page[models.Claim])
async def claims(
    service: ServiceDep,
    actor: Actor = None,
    stance: Stance | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Who claims what, newest first, with the stance of the wording and its sentence."""
    rows = await service.readers.run(
        lambda desk: claim_rows(desk, actor=actor, stance=stance, limit=limit, offset=offset)
    )
    return page(rows, limit=limit, offset=offset)


@router.get("/numbers", response_model=models.Page[models.Number])
async def numbers(
    service: ServiceDep, actor: Actor = None, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Numbers, newest first: value, unit, base value, what is counted, who claims it."""
    rows = await service.readers.run(
        lambda desk: number_rows(desk, actor=actor, limit=limit, offset=offset)
    )
    return page(rows, limit=limit, offset=offset)


def sides(pair: str | None) -> tuple[str, str] | None:
    """The two sides of `pair`, or a 400 saying what a pair is."""
    if pair is None:
        return None
    try:
        return parse_pair(pair)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/events", response_model=models.Page[models.StoredEvent])
async def events(
    service: ServiceDep,
    actor: Actor = None,
    pair: Pair = None,
    since: Since = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Who did what to whom (PLOVER), latest first: one item per event with every report."""
    two = sides(pair)

    def listed(desk: Desk) -> list[dict[str, Any]]:
        found = desk.events(actor=actor, pair=two, since=since, limit=limit, offset=offset)
        return [event_json(e) for e in found]

    return page(await service.readers.run(listed), limit=limit, offset=offset)


@router.get("/developments", response_model=models.Page[models.Development])
async def developments(  # noqa: PLR0913 (one parameter per query filter)
    service: ServiceDep,
    since: Since = None,
    until: Annotated[date | None, Query(description="Only up to this day.")] = None,
    topic: Annotated[str | None, Query(max_length=200)] = None,
    actor: Actor = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Developments, most widely reported first, each with every report's citation."""

    def listed(desk: Desk) -> list[dict[str, Any]]:
        scope = DevelopmentScope(since, until, actor, topic)
        return [development_json(d) for d in desk.developments(scope, limit=limit, offset=offset)]

    return page(await service.readers.run(listed), limit=limit, offset=offset)


@router.get(
    "/trend",
    response_model=list[models.TrendPeriod],
    responses={200: {"content": {"image/png": {}, "image/svg+xml": {}}}, 501: {}},
)
async def trend(
    service: ServiceDep,
    pair: Annotated[str, Query(max_length=200, description="Two actors, e.g. USA-VEN.")],
    by: Literal["week", "day"] = "week",
    since: Since = None,
    format: Literal["json", "png", "svg"] = "json",
) -> Any:
    """The escalation index of a pair per week or day (conflict minus cooperation); as a PNG
    or SVG chart with the optional `plot` extra (501 without matplotlib)."""
    two = sides(pair)
    assert two is not None
    if format != "json" and importlib.util.find_spec("matplotlib") is None:
        raise HTTPException(501, "drawing a chart needs matplotlib: pip install 'crisisdesk[plot]'")

    def drawn(desk: Desk) -> Any:
        periods = trend_periods(desk, two, by=by, since=since)
        if format == "json":
            return [trend_row(p) for p in periods]
        return Response(chart(periods, pair=pair, by=by, fmt=format), media_type=IMAGES[format])

    return await service.readers.run(drawn)


def chart(periods: list[Any], *, pair: str, by: str, fmt: str) -> bytes:
    """The chart of `crisisdesk trend --out`, as bytes."""
    from crisisdesk.events import main_events
    from crisisdesk.events.chart import draw

    with DRAWING, tempfile.TemporaryDirectory(prefix="crisisdesk-chart-") as folder:
        path = Path(folder) / f"trend.{fmt}"
        draw(periods, main_events(periods), pair=pair, by=by, path=path)
        return path.read_bytes()


@router.get("/documents/{doc_id}", response_model=models.Document)
async def document(
    service: ServiceDep,
    doc_id: Annotated[str, Segment(max_length=128)],
    start: Annotated[int | None, Query(ge=0, description="Start of the span to mark.")] = None,
    end: Annotated[int | None, Query(ge=0, description="End of the span (exclusive).")] = None,
) -> dict[str, Any]:
    """A stored document: its text and metadata, every record found in it (the `extract`
    contract), and the span `start`..`end` to mark (a cited sentence)."""

    def read(desk: Desk) -> dict[str, Any] | None:
        doc, analysis = desk.store.document(doc_id), desk.store.analysis(doc_id)
        if doc is None or analysis is None:
            return None
        fields = {k: getattr(analysis, k) for k in ("entities", "attributions", "doubts")}
        fields |= {k: getattr(analysis, k) for k in ("quantities", "times", "events")}
        return {
            **{k: v for k, v in asdict(doc).items() if k in models.Document.model_fields},
            "sentences": [{"start": s.start, "end": s.end} for s in analysis.sentences],
            "highlight": None,
            **fields,
        }

    found = await service.readers.run(read)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    found["highlight"] = highlight(start, end, len(found["text"]))
    return found


def highlight(start: int | None, end: int | None, length: int) -> dict[str, int] | None:
    """The span to mark, checked against the text; none when neither end is given."""
    if start is None and end is None:
        return None
    if start is None or end is None or not start < end <= length:
        raise HTTPException(400, f"a span is start < end <= {length} (the text's length)")
    return {"start": start, "end": end}
