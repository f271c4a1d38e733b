"""The FastAPI application: routers, error handlers, guards, the page and its files.

Every error is JSON `{"detail": ...}` with a 4xx status saying what was wrong; an unexpected
failure is logged here and answered with a 500 that carries no traceback.
"""

import logging
import sqlite3

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from crisisdesk.errors import CrisisdeskError, StoreError
from crisisdesk.serve.http.guards import Guards
from crisisdesk.serve.http.routes import asking, briefing, evidence, ingesting, page
from crisisdesk.serve.http.service import Service

log = logging.getLogger(__name__)
DESCRIPTION = (
    "A cited evidence base of who said what in crisis news coverage: ingest, briefs, "
    "answers with citations, claims, numbers, events and documents."
)


def create_app(service: Service) -> FastAPI:
    """The application over an open `service` (which the caller closes)."""
    app = FastAPIOffline(title="crisisdesk", version="0.1.0", description=DESCRIPTION)
    app.state.service = service
    for module in (evidence, briefing, asking, ingesting, page):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=page.WEB), name="static")
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(CrisisdeskError, refused)
    app.add_exception_handler(sqlite3.Error, unreadable)
    app.add_exception_handler(Exception, failed)
    limits = service.settings.serve
    app.add_middleware(
        Guards, body_limit=limits.max_body_bytes, upload_limit=limits.max_upload_bytes
    )
    return app


async def invalid(_request: Request, exc: Exception) -> JSONResponse:
    """422 with one line per problem ("query.limit: Input should be ..."), inputs not echoed."""
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
        for e in exc.errors()
    ]
    return JSONResponse({"detail": "; ".join(problems) or "invalid request"}, status_code=422)


async def refused(_request: Request, exc: Exception) -> JSONResponse:
    """A deliberate crisisdesk error: the store cannot be read (503) or the input is bad."""
    status = 503 if isinstance(exc, StoreError) else 400
    return JSONResponse({"detail": str(exc)}, status_code=status)


async def unreadable(_request: Request, exc: Exception) -> JSONResponse:
    log.error("the evidence base cannot be read: %s", exc)
    return JSONResponse({"detail": f"the evidence base cannot be read: {exc}"}, status_code=503)


async def failed(request: Request, exc: Exception) -> JSONResponse:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "internal error (logged by the server)"}, status_code=500)
