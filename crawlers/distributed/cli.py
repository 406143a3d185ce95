"""`sci worker`: fetch from the shared Redis frontier until it drains (any number, any machine)."""

from __future__ import annotations

import os
import sys
import time
from typing import Annotated

import redis
import typer

from crawlers.distributed.worker import active_key
from crawlers.run import settings_env
from sci.context import AppContext
from sci.errors import DataError, Problem


def register(app: typer.Typer) -> None:
    @app.command()
    def worker(
        ctx: typer.Context,
        crawl: Annotated[int | None, typer.Option("--crawl", help="Crawl id (default: oldest)")] = None,
        wait: Annotated[float, typer.Option(help="Seconds to wait for a crawl to appear")] = 60.0,
    ) -> None:
        """Take requests from the shared frontier (SCI_REDIS_URL) and fetch them, until it drains."""
        c: AppContext = ctx.obj
        if not c.settings.redis_url:
            raise DataError([Problem("SCI_REDIS_URL", None, "not set: a worker needs the shared frontier")])
        if crawl is None:
            client = redis.Redis.from_url(c.settings.redis_url)
            deadline = time.monotonic() + wait
            while crawl is None:
                active = sorted(int(x) for x in client.smembers(active_key(c.settings)))
                if active:
                    crawl = active[0]
                elif time.monotonic() >= deadline:
                    c.console.print("no active crawl on the frontier: nothing to do")
                    return
                else:
                    time.sleep(1.0)
        c.console.print(f"worker on crawl {crawl}", markup=False)
        c.close()
        # Become the worker (exec, not a child): its pid is this command's, so `kill -9` of what
        # an operator started is the worker itself, and Scrapy gets a fresh process for its reactor.
        os.execve(sys.executable, [sys.executable, "-m", "crawlers.distributed.worker", str(crawl)],
                  settings_env(c.settings))
