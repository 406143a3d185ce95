"""A busy store in the review app: a 503 page with a retry hint instead of a 500 and a traceback.

The store (SQLite above all) can be locked by a crawl or an import writing a
big batch; after the busy timeout the request fails with a lock error. This
middleware sits outside the login wall (which reads the store too), so every
request that meets a busy store gets the same short answer.
"""

from __future__ import annotations

from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sci.db import is_busy

RETRY_AFTER_SECONDS = 30

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Einen Moment bitte</title>
</head><body><h1>Die Datenbank ist gerade beschäftigt / the store is busy</h1>
<p>Ein anderer Vorgang (Crawl, Import) schreibt gerade. Bitte in {s} Sekunden erneut laden.
Nichts wurde gespeichert. / Another process is writing; nothing was saved — please retry in
{s} seconds.</p></body></html>"""


def busy_response(wants_json: bool) -> Response:
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if wants_json:
        return JSONResponse({"error": "store busy", "retry_after": RETRY_AFTER_SECONDS}, 503, headers)
    return HTMLResponse(PAGE.format(s=RETRY_AFTER_SECONDS), 503, headers)


class BusyStore:
    """ASGI middleware: a store lock timeout before the response started becomes a 503."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started or not is_busy(exc):
                raise
            accept = dict(scope.get("headers") or []).get(b"accept", b"").decode("latin-1")
            await busy_response("application/json" in accept)(scope, receive, send)
