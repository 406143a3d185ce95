"""Login and logout."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from review.analysts import verify_login
from review.web import csrf
from review.web.auth import end_session, login_session, safe_next
from review.web.throttle import LoginThrottle
from review.web.views.common import form, renderer, store


def login_form(request: Request) -> Response:
    return renderer(request).page(
        request, "login.html", next=safe_next(request.query_params.get("next")), error=None
    )


def login_submit(request: Request) -> Response:
    data = form(request)
    name, password = str(data.get("name", "")).strip(), str(data.get("password", ""))
    target = safe_next(str(data.get("next", "")))
    throttle: LoginThrottle = request.app.state.login_throttle
    address = request.client.host if request.client else "unknown"
    wait = throttle.attempt(name, address)  # reserved before the password is checked
    if wait:
        minutes = max(1, round(wait / 60))
        page = renderer(request).page(
            request, "login.html", status=429, next=target,
            error=f"Zu viele Fehlversuche – bitte in {minutes} min erneut versuchen / "
                  f"too many failed logins, try again in {minutes} min",
        )
        page.headers["Retry-After"] = str(wait)
        return page
    with store(request).session() as s:
        analyst = verify_login(s, name, password) if name and password else None
        if analyst is not None and getattr(analyst, "active", True):
            throttle.succeeded(name, address)
            login_session(s, request, analyst, csrf.new_token())
            return RedirectResponse(target, status_code=303)
    # Same message for unknown name and wrong password: no account probing.
    return renderer(request).page(
        request,
        "login.html",
        status=401,
        next=target,
        error="Name oder Passwort falsch / wrong name or password",
    )


def logout(request: Request) -> Response:
    with store(request).session() as s:
        end_session(s, request)
    return RedirectResponse("/login", status_code=303)
