"""The brief: JSON (the contract), Markdown or HTML, built by `crisisdesk.brief.build_brief`.

The filters are passed on only when `build_brief` takes them; one it does not take yet is a
400 saying so, never silently ignored. A brief is kept until the store changes: building one
reads thousands of records (1.5 s at 1,000 articles), serving it again costs nothing.
"""

import dataclasses
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
    """The filters given, as `build_brief` takes them (keywords, or a `Scope` when it takes
    one); an actor by its canonical name; a filter it does not take is a 400."""
    from crisisdesk import brief

    wanted = {k: v for k, v in given.items() if v is not None}
    taken: set[str] = set(inspect.signature(brief.build_brief).parameters)
    scope = getattr(brief, "Scope", None) if "scope" in taken else None
    if scope is not None:
        taken = {f.name for f in dataclasses.fields(scope)}
    if missing := [k for k in wanted if k not in taken]:
        raise HTTPException(400, f"the brief cannot be filtered by {', '.join(missing)} yet")
    if "actor" in wanted:
        wanted["actor"] = desk.resolve_actor(wanted["actor"])
    return {"scope": scope(**wanted)} if scope is not None else wanted


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
    from crisisdesk.brief import build_brief
    from crisisdesk.brief.render import render

    def built(desk: Desk) -> Any:
        chosen = options(desk, since=since, until=until, topic=topic, actor=actor)
        found = build_brief(desk.store, **chosen)
        return found.to_json() if format == "json" else render(found, format)

    def kept(desk: Desk) -> Any:
        key = ("brief", format, since, until, topic, actor)
        return service.kept.get(desk, key, lambda: built(desk))

    made = await service.readers.run(kept)
    return made if format == "json" else Response(made, media_type=MEDIA[format])
