"""The registrable domain of a host: one rule (the Public Suffix List) for crawl scope and detectors.

``www.stadt-koeln.de`` -> ``stadt-koeln.de``, ``rathaus.stadt.co.uk`` ->
``stadt.co.uk``, ``stadt.github.io`` stays whole (private suffixes count: a
site there belongs to whoever registered it). The list is the snapshot bundled
with tldextract (already installed with Scrapy); it is never fetched at run
time, so crawls and tests send no traffic for it. Hosts under a suffix the list
does not know (reserved test names such as ``berlin.example``) fall back to
their last two labels; IP addresses stay whole.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

# suffix_list_urls=() and no cache dir: the bundled snapshot only, no network, no files written.
PSL_OPTIONS = {"suffix_list_urls": (), "cache_dir": None, "include_psl_private_domains": True}


@lru_cache(maxsize=1)
def _extract() -> Any:
    """The extractor, made on first use: importing tldextract (requests, filelock …) and reading
    the list cost every process that merely imports the crawl scope about a second otherwise."""
    import tldextract

    return tldextract.TLDExtract(**PSL_OPTIONS)  # type: ignore[arg-type]


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=65536)
def registrable_domain(host: str) -> str:
    """The registrable domain ("eTLD+1") of a host name; IP addresses are returned as they are."""
    host = host.lower().strip(".")
    if not host or is_ip(host):
        return host
    found = _extract()(host).top_domain_under_public_suffix
    if found:
        return found
    labels = host.split(".")
    return ".".join(labels[-2:])


@lru_cache(maxsize=65536)
def site_key(url: str) -> str:
    """What counts as one site for a URL: its registrable domain; an IP host with its port
    (each loopback test site is one address, and the port tells two servers apart)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if is_ip(host):
        return f"{host}:{parts.port}" if parts.port else host
    return registrable_domain(host)
