"""The per-host concurrency we promise site operators holds at the server, without a delay too
(Scrapy 2.19 alone let every queued request of a host out at once: crawlers/downloader.py)."""

from __future__ import annotations

import pytest

from tests.hardening.conftest import CrawlSite
from tests.hardening.web import Peak, serve, small_site


@pytest.mark.parametrize("per_host", [1, 2])
def test_a_host_never_sees_more_parallel_requests_than_the_setting(crawl_site: CrawlSite,
                                                                    per_host: int) -> None:
    peak = Peak()
    with serve(peak.wrap(small_site(12, slow_seconds=0.2)), "127.0.0.59") as (base, _):
        stats, caps = crawl_site(base + "/", crawl_concurrency_per_host=per_host, crawl_concurrency=16,
                                 crawl_delay=0.0)
    assert stats["cities"]["99999001"]["pages"] == 13 and len(caps) == 13
    assert peak.most == per_host
