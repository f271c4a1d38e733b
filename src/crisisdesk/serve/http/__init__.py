"""The HTTP API and the web page of `crisisdesk serve` (FastAPI; OpenAPI at /docs).

create_app(service)              the FastAPI application over an open Service
open_service(db, settings, host) the store's reader and writer threads, jobs, threads
serve(db, host=..., port=...)    both, run by uvicorn until interrupted
"""

from pathlib import Path

from crisisdesk.serve.http.app import create_app
from crisisdesk.serve.http.service import Service, is_loopback, open_service
from crisisdesk.settings import Settings, get_settings

__all__ = ["Service", "create_app", "open_service", "serve"]


def serve(
    db: Path | str | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
) -> None:
    """Serve the evidence base at `db` (created when missing) until interrupted."""
    import uvicorn

    settings = settings or get_settings()
    service = open_service(db, settings, host=host)
    try:
        uvicorn.run(create_app(service), host=host, port=port, log_level="info")
    finally:
        service.close()


def writes_note(settings: Settings, host: str) -> str | None:
    """What to tell whoever starts a server that takes no writes."""
    if settings.serve.token is None and not is_loopback(host):
        return f"bound to {host} without CRISISDESK_SERVE__TOKEN: ingest is refused"
    return None
