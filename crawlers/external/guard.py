"""Address guard for the external fetchers: never reach private networks unless allowed.

Same rule as the crawl stage's AddressGuardMiddleware, as a function usable from
httpx: resolve the host and refuse private, loopback, link-local and reserved
targets unless ``allow_private_addresses`` is set (tests, the offline demo).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


class BlockedAddress(RuntimeError):
    """A URL resolves to an address this run must not contact."""


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise BlockedAddress(f"{host}: cannot resolve ({exc})") from None
    return [ipaddress.ip_address(info[4][0]) for info in infos]


def check_url(url: str, allow_private: bool) -> None:
    """Raise :class:`BlockedAddress` unless ``url`` is http(s) to an allowed address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BlockedAddress(f"{url}: only http(s) URLs are fetched")
    for addr in _addresses(parts.hostname):
        # Unspecified (0.0.0.0, ::) reaches local services on some systems: never allowed.
        if addr.is_unspecified or addr.is_multicast:
            raise BlockedAddress(f"{url}: {addr} is not a unicast address")
        if not allow_private and not addr.is_global:
            raise BlockedAddress(f"{url}: {addr} is not a public address")
