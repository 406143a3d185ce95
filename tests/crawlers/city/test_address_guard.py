"""The address guard inside Scrapy: the middleware refuses, the resolver hands out the pinned address."""

from __future__ import annotations

import pytest
from scrapy import Request
from twisted.internet import reactor

from crawlers.guard import Guard
from crawlers.middlewares.address_guard import AddressGuardMiddleware, BlockedAddressError, PinnedResolver


@pytest.mark.parametrize("url", [
    "http://localhost:8080/", "http://127.0.0.1/", "http://10.1.2.3/", "http://192.168.0.1/x",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://172.16.0.5/",
])
def test_private_targets_refused_when_guard_on(url: str) -> None:
    with pytest.raises(BlockedAddressError):
        AddressGuardMiddleware(Guard(allow_loopback=False)).process_request(Request(url))


def test_hostname_resolving_to_loopback_is_refused() -> None:
    # "localhost" looks like a name; only resolution reveals 127.0.0.1.
    assert "loopback" in (Guard(allow_loopback=False).refusal("http://localhost/") or "")


def test_loopback_allowed_when_setting_on_but_never_unspecified() -> None:
    mw = AddressGuardMiddleware(Guard(allow_loopback=True))
    assert mw.process_request(Request("http://127.0.0.2:9/")) is None
    with pytest.raises(BlockedAddressError):
        mw.process_request(Request("http://0.0.0.0/"))


def test_public_address_passes_and_bad_scheme_refused() -> None:
    guard = Guard(allow_loopback=False)
    assert guard.refusal("http://8.8.8.8/") is None
    assert guard.refusal("ftp://8.8.8.8/")
    assert guard.refusal("http://no-such-host.invalid/")


def test_resolver_answers_with_the_checked_address() -> None:
    resolver = PinnedResolver(reactor, Guard(allow_loopback=True))
    got: list[object] = []
    resolver.getHostByName("localhost").addBoth(got.append)
    assert got == ["127.0.0.1"]
    Guard(allow_loopback=False)  # a stricter guard in the same process refuses the same pin
    refused: list[object] = []
    PinnedResolver(reactor, Guard(allow_loopback=False)).getHostByName("localhost").addErrback(
        lambda f: refused.append(f.type))
    assert refused == [BlockedAddressError]
