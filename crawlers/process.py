"""The crawl process: one Scrapy CrawlerProcess running the `city` spider for each city.

Started by :func:`crawlers.run.run_crawl` as
``python -m crawlers.process --parent PID CRAWL_ID AGS=URL …`` so the parent can
show progress and a crawl can be killed (-9) and resumed. The process dies with
its parent (``PR_SET_PDEATHSIG``: a killed ``sci crawl`` leaves no orphan writing
on), claims the crawl row before writing (a second writer is refused), and exits
non-zero with the fatal cause recorded when anything fatal happened.
Configuration comes from the SCI_* environment like everywhere else.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

from scrapy.crawler import Crawler, CrawlerProcess

from crawlers.owner import CrawlOwned, claim, read_fatal, record_fatal
from crawlers.render_memory import RendererMemoryWatch
from crawlers.scrapy_settings import scrapy_settings
from crawlers.spiders.city import CitySpider
from sci.db import Store
from sci.settings import Settings

PR_SET_PDEATHSIG = 1
EXIT_FATAL = 1
EXIT_OWNED = 4


def die_with_parent(parent: int) -> None:
    """SIGTERM (Scrapy's graceful stop) when the parent dies; exit now if it is already gone."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if parent and os.getppid() != parent:  # died between fork and prctl
        raise SystemExit(EXIT_FATAL)


def main(argv: list[str]) -> int:
    parent = 0
    if argv[:1] == ["--parent"]:
        parent, argv = int(argv[1]), argv[2:]
    die_with_parent(parent)
    settings = Settings.from_env()
    crawl_id, targets = argv[0], argv[1:]
    store = Store(settings)
    try:
        claim(store, int(crawl_id))
    except CrawlOwned as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_OWNED
    finally:
        store.dispose()
    if settings.render != "never":
        RendererMemoryWatch(settings.render_max_memory_mb * 1024 * 1024).start()
    process = CrawlerProcess(scrapy_settings(settings, SCI_VAR_DIR=str(settings.var_dir)))
    crawlers: list[Crawler] = []
    for target in targets:
        ags, website = target.split("=", 1)
        crawler = process.create_crawler(CitySpider)
        crawlers.append(crawler)
        process.crawl(crawler, ags=ags, crawl_id=crawl_id, website=website)
    process.start()
    for crawler in crawlers:
        # A city whose spider never opened (e.g. its WARC file could not be created).
        if crawler.spider is None or not getattr(crawler.spider, "opened", False):
            record_fatal(settings.var_dir, crawl_id, "a city crawl could not start (see scrapy.log)")
    return EXIT_FATAL if read_fatal(settings.var_dir, crawl_id) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
