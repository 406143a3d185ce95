"""`sci crawl` with SCI_REDIS_URL: seed the shared frontier, optionally start local workers, wait.

The crawl row records the cities and their websites (workers read them from there); seeds go
to the frontier with the same fingerprints the workers' scheduler computes, so a link back to
a home page is a duplicate like any other. The crawl finishes when the frontier drains —
recorded by whichever process sees it first (a worker, or this one).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request

from crawlers.crawls import ensure_crawl
from crawlers.distributed.robots import pending_key
from crawlers.distributed.scheduler import city_fingerprint, host_of
from crawlers.distributed.spider import seed_requests
from crawlers.distributed.worker import active_key, finish_if_drained, frontier_for
from crawlers.run import settings_env
from sci import ROOT
from sci.context import AppContext
from sci.db import Store
from sci.models import Crawl
from sci.registry import CityRecord
from sci.settings import Settings

Progress = Callable[[dict[str, dict[str, Any]]], None]


def start_crawl(store: Store, settings: Settings, cities: list[CityRecord]) -> int:
    """Create the crawl row and push every city's seeds; returns the crawl id."""
    scope = {"cities": [c.ags for c in cities], "websites": {c.ags: c.website for c in cities},
             "distributed": True}
    crawl_id = ensure_crawl(store, settings, scope["cities"], scope=scope)
    frontier = frontier_for(settings, crawl_id)
    for city in cities:
        frontier.r.set(frontier.key(pending_key(urlsplit(city.website).netloc)), 1)
        for seed in seed_requests(city.ags, city.website):
            fp = city_fingerprint(Request(seed["url"], meta=seed["meta"]))
            payload = json.dumps({**seed, "dont_filter": False}).encode()
            frontier.push(host_of(seed["url"]), seed["priority"], payload, fp)
    frontier.r.sadd(active_key(settings), crawl_id)
    return crawl_id


def start_workers(settings: Settings, crawl_id: int, n: int) -> list[subprocess.Popen[bytes]]:
    log = settings.var_dir / "crawls" / str(crawl_id) / "workers.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    procs = []
    with log.open("ab") as fh:
        for _ in range(n):
            procs.append(subprocess.Popen([sys.executable, "-m", "crawlers.distributed.worker",
                                           str(crawl_id)], env=settings_env(settings), cwd=str(ROOT),
                                          stdout=fh, stderr=fh))
    return procs


def wait(store: Store, settings: Settings, crawl_id: int, cities: list[str],
         procs: list[subprocess.Popen[bytes]], progress: Progress | None = None,
         poll: float = 0.5, tick: Callable[[], None] | None = None) -> dict[str, Any]:
    """Until the crawl row is finished: show progress (every 2 s: per-city counters of a large
    list are not free), and finish it when the frontier drained. ``tick`` runs every poll."""
    frontier = frontier_for(settings, crawl_id)
    shown = 0.0
    try:
        while True:
            if tick:
                tick()
            if progress and time.monotonic() - shown >= 2.0:
                shown = time.monotonic()
                progress(frontier.stats(cities))
            finish_if_drained(store, frontier, crawl_id, settings)
            with store.session() as s:
                crawl = s.get(Crawl, crawl_id)
                status = crawl.status if crawl else "missing"
                stats = dict(crawl.stats or {}) if crawl else {}
            if status == "finished":
                break
            if procs and all(p.poll() is not None for p in procs) and not frontier.drained():
                status = "interrupted"  # our workers died; the frontier keeps the rest for --resume
                break
            time.sleep(poll)
    finally:
        for p in procs:
            if p.poll() is None:
                p.wait()
    per_city = stats.get("cities") or frontier.stats(cities)
    return {"crawl_id": crawl_id, "status": status, "cities": per_city}


def run(ctx: AppContext, cities: list[CityRecord], edition: int, options: dict[str, Any]) -> dict[str, Any]:
    """`sci crawl` on the Redis frontier (same contract as :func:`crawlers.run.run`)."""
    settings = ctx.settings.replace(edition=edition)
    if options.get("resume_id"):
        crawl_id = int(options["resume_id"])
    else:
        crawl_id = start_crawl(ctx.store, settings, cities)
    procs = start_workers(settings, crawl_id, int(options.get("workers") or 0))
    if not procs:
        ctx.console.log(f"crawl {crawl_id} is on the frontier: start `sci worker` processes "
                        f"(SCI_REDIS_URL={settings.redis_url}) — waiting for them to drain it")
    return wait(ctx.store, settings, crawl_id, [c.ags for c in cities], procs,
                progress=options.get("city_progress"))
