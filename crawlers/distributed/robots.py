"""robots.txt read once per crawl, not once per worker: workers share the parsed file via Redis.

Each city's robots.txt is a seed of its own (fetched first on its host); the spider stores the
body in the frontier, and this subclass of Scrapy's RobotsTxtMiddleware builds its parser from
there. While a city's robots.txt seed is still out (``robots-pending``), a worker waits for it; any
other host (a partner) is asked the ordinary way.
"""

from __future__ import annotations

import asyncio
import time

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler


def robots_key(netloc: str) -> str:
    return f"robots:{netloc.lower()}"


def pending_key(netloc: str) -> str:
    return f"robots-pending:{netloc.lower()}"


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            frontier = self.crawler.engine._slot.scheduler.frontier  # type: ignore[union-attr]
            body = frontier.r.get(frontier.key(robots_key(netloc)))
            # A city's robots.txt is a seed: while another worker still has it, wait for it
            # rather than ask the host a second time.
            deadline = time.monotonic() + self.crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 30.0)
            while body is None and frontier.r.exists(frontier.key(pending_key(netloc))) \
                    and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
                body = frontier.r.get(frontier.key(robots_key(netloc)))
            if body is not None and netloc not in self._parsers:
                self._parsers[netloc] = build_from_crawler(self._parserimpl, self.crawler, body)
                self._stats.inc_value("robotstxt/shared")
        return await super().robot_parser(request)
