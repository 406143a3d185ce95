"""Leads turn a judged decision into a corpus case (the button on the history page)."""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from review.corpus_case import NoCase, build_case, write_case
from review.web.auth import require_lead
from review.web.views.common import back_to, reply, settings, store


def add_case(request: Request) -> Response:
    require_lead(request)
    back = back_to(request, "/queue")
    conf = settings(request)
    try:
        with store(request).session() as s:
            case = build_case(s, conf.var_dir, request.path_params["did"])
        path = write_case(case, conf.corpus_dir)
    except NoCase as exc:
        return reply(request, {"error": str(exc)}, back, 422)
    shown = f"{case.split}/{path.name}"
    sep = "&" if "?" in back else "?"
    return reply(request, {"ok": True, "case": shown, "split": case.split},
                 f"{back}{sep}added={quote(shown)}#d-{request.path_params['did']}")
