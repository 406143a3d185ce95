"""User management for leads: list analysts, add one, disable one."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from review.analysts import create_analyst, disable_analyst, list_analysts
from review.web.auth import require_lead
from review.web.views.common import form, renderer, reply, store


def _page(
    request: Request, status: int = 200, error: str | None = None, created: str | None = None
) -> Response:
    with store(request).session() as s:
        analysts = list_analysts(s)
        return renderer(request).page(
            request, "users.html", status=status, analysts=analysts, error=error, created=created
        )


def user_list(request: Request) -> Response:
    require_lead(request)
    return _page(request)


def user_create(request: Request) -> Response:
    require_lead(request)
    data = form(request)
    name, role = str(data.get("name", "")).strip(), str(data.get("role", "analyst"))
    try:
        with store(request).session() as s:
            create_analyst(s, name, role, str(data.get("password", "")))
    except ValueError as exc:
        return _page(request, 422, error=str(exc))
    return _page(request, created=name)


def user_disable(request: Request) -> Response:
    lead = require_lead(request)
    name = request.path_params["name"]
    if name == lead.name:
        return reply(request, {"error": "you cannot disable yourself"}, "/users", 400)
    try:
        with store(request).session() as s:
            disable_analyst(s, name)
    except (ValueError, LookupError) as exc:
        return reply(request, {"error": str(exc)}, "/users", 404)
    return reply(request, {"ok": True}, "/users")
