"""The `frontier` spider of `sci worker`: any city's pages, taken from the shared Redis frontier.

Where the `city` spider holds one city's state in memory (seen URLs, budgets), this one keeps
it in the frontier (fingerprints, budget counters per city), so every worker can fetch any
page. What is done with a fetched page is the `city` spider's (:mod:`crawlers.pages`: redirects
followed hop by hop within the city's scope and recorded on the capture, links in scope,
priorities of :mod:`crawlers.scope`; Chromium renders what :mod:`crawlers.render` decides). A
page's links are queued before its capture is handed to the pipeline, whose commit acknowledges
the lease; a rendered page's capture goes before the static one, so it is committed too by then.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse

from crawlers import scope
from crawlers.distributed.robots import pending_key, robots_key
from crawlers.distributed.scheduler import BUDGET, LEASE
from crawlers.history import Known, previous_captures
from crawlers.middlewares.replay import replay_response
from crawlers.pages import (
    PAGE_STATUSES,
    LinkFinder,
    failure_kind,
    first_url,
    hop_in_scope,
    moved_site,
    page_item,
)
from crawlers.render import render_page, should_render
from sci.db import Store
from sci.models import Crawl
from sci.settings import Settings

PREVIOUS_CITIES = 200  # cities whose earlier captures a worker keeps at hand (least recently used)


def seed_requests(ags: str, website: str) -> list[dict[str, Any]]:
    """The frontier entries that start a city: its home page and robots.txt (for sitemaps)."""
    meta = {"sci_ags": ags, "sci_depth": 0, "sci_partner": False}
    # robots.txt first: the workers share it (crawlers.distributed.robots), and the per-host delay
    # makes the home page wait long enough for it to be stored.
    return [{"url": urljoin(website, "/robots.txt"), "callback": "parse_robots", "errback": "on_error",
             "priority": 1001, "meta": {**meta, "dont_obey_robotstxt": True}},
            {"url": website, "callback": "parse", "errback": "on_error", "priority": 1000, "meta": meta}]


class FrontierSpider(Spider):
    name = "frontier"
    handle_httpstatus_list = PAGE_STATUSES
    # Pages rendered earlier in this crawl (the city spider's resume set): none is known here — a
    # lease that ran out is fetched and rendered again, and the capture key keeps the first.
    done: dict[tuple[str, bool], Any] = {}

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
        self.finder = LinkFinder(self.vocab, s.crawl_max_depth)
        self.render_mode = self.settings.get("SCI_RENDER", s.render)

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

    def home_site(self, ags: str, url: str | None = None) -> str | None:
        """The city's site. A home page that moved to another site (:func:`moved_site`) is shared
        through Redis: looked up when a page of the city is not on the site this worker knows."""
        site = self.home.get(ags)
        if url is not None and scope.site_key(url) != site:
            moved = self.frontier.r.hget(self.frontier.key("sites"), ags)
            if moved is not None:
                site = self.home[ags] = moved.decode()
        return site

    def redirect_in_scope(self, request: Request, url: str) -> bool:
        """Asked by the redirect middleware for every hop (crawlers.pages.hop_in_scope)."""
        ags = request.meta.get("sci_ags", "")
        return hop_in_scope(url, request.meta.get("sci_depth", 0), self.home_site(ags, url), self.vocab)

    def tally(self, field: str, meta: Any) -> None:
        """Count an event of the page's city, summed over all workers."""
        self.frontier.count(meta.get("sci_ags", ""), field)

    # -- callbacks ------------------------------------------------------------------------------
    def parse(self, response: Response) -> Iterator[Any] | AsyncIterator[Any]:
        """Plain generator for ordinary pages, async only for pages Chromium renders (as the
        `city` spider does)."""
        if (200 <= response.status < 300 and isinstance(response, TextResponse)
                and should_render(self, response)):
            return self._parse_and_render(response)
        links, item = self._page(response)
        return iter([*links, item])

    async def _parse_and_render(self, response: TextResponse) -> AsyncIterator[Any]:
        links, item = self._page(response)
        for request in links:
            yield request
        ags = response.meta["sci_ags"]
        rendered = await render_page(self, response, self.previous(ags).get((first_url(response), True)))
        if rendered is not None:
            yield rendered
        yield item  # last: its lease is acknowledged once both captures are committed

    def _page(self, response: Response) -> tuple[list[Request], dict[str, Any]]:
        """The page's links (queued before the capture acknowledges the lease) and its capture."""
        meta = response.meta
        ags = meta["sci_ags"]
        moved = moved_site(response, self.home_site(ags))
        if moved is not None:
            self.home[ags] = moved
            self.frontier.r.hset(self.frontier.key("sites"), ags, moved)
        prev = self.previous(ags).get((first_url(response), False))
        page = response
        if response.status == 304 and prev is not None and prev.warc_file:
            # Unchanged since the last crawl: its links are those of the archived copy.
            page = replay_response(Path(self.sci_settings.var_dir), response.request, prev.warc_file,
                                   prev.warc_offset or 0)
        links = self._links(page, ags) if 200 <= page.status < 300 else []
        if response.status >= 400:
            self.frontier.count(ags, "errors")
        return links, self._item(response, ags, prev)

    def parse_robots(self, response: Response) -> Iterator[Any]:
        ags = response.meta["sci_ags"]
        # A missing robots.txt (4xx) allows everything; so does an unreachable one (Scrapy's rule).
        self._share_robots(first_url(response), response.body if response.status == 200 else b"")
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
            self._share_robots(first_url(request), b"")
        kind = failure_kind(failure)
        if kind is not None:
            self.frontier.count(ags, kind)
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
        meta = {"sci_ags": ags, "sci_depth": depth, "sci_partner": partner, "sci_referer": referer,
                BUDGET: (f"{ags}:{pool}", self.limits[pool])}
        headers = {"Referer": referer} if referer else {}
        prev = self.previous(ags).get((url, False))
        if prev is not None:  # conditional request: an unchanged page costs the site a 304
            if prev.etag:
                headers["If-None-Match"] = prev.etag
            if prev.last_modified:
                headers["If-Modified-Since"] = prev.last_modified
        return Request(url, callback=self.parse, errback=self.on_error, priority=prio, meta=meta,
                       headers=headers or None)

    def _links(self, response: Response, ags: str) -> list[Request]:
        home = self.home_site(ags, response.url)
        return [self._request(link.url, ags, response.meta.get("sci_depth", 0) + 1,
                              scope.priority(link.url, link.text, self.vocab.weights), response.url,
                              link.partner)
                for link in self.finder.links(response, home) if not link.binary]

    def _item(self, response: Response, ags: str, prev: Known | None) -> dict[str, Any]:
        return {**page_item(response, response.status, prev), "ags": ags, LEASE: response.meta.get(LEASE)}

    # -- the end: when no worker holds or can get any request --------------------------------------
    def on_idle(self, spider: Spider) -> None:
        if self.pipeline is not None:
            self.pipeline.flush()  # acknowledges what it committed
        if not self.frontier.drained():
            raise DontCloseSpider

    def closed(self, reason: str) -> None:
        self.store.dispose()
