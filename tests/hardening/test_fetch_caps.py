"""Finding 4 (external fetcher): bodies are streamed and cut at the cap; a gzip bomb is never inflated
past it; redirects to a forbidden host are refused on the hop."""

from __future__ import annotations

import tracemalloc

import pytest

from crawlers.external.fetch import Fetcher, FetchError
from sci.db import Store
from sci.models import Crawl
from sci.settings import Settings
from tests.hardening.web import FORBIDDEN_NET, big, forbidden_host, gzip_bomb, redirect, serve

CAP = 1024 * 1024


def _fetcher(store: Store, settings: Settings) -> Fetcher:
    with store.session() as s:
        crawl = Crawl(edition_year=2020, source="open-data")
        s.add(crawl)
        s.flush()
        crawl_id = crawl.id
    return Fetcher(settings.replace(api_rate_per_minute=0, crawl_max_body_bytes=CAP, crawl_retries=0,
                                    blocked_networks=FORBIDDEN_NET), crawl_id, "open-data")


def test_gzip_bomb_and_huge_body_are_cut_without_inflating(store: Store, settings: Settings) -> None:
    routes = {"/bomb": gzip_bomb(256 * 1024 * 1024), "/gross": big(30 * 1024 * 1024)}
    with serve(routes, "127.0.0.46") as (base, _):
        fetcher = _fetcher(store, settings)
        tracemalloc.start()
        try:
            with store.session() as s:
                bomb = fetcher.get(s, base + "/bomb", None)
                huge = fetcher.get(s, base + "/gross", None)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            fetcher.close()
    assert len(bomb.body) == CAP and bomb.body.startswith(b"<html><body><p>")
    assert len(huge.body) == CAP
    assert peak < 40 * CAP  # was the whole inflated body (256 MiB here, 2.1 GB for a 1 MB bomb)


def test_redirect_to_a_forbidden_host_is_refused_on_the_hop(store: Store, settings: Settings) -> None:
    with forbidden_host() as (secret, secret_log), serve({"/api": redirect(secret + "/secret")},
                                                         "127.0.0.47") as (base, _):
        fetcher = _fetcher(store, settings)
        with store.session() as s, pytest.raises(FetchError, match="blocked network"):
            fetcher.get(s, base + "/api", None)
        fetcher.close()
    assert secret_log == []
