"""The city's feedback round: a read-only data sheet behind a tokenised link, no account.

The token in the URL is the only credential; an unknown or revoked token is
a plain 404 so links cannot be probed. Comments are stored per parameter (or
general) and show up for analysts on the affected values.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from review.datasheet import datasheet_rows
from review.feedback import add_comment, resolve_token
from review.web.views.common import catalog, city_or_404, form, renderer, store

MAX_COMMENT = 5000


def _resolve(request: Request, session: object) -> tuple[int, str]:
    found = resolve_token(session, request.path_params["token"])
    if found is None:
        raise HTTPException(404, "dieser Link ist unbekannt oder nicht mehr gültig")
    return found


def sheet(request: Request) -> Response:
    with store(request).session() as s:
        year, ags = _resolve(request, s)
        city = city_or_404(s, ags)
        rows = datasheet_rows(s, catalog(request, year), year, ags)
        return renderer(request).page(
            request,
            "feedback.html",
            city=city,
            rows=rows,
            edition=year,
            token=request.path_params["token"],
            error=None,
            thanks=request.query_params.get("thanks") == "1",
        )


def comment(request: Request) -> Response:
    data = form(request)
    token = request.path_params["token"]
    text = str(data.get("comment", "")).strip()
    author = str(data.get("author", "")).strip()[:200]
    parameter = str(data.get("parameter", "")).strip() or None
    with store(request).session() as s:
        year, ags = _resolve(request, s)
        error = None
        if not text:
            error = "Bitte einen Kommentar eingeben / please enter a comment"
        elif len(text) > MAX_COMMENT:
            error = f"Kommentar zu lang (max. {MAX_COMMENT} Zeichen) / comment too long"
        else:
            try:
                add_comment(s, edition=year, ags=ags, parameter=parameter, author=author, comment=text)
            except (ValueError, KeyError) as exc:
                error = str(exc)
        if error is None:
            anchor = f"#p-{parameter}" if parameter else ""
            return RedirectResponse(f"/f/{token}?thanks=1{anchor}", status_code=303)
        city = city_or_404(s, ags)
        rows = datasheet_rows(s, catalog(request, year), year, ags)
        return renderer(request).page(
            request,
            "feedback.html",
            status=422,
            city=city,
            rows=rows,
            edition=year,
            token=token,
            error=error,
            thanks=False,
        )
