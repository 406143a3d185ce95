"""The app factory: routes, middleware and shared state of the review app.

Routing is a table (like the rest of the project's wiring); every POST
route is wrapped in CSRF protection here, in one place.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from review.web import csrf
from review.web.auth import LoginWall, user_loader
from review.web.busy import BusyStore
from review.web.cues import load_cues
from review.web.display import Labels
from review.web.render import Renderer
from review.web.secret import resolve_secret
from review.web.throttle import LoginThrottle
from review.web.views import (
    assignments,
    city,
    corpus,
    decisions,
    digests,
    evidence,
    feedback,
    history,
    login,
    progress,
    quality,
    queue,
    users,
)
from sci.catalog import Catalog
from sci.db import Store
from sci.editions import edition_spec
from sci.settings import Settings

STATIC = Path(__file__).resolve().parent / "static"

# The app's own pages: scripts and styles only from our origin, so even a
# missed escape could not run injected code; frames only from ourselves (replay).
APP_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)

ROUTES: list[tuple[str, object, list[str]]] = [
    ("/", queue.home, ["GET"]),
    ("/favicon.ico", evidence.no_icon, ["GET"]),
    ("/login", login.login_form, ["GET"]),
    ("/login", login.login_submit, ["POST"]),
    ("/logout", login.logout, ["POST"]),
    ("/queue", queue.queue_page, ["GET"]),
    ("/progress", progress.progress_page, ["GET"]),
    ("/worklist", progress.worklist_page, ["GET"]),
    ("/assignments", assignments.assignments_page, ["GET"]),
    ("/assignments", assignments.assignments_submit, ["POST"]),
    ("/quality", quality.quality_page, ["GET"]),
    ("/digests", digests.digests_page, ["GET"]),
    ("/candidates/{cid:int}/decide", decisions.decide_candidate, ["POST"]),
    ("/decisions/{did:int}/undo", decisions.undo_decision, ["POST"]),
    ("/bulk-approve", decisions.bulk, ["POST"]),
    ("/decisions/{did:int}/corpus", corpus.add_case, ["POST"]),
    ("/cities", city.city_list, ["GET"]),
    ("/cities/{ags}", city.city_page, ["GET"]),
    ("/cities/{ags}/values", city.manual_entry, ["POST"]),
    ("/cities/{ags}/datasheet", city.datasheet_page, ["GET"]),
    ("/cities/{ags}/datasheet.xlsx", city.datasheet_xlsx, ["GET"]),
    ("/cities/{ags}/feedback-link", city.feedback_link, ["POST"]),
    ("/history/{ags}/{parameter}", history.history_page, ["GET"]),
    ("/replay/{capture_id:int}", evidence.replay, ["GET"]),
    ("/screenshot/{capture_id:int}", evidence.screenshot, ["GET"]),
    ("/f/{token}", feedback.sheet, ["GET"]),
    ("/f/{token}/comment", feedback.comment, ["POST"]),
    ("/users", users.user_list, ["GET"]),
    ("/users", users.user_create, ["POST"]),
    ("/users/{name}/disable", users.user_disable, ["POST"]),
]


class SecurityHeaders:
    """Default security headers; a route that sets its own CSP (replay) keeps it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                names = {k.lower() for k, _ in headers}
                defaults = {
                    b"content-security-policy": APP_CSP.encode(),
                    b"x-content-type-options": b"nosniff",
                    b"referrer-policy": b"no-referrer",  # feedback URLs carry tokens
                    b"x-frame-options": b"SAMEORIGIN",
                    b"cache-control": b"no-store",
                }
                headers.extend((k, v) for k, v in defaults.items() if k not in names)
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


class Catalogs:
    """Each edition's catalog, loaded once per app."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @lru_cache(maxsize=8)  # noqa: B019 - one instance per app, lives as long as the app
    def __call__(self, year: int) -> Catalog:
        return edition_spec(self.settings.data_dir, year).load_catalog()


def create_app(settings: Settings, store: Store) -> Starlette:
    routes: list[Route | Mount] = [
        Route(path, csrf.protect(handler) if "POST" in methods else handler, methods=methods)  # type: ignore[arg-type]
        for path, handler, methods in ROUTES
    ]
    routes.append(Mount("/static", StaticFiles(directory=STATIC), name="static"))
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(BusyStore),  # outside the login wall: it reads the store too
        # SameSite=lax: no session on cross-site POSTs (CSRF tokens guard them too), but a link
        # to a queue item from a mail or chat opens logged in.
        Middleware(
            SessionMiddleware,
            secret_key=resolve_secret(settings),
            session_cookie="sci_session",
            same_site="lax",
            https_only=settings.session_https_only,
            max_age=14 * 24 * 3600,
        ),
        Middleware(LoginWall, load_user=user_loader(store.session)),
    ]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.settings = settings
    app.state.store = store
    app.state.login_throttle = LoginThrottle(store, settings.login_max_failures,
                                             settings.login_lockout_minutes)
    app.state.cues = load_cues(settings.data_dir / "patterns")
    app.state.renderer = Renderer(app.state.cues, Labels.load(settings.data_dir))
    app.state.catalog = Catalogs(settings)
    return app
