"""robots.txt read once per crawl, not once per worker: workers share the parsed file via Redis.

Each city's robots.txt is a seed of its own (fetched first on its host); the spider stores the
body in the frontier, and this subclass of Scrapy's RobotsTxtMiddleware builds its parser from
there. A host whose robots.txt is not stored yet is asked the ordinary way.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler


def robots_key(netloc: str) -> str:
    return f"robots:{netloc.lower()}"


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            frontier = self.crawler.engine._slot.scheduler.frontier  # type: ignore[union-attr]
            body = frontier.r.get(frontier.key(robots_key(netloc)))
            if body is not None:
                self._parsers[netloc] = build_from_crawler(self._parserimpl, self.crawler, body)
                self._stats.inc_value("robotstxt/shared")
        return await super().robot_parser(request)
