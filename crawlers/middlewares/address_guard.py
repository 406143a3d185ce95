"""The address guard (crawlers/guard.py) inside Scrapy: a downloader middleware and a pinned resolver.

A crawler that follows links from thousands of public pages must never be
turned against the machine it runs on or its network (SSRF). The middleware
checks every request that reaches the downloader — each redirect hop too, since
RedirectMiddleware schedules a new request. :class:`PinnedResolver` (Scrapy's
``TWISTED_DNS_RESOLVER``) then hands Twisted exactly the address the guard checked, so
a second DNS answer cannot move the connection elsewhere (rebinding).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from twisted.internet import defer
from twisted.internet.interfaces import IResolverSimple
from zope.interface import implementer

from crawlers.guard import BlockedAddress, Guard, ascii_host, parse_networks, parse_resolve

log = logging.getLogger(__name__)


class BlockedAddressError(IgnoreRequest):
    """The request's target resolves to an address this crawl must not contact."""


def guard_of(settings: Any) -> Guard:
    """The Guard a Scrapy settings object describes."""
    return Guard(settings.getbool("SCI_ALLOW_PRIVATE_ADDRESSES", False),
                 parse_networks(settings.get("SCI_BLOCKED_NETWORKS", "") or ""),
                 parse_resolve(settings.get("SCI_RESOLVE", "") or ""))


def browser_request_refused(guard: Guard, request: object) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST predicate: refuse early what the guard proxy would refuse anyway."""
    url = str(getattr(request, "url", ""))
    if not url.startswith(("http://", "https://")):
        return False  # data:, blob:, about: never leave the browser
    return guard.refusal(url) is not None


class AddressGuardMiddleware:
    """Downloader middleware: IgnoreRequest for targets the guard refuses."""

    def __init__(self, guard: Guard) -> None:
        self.guard = guard
        self.blocked: list[str] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        return cls(guard_of(crawler.settings))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        reason = self.guard.refusal(request.url)
        if reason is None:
            return None
        self.blocked.append(request.url)
        log.warning("address guard: %s", reason)
        raise BlockedAddressError(reason)


@implementer(IResolverSimple)
class PinnedResolver:
    """Twisted IResolverSimple answering with the guard's pinned (checked) address."""

    def __init__(self, reactor: Any, guard: Guard) -> None:
        self.reactor = reactor
        self.guard = guard

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> PinnedResolver:
        return cls(reactor, guard_of(crawler.settings))

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)

    def getHostByName(self, name: str, timeout: Any = ()) -> defer.Deferred[str]:  # noqa: N802 - Twisted API
        # The middleware's check pinned the host already, so this is a dictionary lookup.
        try:
            return defer.succeed(self.guard.address(ascii_host(name)))
        except (BlockedAddress, ValueError) as exc:
            return defer.fail(BlockedAddressError(str(exc)))
