"""The archived copy of a page, replayed from its WARC record, and its screenshot.

A replayed page is hostile content served from the app's own origin, so it
is locked down twice: a ``Content-Security-Policy: sandbox`` header (a
unique opaque origin, no scripts, no forms, no top navigation — even when
opened directly, outside the iframe) and the ``<iframe sandbox>`` it is
shown in.
"""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from review.web.views.common import settings, store
from sci.archive import read_record
from sci.models import Capture

REPLAY_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"
# Types a browser may render inside the sandbox; anything else is offered as plain text.
RENDERABLE = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
)


def _capture(request: Request) -> Capture:
    with store(request).session() as s:
        cap = s.get(Capture, request.path_params["capture_id"])
    if cap is None:
        raise HTTPException(404, "diese Seitenaufnahme gibt es nicht")
    return cap


def replay(request: Request) -> Response:
    cap = _capture(request)
    if not cap.warc_file or cap.warc_offset is None:
        raise HTTPException(404, "zu dieser Seitenaufnahme gibt es keine Archivkopie")
    var_dir = Path(settings(request).var_dir).resolve()
    if not (var_dir / cap.warc_file).resolve().is_relative_to(var_dir):
        raise HTTPException(404, "Archivkopie liegt außerhalb des Archivs")
    try:
        rec = read_record(var_dir, cap.warc_file, cap.warc_offset)
    except (OSError, StopIteration, ValueError) as exc:
        raise HTTPException(
            404, f"archived copy unreadable: {cap.warc_file}@{cap.warc_offset}: {exc}"
        ) from None
    ctype = (rec.content_type or cap.content_type or "application/octet-stream").strip()
    if not ctype.lower().startswith(RENDERABLE):
        ctype = "text/plain; charset=utf-8"
    return Response(
        rec.body,
        media_type=None,
        headers={
            "content-type": ctype,
            "content-security-policy": REPLAY_CSP,
            "x-content-type-options": "nosniff",
        },
    )


def screenshot(request: Request) -> Response:
    cap = _capture(request)
    if not cap.screenshot_path:
        raise HTTPException(404, "diese Seite wurde nicht im Browser dargestellt")
    var_dir = Path(settings(request).var_dir).resolve()
    path = (var_dir / cap.screenshot_path).resolve()
    # The path comes from the database: never let it point outside the archive.
    if not path.is_relative_to(var_dir) or not path.is_file():
        raise HTTPException(404, "Bildschirmfoto fehlt")
    media = "image/jpeg" if path.suffix.lower() in {".jpg", ".jpeg"} else "image/png"
    return FileResponse(path, media_type=media, headers={"content-security-policy": REPLAY_CSP})


def no_icon(request: Request) -> Response:
    """Browsers ask for it on every page; answer without a 404 in the analysts' consoles."""
    return Response(status_code=204)
