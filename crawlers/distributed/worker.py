"""A `sci worker` process: Scrapy with the Redis scheduler, until the shared frontier drains.

``python -m crawlers.distributed.worker CRAWL_ID`` (what `sci worker` and `sci crawl --workers N`
start). Settings come from the SCI_* environment like everywhere else. The worker that sees
the frontier drained first records the crawl as finished with the stats of all workers.
"""

from __future__ import annotations

import sys
from typing import Any

import redis
from scrapy.crawler import CrawlerProcess
from sqlalchemy import func, select

from crawlers.crawls import finish_crawl
from crawlers.distributed.frontier import Frontier
from crawlers.render_memory import RendererMemoryWatch
from crawlers.scrapy_settings import scrapy_settings
from sci.db import Store
from sci.models import Capture, Crawl
from sci.settings import Settings


def frontier_for(settings: Settings, crawl_id: int) -> Frontier:
    return Frontier(redis.Redis.from_url(settings.redis_url), settings.redis_prefix, crawl_id,
                    settings.crawl_delay, settings.redis_lease_seconds)


def active_key(settings: Settings) -> str:
    return f"{settings.redis_prefix}:active"


def worker_settings(settings: Settings, crawl_id: int) -> dict[str, Any]:
    result = scrapy_settings(
        settings,
        SCHEDULER="crawlers.distributed.scheduler.RedisScheduler",
        ITEM_PIPELINES={"crawlers.distributed.pipeline.WorkerArchivePipeline": 300},
        # The per-host delay is kept in Redis across all workers; a local one would add to it.
        DOWNLOAD_DELAY=0,
        SCI_HOST_DELAY=settings.crawl_delay,
        SCI_REDIS_URL=settings.redis_url,
        SCI_REDIS_PREFIX=settings.redis_prefix,
        SCI_REDIS_LEASE_SECONDS=settings.redis_lease_seconds,
        SCI_CRAWL_ID=crawl_id,
        SCI_VAR_DIR=str(settings.var_dir),
        REMOTE_CONTROL_ENABLED=False,  # no listening port on a crawl worker
        # Scrapy starts this many asyncio tasks per response to run its output through the
        # pipelines; ours are synchronous, and 100 tasks per page cost more CPU than the page.
        CONCURRENT_ITEMS=4,
    )
    result["DOWNLOADER_MIDDLEWARES"] = {
        **result["DOWNLOADER_MIDDLEWARES"],
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        "crawlers.distributed.robots.SharedRobotsTxtMiddleware": 100,
    }
    # Through the handler that keeps the per-host delay across workers; where pages are rendered
    # (SCI_RENDER as in the city crawl), the browser handler with the same Chromium settings and
    # guard proxy as the city crawl (crawlers.scrapy_settings).
    polite = ("crawlers.distributed.politeness.PoliteHTTP11DownloadHandler" if settings.render == "never"
              else "crawlers.distributed.politeness.PoliteBrowserDownloadHandler")
    result["DOWNLOAD_HANDLERS"] = {"http": polite, "https": polite}
    return result


def city_stats(store: Store, crawl_id: int, live: dict[str, dict[str, int]]) -> dict[str, dict[str, Any]]:
    """Per city: pages and changes counted from the committed captures (exact, whatever workers
    died or fetched twice); errors, blocked hops, cut redirects … as the workers counted them."""
    out = {ags: {"errors": 0, **stats, "pages": 0, "new": 0, "changed": 0, "unchanged": 0, "bytes": 0,
                 "finished": True} for ags, stats in live.items()}
    with store.session() as s:
        rows = s.execute(select(Capture.ags, Capture.change, func.count(), func.sum(Capture.size))
                         .where(Capture.crawl_id == crawl_id, Capture.rendered.is_(False))
                         .group_by(Capture.ags, Capture.change))
        for ags, change, n, size in rows:
            city = out.setdefault(str(ags), {"pages": 0, "errors": 0, "bytes": 0, "finished": True})
            city["pages"] += n
            city[change] = city.get(change, 0) + n
            city["bytes"] += int(size or 0)
    return out


def finish_if_drained(store: Store, frontier: Frontier, crawl_id: int, settings: Settings) -> bool:
    """Record the crawl as finished once nothing is queued or leased (exactly one caller does)."""
    if not frontier.drained() or not frontier.claim_finish():
        return False
    with store.session() as s:
        crawl = s.get(Crawl, crawl_id)
        cities = list((crawl.scope or {}).get("cities") or []) if crawl else []
    per_city = city_stats(store, crawl_id, frontier.stats(cities))
    finish_crawl(store, crawl_id, per_city, ok=True, run_info={"distributed": True})
    frontier.r.srem(active_key(settings), crawl_id)
    frontier.clear()  # the queues, fingerprints and counters live on in the store's rows
    return True


def main(argv: list[str]) -> int:
    from crawlers.distributed.spider import FrontierSpider

    settings = Settings.from_env()
    crawl_id = int(argv[0])
    if settings.render != "never":
        RendererMemoryWatch(settings.render_max_memory_mb * 1024 * 1024).start()
    process = CrawlerProcess(worker_settings(settings, crawl_id))
    process.crawl(FrontierSpider, crawl_id=crawl_id)
    process.start()
    store = Store(settings)
    try:
        finish_if_drained(store, frontier_for(settings, crawl_id), crawl_id, settings)
    finally:
        store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
