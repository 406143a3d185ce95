"""Running the review app with uvicorn (the `sci serve` command and the demo use this)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import uvicorn

from review.web.app import create_app
from sci.db import Store
from sci.settings import Settings


def make_server(
    settings: Settings, store: Store, host: str | None = None, port: int | None = None
) -> uvicorn.Server:
    app = create_app(settings, store)
    config = uvicorn.Config(
        app,
        host=host or settings.serve_host,
        port=settings.serve_port if port is None else port,
        log_level="warning",
        access_log=False,
        lifespan="off",
    )
    return uvicorn.Server(config)


def serve(settings: Settings, store: Store, host: str | None = None, port: int | None = None) -> None:
    """Serve until Ctrl-C."""
    make_server(settings, store, host, port).run()


@dataclass
class Background:
    """A server in a thread (tests, tools): .url, .stop()."""

    server: uvicorn.Server
    thread: threading.Thread

    @property
    def url(self) -> str:
        sock = self.server.servers[0].sockets[0]
        host, port = sock.getsockname()[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve_in_background(
    settings: Settings, store: Store, host: str = "127.0.0.1", port: int = 0
) -> Background:
    """Start on a free port (port=0) and return once it accepts connections."""
    server = make_server(settings, store, host, port)
    thread = threading.Thread(target=server.run, name="review-app", daemon=True)
    thread.start()
    for _ in range(500):
        if server.started:
            return Background(server, thread)
        if not thread.is_alive():
            raise RuntimeError("review app failed to start")
        threading.Event().wait(0.01)
    raise RuntimeError("review app did not start within 5 s")
