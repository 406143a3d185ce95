"""Shared lists (data/lists/): the crawl follows a link into every booking system the detector knows."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings as ScrapySettings

from crawlers import scope
from crawlers.spiders.city import CitySpider
from extractors.patterns import load_patterns
from sci import ROOT
from sci.errors import DataError
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
