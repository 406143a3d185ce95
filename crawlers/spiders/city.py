"""The `city` spider: one city's website, focused on the catalog's topics, one hop into partners.

``scrapy crawl city -a ags=05315000`` works from the repo root (settings from
SCI_* variables); ``sci crawl`` runs it per city with ``crawl_id`` set.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

from scrapy import Request, Spider
from scrapy.http import Response, TextResponse

from crawlers import scope
from crawlers.crawls import city_website, ensure_crawl, finish_crawl
from crawlers.history import done_captures, previous_captures
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
from sci.settings import Settings


class CitySpider(Spider):
    name = "city"
    custom_settings: dict[str, Any] = {}
    handle_httpstatus_list = PAGE_STATUSES

    def __init__(self, ags: str, crawl_id: str | int | None = None, website: str | None = None,
                 *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ags = ags
        self._crawl_id = crawl_id
        self._website = website
        self.counts = {"pages": 0, "new": 0, "changed": 0, "unchanged": 0, "errors": 0, "bytes": 0,
                       "blocked": 0, "robots": 0, "downloads": 0}
        self.scheduled: set[str] = set()
        self.passed: set[str] = set()  # links settled as never to be requested (scope, share, budget)
        self.budget_used = {"own": 0, "partner": 0}
        self.fatal: str | None = None  # why this city's crawl cannot go on (disk, store)
        self.opened = False  # set by the archive pipeline once its WARC file is open
        self.complete = False  # closed because the work was done (or its time limit reached)
        self._last_progress = 0.0
        self._started = time.monotonic()

    # -- setup -------------------------------------------------------------------------------
    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> CitySpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._setup()  # before pipelines open: they need the crawl id and store
        return spider

    def _setup(self) -> None:
        s = self.sci_settings = Settings.from_env(self.settings.get("SCI_ENV") or None)
        self.store = Store(s)
        self.crawl_id = int(self._crawl_id) if self._crawl_id else ensure_crawl(self.store, s, [self.ags])
        self.website = self._website or city_website(self.store, s.edition, self.ags)
        self.home_site = scope.site_key(self.website)
        self.vocab = scope.load_vocabulary(Path(s.data_dir), s.crawl_extra_partner_hosts)
        self.max_pages = self.settings.getint("SCI_MAX_PAGES", s.crawl_max_pages)
        self.max_partner = self.settings.getint("SCI_MAX_PARTNER_PAGES", s.crawl_max_partner_pages)
        self.render_mode = self.settings.get("SCI_RENDER", s.render)
        with self.store.session() as session:
            self.previous = previous_captures(session, self.ags, self.crawl_id)
            self.done = done_captures(session, self.crawl_id, self.ags)
        for url, rendered in self.done:
            if not rendered:
                self.budget_used["own" if scope.site_key(url) == self.home_site else "partner"] += 1
        self.progress_path = Path(s.var_dir) / "crawls" / str(self.crawl_id) / f"{self.ags}.json"
        self.progress_path.parent.mkdir(parents=True, exist_ok=True)
        self.downloads_path = self.progress_path.with_suffix(".downloads.jsonl")

    async def start(self) -> AsyncIterator[Request]:
        yield self._request(self.website, depth=0, prio=1000, referer=None)
        yield Request(urljoin(self.website, "/robots.txt"), callback=self.parse_robots, priority=999,
                      errback=self.on_error)

    # -- requests ------------------------------------------------------------------------------
    def _request(self, url: str, depth: int, prio: int, referer: str | None,
                 partner: bool = False) -> Request | None:
        url = urldefrag(url)[0]
        if url in self.scheduled:
            return None
        done = self.done.get((url, False))
        pool = "partner" if partner else "own"
        # Pages this crawl captured before an interruption were counted at setup already.
        if done is None:
            if self._budget_spent(partner):
                return None
            self.budget_used[pool] += 1
        self.scheduled.add(url)
        meta: dict[str, Any] = {"sci_depth": depth, "sci_partner": partner, "sci_referer": referer}
        headers: dict[str, str] = {}
        prev = self.previous.get((url, False))
        if done is not None and done.warc_file:
            meta["sci_replay"] = (done.warc_file, done.warc_offset)
        elif prev is not None:
            meta["sci_previous"] = prev
            if prev.etag:
                headers["If-None-Match"] = prev.etag
            if prev.last_modified:
                headers["If-Modified-Since"] = prev.last_modified
        if referer:
            headers["Referer"] = referer
        return Request(url, callback=self.parse, errback=self.on_error, priority=prio, meta=meta,
                       headers=headers, dont_filter=True)

    def parse_robots(self, response: Response) -> Iterator[Any]:
        if response.status != 200 or not isinstance(response, TextResponse):
            return
        for line in response.text.splitlines():
            if line.lower().startswith("sitemap:"):
                url = line.split(":", 1)[1].strip()
                if scope.site_key(url) == self.home_site:
                    yield Request(url, callback=self.parse_sitemap, errback=self.on_error, priority=900)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        for loc in response.xpath("//*[local-name()='loc']/text()").getall():
            loc = loc.strip()
            if scope.site_key(loc) == self.home_site and not scope.is_binary(loc):
                req = self._request(loc, 1, scope.priority(loc, "", self.vocab.weights), self.website)
                if req is not None:
                    yield req

    # -- pages ---------------------------------------------------------------------------------
    def parse(self, response: Response) -> Iterator[Any] | AsyncIterator[Any]:
        """Plain generator for ordinary pages: Scrapy handles it with far less asyncio overhead
        than an async one, which only pages that go through Chromium need."""
        if (200 <= response.status < 300 and isinstance(response, TextResponse)
                and should_render(self, response)):
            return self._parse_and_render(response)
        return self._parse(response)

    def _parse(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        replay = "sci_replay" in meta
        if meta.get("redirect_urls"):
            self._redirected(response)
        if response.status == 304 and meta.get("sci_previous") is not None:
            prev = meta["sci_previous"]
            if not replay:
                yield self._item(response, status=304)
            yield from self._links(self._replay_previous(response, prev))
            return
        if not replay:
            yield self._item(response, status=response.status)
        if response.status >= 400:
            self.counts["errors"] += 1
        if 200 <= response.status < 300 and isinstance(response, TextResponse):
            yield from self._links(response)
        self._progress()

    async def _parse_and_render(self, response: TextResponse) -> AsyncIterator[Any]:
        for out in self._parse(response):
            yield out
        item = await render_page(self, response, self.previous.get((first_url(response), True)))
        if item is not None:
            yield item

    def _redirected(self, response: Response) -> None:
        """A followed redirect: its target counts as scheduled; a moved home page moves the site."""
        self.scheduled.add(urldefrag(response.url)[0])
        self.home_site = moved_site(response, self.home_site) or self.home_site

    def redirect_in_scope(self, request: Request, url: str) -> bool:
        """Asked by the redirect middleware for every hop (crawlers.pages.hop_in_scope)."""
        return hop_in_scope(url, request.meta.get("sci_depth", 0), self.home_site, self.vocab)

    def tally(self, field: str, meta: Any = None) -> None:
        """Count an event of this city (render and fetch failures)."""
        self.counts[field] = self.counts.get(field, 0) + 1

    def _replay_previous(self, response: Response, prev: Any) -> Response:
        from crawlers.middlewares.replay import replay_response

        return replay_response(Path(self.sci_settings.var_dir), response.request, prev.warc_file,
                               prev.warc_offset)

    @cached_property
    def finder(self) -> LinkFinder:
        return LinkFinder(self.vocab, self.settings.getint("DEPTH_LIMIT", 6))

    def _links(self, response: Response) -> Iterator[Request]:
        # Navigation and footer links repeat on every page: each URL is settled once.
        for link in self.finder.links(response, self.home_site, self.scheduled, self.passed):
            if link.binary:
                self._record_download(link.url, response.url, link.text)
                continue
            if self._budget_spent(link.partner) and (link.url, False) not in self.done:
                self.passed.add(link.url)  # budgets only fill up: no request can ever be made for it
                continue
            req = self._request(link.url, response.meta.get("sci_depth", 0) + 1,
                                scope.priority(link.url, link.text, self.vocab.weights), response.url,
                                partner=link.partner)
            if req is not None:
                yield req

    def _budget_spent(self, partner: bool) -> bool:
        pool = "partner" if partner else "own"
        return self.budget_used[pool] >= (self.max_partner if partner else self.max_pages)

    def _record_download(self, url: str, page: str, text: str) -> None:
        if url in self.scheduled:
            return
        self.scheduled.add(url)
        self.counts["downloads"] += 1
        with self.downloads_path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"url": url, "page": page, "text": text.strip()[:200]}) + "\n")

    def _item(self, response: Response, status: int) -> dict[str, Any]:
        return page_item(response, status, response.meta.get("sci_previous"))

    def on_error(self, failure: Any) -> None:
        kind = failure_kind(failure)
        if kind is None:
            return
        self.tally(kind)
        self.logger.info("fetch failed: %s: %s", failure.request.url, failure.value)
        self._progress()

    def fail(self, reason: str) -> None:
        """A fatal condition: record the cause for the parent and close this city's crawl."""
        if self.fatal is None:
            self.fatal = reason
            self.logger.error("fatal: %s", reason)
            from crawlers.owner import record_fatal

            record_fatal(Path(self.sci_settings.var_dir), self.crawl_id, f"{self.ags}: {reason}")
            if getattr(self.crawler.engine, "spider", None) is self:
                from scrapy.utils.defer import deferred_from_coro
                from twisted.internet import reactor

                reactor.callLater(0, lambda: deferred_from_coro(
                    self.crawler.engine.close_spider_async(reason="fatal")))

    def _progress(self, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self._last_progress < 0.5:
            return
        self._last_progress = now
        queue = len(self.crawler.engine._slot.scheduler) if getattr(self.crawler.engine, "_slot", None) else 0
        data = {**self.counts, "queue": queue, "finished": final and self.complete,
                "seconds": round(time.monotonic() - self._started, 2)}
        if self.fatal:
            data["fatal"] = self.fatal
        tmp = self.progress_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(self.progress_path)

    def closed(self, reason: str) -> None:
        if reason == "closespider_timeout":
            self.counts["time_limit"] = 1  # cut by SCI_CRAWL_CITY_TIMEOUT: a budget, like max pages
        # "shutdown" (a signal) or "fatal" leave the city incomplete: resume finishes it.
        self.complete = reason in ("finished", "closespider_timeout") and self.fatal is None
        self._progress(final=True)
        if not self._crawl_id:
            # Started as `scrapy crawl city -a ags=…`: this spider owns its crawl row; finish it.
            finish_crawl(self.store, self.crawl_id, {self.ags: {**self.counts, "finished": True}},
                         ok=reason == "finished")
        self.store.dispose()
