"""Helpers every handler shares: the app's state, the edition asked for, error replies."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from review.web.auth import wants_json
from review.web.render import Renderer
from sci.catalog import Catalog
from sci.db import Store
from sci.models import City
from sci.settings import Settings


def store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def renderer(request: Request) -> Renderer:
    return request.app.state.renderer  # type: ignore[no-any-return]


def edition(request: Request) -> int:
    raw = request.query_params.get("edition")
    if raw is None:
        return settings(request).edition
    try:
        return int(raw)
    except ValueError:
        raise HTTPException(400, f"Ausgabe muss eine Jahreszahl sein, nicht {raw!r}") from None


def catalog(request: Request, year: int) -> Catalog:
    try:
        return request.app.state.catalog(year)  # type: ignore[no-any-return]
    except Exception as exc:  # noqa: BLE001 - unknown edition or broken catalog file: say which
        raise HTTPException(404, f"kein Katalog für die Ausgabe {year}: {exc}") from None


def city_or_404(session: Any, ags: str) -> City:
    row = session.get(City, ags)
    if row is None:
        raise HTTPException(404, f"Stadt {ags!r} unbekannt")
    return row  # type: ignore[no-any-return]


def form(request: Request) -> Any:
    """The form parsed (and CSRF-checked) by review.web.csrf.protect."""
    return request.state.form


def reply(request: Request, payload: dict[str, Any], back: str, status: int = 200) -> Response:
    """JSON for the keyboard JS (fetch), a redirect back for plain form posts."""
    if wants_json(request):
        return JSONResponse(payload, status_code=status)
    if status >= 400:
        return renderer(request).page(
            request, "error.html", status=status, message=payload.get("error", ""), back=back
        )
    return RedirectResponse(back, status_code=303)


def back_to(request: Request, default: str) -> str:
    """The page a form came from (same-site paths only)."""
    target = form(request).get("back") or default
    if not isinstance(target, str) or not target.startswith("/") or target.startswith("//"):
        return default
    return target
