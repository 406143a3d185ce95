"""Fixtures of the fault-injection suite: a store with the 2020 edition and a one-city crawl helper."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from crawlers.run import run_crawl
from sci.bootstrap import init_store, load_cities
from sci.db import Store
from sci.editions import load_editions
from sci.models import Capture
from sci.registry import CityRecord
from sci.settings import Settings
from tests.hardening.web import FORBIDDEN_NET

CrawlSite = Callable[..., tuple[dict[str, Any], list[Capture]]]


@pytest.fixture
def hostile_settings(settings: Settings) -> Settings:
    """Loopback allowed (the sample hosts), the forbidden stand-in blocked, fast and shallow."""
    return settings.replace(blocked_networks=FORBIDDEN_NET, render="never", crawl_timeout=5.0,
                            crawl_retries=0, crawl_max_pages=50, crawl_max_partner_pages=0)


@pytest.fixture
def crawl_site(store: Store, hostile_settings: Settings) -> CrawlSite:
    init_store(store, [load_editions(hostile_settings.data_dir)[2020]])

    def crawl(website: str, **changes: Any) -> tuple[dict[str, Any], list[Capture]]:
        city = CityRecord("99999001", "Prüfstadt", "Hessen", 100_000, 50.0, website)
        load_cities(store, 2020, [city])
        stats = run_crawl(store, hostile_settings.replace(**changes), [city])
        with store.session() as s:
            caps = list(s.scalars(select(Capture).where(Capture.crawl_id == stats["crawl_id"])))
            s.expunge_all()
        return stats, caps

    return crawl
