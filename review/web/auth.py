"""Who is asking: login sessions, the login wall and roles.

The session cookie (Starlette's SessionMiddleware, signed with the app
secret) carries only the analyst's name and the CSRF token; role and
"still active?" are read from the store on every request, so disabling an
analyst takes effect at once, not when the cookie expires.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from sci.models import Analyst

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


def login_session(request: Request, analyst: Analyst, csrf_token: str) -> None:
    """Start a fresh session (a new CSRF token too: no session fixation)."""
    request.session.clear()
    request.session.update({"analyst": analyst.name, "csrf": csrf_token})


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
        name = scope.get("session", {}).get("analyst")
        user = await run_in_threadpool(self.load_user, name) if name else None
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
    """Build the per-request lookup of an analyst by name (None if unknown or disabled)."""

    def load(name: str) -> User | None:
        with session_factory() as s:  # type: ignore[attr-defined]
            row = s.scalars(select(Analyst).where(Analyst.name == name)).first()
            if row is None or not row.active:
                return None
            return User(row.name, row.role)

    return load


def safe_next(target: str | None) -> str:
    """Only same-site relative paths after login: never an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/queue"
    return target
