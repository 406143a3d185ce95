"""Retries with exponential backoff: a struggling server gets breathing room, not a hammering."""

from __future__ import annotations

import asyncio

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, waiting base * 2**(attempt-1) seconds before each retry."""

    def __init__(self, settings, base: float = 1.0) -> None:  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.base = base

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        mw = cls(crawler.settings, crawler.settings.getfloat("SCI_RETRY_BACKOFF_BASE", 1.0))
        mw.crawler = crawler
        return mw

    async def _wait(self, result: Request | Response) -> Request | Response:
        if isinstance(result, Request) and self.base > 0:
            attempt = int(result.meta.get("retry_times", 1))
            await asyncio.sleep(self.base * 2 ** (attempt - 1))
        return result

    async def process_response(self, request: Request, response: Response,  # type: ignore[override]
                               spider: Spider | None = None) -> Request | Response:
        return await self._wait(super().process_response(request, response, spider))

    async def process_exception(self, request: Request, exception: Exception,  # type: ignore[override]
                                spider: Spider | None = None) -> Request | Response | None:
        result = super().process_exception(request, exception, spider)
        return None if result is None else await self._wait(result)
