"""Scrapy's downloader with the per-host concurrency promise kept.

Scrapy 2.19's ``Downloader._process_queue`` hands each queued request to a coroutine that
marks it *transferring* only when the coroutine first runs — after the loop that checks
``free_transfer_slots()`` has already drained the whole queue. With no download delay, every
request queued for a host went out at once (ten in parallel at ``CONCURRENT_REQUESTS_PER_DOMAIN
= 1``, measured against a slow test site). Marking the request transferring when it leaves the
queue makes the check count it; ``_download`` adds it again (a set) and removes it when done.

With concurrency kept, a crawl that closes (time limit, shutdown) would still wait for every
request already handed to the downloader — up to CONCURRENT_REQUESTS queued behind one slow
host, each up to the download timeout. Those not yet sent are dropped instead.
"""

from __future__ import annotations

from time import monotonic

from scrapy.core.downloader import Downloader, Slot
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import _schedule_coro
from twisted.python.failure import Failure

from crawlers.pages import NOT_SENT


class PoliteDownloader(Downloader):
    def _process_queue(self, slot: Slot) -> None:
        if self._closing():
            while slot.queue:
                request, queue_dfd = slot.queue.popleft()
                queue_dfd.errback(Failure(IgnoreRequest(f"{NOT_SENT}: {request.url}")))
            return
        if slot.latercall:
            return
        now = monotonic()
        delay = slot.download_delay()
        if delay:
            penalty = delay - now + slot.lastseen
            if penalty > 0:
                slot.latercall = call_later(penalty, self._latercall, slot)
                return
        while slot.queue and slot.free_transfer_slots() > 0:
            slot.lastseen = now
            request, queue_dfd = slot.queue.popleft()
            slot.transferring.add(request)  # counted before the coroutine runs (the fix)
            _schedule_coro(self._wait_for_download(slot, request, queue_dfd))
            if delay:
                self._process_queue(slot)
                break

    def _closing(self) -> bool:
        engine = getattr(self.crawler, "engine", None)
        engine_slot = getattr(engine, "_slot", None)
        return engine_slot is not None and engine_slot.closing is not None
