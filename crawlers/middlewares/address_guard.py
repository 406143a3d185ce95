"""Refuse requests to private, loopback, link-local and reserved addresses.

A crawler that follows links from thousands of public pages must never be
turned against the machine it runs on or its network (SSRF). The check runs on
every request that reaches the downloader — including each redirect hop, since
Scrapy's RedirectMiddleware schedules a new request — after DNS resolution, so a
public-looking hostname that resolves to 127.0.0.1 is refused too. Tests and the
offline demo set ``SCI_ALLOW_PRIVATE_ADDRESSES`` to reach the loopback sample web.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from functools import lru_cache
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddressError(IgnoreRequest):
    """The request's target resolves to an address this crawl must not contact."""


@lru_cache(maxsize=4096)
def resolve(host: str) -> tuple[IPAddress, ...]:
    """All addresses of ``host`` (an IP literal resolves to itself); empty if unresolvable."""
    try:
        return (ipaddress.ip_address(host.strip("[]")),)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return ()
    return tuple(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos)


def refusal(url: str, allow_private: bool) -> str | None:
    """Why ``url`` must not be fetched, or None when it may be."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{url}: only http(s) URLs are fetched"
    addresses = resolve(parts.hostname)
    if not addresses:
        return f"{url}: host {parts.hostname} does not resolve"
    for addr in addresses:
        # 0.0.0.0 / :: and multicast reach local services or nobody: refused even when allowed.
        if addr.is_unspecified or addr.is_multicast:
            return f"{url}: {addr} is not a unicast address"
        if not allow_private and not addr.is_global:
            return f"{url}: {parts.hostname} resolves to non-public address {addr}"
    return None


def browser_request_refused(allow_private: bool, request: object) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST predicate: Chromium's own sub-requests pass the same guard."""
    url = str(getattr(request, "url", ""))
    if not url.startswith(("http://", "https://")):
        return False  # data:, blob:, about: never leave the browser
    return refusal(url, allow_private) is not None


class AddressGuardMiddleware:
    """Downloader middleware: IgnoreRequest for targets outside the public internet."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private
        self.blocked: list[str] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        return cls(crawler.settings.getbool("SCI_ALLOW_PRIVATE_ADDRESSES", False))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        reason = refusal(request.url, self.allow_private)
        if reason is None:
            return None
        self.blocked.append(request.url)
        log.warning("address guard: %s", reason)
        raise BlockedAddressError(reason)
