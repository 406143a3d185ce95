"""Finding 4 (time): one city's crawl ends at SCI_CRAWL_CITY_TIMEOUT — a site that never runs out
(or answers slowly) cannot hold the night; the city counts as done, like a spent page budget."""

from __future__ import annotations

import time

from tests.hardening.conftest import CrawlSite
from tests.hardening.web import serve, small_site


def test_a_slow_endless_site_is_cut_at_the_city_time_limit(crawl_site: CrawlSite) -> None:
    with serve(small_site(200, slow_seconds=0.5), "127.0.0.58") as (base, log):
        started = time.monotonic()
        stats, caps = crawl_site(base + "/", crawl_city_timeout=4.0, crawl_concurrency_per_host=1,
                                 crawl_max_pages=500)
        seconds = time.monotonic() - started
    city = stats["cities"]["99999001"]
    assert stats["status"] == "finished" and city["time_limit"] == 1
    assert 0 < len(caps) < 20 and seconds < 30  # one at a time, 0.5 s each: ~8 pages in 4 s
