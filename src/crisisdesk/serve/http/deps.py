"""The dependencies of the routes: the server's `Service`, and the same for a write, which
first checks who may write (a token) and refuses requests another site's page makes."""

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request

from crisisdesk.serve.http.service import Service


def get_service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def get_writer(request: Request, service: Annotated[Service, Depends(get_service)]) -> Service:
    """The service, for a request allowed to write: 401 without the token the server needs,
    403 when this server takes no writes or the request comes from another site's page."""
    refusal = service.write_refusal(request.headers.get("authorization"))
    if refusal is not None:
        status = 401 if service.settings.serve.token is not None else 403
        raise HTTPException(status, refusal)
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, f"a write from another site's page is refused ({origin})")
    return service


ServiceDep = Annotated[Service, Depends(get_service)]
WriterDep = Annotated[Service, Depends(get_writer)]
