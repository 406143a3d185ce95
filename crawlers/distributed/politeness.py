"""Per-host politeness across all workers, at the moment a request goes on the wire.

The frontier already hands out a host's requests ``SCI_CRAWL_DELAY`` apart, but a popped
request can wait inside a worker (robots.txt, a full downloader slot) and then go out right
behind another worker's. This download handler — Scrapy's HTTP/1.1 handler, after every
queue — first claims the host's send slot in Redis (one Lua step: free -> taken until
now + delay) and sleeps until it gets it, so two requests to one host never leave closer than
the delay, whichever workers send them, robots.txt fetches included. Where workers render,
the same claim comes before Chromium's navigation (scrapy-playwright's handler, which hands
every other request to the HTTP/1.1 handler).
"""

from __future__ import annotations

import asyncio
from typing import Any

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from crawlers.distributed.scheduler import host_of

# KEYS: 1 the host's send slot; ARGV: now_ms, delay_ms. Returns ms to wait (0 = claimed).
_CLAIM = """
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
if now >= free then
  redis.call('SET', KEYS[1], now + tonumber(ARGV[2]), 'PX', tonumber(ARGV[2]) + 60000)
  return 0
end
return free - now
"""


class _SendSlot:
    """Mixin before a download handler: claim the host's send slot, then download."""

    _claim: Any = None
    _crawler: Any

    async def download_request(self, request: Request) -> Response:
        frontier = self._crawler.engine._slot.scheduler.frontier  # type: ignore[union-attr]
        if frontier.delay_ms:
            if self._claim is None:
                self._claim = frontier.r.register_script(_CLAIM)
            key = frontier.key(f"sent:{host_of(request.url)}")
            while (wait := int(self._claim(keys=[key], args=[frontier.now_ms(), frontier.delay_ms]))) > 0:
                self._crawler.stats.inc_value("sci/send_slot/waits")  # type: ignore[union-attr]
                await asyncio.sleep(wait / 1000)
        return await super().download_request(request)


class PoliteHTTP11DownloadHandler(_SendSlot, HTTP11DownloadHandler):
    pass


class PoliteBrowserDownloadHandler(_SendSlot, ScrapyPlaywrightDownloadHandler):
    pass
