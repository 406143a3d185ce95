"""CSRF protection: a per-session token required on every state-changing request.

Every POST route is wrapped by :func:`protect` when the app is built, so a
new form cannot forget it (a test walks the routing table to prove it). The
token travels as the ``csrf_token`` form field or the ``X-CSRF-Token``
header (fetch calls from the keyboard JS).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from functools import wraps

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

FIELD = "csrf_token"
HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def new_token() -> str:
    return secrets.token_urlsafe(32)


def session_token(request: Request) -> str:
    """The session's token, created on first use (anonymous sessions get one too)."""
    token = request.session.get("csrf")
    if not token:
        token = new_token()
        request.session["csrf"] = token
    return str(token)


def protect(handler: Callable[[Request], Response]) -> Callable[[Request], Awaitable[Response]]:
    """Refuse unsafe requests whose token is missing or wrong; hand the parsed form on.

    Handlers are plain functions (the store is synchronous); they run in the
    thread pool so one slow page never blocks the other analysts.
    """

    @wraps(handler)
    async def checked(request: Request) -> Response:
        if request.method in SAFE_METHODS:
            return await run_in_threadpool(handler, request)
        expected = request.session.get("csrf")
        form: FormData = await request.form()
        given = request.headers.get(HEADER) or form.get(FIELD)
        if not expected or not isinstance(given, str) or not hmac.compare_digest(given, str(expected)):
            return JSONResponse({"error": "missing or invalid CSRF token; reload the page"}, status_code=403)
        request.state.form = form
        return await run_in_threadpool(handler, request)

    return checked
