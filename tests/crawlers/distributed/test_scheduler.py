"""The distributed dupefilter's key (scheduler.city_fingerprint): per city and request."""

from __future__ import annotations

from scrapy import Request

from crawlers.distributed.scheduler import city_fingerprint

PORTAL = "http://127.0.0.12:8000/region/opendata/"


def test_a_page_two_cities_link_to_is_queued_for_each() -> None:
    osnabrueck = Request(PORTAL, meta={"sci_ags": "03404000"})
    salzgitter = Request(PORTAL, meta={"sci_ags": "03102000"})
    assert city_fingerprint(osnabrueck) != city_fingerprint(salzgitter)


def test_within_a_city_a_page_is_one_request() -> None:
    first = Request(PORTAL, meta={"sci_ags": "03404000", "sci_depth": 1})
    again = Request(PORTAL + "#daten", meta={"sci_ags": "03404000", "sci_depth": 3})
    assert city_fingerprint(first) == city_fingerprint(again)
