"""crawlers.parsers.opendata_api on the real CKAN answer and the Piveau format sample."""

from __future__ import annotations

import json

import pytest

from crawlers.parsers import opendata_api as od
from sci import ROOT
from tests.crawlers.external_server import fixture

PROBES = {p.software: p for p in od.load_probes(ROOT / "data" / "patterns" / "opendata_api.yaml")}


def test_ckan_count_from_real_answer() -> None:
    assert od.read_count(PROBES["CKAN"], fixture("ckan_envidat_ch_package_search_rows2_2026.json")) == 858


def test_piveau_count() -> None:
    body = fixture("piveau_hub_search_response_SYNTHETIC_format_example.json")
    assert od.read_count(PROBES["Piveau"], body) == 2


def test_errors_name_the_problem() -> None:
    ckan = PROBES["CKAN"]
    with pytest.raises(od.PortalFormatError, match="not JSON"):
        od.read_count(ckan, b"<html>Wartungsarbeiten</html>")
    with pytest.raises(od.PortalFormatError, match="success=false"):
        od.read_count(ckan, json.dumps({"success": False, "error": {"message": "Not found"}}).encode())
    with pytest.raises(od.PortalFormatError, match="no 'result.count'"):
        od.read_count(ckan, b'{"success": true, "result": {}}')
    with pytest.raises(od.PortalFormatError, match="not a dataset count"):
        od.read_count(ckan, b'{"success": true, "result": {"count": "viele"}}')
    with pytest.raises(od.PortalFormatError, match="no 'total_count'"):
        od.read_count(PROBES["Opendatasoft"], b"{}")


def test_probe_urls_path_then_root() -> None:
    assert od.probe_urls("https://opendata.example.de/koeln", PROBES["CKAN"]) == [
        "https://opendata.example.de/koeln/api/3/action/package_search?rows=0",
        "https://opendata.example.de/api/3/action/package_search?rows=0"]
    assert len(od.probe_urls("https://offenedaten.example.de/", PROBES["DKAN"])) == 1


def test_an_api_address_is_read_as_its_portal() -> None:
    probes = list(PROBES.values())
    api = "https://opendata.example.de/osnabrueck/api/3/action/package_search?rows=0"
    assert od.portal_base(api, probes) == "https://opendata.example.de/osnabrueck/"
    assert od.portal_base("https://data.example.de/api/explore/v2.1/catalog/datasets", probes) == \
        "https://data.example.de/"
    for portal in ("https://opendata.example.de/koeln", "https://opendata.example.de/api-hilfe/"):
        assert od.portal_base(portal, probes) == portal


@pytest.mark.parametrize(("software", "body", "count"), [
    # Shapes as documented by the projects (no real samples stored): DKAN 2 search, ODS v2.1 and v1.
    ("DKAN", b'{"total": "17", "results": {}}', 17),
    ("DKAN", b'{"total": "viele", "results": {}}', None),
    ("DKAN", b'{"total": 17, "results": {}}', 17),
    ("Opendatasoft", b'{"total_count": 431, "results": []}', 431),
    ("Opendatasoft (API v1)", b'{"nhits": 96, "parameters": {}, "datasets": []}', 96),
    # ckanext-dcat catalog.jsonld: a hydra:PagedCollection node in @graph (compacted or full IRI).
    ("DCAT-AP (ckanext-dcat)", b'{"@graph": [{"@type": "dcat:Catalog"}, {"@type": "hydra:PagedCollection",'
                               b' "hydra:totalItems": 512, "hydra:itemsPerPage": 100}]}', 512),
    ("DCAT-AP (ckanext-dcat)", b'[{"http://www.w3.org/ns/hydra/core#totalItems": [{"@value": 7}]}]', 7),
    ("DCAT-AP (ckanext-dcat)", b'{"@graph": [{"hydra:totalItems": {"@value": 7}}]}', 7),
    ("DCAT-AP (ckanext-dcat)", b'{"@graph": [{"@type": "dcat:Catalog", "notTotalItems": 3}]}', None),
])
def test_other_portal_apis(software: str, body: bytes, count: int | None) -> None:
    if count is None:
        with pytest.raises(od.PortalFormatError, match="not a dataset count|has no"):
            od.read_count(PROBES[software], body)
    else:
        assert od.read_count(PROBES[software], body) == count
