"""The brief: JSON (the contract), Markdown or HTML, built by `crisisdesk.brief.build_brief`.

The filters are passed on only when `build_brief` takes them; one it does not take yet is a
400 saying so, never silently ignored. A brief is kept until the store changes: building one
reads thousands of records (1.5 s at 1,000 articles), serving it again costs nothing.
"""

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from crisisdesk.desk import Desk
from crisisdesk.serve.http import models
from crisisdesk.serve.http.deps import ServiceDep
from crisisdesk.serve.http.routes.params import Actor

router = APIRouter(prefix="/api", tags=["brief"])
MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}


@router.get(
    "/brief",
    response_model=models.Brief,
    responses={200: {"content": {"text/markdown": {}, "text/html": {}}}},
)
async def brief(
    service: ServiceDep,
    format: Literal["json", "md", "html"] = "json",
    since: Annotated[date | None, Query(description="Published on or after.")] = None,
    until: Annotated[date | None, Query(description="Published on or before.")] = None,
    topic: Annotated[str | None, Query(max_length=200)] = None,
    actor: Actor = None,
) -> Any:
    """A cited briefing: every item of every section with its citations. Built once per
    state of the store (the same brief is served again until an ingest changes it)."""
    from crisisdesk.brief import Scope
    from crisisdesk.brief.charts import trend_charts
    from crisisdesk.brief.render import around_in, render

    def built(desk: Desk) -> Any:
        scope = Scope(since, until, actor, topic)
        found = desk.brief(scope, questions=format != "json", remember=False)
        if format == "json":
            return found.to_json()
        charts = trend_charts(desk.store, found, since) if format == "html" else []
        return render(found, format, around_in(desk.store), charts)

    def kept(desk: Desk) -> Any:
        key = ("brief", format, since, until, topic, actor)
        return service.kept.get(desk, key, lambda: built(desk))

    made = await service.readers.run(kept)
    return made if format == "json" else Response(made, media_type=MEDIA[format])
