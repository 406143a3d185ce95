"""The nightly digests as a page: the newest night first, any earlier night by its name."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from review.web.views.common import catalog, renderer, settings

NAME = re.compile(r"\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d")  # the file stem digest_send writes


def _folder(request: Request) -> Path:
    return settings(request).var_dir / "digests"


def digests_page(request: Request) -> Response:
    folder = _folder(request)
    names = sorted((p.stem for p in folder.glob("*.json") if NAME.fullmatch(p.stem)), reverse=True)
    chosen = request.query_params.get("night") or (names[0] if names else None)
    doc: dict[str, Any] | None = None
    if chosen is not None:
        if not NAME.fullmatch(chosen) or chosen not in names:
            raise HTTPException(404, f"kein Nachtlauf {chosen!r}")
        doc = json.loads((folder / f"{chosen}.json").read_text(encoding="utf-8"))
    params = {}
    if doc is not None:
        params = {p.id: p for p in catalog(request, int(doc["edition"])).all_parameters()}
    return renderer(request).page(request, "digests.html", names=names, chosen=chosen, doc=doc, params=params)
