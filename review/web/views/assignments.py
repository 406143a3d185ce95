"""Leads hand out work: assign cities or parameters of the edition to analysts, or take them back."""

from __future__ import annotations

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from review.assignments import all_assignments, assign, resolve_city, unassign
from review.progress import members
from review.web.auth import require_lead
from review.web.views.common import catalog, edition, form, renderer, reply, store
from sci.models import Analyst


def _page(request: Request, year: int, status: int = 200, error: str | None = None,
          done: str | None = None) -> Response:
    with store(request).session() as s:
        rows = all_assignments(s, year)
        analysts = sorted(s.scalars(select(Analyst.name).where(Analyst.active.is_(True))))
        cities = members(s, year)
    names = dict(cities)
    return renderer(request).page(
        request, "assignments.html", status=status, rows=rows, analysts=analysts, cities=cities,
        names=names, catalog=catalog(request, year), edition=year, error=error, done=done)


def assignments_page(request: Request) -> Response:
    require_lead(request)
    return _page(request, edition(request))


def assignments_submit(request: Request) -> Response:
    """One form: an analyst, any number of cities and parameters, assign or remove."""
    lead = require_lead(request)
    data = form(request)
    year = int(str(data.get("edition") or edition(request)))
    analyst = str(data.get("analyst", "")).strip()
    cities = [str(v) for v in data.getlist("city") if str(v).strip()]
    params = [str(v) for v in data.getlist("parameter") if str(v).strip()]
    remove = data.get("op") == "remove"
    if not cities and not params:
        return _page(request, year, 422, error="Bitte mindestens eine Stadt oder einen Parameter wählen.")
    try:
        with store(request).session() as s:
            agss = [resolve_city(s, year, c) for c in cities]
            if remove:
                n = unassign(s, edition=year, analyst=analyst, cities=agss, parameters=params)
            else:
                n = assign(s, edition=year, analyst=analyst, lead=lead.name, cities=agss, parameters=params)
    except ValueError as exc:
        return _page(request, year, 422, error=str(exc))
    if "application/json" in request.headers.get("accept", ""):
        return reply(request, {"ok": True, "changed": n}, "/assignments")
    verb = "entfernt" if remove else "zugewiesen"
    return _page(request, year, done=f"{analyst}: {n} {verb}")
