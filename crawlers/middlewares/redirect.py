"""Redirects followed hop by hop through the address guard and within the city's scope.

Scrapy's RedirectMiddleware, judging each hop before it is scheduled: first by the one address
guard (:mod:`crawlers.guard` — a hop to a forbidden address is refused as *blocked*, whatever
its scope, since that is what an operator must see; :class:`AddressGuardMiddleware` checks the
hop's request again on its way out), then by the city's scope, which the spider offers as
``redirect_in_scope(request, url)`` (the rule: :func:`crawlers.pages.hop_in_scope`). A page
of the city answering 302 to a host the crawl would never follow a link to is cut, not captured.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.settings import BaseSettings

from crawlers.middlewares.address_guard import BlockedAddressError, guard_of
from crawlers.pages import OFFSITE_REDIRECT


class ScopedRedirectMiddleware(RedirectMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.guard = guard_of(settings)

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        refusal = self.guard.refusal(redirected.url)
        if refusal is not None:
            raise BlockedAddressError(refusal)
        in_scope = getattr(self.crawler.spider, "redirect_in_scope", None)
        if in_scope is not None and not in_scope(request, redirected.url):
            raise IgnoreRequest(f"{OFFSITE_REDIRECT}: {request.url} -> {redirected.url}")
        return super()._redirect(redirected, request, reason)
