"""Plain Scrapy baseline for bench/crawl: follow every same-host link up to a page budget, store nothing.

Same Scrapy settings as our crawl (crawlers.scrapy_settings) minus our middlewares and pipeline.
Usage: python bench/plain_spider.py START_URL PAGES  (settings from SCI_* like everything else)
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import CrawlerProcess

from crawlers.scrapy_settings import scrapy_settings
from sci.settings import Settings


class PlainSpider(Spider):
    name = "plain"

    def __init__(self, start: str, pages: int, **kw: Any) -> None:
        super().__init__(**kw)
        self.start_url, self.budget, self.seen = start, int(pages), {start}
        self.netloc = urlsplit(start).netloc
        self.pages = 0
        self.started = time.monotonic()  # same clock points as CitySpider's "seconds"

    async def start(self) -> AsyncIterator[Request]:
        yield Request(self.start_url)

    def parse(self, response: Any) -> Iterator[Request]:
        self.pages += 1
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href).split("#")[0]
            if urlsplit(url).netloc == self.netloc and url not in self.seen and len(self.seen) < self.budget:
                self.seen.add(url)
                yield Request(url)

    def closed(self, reason: str) -> None:
        print(json.dumps({"pages": self.pages, "seconds": round(time.monotonic() - self.started, 3)}))


if __name__ == "__main__":
    s = Settings.from_env()
    cfg = scrapy_settings(s, ITEM_PIPELINES={}, DOWNLOADER_MIDDLEWARES={})
    process = CrawlerProcess(cfg)
    process.crawl(PlainSpider, start=sys.argv[1], pages=sys.argv[2])
    process.start()
