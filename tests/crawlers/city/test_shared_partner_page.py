"""A partner page two cities link to is each city's evidence: a crawl of both captures it for each
(the capture key holds the city). Before, whichever city's spider reached it first kept it and the
other city lost it — the demo's Osnabrück open-data portal went to Salzgitter in some runs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import select

from crawlers.run import run_crawl
from crawlers.sampleweb.server import SampleWeb
from crawlers.sampleweb.world import PARTNER_IPS
from sci import ROOT
from sci.bootstrap import init_store, load_cities
from sci.db import Store
from sci.editions import load_editions
from sci.models import Capture
from sci.registry import load_registry
from sci.settings import Settings

PORTAL_PATH = "/region/opendata/"


def test_both_cities_hold_the_page_they_share(sample_web: SampleWeb, tmp_path: Path) -> None:
    cities = load_registry(sample_web.manifest.write_registry(tmp_path / "reg.csv"))[:2]
    port = urlsplit(cities[0].website).port
    portal = f"http://{PARTNER_IPS['opendata']}:{port}{PORTAL_PATH}"
    home = f'<html><body><h1>Offene Daten</h1><a href="{portal}">Open-Data-Portal</a></body></html>'
    for city in cities:
        sample_web.set_page(str(urlsplit(city.website).hostname), "/", home)
    sample_web.set_page(PARTNER_IPS["opendata"], PORTAL_PATH,
                        "<html><body><h1>Regionales Open-Data-Portal</h1></body></html>")
    s = Settings(var_dir=tmp_path / "var", data_dir=ROOT / "data", allow_private_addresses=True,
                 crawl_delay=0.0, render="never", crawl_max_pages=5, crawl_max_partner_pages=5,
                 crawl_timeout=3.0, crawl_retries=0,
                 crawl_extra_partner_hosts=",".join(sample_web.manifest.partner_hosts))
    store = Store(s)
    store.migrate()
    init_store(store, [load_editions(s.data_dir)[2020]])
    load_cities(store, 2020, cities)
    stats = run_crawl(store, s, cities)
    with store.session() as session:
        holders = sorted(session.scalars(select(Capture.ags).where(
            Capture.crawl_id == stats["crawl_id"], Capture.url == portal)))
    store.dispose()
    assert stats["status"] == "finished"
    assert holders == sorted(c.ags for c in cities)
