"""Detector quality for leads: precision from the analysts' decisions, worst patterns first."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from review.detector_quality import quality, worst_first
from review.web.auth import require_lead
from review.web.views.common import catalog, edition, renderer, store


def quality_page(request: Request) -> Response:
    require_lead(request)
    year = edition(request)
    cat = catalog(request, year)
    with store(request).session() as s:
        q = quality(s, year, request.app.state.cues)
    labels = {p.id: p.label for p in cat.all_parameters()}
    return renderer(request).page(
        request, "quality.html", q=q, edition=year, labels=labels,
        patterns=worst_first(q.patterns), detectors=worst_first(q.detectors),
        parameters=worst_first(q.parameters))
