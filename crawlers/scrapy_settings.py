"""The Scrapy settings of every crawl, built from :class:`sci.settings.Settings` in one place."""

from __future__ import annotations

from functools import partial
from typing import Any

from crawlers.guard import Guard
from crawlers.guard_proxy import shared_proxy
from crawlers.middlewares.address_guard import browser_request_refused
from sci.settings import Settings

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_args(settings: Settings, guard: Guard) -> list[str]:
    """Browser flags: every connection through the guard proxy, bounded memory per renderer.

    A page's script can build hundreds of MB of DOM; the V8 heap cap makes such a tab
    crash (the static capture is kept) instead of taking the machine's memory.
    """
    return [*CHROMIUM_ARGS, *shared_proxy(guard).chromium_args(),
            f"--js-flags=--max-old-space-size={settings.render_max_heap_mb}",
            "--renderer-process-limit=4"]


def scrapy_settings(settings: Settings, **overrides: Any) -> dict[str, Any]:
    """Politeness, identity, limits, middlewares and the browser handler as a Scrapy settings dict.

    ``overrides`` are Scrapy setting names (e.g. ``ITEM_PIPELINES={}``) and win over everything.
    """
    guard = Guard.from_settings(settings)
    result: dict[str, Any] = {
        "BOT_NAME": "smartcity-index",
        "SPIDER_MODULES": ["crawlers.spiders"],
        "NEWSPIDER_MODULE": "crawlers.spiders",
        "USER_AGENT": settings.resolved_user_agent,
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_USER_AGENT": "smartcity-index",
        "CONCURRENT_REQUESTS": settings.crawl_concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.crawl_concurrency_per_host,
        # Scrapy's own downloader lets every queued request of a host out at once (no delay).
        "DOWNLOADER": "crawlers.downloader.PoliteDownloader",
        "DOWNLOAD_DELAY": settings.crawl_delay,
        # A fixed delay is what we promise site operators; no random jitter below it.
        "DOWNLOAD_DELAY_JITTER": 0,
        "DOWNLOAD_TIMEOUT": settings.crawl_timeout,
        "DOWNLOAD_MAXSIZE": settings.crawl_max_body_bytes,
        # Per city (one crawler per city): a site that never runs out cannot hold the night.
        "CLOSESPIDER_TIMEOUT": settings.crawl_city_timeout,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": settings.crawl_retries,
        # 304 is an answer to our conditional request, not an error; 429/5xx are retried.
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "REDIRECT_MAX_TIMES": 5,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": settings.crawl_log_level,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        "SCI_ALLOW_PRIVATE_ADDRESSES": settings.allow_private_addresses,
        "SCI_BLOCKED_NETWORKS": settings.blocked_networks,
        "SCI_RESOLVE": settings.resolve,  # names pinned to addresses (the guard's pins)
        # Connections go to the address the guard checked (no second DNS answer: no rebinding).
        "TWISTED_DNS_RESOLVER": "crawlers.middlewares.address_guard.PinnedResolver",
        "SCI_RETRY_BACKOFF_BASE": 1.0 if settings.crawl_delay > 0 else 0.0,
        "DOWNLOADER_MIDDLEWARES": {
            # Before anything can open a connection (and again for every redirect hop).
            "crawlers.middlewares.address_guard.AddressGuardMiddleware": 50,
            # Resumed crawls answer already-captured URLs from the WARC instead of the network.
            "crawlers.middlewares.replay.ReplayMiddleware": 110,
            "crawlers.middlewares.backoff.BackoffRetryMiddleware": 550,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            # Redirect hops stay within the city's scope (crawlers.pages.hop_in_scope).
            "crawlers.middlewares.redirect.ScopedRedirectMiddleware": 600,
            "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
        },
        "ITEM_PIPELINES": {"crawlers.pipelines.archive.ArchivePipeline": 300},
        "DOWNLOAD_HANDLERS": {
            "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
            "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
        },
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": settings.chromium_path, "args": CHROMIUM_ARGS, "headless": True,
        },
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": int(settings.crawl_timeout * 1000),
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        # The browser fetches scripts, frames and XHR itself: guard those requests too.
        "PLAYWRIGHT_ABORT_REQUEST": partial(browser_request_refused, guard),
        # Service workers fetch behind the page's back and outlive it: none in rendered pages.
        "PLAYWRIGHT_CONTEXTS": {"default": {"service_workers": "block"}},
        "SCI_RENDER": settings.render,
        "SCI_RENDER_WAIT_MS": settings.render_wait_ms,
        "SCI_MAX_PAGES": settings.crawl_max_pages,
        "SCI_MAX_PARTNER_PAGES": settings.crawl_max_partner_pages,
        "DEPTH_LIMIT": settings.crawl_max_depth,
        "DEPTH_PRIORITY": 0,
    }
    if settings.render == "never":
        # No browser at all: plain Twisted handlers, no Chromium process started, no proxy.
        result.pop("DOWNLOAD_HANDLERS")
    else:
        result["PLAYWRIGHT_LAUNCH_OPTIONS"]["args"] = chromium_args(settings, guard)
    result.update(overrides)
    return result
