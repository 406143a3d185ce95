"""sci.domains: one registrable-domain rule (Public Suffix List, bundled) for crawl scope and detectors."""

from __future__ import annotations

import socket

import pytest
import tldextract

from crawlers import scope
from extractors import base
from sci.domains import PSL_OPTIONS, registrable_domain, site_key


@pytest.mark.parametrize(("host", "domain"), [
    ("www.stadt-koeln.de", "stadt-koeln.de"), ("Rathaus.Stadt.co.uk", "stadt.co.uk"),
    ("termine.stadt.gv.at", "stadt.gv.at"), ("service.berlin", "service.berlin"),
    ("a.b.stadt.com.de", "stadt.com.de"), ("heidelberg.github.io", "heidelberg.github.io"),
    ("www.münchen.de", "münchen.de"), ("berlin.example", "berlin.example"),
    ("www.berlin.example", "berlin.example"), ("127.0.0.3", "127.0.0.3"), ("::1", "::1"),
    ("localhost", "localhost"),
])
def test_registrable_domain_by_the_public_suffix_list(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


def test_crawl_scope_and_detectors_share_the_rule() -> None:
    assert scope.site_key is site_key and base.registrable_domain is registrable_domain
    assert site_key("https://www.stadt.gv.at/x") == site_key("https://termine.stadt.gv.at/") == "stadt.gv.at"
    assert site_key("http://127.0.0.2:8080/a") == "127.0.0.2:8080" != site_key("http://127.0.0.2:8081/")
    # Under the old two-label rule these two cities were one site.
    assert site_key("https://linz.gv.at/") != site_key("https://graz.gv.at/")


def test_no_network_is_used_for_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kw: object) -> None:
        raise AssertionError("the suffix list must not be fetched")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    fresh = tldextract.TLDExtract(**PSL_OPTIONS)  # type: ignore[arg-type]  # loads the list anew
    assert fresh("www.neu.stadt.co.uk").top_domain_under_public_suffix == "stadt.co.uk"
