"""`sci serve`: start the review app."""

from __future__ import annotations

from typing import Annotated

import typer

from sci.net import require_free_port


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        ctx: typer.Context,
        host: Annotated[
            str | None, typer.Option(help="Address to listen on (default SCI_SERVE_HOST)")
        ] = None,
        port: Annotated[int | None, typer.Option(help="Port (default SCI_SERVE_PORT)")] = None,
    ) -> None:
        """Serve the review app (queue, city view, feedback round) until Ctrl-C."""
        from review.serve import serve as run  # lazy: `sci --help` must not load the web stack

        c = ctx.obj
        h, p = host or c.settings.serve_host, c.settings.serve_port if port is None else port
        require_free_port(h, p)
        c.console.print(f"review app on http://{h}:{p}/  (store: {c.settings.sqlalchemy_url})  Ctrl-C stops")
        run(c.settings, c.store, h, p)
