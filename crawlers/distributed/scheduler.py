"""Scrapy scheduler on the shared Redis frontier (``SCHEDULER`` of `sci worker` processes).

Replaces Scrapy's memory/disk queues and its dupefilter: requests go to
:class:`crawlers.distributed.frontier.Frontier` (fingerprints as the dupefilter, per-host
politeness, leases) and come back from it to whichever worker asks first.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlsplit

import redis
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.utils.request import fingerprint as request_fingerprint

from crawlers.distributed.frontier import Frontier

LEASE = "sci_lease"  # meta key: the frontier entry this request was taken from
BUDGET = "sci_budget"  # meta key: (field, limit) of the city page budget a new link counts against
IDLE_POLL = 0.25  # seconds between looks at the frontier while other workers hold all its work
MIN_POLL = 0.05  # never ask Redis more often than this while no host is ready
PENDING_TTL = 0.25  # has_pending_requests() is asked on every engine loop: answer from a cache


def city_fingerprint(request: Request) -> str:
    """The dupefilter's key of a request: its city and Scrapy's request fingerprint. A page two
    cities link to is fetched for each (each city's capture is its own evidence); within a city
    it is fetched once. The coordinator seeds with the same function."""
    return f"{request.meta.get('sci_ags', '')}:{request_fingerprint(request).hex()}"


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc.lower()


def encode(request: Request) -> bytes:
    meta = {}
    for k, v in request.meta.items():
        if k in (LEASE, BUDGET):
            continue
        try:
            json.dumps(v)
        except (TypeError, ValueError):
            continue  # download slots, proxies' objects …: per process, rebuilt by the next worker
        meta[k] = v
    doc = {"url": request.url, "method": request.method, "priority": request.priority, "meta": meta,
           "callback": getattr(request.callback, "__name__", None),
           "errback": getattr(request.errback, "__name__", None), "dont_filter": request.dont_filter,
           "headers": {k.decode("latin-1"): [v.decode("latin-1") for v in vs]
                       for k, vs in request.headers.items()}}
    return json.dumps(doc, separators=(",", ":")).encode()


def decode(payload: bytes, spider: Spider) -> Request:
    doc = json.loads(payload)
    callback = getattr(spider, doc["callback"]) if doc.get("callback") else None
    errback = getattr(spider, doc["errback"]) if doc.get("errback") else None
    return Request(doc["url"], method=doc.get("method", "GET"), priority=doc.get("priority", 0),
                   meta=doc.get("meta") or {}, callback=callback, errback=errback,
                   dont_filter=doc.get("dont_filter", False), headers=doc.get("headers") or None)


class RedisScheduler:
    """Scrapy's scheduler interface (open, close, has_pending_requests, enqueue, next)."""

    def __init__(self, crawler: Crawler, frontier: Frontier) -> None:
        self.crawler = crawler
        self.frontier = frontier
        self.spider: Spider | None = None
        self._pending = (0.0, True)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        s = crawler.settings
        client = redis.Redis.from_url(s.get("SCI_REDIS_URL"))
        frontier = Frontier(client, s.get("SCI_REDIS_PREFIX", "sci"), s.getint("SCI_CRAWL_ID"),
                            s.getfloat("SCI_HOST_DELAY"), s.getfloat("SCI_REDIS_LEASE_SECONDS", 120.0))
        return cls(crawler, frontier)

    def open(self, spider: Spider) -> None:
        self.spider = spider

    def close(self, reason: str) -> None:
        self.frontier.r.close()

    def __len__(self) -> int:
        return self.frontier.counts()["queued"]

    def has_pending_requests(self) -> bool:
        # Work leased by other workers may still add links: stay until the whole frontier drains.
        checked, pending = self._pending
        if time.monotonic() - checked > PENDING_TTL:
            pending = not self.frontier.drained()
            self._pending = (time.monotonic(), pending)
        return pending

    def enqueue_request(self, request: Request) -> bool:
        fingerprint = None
        if not request.dont_filter:
            # The function, not the crawler's fingerprinter: `sci crawl` seeds with the same one.
            fingerprint = city_fingerprint(request)
        return self.frontier.push(host_of(request.url), request.priority, encode(request), fingerprint,
                                  ack_id=request.meta.get(LEASE), budget=request.meta.get(BUDGET))

    def next_request(self) -> Request | None:
        popped = self.frontier.pop()
        if popped.id is None or popped.payload is None:
            # The engine asks again only after a download ends or every 5 s: wake it when the next
            # host's politeness slot opens instead (engine internals; no public hook exists).
            slot = getattr(self.crawler.engine, "_slot", None)
            if slot is not None:
                wait = IDLE_POLL if popped.wait < 0 else min(max(popped.wait, MIN_POLL), IDLE_POLL)
                slot.nextcall.schedule(wait)
            return None
        assert self.spider is not None
        request = decode(popped.payload, self.spider)
        request.meta[LEASE] = popped.id
        return request

    def ack(self, request: Request | None) -> None:
        lease = request.meta.get(LEASE) if request is not None else None
        if lease:
            self.frontier.ack(lease)


def acknowledge(crawler: Crawler, leases: list[str]) -> None:
    """Acknowledge leases through the crawler's scheduler (pipelines have no scheduler handle)."""
    scheduler: Any = crawler.engine._slot.scheduler  # type: ignore[union-attr]
    for lease in leases:
        scheduler.frontier.ack(lease)
