"""Small network checks shared by commands that listen on a port."""

from __future__ import annotations

import socket

from sci.errors import DataError, Problem


def require_free_port(host: str, port: int) -> None:
    """Fail with a clear error before any work when ``host:port`` cannot be listened on."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: TIME_WAIT is fine
        try:
            s.bind((host, port))
        except OSError as exc:
            msg = (f"cannot listen on {host}:{port} ({exc.strerror}); another program uses it — "
                   "choose another with SCI_SERVE_PORT=… (or --port), or run the demo with --no-serve")
            raise DataError([Problem("SCI_SERVE_PORT", None, msg)]) from None
