"""Request/response types shared by every sample host.

A *site* is whatever answers the requests of one loopback address: a city, a
partner, the bench. Sites are plain objects with a ``resolve`` method, so the
HTTP plumbing (conditional GET, gzip, logging) lives in one place
(``handler.py``) and the sites stay small and testable without sockets.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from crawlers.sampleweb.handler import SampleHandler

HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
JS = "application/javascript; charset=utf-8"


@dataclass
class Request:
    """What a site sees of one request."""

    host_ip: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    base_url: str  # "http://127.0.0.2:PORT" without trailing slash

    def arg(self, name: str, default: str = "") -> str:
        return self.query.get(name, default)


@dataclass
class Response:
    """A complete, in-memory answer.

    ``cacheable`` responses get ETag/Last-Modified, 304 handling and gzip;
    error pages and redirects do not, like on most real servers.
    """

    body: bytes
    content_type: str = HTML
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    cacheable: bool = True

    @property
    def etag(self) -> str:
        return '"' + hashlib.md5(self.body).hexdigest()[:20] + '"'


# A special responder writes to the socket itself (resets, slow and streamed
# answers); the handler only logs what it reports.
Special = Callable[["SampleHandler"], None]
Result = Response | Special | None


class Site(Protocol):
    """One host's content."""

    def resolve(self, req: Request) -> Result: ...

    def sitemap_paths(self) -> list[str]: ...


def html(text: str, status: int = 200, **headers: str) -> Response:
    return Response(text.encode("utf-8"), HTML, status, dict(headers))


def as_json(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    return Response(body, JSON, status)


def redirect(location: str, status: int = 302) -> Response:
    return Response(b"", HTML, status, {"Location": location}, cacheable=False)


def not_found() -> Response:
    body = "<!DOCTYPE html><html lang=\"de\"><title>404 Nicht gefunden</title>"
    body += "<h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert nicht.</p></html>"
    return Response(body.encode("utf-8"), HTML, 404, cacheable=False)
