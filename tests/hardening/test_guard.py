"""Finding 2 (rules): one guard for every fetcher — IPv6 forms carrying IPv4, IDNA, zones, rebinding,
and ``--allow-private-addresses`` opening loopback only."""

from __future__ import annotations

import socket

import pytest

from crawlers import guard as guard_module
from crawlers.guard import BlockedAddress, Guard
from tests.hardening.web import FORBIDDEN_IP, FORBIDDEN_NET

LOOPBACK_ONLY = Guard(allow_loopback=True)
PUBLIC_ONLY = Guard(allow_loopback=False)


@pytest.mark.parametrize("url", [
    "http://[::7f00:1]/",              # IPv4-compatible 127.0.0.1
    "http://[64:ff9b::7f00:1]/",       # NAT64 of 127.0.0.1
    "http://[64:ff9b::a9fe:a9fe]/",    # NAT64 of 169.254.169.254
    "http://[2002:7f00:1::]/",         # 6to4 of 127.0.0.1
    "http://[2002:a9fe:a9fe::]/",      # 6to4 of the metadata address
    "http://[::ffff:169.254.169.254]/",  # IPv4-mapped metadata
    "http://[::ffff:10.0.0.1]/",
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",  # Teredo
    "http://[fe80::1%25eth0]/",        # link-local with a zone id
    "http://169.254.169.254/latest/meta-data/",
    "http://10.1.2.3/", "http://192.168.1.1/", "http://100.64.0.1/", "http://[fd00::1]/",
])
def test_tunnelled_and_private_addresses_refused_even_with_loopback_allowed(url: str) -> None:
    with pytest.raises(BlockedAddress):
        LOOPBACK_ONLY.check(url)
    with pytest.raises(BlockedAddress):
        PUBLIC_ONLY.check(url)


def test_loopback_forms_pass_only_when_allowed() -> None:
    for url in ("http://127.0.0.2:8080/", "http://[::1]/", "http://[::ffff:127.0.0.3]/", "http://localhost/"):
        assert LOOPBACK_ONLY.refusal(url) is None, url
        assert "loopback" in (PUBLIC_ONLY.refusal(url) or ""), url
    assert LOOPBACK_ONLY.check("http://[::ffff:127.0.0.3]/").address == "127.0.0.3"


def test_unicode_hosts_are_judged_in_their_idna_form() -> None:
    # Fullwidth digits normalise to 127.0.0.1 under IDNA: the address a connection would use.
    assert "loopback" in (PUBLIC_ONLY.refusal("http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/") or "")
    assert "xn--bcher-kva.invalid does not resolve" in (PUBLIC_ONLY.refusal("http://bücher.invalid/") or "")
    assert "bad host" in (PUBLIC_ONLY.refusal("http://a\u200f\u202e.example/") or "")
    assert PUBLIC_ONLY.refusal("http://no-such-host.invalid/")


def test_blocked_networks_are_refused_even_on_loopback() -> None:
    guard = Guard(allow_loopback=True, blocked=guard_module.parse_networks(FORBIDDEN_NET))
    assert "blocked" in (guard.refusal(f"http://{FORBIDDEN_IP}:9/") or "")
    assert "blocked" in (guard.refusal(f"http://[::ffff:{FORBIDDEN_IP}]:9/") or "")
    assert guard.refusal("http://127.0.0.2:9/") is None
    with pytest.raises(ValueError, match="not a network"):
        guard_module.parse_networks("127.0.0.1/40")


def test_resolution_is_pinned_against_dns_rebinding(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["127.0.0.2", FORBIDDEN_IP])  # first answer checked, second would be the attack

    def fake(host: str, *args: object, **kwargs: object) -> list[tuple]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), 0))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    guard = Guard(allow_loopback=True, blocked=guard_module.parse_networks(FORBIDDEN_NET))
    assert guard.check("http://rebind.example.test/").address == "127.0.0.2"
    # Every later check and connection of this process uses the pinned answer.
    assert guard.check("http://rebind.example.test/again").address == "127.0.0.2"
    assert guard.address("rebind.example.test") == "127.0.0.2"


def test_names_in_sci_resolve_have_that_address_and_are_judged_by_it() -> None:
    """SCI_RESOLVE pins a name (never asked of DNS); the pinned address passes the same rules."""
    from sci.errors import DataError
    from sci.settings import Settings

    pins = "buergeramt.terminvergabe.de=127.0.0.10:8080, geheim.example=" + FORBIDDEN_IP
    guard = Guard.from_settings(Settings(allow_private_addresses=True, blocked_networks=FORBIDDEN_NET,
                                         resolve=pins))
    assert guard.check("http://buergeramt.terminvergabe.de:9000/x").address == "127.0.0.10"
    assert "127.0.0.66" in (guard.refusal("http://geheim.example/") or "")  # blocked network
    public_only = Guard.from_settings(Settings(allow_private_addresses=False, resolve=pins))
    assert "loopback" in (public_only.refusal("http://buergeramt.terminvergabe.de/") or "")
    with pytest.raises(DataError, match="expected host=address"):
        Guard.from_settings(Settings(resolve="nur-ein-name"))
