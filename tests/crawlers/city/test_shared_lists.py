"""Shared lists (data/lists/): the crawl follows a link into every booking system the detector knows —
in the spider's link handling and in a crawl of the sample web."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings as ScrapySettings
from sqlalchemy import select

from crawlers import scope
from crawlers.run import run_crawl
from crawlers.sampleweb.server import SampleWeb
from crawlers.sampleweb.world import PARTNER_IPS
from crawlers.spiders.city import CitySpider
from extractors.patterns import load_patterns
from sci import ROOT
from sci.bootstrap import init_store, load_cities
from sci.db import Store
from sci.editions import load_editions
from sci.errors import DataError
from sci.models import Capture
from sci.registry import load_registry
from sci.settings import Settings
from sci.yamlfile import load_list

DATA = ROOT / "data"
# Known to the appointments detector only, before the list was shared (partners.yaml had 8 of 13).
DETECTOR_ONLY = ("terminvergabe.de", "sab-termine.de", "ekom21.de", "terminreservierung.de",
                 "termin.bremen.de")


def _spider(website: str) -> CitySpider:
    spider = CitySpider(ags="05315000", website=website)
    spider.settings = ScrapySettings({"DEPTH_LIMIT": 6})
    spider.home_site = scope.site_key(website)
    spider.vocab = scope.load_vocabulary(DATA)
    spider.max_pages, spider.max_partner = 100, 50
    spider.done, spider.previous = {}, {}
    return spider


def test_crawler_and_detectors_read_one_booking_list() -> None:
    hosts = load_list(DATA, "booking_systems")
    assert set(DETECTOR_ONLY) <= set(hosts)
    assert list(load_patterns(DATA, "appointments")["booking"]["vendor_hosts"]) == list(hosts)
    vendors = load_patterns(DATA, "defect_reporting")["vendor_hosts"]
    assert list(vendors) == list(load_list(DATA, "defect_reporting_vendors"))
    for host in (*hosts, *vendors):
        assert scope.is_partner(f"https://{host}/", scope.load_vocabulary(DATA).partner_patterns)


def test_a_link_into_a_booking_system_known_to_the_detector_is_followed() -> None:
    links = "".join(f'<a href="https://buergeramt.{h}/koeln/termin">Termin</a>' for h in DETECTOR_ONLY)
    body = (f'<html><body><h1>Bürgeramt</h1>{links}<a href="https://www.stadt-koeln.de/leben">Leben</a>'
            '<a href="https://unknown-vendor.example/x">fremd</a></body></html>').encode()
    url = "https://www.stadt-koeln.de/service/buergeramt"
    page = HtmlResponse(url, body=body, encoding="utf-8", headers={"Content-Type": "text/html"},
                        request=Request(url, meta={"sci_depth": 1}))
    requests = list(_spider("https://www.stadt-koeln.de/")._links(page))
    followed = {r.url: r.meta["sci_partner"] for r in requests}
    assert followed == {**{f"https://buergeramt.{h}/koeln/termin": True for h in DETECTOR_ONLY},
                        "https://www.stadt-koeln.de/leben": False}


def test_a_bad_shared_list_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    bad = tmp_path / "lists" / "booking_systems.yaml"
    bad.write_text("hosts:\n  - tevis.de\n  - [x]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"booking_systems.yaml:1: hosts\[1\]: expected text"):
        load_list(tmp_path, "booking_systems")


def test_a_crawl_of_the_sample_web_follows_links_into_detector_only_booking_systems(
        sample_web: SampleWeb, tmp_path: Path) -> None:
    """A sample city's page links to each booking host the detector alone knew before the list was
    shared, and to an unknown vendor; the names resolve (SCI_RESOLVE) to the sample web's booking
    system. No partner host is added by setting: the shared list alone makes them partners."""
    m = sample_web.manifest
    city = load_registry(m.write_registry(tmp_path / "reg.csv"))[0]
    city_ip, port = urlsplit(city.website).hostname, urlsplit(city.website).port
    booking = PARTNER_IPS["booking"]
    hosts = [f"buergeramt.{h}" for h in DETECTOR_ONLY] + ["termine.unknown-vendor.example"]
    links = "".join(f'<a href="http://{h}:{port}/termin/{n}">Termin {n}</a>' for n, h in enumerate(hosts))
    sample_web.set_page(str(city_ip), "/", f"<html><body><h1>Bürgeramt</h1>{links}</body></html>")
    for n in range(len(hosts)):
        sample_web.set_page(booking, f"/termin/{n}", f"<html><body><h1>Freie Termine {n}</h1></body></html>")
    s = Settings(var_dir=tmp_path / "var", data_dir=DATA, allow_private_addresses=True, crawl_delay=0.0,
                 render="never", crawl_max_pages=10, crawl_max_partner_pages=20, crawl_timeout=3.0,
                 crawl_retries=0, resolve=",".join(f"{h}={booking}" for h in hosts))
    store = Store(s)
    store.migrate()
    init_store(store, [load_editions(s.data_dir)[2020]])
    load_cities(store, 2020, [city])
    stats = run_crawl(store, s, [city])
    with store.session() as session:
        captured = set(session.scalars(select(Capture.url).where(Capture.crawl_id == stats["crawl_id"])))
    store.dispose()
    assert stats["status"] == "finished"
    followed = {f"http://{h}:{port}/termin/{n}" for n, h in enumerate(hosts[:-1])}
    assert followed <= captured
    assert not any("unknown-vendor" in url for url in captured)
    asked = {path for host, method, path, *_ in sample_web.request_log if host == f"{booking}:{port}"}
    assert {f"/termin/{n}" for n in range(len(DETECTOR_ONLY))} <= asked
    assert f"/termin/{len(DETECTOR_ONLY)}" not in asked
