"""A tiny loopback HTTP server for the external-source tests: one route per odd case.

Routes map a path to (status, content type, body) or to a function of the query
string returning that triple. Each server binds its own 127.0.0.x on a free port.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "realworld"
Answer = tuple[int, str, bytes]
Route = Answer | Callable[[dict[str, str]], Answer]


@contextmanager
def serve(routes: dict[str, Route], host: str = "127.0.0.1") -> Iterator[tuple[str, list[str]]]:
    """Yield (base URL, request log of paths with query) while serving ``routes``."""
    log: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            parts = urlsplit(self.path)
            log.append(self.path)
            route = routes.get(parts.path)
            if route is None:
                status, ctype, body = 404, "text/plain", b"not found"
            elif callable(route):
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                status, ctype, body = route(query)
            else:
                status, ctype, body = route
            self.send_response(status)
            if 300 <= status < 400:  # redirects: the body is the Location
                self.send_header("Location", body.decode())
                body = b""
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}", log
    finally:
        server.shutdown()
        server.server_close()


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
