"""ASGI middleware around every request: a size limit on request bodies and the security headers
of every response.

A body is refused with 413 from its Content-Length before it is read, and, when it comes in
chunks without one, as soon as it passes the limit. Uploads (`/api/ingest`) get their own,
larger limit. Every response says what it may load (a Content-Security-Policy: this server only,
no inline script), that it is not to be framed, sniffed or sent a referrer.
"""

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UPLOADS = "/api/ingest"
#: the page and the API: this origin only, no inline script or style, no plugins, no framing
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: FastAPI's Swagger UI page starts itself with an inline script (its files are served here)
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS = ("/docs", "/redoc")
HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


class TooLarge(HTTPException):
    """The request body passed its limit while it was being read: a 413 wherever it is raised
    (FastAPI passes HTTP exceptions through its body parsing unchanged)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request is larger than {limit:,} bytes")


class Guards:
    """Body limits (`body_limit`, `upload_limit` bytes) and security headers around `app`."""

    def __init__(self, app: ASGIApp, *, body_limit: int, upload_limit: int) -> None:
        self.app, self.body_limit, self.upload_limit = app, body_limit, upload_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_limit if scope["path"] == UPLOADS else self.body_limit
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > limit:
            await too_large(send, limit)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *headers(scope["path"])]
            await send(message)

        try:
            await self.app(scope, counted(receive, limit), sending)
        except TooLarge:
            if not started:
                await too_large(send, limit)


def counted(receive: Receive, limit: int) -> Receive:
    """`receive` that raises TooLarge once the body read passes `limit` bytes."""
    read = 0

    async def receiving() -> Message:
        nonlocal read
        message = await receive()
        if message["type"] == "http.request":
            read += len(message.get("body", b""))
            if read > limit:
                raise TooLarge(limit)
        return message

    return receiving


def headers(path: str) -> list[tuple[bytes, bytes]]:
    csp = DOCS_CSP if path.startswith(DOCS) else CSP
    return [(b"content-security-policy", csp.encode()), *HEADERS]


async def too_large(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"the request is larger than {limit:,} bytes"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers(""),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
