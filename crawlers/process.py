"""The crawl process: one Scrapy CrawlerProcess running the `city` spider for each city.

Started by :func:`crawlers.run.run_crawl` as ``python -m crawlers.process CRAWL_ID AGS=URL …``
so the parent can show progress and a crawl can be killed (-9) and resumed.
Configuration comes from the SCI_* environment like everywhere else.
"""

from __future__ import annotations

import sys

from scrapy.crawler import CrawlerProcess

from crawlers.scrapy_settings import scrapy_settings
from crawlers.spiders.city import CitySpider
from sci.settings import Settings


def main(argv: list[str]) -> int:
    settings = Settings.from_env()
    crawl_id, targets = argv[0], argv[1:]
    process = CrawlerProcess(scrapy_settings(settings, SCI_VAR_DIR=str(settings.var_dir)))
    for target in targets:
        ags, website = target.split("=", 1)
        process.crawl(CitySpider, ags=ags, crawl_id=crawl_id, website=website)
    process.start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
