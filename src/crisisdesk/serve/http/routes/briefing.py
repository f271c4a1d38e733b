"""The brief: JSON (the contract), Markdown or HTML, built by `crisisdesk.brief.build_brief`.

The filters are passed on only when `build_brief` takes them; one it does not take yet is a
400 saying so, never silently ignored.
"""

import inspect
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Response

from crisisdesk.desk import Desk
from crisisdesk.serve.http import models
from crisisdesk.serve.http.deps import ServiceDep
from crisisdesk.serve.http.routes.params import Actor

router = APIRouter(prefix="/api", tags=["brief"])
MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}


def options(desk: Desk, **given: Any) -> dict[str, Any]:
    """The filters given, for `build_brief`: an actor by its canonical name; a filter the
    brief does not take is a 400."""
    from crisisdesk.brief import build_brief

    taken = inspect.signature(build_brief).parameters
    wanted = {k: v for k, v in given.items() if v is not None}
    if missing := [k for k in wanted if k not in taken]:
        raise HTTPException(400, f"the brief cannot be filtered by {', '.join(missing)} yet")
    if "actor" in wanted:
        wanted["actor"] = desk.resolve_actor(wanted["actor"])
    return wanted


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
    """A cited briefing: every item of every section with its citations."""
    from crisisdesk.brief import build_brief
    from crisisdesk.brief.render import render

    def built(desk: Desk) -> Any:
        found = build_brief(
            desk.store, **options(desk, since=since, until=until, topic=topic, actor=actor)
        )
        return found.to_json() if format == "json" else render(found, format)

    made = await service.readers.run(built)
    return made if format == "json" else Response(made, media_type=MEDIA[format])
