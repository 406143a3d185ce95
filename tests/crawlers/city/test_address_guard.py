"""The address guard refuses loopback/private targets (after DNS resolution) unless allowed."""

from __future__ import annotations

import pytest
from scrapy import Request

from crawlers.middlewares.address_guard import AddressGuardMiddleware, BlockedAddressError, refusal


@pytest.mark.parametrize("url", [
    "http://localhost:8080/", "http://127.0.0.1/", "http://10.1.2.3/", "http://192.168.0.1/x",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://172.16.0.5/",
])
def test_private_targets_refused_when_guard_on(url: str) -> None:
    with pytest.raises(BlockedAddressError):
        AddressGuardMiddleware(allow_private=False).process_request(Request(url))


def test_hostname_resolving_to_loopback_is_refused() -> None:
    # "localhost" looks like a name; only resolution reveals 127.0.0.1.
    assert "non-public" in (refusal("http://localhost/", allow_private=False) or "")


def test_allowed_when_setting_on_but_never_unspecified() -> None:
    mw = AddressGuardMiddleware(allow_private=True)
    assert mw.process_request(Request("http://127.0.0.2:9/")) is None
    with pytest.raises(BlockedAddressError):
        mw.process_request(Request("http://0.0.0.0/"))


def test_public_address_passes_and_bad_scheme_refused() -> None:
    assert refusal("http://8.8.8.8/", allow_private=False) is None
    assert refusal("ftp://8.8.8.8/", allow_private=False)
    assert refusal("http://no-such-host.invalid/", allow_private=False)
