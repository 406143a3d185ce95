"""`sci demo`: the main job end to end on the bundled offline sample web.

Each stage contributes steps; the order is wiring data (DEMO_STEPS), each
entry "module:function" taking the shared :class:`DemoState`. A stage adds
its step here and implements it in its own package.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from typing import Annotated

import typer

from sci.bootstrap import init_store
from sci.context import AppContext
from sci.demostate import DemoState
from sci.editions import load_editions
from sci.net import require_free_port

DEMO_STEPS: tuple[str, ...] = (
    "sci.demo:init_step",
    "crawlers.demo:crawl_step",
    "extractors.demo:extract_step",
    # external sources read the extract step's links: keep this after "extractors.demo:extract_step"
    "crawlers.external.demo:external_step",
    # fills the queue from every candidate so far: keep after the extract and external steps
    "review.demo:queue_step",
    # scores the decided values and writes the exports: keep after the queue step, before serving
    "scoring.demo:score_step",
    # prints the demo logins and serves the review app until Ctrl-C: keep this the LAST step
    "review.web.demo:serve_step",
)


def init_step(state: DemoState) -> None:
    """Create the demo store and load every edition's registry and catalog."""
    specs = load_editions(state.ctx.settings.data_dir)
    summary = init_store(state.ctx.store, [specs[y] for y in sorted(specs)])
    for year, counts in sorted(summary.editions.items()):
        state.ctx.console.print(
            f"edition {year}: {counts['cities']} cities, {counts['areas']} areas, "
            f"{counts['indicators']} indicators, {counts['parameters']} parameters"
        )


def _resolve(spec: str) -> Callable[[DemoState], None]:
    module, func = spec.split(":")
    return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]


def run_demo(state: DemoState, steps: tuple[str, ...] = DEMO_STEPS) -> None:
    try:
        for spec in steps:
            state.ctx.console.rule(f"[bold]{spec}")
            _resolve(spec)(state)
    finally:
        for cleanup in reversed(state.cleanups):
            cleanup()


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(
        ctx: typer.Context,
        fresh: Annotated[bool, typer.Option(help="Start from an empty demo store")] = True,
        serve: Annotated[bool, typer.Option(help="Serve the review app at the end")] = True,
    ) -> None:
        """Run the main job on the bundled sample web (offline): the README's run command."""
        c: AppContext = ctx.obj
        # The demo keeps its own store and archive so it never mixes with real research.
        var_dir = c.settings.var_dir / "demo"
        if fresh and var_dir.exists():
            shutil.rmtree(var_dir)
        c.settings = c.settings.replace(
            var_dir=var_dir, database_url="", allow_private_addresses=True
        )
        c._store = None
        if serve:  # before a minute of crawling, not after it
            require_free_port(c.settings.serve_host, c.settings.serve_port)
        c.console.print(f"demo store: {c.settings.sqlalchemy_url}")
        run_demo(DemoState(c, c.settings.edition, serve=serve))
