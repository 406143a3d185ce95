"""Loopback servers for the fault-injection suite and bench/hostile: one route per hostile case.

``FORBIDDEN_IP`` stands for cloud metadata and intranet hosts: tests put it in
``SCI_BLOCKED_NETWORKS`` and assert it never saw a request. Nothing here
talks to any non-loopback address.
"""

from __future__ import annotations

import contextlib
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FORBIDDEN_IP = "127.0.0.66"
FORBIDDEN_NET = f"{FORBIDDEN_IP}/32"
Responder = Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", ctype: str = "text/html",
         headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        handler.send_header(k, v)
    handler.end_headers()
    if handler.command != "HEAD":
        with contextlib.suppress(OSError):  # the crawler went away (killed on purpose in some tests)
            handler.wfile.write(body)


def page(html: str) -> Responder:
    return lambda h: send(h, 200, f"<!DOCTYPE html><html><body>{html}</body></html>".encode())


def redirect(location: str, status: int = 302) -> Responder:
    return lambda h: send(h, status, b"", headers={"Location": location})


def big(n_bytes: int) -> Responder:
    """``n_bytes`` of HTML streamed in 64 KiB chunks (never held in memory)."""
    def respond(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(n_bytes))
        h.end_headers()
        chunk, left = b"<p>" + b"x" * 65530 + b"</p>", n_bytes
        try:
            while left > 0:
                h.wfile.write(chunk[:left])
                left -= min(left, len(chunk))
        except OSError:
            pass  # the client stopped reading at its cap
    return respond


_bombs: dict[int, bytes] = {}


def gzip_bomb(inflated: int = 1024 * 1024 * 1024) -> Responder:
    """A gzip body that inflates to ``inflated`` bytes of spaces inside an HTML page."""
    if inflated not in _bombs:
        comp = zlib.compressobj(9, zlib.DEFLATED, 31)
        parts = [comp.compress(b"<html><body><p>")]
        block = b" " * (4 * 1024 * 1024)
        parts += [comp.compress(block) for _ in range(inflated // len(block))]
        _bombs[inflated] = b"".join(parts) + comp.compress(b"</p></body></html>") + comp.flush()
    data = _bombs[inflated]
    return lambda h: send(h, 200, data, headers={"Content-Encoding": "gzip"})


def drip(seconds: float, chunks: int = 20) -> Responder:
    """A page trickling out over ``seconds`` (a server holding the connection open)."""
    def respond(h: BaseHTTPRequestHandler) -> None:
        part = b"<p>tropf</p>"
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(len(part) * chunks))
        h.end_headers()
        try:
            for _ in range(chunks):
                h.wfile.write(part)
                h.wfile.flush()
                time.sleep(seconds / chunks)
        except OSError:
            pass
    return respond


@contextmanager
def serve(routes: dict[str, Responder], host: str = "127.0.0.1") -> Iterator[tuple[str, list[str]]]:
    """Yield (base URL, log of requested paths) while serving ``routes`` on ``host``."""
    log: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            log.append(self.path)
            respond = routes.get(urlsplit(self.path).path)
            if respond is None:
                send(self, 404, b"not found", "text/plain")
            else:
                respond(self)

        do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}", log
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def forbidden_host() -> Iterator[tuple[str, list[str]]]:
    """The stand-in for metadata/intranet: answers everything with a secret, logs every request."""
    secret = page("<h1>GEHEIM metadata credentials</h1>")
    catch_all: dict[str, Responder] = {p: secret for p in ("/", "/secret", "/secret.png", "/ws", "/sw")}
    with serve(catch_all, FORBIDDEN_IP) as (base, log):
        yield base, log


def small_site(pages: int, slow_seconds: float = 0.0) -> dict[str, Responder]:
    """A home page linking ``pages`` pages; each page optionally answers after ``slow_seconds``."""
    def slow_page(i: int) -> Responder:
        body = f"<!DOCTYPE html><html><body><h1>Seite {i}</h1><p>Inhalt {i}</p></body></html>".encode()

        def respond(h: BaseHTTPRequestHandler) -> None:
            time.sleep(slow_seconds)
            send(h, 200, body)
        return respond

    links = " ".join(f'<a href="/seite/{i}">Seite {i}</a>' for i in range(pages))
    routes: dict[str, Responder] = {"/": page(links)}
    routes.update({f"/seite/{i}": slow_page(i) for i in range(pages)})
    return routes


class Peak:
    """Counts requests in flight at the server; ``most`` is the largest number seen at once."""

    def __init__(self) -> None:
        self.now = self.most = 0
        self._lock = threading.Lock()

    def wrap(self, routes: dict[str, Responder]) -> dict[str, Responder]:
        def counted(respond: Responder) -> Responder:
            def run(h: BaseHTTPRequestHandler) -> None:
                with self._lock:
                    self.now += 1
                    self.most = max(self.most, self.now)
                try:
                    respond(h)
                finally:
                    with self._lock:
                        self.now -= 1
            return run
        return {path: counted(r) for path, r in routes.items()}
