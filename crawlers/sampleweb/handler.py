"""HTTP plumbing for every sample host: routing, conditional GET, gzip, log.

Behaves like a well-configured real web server so a crawler's second pass can
rely on ``304 Not Modified``: each cacheable page carries an ETag (hash of the
identity body) and a Last-Modified date (server start, or the moment a test
replaced the page with ``SampleWeb.set_page``).
"""

from __future__ import annotations

import gzip
import time
import traceback
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlsplit

from crawlers.sampleweb.site import TEXT, Request, Response, Site, not_found

if TYPE_CHECKING:
    from crawlers.sampleweb.server import SampleWeb

# Binary and already-compressed types are sent as they are, like nginx's
# default gzip_types.
_GZIP_TYPES = ("text/", "application/json", "application/xml", "application/javascript",
               "application/rss+xml", "application/atom+xml")


class HostServer(ThreadingHTTPServer):
    """One loopback address; knows its site and the owning SampleWeb."""

    daemon_threads = True
    request_queue_size = 128  # crawlers open many connections at once

    def __init__(self, addr: tuple[str, int], site: Site, web: SampleWeb) -> None:
        super().__init__(addr, SampleHandler)
        self.site = site
        self.web = web


class SampleHandler(BaseHTTPRequestHandler):
    """Dispatches to the host's site and applies the HTTP conventions."""

    server: HostServer
    server_version = "Apache"  # what most German city sites answer with
    sys_version = ""
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, delayed ACKs add
    # ~40 ms to every response on loopback.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # the request_log is the record; stderr noise slows test output

    # -- entry points -------------------------------------------------------
    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self._serve(head=False)

    # -- helpers for specials -------------------------------------------------
    bytes_sent: int = 0
    status_sent: int = 0

    def start(self, status: int, headers: dict[str, str]) -> None:
        """Send status line and headers (used by special responders too)."""
        self.status_sent = status
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def write(self, data: bytes) -> None:
        self.wfile.write(data)
        self.bytes_sent += len(data)

    # -- core ----------------------------------------------------------------
    def _serve(self, head: bool) -> None:
        web = self.server.web
        host_ip, port = self.server.server_address[:2]
        parts = urlsplit(self.path)
        req = Request(
            host_ip=str(host_ip),
            path=parts.path or "/",
            query=dict(parse_qsl(parts.query, keep_blank_values=True)),
            # Title-case names: clients differ ("accept-encoding" vs "Accept-Encoding").
            headers={k.title(): v for k, v in self.headers.items()},
            base_url=f"http://{host_ip}:{port}",
        )
        self.bytes_sent = 0
        self.status_sent = 0
        try:
            override = web.override_for(req.host_ip, self.path, req.path)
            result = override if override is not None else self.server.site.resolve(req)
            if result is None:
                result = not_found()
            if isinstance(result, Response):
                self._send(result, req, head, web.last_modified_for(req.host_ip, req.path))
            else:
                result(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # client gave up (e.g. on the 50 MB body)
        except Exception:
            # A bug in a sample page must show up as a 500 in the test, not as a
            # mysterious dropped connection.
            if not self.status_sent:
                self._send(Response(traceback.format_exc().encode(), TEXT, 500,
                                    cacheable=False), req, head, 0)
            self.close_connection = True
        finally:
            web.log_request(f"{host_ip}:{port}", self.command, self.path,
                            self.status_sent, self.bytes_sent, req.headers)

    def _send(self, resp: Response, req: Request, head: bool, last_modified: float) -> None:
        headers = {"Content-Type": resp.content_type, **resp.headers}
        body = resp.body
        if resp.cacheable and resp.status == 200:
            etag = resp.etag
            headers["ETag"] = etag
            headers["Last-Modified"] = formatdate(last_modified, usegmt=True)
            headers["Cache-Control"] = "max-age=0, must-revalidate"
            if self._not_modified(req, etag, last_modified):
                self.start(304, {k: v for k, v in headers.items() if k != "Content-Type"})
                return
            if self._wants_gzip(req, resp):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                headers["Content-Encoding"] = "gzip"
                headers["ETag"] = etag[:-1] + '-gzip"'  # Apache's per-encoding tag
            headers["Vary"] = "Accept-Encoding"
        headers["Content-Length"] = str(len(body))
        headers["Date"] = formatdate(time.time(), usegmt=True)
        self.start(resp.status, headers)
        if not head:
            self.write(body)

    @staticmethod
    def _not_modified(req: Request, etag: str, last_modified: float) -> bool:
        inm = req.headers.get("If-None-Match")
        if inm is not None:  # RFC 9110: If-None-Match wins over If-Modified-Since
            tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
            return "*" in tags or etag in tags or etag[:-1] + '-gzip"' in tags
        ims = req.headers.get("If-Modified-Since")
        if ims:
            try:
                return int(last_modified) <= parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    @staticmethod
    def _wants_gzip(req: Request, resp: Response) -> bool:
        accept = req.headers.get("Accept-Encoding", "")
        return (
            "gzip" in accept
            and resp.content_type.startswith(_GZIP_TYPES)
            and "Content-Encoding" not in resp.headers
            and len(resp.body) > 256
        )
