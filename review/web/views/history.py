"""Decision history of one city and parameter: every decision with who, when, note, evidence."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from review.corpus_case import JUDGED
from review.history import history
from review.web.views.common import catalog, city_or_404, edition, renderer, store


def history_page(request: Request) -> Response:
    year = edition(request)
    ags, pid = request.path_params["ags"], request.path_params["parameter"]
    try:
        parameter = catalog(request, year).parameter(pid)
    except KeyError:
        raise HTTPException(404, f"Parameter {pid!r} unbekannt") from None
    with store(request).session() as s:
        city = city_or_404(s, ags)
        entries = history(s, year, ags, pid)
        return renderer(request).page(
            request, "history.html", city=city, parameter=parameter, entries=entries, edition=year,
            added=request.query_params.get("added"), judged=JUDGED,
        )
