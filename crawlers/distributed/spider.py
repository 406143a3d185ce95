"""The `frontier` spider of `sci worker`: any city's pages, taken from the shared Redis frontier.

Where the `city` spider holds one city's state in memory (seen URLs, budgets), this one keeps
it in the frontier (fingerprints, budget counters per city), so every worker can fetch any
page. Scope and priorities are the `city` spider's (:mod:`crawlers.scope`); a page's links
are queued before its capture is handed to the pipeline, whose commit acknowledges the lease.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import get_base_url

from crawlers import scope
from crawlers.distributed.robots import pending_key, robots_key
from crawlers.distributed.scheduler import BUDGET, LEASE
from crawlers.history import Known, previous_captures
from crawlers.middlewares.replay import replay_response
from sci.db import Store
from sci.models import Crawl
from sci.settings import Settings

LINKS_PER_PAGE_CAP = 400
PREVIOUS_CITIES = 200  # cities whose earlier captures a worker keeps at hand (least recently used)


def seed_requests(ags: str, website: str) -> list[dict[str, Any]]:
    """The frontier entries that start a city: its home page and robots.txt (for sitemaps)."""
    meta = {"handle_httpstatus_all": True, "sci_ags": ags, "sci_depth": 0, "sci_partner": False}
    # robots.txt first: the workers share it (crawlers.distributed.robots), and the per-host delay
    # makes the home page wait long enough for it to be stored.
    return [{"url": urljoin(website, "/robots.txt"), "callback": "parse_robots", "errback": "on_error",
             "priority": 1001, "meta": {**meta, "dont_obey_robotstxt": True}},
            {"url": website, "callback": "parse", "errback": "on_error", "priority": 1000, "meta": meta}]


class FrontierSpider(Spider):
    name = "frontier"

    def __init__(self, crawl_id: str | int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.crawl_id = int(crawl_id)
        self.counts = {"pages": 0, "new": 0, "changed": 0, "unchanged": 0, "errors": 0, "bytes": 0}
        self.pipeline: Any = None  # set by the pipeline: flushed before the frontier can drain
        self._previous: OrderedDict[str, dict[tuple[str, bool], Known]] = OrderedDict()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> FrontierSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._setup()
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    def _setup(self) -> None:
        s = self.sci_settings = Settings.from_env()
        self.store = Store(s)
        with self.store.session() as session:
            crawl = session.get(Crawl, self.crawl_id)
            if crawl is None:
                raise ValueError(f"crawl {self.crawl_id} is not in the store")
            websites: dict[str, str] = dict((crawl.scope or {}).get("websites") or {})
        self.home = {ags: scope.site_key(url) for ags, url in websites.items()}
        self.vocab = scope.load_vocabulary(Path(s.data_dir), s.crawl_extra_partner_hosts)
        self.limits = {"own": s.crawl_max_pages, "partner": s.crawl_max_partner_pages}
        self.max_depth = s.crawl_max_depth

    async def start(self) -> AsyncIterator[Request]:
        return  # seeds are in the frontier already (pushed by `sci crawl`)
        yield  # pragma: no cover - makes this an async generator

    def previous(self, ags: str) -> dict[tuple[str, bool], Known]:
        """The city's captures from earlier crawls (change detection, conditional requests)."""
        known = self._previous.get(ags)
        if known is None:
            with self.store.session() as session:
                known = previous_captures(session, ags, self.crawl_id)
            self._previous[ags] = known
            if len(self._previous) > PREVIOUS_CITIES:
                self._previous.popitem(last=False)
        else:
            self._previous.move_to_end(ags)
        return known

    @property
    def frontier(self) -> Any:
        return self.crawler.engine._slot.scheduler.frontier

    # -- callbacks ------------------------------------------------------------------------------
    def parse(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        ags = meta["sci_ags"]
        first = urldefrag((meta.get("redirect_urls") or [response.url])[0])[0]
        prev = self.previous(ags).get((first, False))
        page = response
        if response.status == 304 and prev is not None and prev.warc_file:
            # Unchanged since the last crawl: its links are those of the archived copy.
            page = replay_response(Path(self.sci_settings.var_dir), response.request, prev.warc_file,
                                   prev.warc_offset or 0)
        if 200 <= page.status < 300 and isinstance(page, TextResponse):
            yield from self._links(page, ags)  # queued before the capture acknowledges the lease
        if response.status >= 400:
            self.frontier.count(ags, "errors")
        yield self._item(response, ags, prev)

    def parse_robots(self, response: Response) -> Iterator[Any]:
        ags = response.meta["sci_ags"]
        # A missing robots.txt (4xx) allows everything; so does an unreachable one (Scrapy's rule).
        asked = (response.meta.get("redirect_urls") or [response.url])[0]
        self._share_robots(asked, response.body if response.status == 200 else b"")
        if response.status == 200 and isinstance(response, TextResponse):
            for line in response.text.splitlines():
                if line.lower().startswith("sitemap:"):
                    url = line.split(":", 1)[1].strip()
                    if scope.site_key(url) == self.home.get(ags):
                        yield Request(url, callback=self.parse_sitemap, errback=self.on_error, priority=900,
                                      meta={"sci_ags": ags, "sci_depth": 0, "sci_partner": False})
        self._ack(response.request)

    def _share_robots(self, url: str, body: bytes) -> None:
        netloc = urlsplit(url).netloc
        self.frontier.r.set(self.frontier.key(robots_key(netloc)), body)
        self.frontier.r.delete(self.frontier.key(pending_key(netloc)))

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        ags = response.meta["sci_ags"]
        for loc in response.xpath("//*[local-name()='loc']/text()").getall():
            loc = urldefrag(loc.strip())[0]
            if scope.site_key(loc) == self.home.get(ags) and not scope.is_binary(loc):
                yield self._request(loc, ags, 1, scope.priority(loc, "", self.vocab.weights), response.url,
                                    partner=False)
        self._ack(response.request)

    def on_error(self, failure: Any) -> None:
        request = failure.request
        ags = request.meta.get("sci_ags", "")
        if request.callback == self.parse_robots:
            self._share_robots(request.url, b"")
        if not failure.check(HttpError) and not (failure.check(IgnoreRequest)
                                                 and "robots.txt" in str(failure.value)):
            self.frontier.count(ags, "errors")
            self.logger.info("fetch failed: %s: %s", request.url, failure.value)
        self._ack(request)

    def _ack(self, request: Request | None) -> None:
        lease = request.meta.get(LEASE) if request is not None else None
        if lease:
            self.frontier.ack(lease)

    # -- links ----------------------------------------------------------------------------------
    def _request(self, url: str, ags: str, depth: int, prio: int, referer: str | None,
                 partner: bool) -> Request:
        pool = "partner" if partner else "own"
        meta = {"handle_httpstatus_all": True, "sci_ags": ags, "sci_depth": depth, "sci_partner": partner,
                "sci_referer": referer, BUDGET: (f"{ags}:{pool}", self.limits[pool])}
        headers = {"Referer": referer} if referer else {}
        prev = self.previous(ags).get((url, False))
        if prev is not None:  # conditional request: an unchanged page costs the site a 304
            if prev.etag:
                headers["If-None-Match"] = prev.etag
            if prev.last_modified:
                headers["If-Modified-Since"] = prev.last_modified
        return Request(url, callback=self.parse, errback=self.on_error, priority=prio, meta=meta,
                       headers=headers or None)

    def _links(self, response: TextResponse, ags: str) -> Iterator[Request]:
        if "html" not in response.headers.get("Content-Type", b"text/html").decode("latin-1").lower():
            return
        depth = response.meta.get("sci_depth", 0)
        if response.meta.get("sci_partner") or depth >= self.max_depth:
            return  # one hop into partner hosts only; depth limit on the city's own site
        root = response.selector.root
        anchors = root.iterfind(".//a[@href]") if hasattr(root, "iterfind") else ()
        base = get_base_url(response)
        seen: set[str] = set()
        for n, a in enumerate(anchors):
            if n >= LINKS_PER_PAGE_CAP:
                break
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("mailto:", "tel:", "javascript:", "#")):
                continue
            url = urldefrag(urljoin(base, href))[0]
            if url in seen or not url.startswith(("http://", "https://")) or scope.is_binary(url) or (
                    self.vocab.skip_url is not None and self.vocab.skip_url.search(url)):
                continue
            seen.add(url)
            own = scope.site_key(url) == self.home.get(ags)
            partner = not own and scope.is_partner(url, self.vocab.partner_patterns)
            if own or partner:
                yield self._request(url, ags, depth + 1, scope.priority(url, a.text_content(),
                                                                         self.vocab.weights),
                                    response.url, partner)

    def _item(self, response: Response, ags: str, prev: Known | None) -> dict[str, Any]:
        meta = response.meta
        first = (meta.get("redirect_urls") or [response.url])[0]
        return {
            "kind": "page", "ags": ags, "url": urldefrag(first)[0], "final_url": response.url,
            "status": response.status, "reason": "", "rendered": False, "body": response.body,
            "transferred": len(response.body),
            "headers": [(k.decode("latin-1"), v.decode("latin-1"))
                        for k, vs in response.headers.items() for v in vs],
            "request_headers": [(k.decode("latin-1"), v.decode("latin-1"))
                                for k, vs in response.request.headers.items() for v in vs],
            "content_type": response.headers.get("Content-Type", b"").decode("latin-1") or None,
            "depth": meta.get("sci_depth", 0), "referer": meta.get("sci_referer"), "previous": prev,
            LEASE: meta.get(LEASE),
        }

    # -- the end: when no worker holds or can get any request --------------------------------------
    def on_idle(self, spider: Spider) -> None:
        if self.pipeline is not None:
            self.pipeline.flush()  # acknowledges what it committed
        if not self.frontier.drained():
            raise DontCloseSpider

    def closed(self, reason: str) -> None:
        self.store.dispose()
