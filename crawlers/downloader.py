"""Scrapy's downloader with the per-host concurrency promise kept.

Scrapy 2.19's ``Downloader._process_queue`` hands each queued request to a coroutine that
marks it *transferring* only when the coroutine first runs — after the loop that checks
``free_transfer_slots()`` has already drained the whole queue. With no download delay, every
request queued for a host went out at once (ten in parallel at ``CONCURRENT_REQUESTS_PER_DOMAIN
= 1``, measured against a slow test site). Marking the request transferring when it leaves the
queue makes the check count it; ``_download`` adds it again (a set) and removes it when done.
"""

from __future__ import annotations

from time import monotonic

from scrapy.core.downloader import Downloader, Slot
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import _schedule_coro


class PoliteDownloader(Downloader):
    def _process_queue(self, slot: Slot) -> None:
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
