"""The city view (every parameter with value, status, source, evidence, comments), manual
entry, the data sheet (HTML + XLSX) and issuing the city's feedback link."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from review.datasheet import datasheet_rows, export_xlsx
from review.feedback import issue_token
from review.labels import Labels
from review.state import manual_value
from review.web.auth import current_user
from review.web.views.common import (
    back_to,
    catalog,
    city_or_404,
    edition,
    form,
    renderer,
    reply,
    settings,
    store,
)
from review.yeardiff import city_diff
from sci.kinds import parse as parse_value
from sci.models import City, Edition, Feedback


def city_list(request: Request) -> Response:
    with store(request).session() as s:
        cities = sorted(s.query(City), key=lambda c: c.name)
        return renderer(request).page(request, "cities.html", cities=cities, edition=edition(request))


def year_diff(session: Any, ags: str, year: int) -> tuple[Any, str | None]:
    """The year-over-year value diff (review/yeardiff.py), or why it is not shown."""
    ed = session.get(Edition, year)
    if ed is None or ed.previous_year is None:
        return None, f"edition {year} has no previous edition to compare with"
    return city_diff(session, ags, ed.previous_year, year), None


def _city_view(request: Request, session: Any, year: int, ags: str, feedback_url: str | None) -> Response:
    cat = catalog(request, year)
    city = city_or_404(session, ags)
    diff, diff_note = year_diff(session, ags, year)
    general = session.scalars(
        select(Feedback)
        .where(Feedback.edition_year == year, Feedback.ags == ags, Feedback.parameter.is_(None))
        .order_by(Feedback.id)
    )
    return renderer(request).page(
        request,
        "city.html",
        city=city,
        rows=datasheet_rows(session, cat, year, ags),
        params={p.id: p for p in cat.all_parameters()},
        edition=year,
        diff=diff,
        diff_note=diff_note,
        general=list(general),
        feedback_url=feedback_url,
    )


def city_page(request: Request) -> Response:
    with store(request).session() as s:
        return _city_view(request, s, edition(request), request.path_params["ags"], None)


def manual_entry(request: Request) -> Response:
    user = current_user(request)
    data = form(request)
    year = int(str(data.get("edition") or edition(request)))
    ags = request.path_params["ags"]
    pid = str(data.get("parameter", ""))
    back = back_to(request, f"/cities/{ags}?edition={year}#p-{pid}")  # the worklist sends its own
    source = str(data.get("source", "")).strip()
    try:
        parameter = catalog(request, year).parameter(pid)
        if not source:
            raise ValueError(f"{pid}: Quelle fehlt / a source note is required for a manual value")
        value = parse_value(parameter, str(data.get("value", "")))
        with store(request).session() as s:
            city_or_404(s, ags)
            decision = manual_value(
                s,
                edition=year,
                ags=ags,
                parameter=pid,
                value=value,
                analyst=user.name,
                source=source,
                note=str(data.get("note", "")).strip(),
            )
            payload = {"ok": True, "decision_id": decision.id, "value": decision.value}
    except KeyError:
        return reply(request, {"error": f"unknown parameter {pid!r}"}, back, 422)
    except ValueError as exc:
        return reply(request, {"error": str(exc)}, back, 422)  # sci.kinds names the parameter
    return reply(request, payload, back)


def datasheet_page(request: Request) -> Response:
    year = edition(request)
    cat = catalog(request, year)
    with store(request).session() as s:
        city = city_or_404(s, request.path_params["ags"])
        rows = datasheet_rows(s, cat, year, city.ags)
        return renderer(request).page(request, "datasheet.html", city=city, rows=rows, edition=year)


def datasheet_xlsx(request: Request) -> Response:
    year = edition(request)
    cat = catalog(request, year)
    with store(request).session() as s:
        city = city_or_404(s, request.path_params["ags"])
        rows = datasheet_rows(s, cat, year, city.ags)
    tmp = Path(tempfile.mkstemp(suffix=".xlsx")[1])
    export_xlsx(rows, tmp, Labels.load(settings(request).data_dir))
    return FileResponse(
        tmp,
        filename=f"datasheet-{city.ags}-{year}.xlsx",
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        background=BackgroundTask(tmp.unlink, missing_ok=True),
    )


def feedback_link(request: Request) -> Response:
    """Issue a tokenised link; it is shown once (only its hash is stored)."""
    current_user(request)
    year = int(str(form(request).get("edition") or edition(request)))
    ags = request.path_params["ags"]
    with store(request).session() as s:
        city_or_404(s, ags)
        token = issue_token(s, year, ags)
        return _city_view(request, s, year, ags, f"{request.base_url}f/{token}")
