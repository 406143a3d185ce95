"""The edition's start page (progress per city and area) and the worklist of open pairs."""

from __future__ import annotations

from urllib.parse import urlencode

from sqlalchemy import select
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from review.assignments import Scope, scope_of
from review.progress import WorkFilter, progress, worklist
from review.web.auth import current_user
from review.web.views.common import catalog, edition, renderer, store
from sci.catalog import SOURCES
from sci.models import Analyst

PAGE_SIZE = 100
WORK_STATES = ("missing", "pending", "open")
ALL, UNASSIGNED = "*", "-"  # assignee filter values besides a login name


def progress_page(request: Request) -> Response:
    current_user(request)
    year = edition(request)
    cat = catalog(request, year)
    with store(request).session() as s:
        prog = progress(s, cat, year)
    return renderer(request).page(request, "progress.html", prog=prog, catalog=cat, edition=year)


def _work_filter(request: Request, year: int, scope: Scope | None, unassigned: bool) -> WorkFilter:
    q = request.query_params
    area, source = q.get("area") or None, q.get("source") or None
    state = q.get("state") or "missing"
    if source is not None and source not in SOURCES:
        raise HTTPException(400, f"Quellenart unbekannt: {source!r}")
    if state not in WORK_STATES:
        raise HTTPException(400, f"Zustand unbekannt: {state!r}")
    return WorkFilter(year, area=area, source=source, ags=q.get("ags") or None, state=state, scope=scope,
                      unassigned=unassigned)


def worklist_page(request: Request) -> Response:
    """Open pairs; an analyst's own assignments by default (``assignee=*`` shows everyone's)."""
    user = current_user(request)
    year = edition(request)
    cat = catalog(request, year)
    try:
        offset = max(0, int(request.query_params.get("offset", "0")))
    except ValueError:
        raise HTTPException(400, "offset: keine Zahl") from None
    with store(request).session() as s:
        mine = scope_of(s, year, user.name)
        assignee = request.query_params.get("assignee") or (user.name if mine else ALL)
        scope = None if assignee in (ALL, UNASSIGNED) else (mine if assignee == user.name
                                                            else scope_of(s, year, assignee))
        flt = _work_filter(request, year, scope, assignee == UNASSIGNED)
        total, items = worklist(s, cat, flt, offset, PAGE_SIZE)
        analysts = sorted(s.scalars(select(Analyst.name).where(Analyst.active.is_(True))))
    query = urlencode({k: v for k, v in {
        "edition": year, "area": flt.area, "source": flt.source, "ags": flt.ags, "state": flt.state,
        "assignee": assignee}.items() if v})
    return renderer(request).page(
        request, "worklist.html", items=items, total=total, offset=offset,
        page_size=PAGE_SIZE, flt=flt, assignee=assignee, analysts=analysts, catalog=cat, sources=SOURCES,
        states=WORK_STATES, areas={a.id: a.label for a in cat.areas},
        indicators={i.id: i.label for i in cat.indicators()}, query=query, edition=year, all_value=ALL,
        unassigned_value=UNASSIGNED,
    )
