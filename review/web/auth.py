"""Who is asking: login sessions, the login wall and roles.

The session cookie (Starlette's SessionMiddleware, signed with the app
secret) carries only a random session id and the CSRF token. The session
itself is a ``web_session`` row: logout deletes it, a password reset or
disabling the analyst deletes all of theirs, so a copied cookie stops working
at once; and several app workers on one store share the sessions. Role and
"still active?" are read from the store on every request.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from sci.models import Analyst, WebSession

# Paths reachable without an account: the login form, assets, and the city
# feedback pages (their tokenised URL is the credential).
PUBLIC_PREFIXES = ("/login", "/static/", "/f/", "/favicon.ico")


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def is_lead(self) -> bool:
        return self.role == "lead"


def login_session(session: Session, request: Request, analyst: Analyst, csrf_token: str) -> None:
    """Start a fresh session: a new server-side id and a new CSRF token (no session fixation)."""
    sid = secrets.token_urlsafe(32)
    session.add(WebSession(id=sid, analyst=analyst.name))
    request.session.clear()
    request.session.update({"sid": sid, "csrf": csrf_token})


def end_session(session: Session, request: Request) -> None:
    """Logout: the session row goes, so the cookie (or a copy of it) opens nothing any more."""
    sid = request.session.get("sid")
    if sid:
        session.execute(delete(WebSession).where(WebSession.id == str(sid)))
    request.session.clear()


def current_user(request: Request) -> User:
    user = request.scope.get("user")
    if not isinstance(user, User):
        raise HTTPException(401, "login required")
    return user


def require_lead(request: Request) -> User:
    user = current_user(request)
    if not user.is_lead:
        raise HTTPException(403, "only leads may do this")
    return user


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


class LoginWall:
    """ASGI middleware: every path except PUBLIC_PREFIXES needs an active analyst."""

    def __init__(self, app: ASGIApp, load_user: Callable[[str], User | None]) -> None:
        self.app = app
        self.load_user = load_user

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        sid = scope.get("session", {}).get("sid")
        user = await run_in_threadpool(self.load_user, str(sid)) if sid else None
        scope["user"] = user
        if user is None and not path.startswith(PUBLIC_PREFIXES):
            response = _refuse(Request(scope))
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _refuse(request: Request) -> Response:
    if request.method == "GET" and not wants_json(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?next=" + quote(target, safe=""), status_code=303)
    return JSONResponse({"error": "login required"}, status_code=401)


def user_loader(session_factory: Callable[[], object]) -> Callable[[str], User | None]:
    """Build the per-request lookup of a session id's analyst (None if ended, unknown or disabled)."""

    def load(sid: str) -> User | None:
        with session_factory() as s:  # type: ignore[attr-defined]
            row = s.execute(select(Analyst.name, Analyst.role, Analyst.active)
                            .join(WebSession, WebSession.analyst == Analyst.name)
                            .where(WebSession.id == sid)).first()
            if row is None or not row.active:
                return None
            return User(row.name, row.role)

    return load


def safe_next(target: str | None) -> str:
    """Only same-site relative paths after login: never an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/queue"
    return target
