"""The address guard: which hosts any fetcher of this project may connect to, and at which address.

One module for every way we reach the web — the city spider (a downloader
middleware and a pinned DNS resolver, ``crawlers/middlewares/address_guard.py``),
Chromium (every connection goes through the filtering proxy of
``crawlers/guard_proxy.py``) and the external fetchers (``crawlers/external``).

Rules, checked on every request and every redirect hop:

- only http(s) URLs with a host; the host in its IDNA (ASCII) form, which is
  what a connection would use (fullwidth digits or odd Unicode cannot hide an
  address); no IPv6 zone ids (``fe80::1%eth0``);
- the host must resolve, and *every* address it resolves to must be public
  unicast; IPv6 forms that carry an IPv4 address (IPv4-mapped ``::ffff:a.b.c.d``,
  IPv4-compatible ``::7f00:1``, NAT64 ``64:ff9b::/96``, 6to4 ``2002::/16``) are
  judged by that IPv4 address (and only a real loopback form counts as
  loopback); Teredo is refused;
- ``allow_loopback`` (``SCI_ALLOW_PRIVATE_ADDRESSES``, for tests and the offline
  demo) opens loopback only — never link-local (cloud metadata), RFC 1918 or
  other reserved ranges;
- networks in ``SCI_BLOCKED_NETWORKS`` are refused always (an intranet range
  that looks public; tests use a loopback address as the stand-in for metadata).

Resolution is pinned: a host is resolved once per process and every later
connection uses the address that was checked, so DNS rebinding (public answer
for the check, private answer for the connection) cannot work. Host names listed
in ``SCI_RESOLVE`` (``host=address[:port],…``: website discovery, the offline demo
and tests of named hosts on loopback) resolve to that address and never through DNS;
the address is judged by the rules above like any other.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from sci.errors import DataError, Problem

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")

_pins: dict[str, tuple[IPAddress, ...]] = {}
_pins_lock = threading.Lock()


class BlockedAddress(Exception):
    """A URL must not be fetched; the message names the URL and the reason."""


@dataclass(frozen=True)
class Target:
    """A checked URL: the host to send in Host/SNI and the pinned address to connect to."""

    scheme: str
    host: str
    port: int
    address: str


def ascii_host(host: str) -> str:
    """The host as a connection would use it (IDNA, lower case); ValueError if it has no such form."""
    host = host.strip("[]").rstrip(".").lower()
    if "%" in host:
        raise ValueError("IPv6 zone ids are not fetched")
    if host.isascii():
        return host
    return host.encode("idna").decode("ascii")  # UnicodeError is a ValueError


def _lookup(host: str) -> tuple[IPAddress, ...]:
    try:
        return (ipaddress.ip_address(host),)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return ()
    return tuple(dict.fromkeys(ipaddress.ip_address(i[4][0].split("%")[0]) for i in infos))


def resolve(host: str) -> tuple[IPAddress, ...]:
    """All addresses of ``host``, resolved once per process (pinned); empty if unresolvable."""
    with _pins_lock:
        pinned = _pins.get(host)
    if pinned is not None:
        return pinned
    found = _lookup(host)
    with _pins_lock:
        # A concurrent lookup may have pinned first: the first answer wins for everyone.
        return _pins.setdefault(host, found) if found else found


def embedded_ipv4(addr: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any."""
    if isinstance(addr, ipaddress.IPv4Address):
        return None
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr in NAT64 or (addr in IPV4_COMPATIBLE and int(addr) > 1):
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def address_refusal(addr: IPAddress, allow_loopback: bool, blocked: tuple[IPNetwork, ...] = ()) -> str | None:
    """Why ``addr`` must not be contacted, or None."""
    inner = embedded_ipv4(addr)
    for a in (addr, inner):
        if a is None:
            continue
        if any(a.version == net.version and a in net for net in blocked):
            return f"{addr} is in a blocked network"
        if a.is_unspecified or a.is_multicast:
            return f"{addr} is not a unicast address"
    if isinstance(addr, ipaddress.IPv6Address) and addr.teredo is not None:
        return f"{addr} is a Teredo tunnel address"
    effective = inner or addr
    if effective.is_loopback:
        # Only a real loopback form reaches this machine; 127.x tunnelled through NAT64 or 6to4
        # goes to a gateway and is never what a test or the demo means.
        real = inner is None or addr.ipv4_mapped is not None  # type: ignore[union-attr]
        if allow_loopback and real:
            return None
        return f"{addr} is a loopback address, not a public address"
    if not effective.is_global or effective.is_link_local or effective.is_private:
        return f"{addr} is not a public address"
    return None


def parse_resolve(value: str) -> dict[str, str]:
    """``SCI_RESOLVE`` (``host=address[:port],…``) -> host -> ``address[:port]``."""
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in value.split(","))):
        host, sep, address = part.partition("=")
        if not sep or not host.strip() or not address.strip():
            raise DataError([Problem("SCI_RESOLVE", None, f"{part!r}: expected host=address[:port]")])
        out[host.strip().lower()] = address.strip()
    return out


def _address_part(address: str) -> str:
    """``127.0.0.5:8080`` -> ``127.0.0.5``; ``[::1]:80`` -> ``::1`` (a URL names its own port)."""
    if address.startswith("["):
        return address[1:].split("]", 1)[0]
    return address.rsplit(":", 1)[0] if address.count(":") == 1 else address


class Guard:
    """The rules above for one run; ``check`` gives the pinned target or raises BlockedAddress."""

    def __init__(self, allow_loopback: bool, blocked: tuple[IPNetwork, ...] = (),
                 pins: Mapping[str, str] | None = None) -> None:
        self.allow_loopback = allow_loopback
        self.blocked = blocked
        # SCI_RESOLVE: these names have this address and no other (never asked of DNS).
        self.pins = {host: _address_part(addr) for host, addr in (pins or {}).items()}
        # host -> pinned address or refusal reason: addresses are pinned, so the verdict is too
        # (and a crawl asks about the same few hosts thousands of times).
        self._verdicts: dict[str, tuple[str, bool]] = {}

    @classmethod
    def from_settings(cls, settings: object) -> Guard:
        return cls(bool(getattr(settings, "allow_private_addresses", False)),
                   parse_networks(str(getattr(settings, "blocked_networks", "") or "")),
                   parse_resolve(str(getattr(settings, "resolve", "") or "")))

    def check(self, url: str) -> Target:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BlockedAddress(f"{url}: only http(s) URLs are fetched")
        try:
            host = ascii_host(parts.hostname)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise BlockedAddress(f"{url}: bad host or port ({exc})") from None
        return Target(parts.scheme, host, port, self.address(host, url))

    def address(self, host: str, url: str | None = None) -> str:
        """The pinned address to connect to for ``host`` (checked); raises BlockedAddress."""
        verdict = self._verdicts.get(host)
        if verdict is None:
            verdict = self._verdicts[host] = self._judge(host)
        value, ok = verdict
        if not ok:
            raise BlockedAddress(f"{url or host}: {value}")
        return value

    def _judge(self, host: str) -> tuple[str, bool]:
        pinned = self.pins.get(host)
        try:
            addresses = (ipaddress.ip_address(pinned),) if pinned is not None else resolve(host)
        except ValueError:
            return f"SCI_RESOLVE gives {host} no IP address ({pinned!r})", False
        if not addresses:
            return f"host {host} does not resolve", False
        for addr in addresses:
            reason = address_refusal(addr, self.allow_loopback, self.blocked)
            if reason:
                named = "" if host == str(addr) else f"{host} resolves to "
                return f"{named}{reason}", False
        first = addresses[0]
        return str(embedded_ipv4(first) if first.version == 6 and first.ipv4_mapped else first), True

    def refusal(self, url: str) -> str | None:
        try:
            self.check(url)
        except BlockedAddress as exc:
            return str(exc)
        return None


def parse_networks(spec: str) -> tuple[IPNetwork, ...]:
    """``"127.0.0.66/32, 10.0.0.0/8"`` -> networks; ValueError names the bad entry."""
    out = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        try:
            out.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ValueError(f"not a network: {part!r}") from None
    return tuple(out)
