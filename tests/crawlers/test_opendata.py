"""Open-data runner against a loopback CKAN serving the real package_search answer."""

from __future__ import annotations

import json

from sqlalchemy import select

from crawlers.external import opendata
from sci.context import AppContext
from sci.models import Candidate, Capture
from sci.registry import CityRecord
from sci.settings import Settings
from tests.crawlers.external_server import fixture, serve

KOELN = CityRecord("05315000", "Köln", "Nordrhein-Westfalen", 1085664, 405.02, "https://www.stadt-koeln.de/")
BONN = CityRecord("05314000", "Bonn", "Nordrhein-Westfalen", 329673, 141.06, "https://www.bonn.de/")
ESSEN = CityRecord("05113000", "Essen", "Nordrhein-Westfalen", 582760, 210.34, "https://www.essen.de/")
AACHEN = CityRecord("05334002", "Aachen", "Nordrhein-Westfalen", 248960, 160.85, "https://www.aachen.de/")
JSON = "application/json; charset=utf-8"


def test_counts_software_and_per_city_errors(settings: Settings) -> None:
    ckan = fixture("ckan_envidat_ch_package_search_rows2_2026.json")
    piveau = fixture("piveau_hub_search_response_SYNTHETIC_format_example.json")
    routes = {"/koeln/api/3/action/package_search": (200, JSON, ckan),
              "/api/hub/search/search": (200, JSON, piveau)}
    broken = {"/bonn/api/3/action/package_search": (200, JSON, b'{"success": true, "result": {"cou')}
    with serve(routes, "127.0.0.24") as (base, log), serve(broken, "127.0.0.25") as (bonn, _):
        ctx = AppContext(settings.replace(api_rate_per_minute=0))
        portals = {"05315000": f"{base}/koeln/", "05314000": f"{bonn}/bonn/", "05113000": f"{base}/essen"}
        stats = opendata.run(ctx, [KOELN, BONN, ESSEN, AACHEN], 2020, {"portals": portals})
    with ctx.store.session() as s:
        cands = {(c.ags, c.parameter): c for c in s.scalars(select(Candidate))}
        portal = cands[("05315000", "open_data.portal")]
        assert portal.value == {"url": f"{base}/koeln/", "datasets": 858, "software": "CKAN"}
        assert cands[("05315000", "open_data.datasets")].value == 858
        ev = portal.evidence[0]
        assert ev.locator == "result.count" and ev.url.endswith("/koeln/api/3/action/package_search?rows=0")
        assert s.get(Capture, ev.capture_id) is not None
        # Essen: nothing under its path; the root's Piveau hub search answers.
        essen = cands[("05113000", "open_data.portal")]
        assert essen.value["software"] == "Piveau" and essen.confidence == 0.6
        assert essen.evidence[0].detail["api_at_host_root"] is True and portal.confidence == 0.95
    # Bonn: the cut-off answer fails every probe -> one clear error, the run went on.
    assert len(stats["errors"]) == 1 and stats["errors"][0].startswith("Bonn (05314000): portal ")
    assert "no known API answered" in stats["errors"][0]
    assert ("05314000", "open_data.portal") not in cands
    assert "Aachen: no open-data portal found on the city site" in stats["notes"]
    assert json.loads(json.dumps(stats))["cities"] == 4
    assert "/koeln/api/3/action/package_search?rows=0" in log


def test_a_portal_found_as_its_api_link_is_probed_as_the_portal(settings: Settings) -> None:
    """Extraction may take a portal page's link to its own API as the portal (the sample web's
    Osnabrück portal did): probed under that address nothing answers and the host root's API —
    every city's data on a shared host — would count. The runner probes the portal it belongs to."""
    ckan = fixture("ckan_envidat_ch_package_search_rows2_2026.json")
    root = json.dumps({"success": True, "result": {"count": 99999}}).encode()
    routes = {"/koeln/api/3/action/package_search": (200, JSON, ckan),
              "/api/3/action/package_search": (200, JSON, root)}
    with serve(routes, "127.0.0.24") as (base, _):
        ctx = AppContext(settings.replace(api_rate_per_minute=0))
        portals = {"05315000": f"{base}/koeln/api/3/action/package_search?rows=0"}
        opendata.run(ctx, [KOELN], 2020, {"portals": portals})
    with ctx.store.session() as s:
        portal = s.scalars(select(Candidate).where(Candidate.parameter == "open_data.portal")).one()
        assert portal.value == {"url": f"{base}/koeln/", "datasets": 858, "software": "CKAN"}
        assert portal.confidence == 0.95


def test_the_count_is_no_surer_than_the_unconfirmed_link_it_came_from(settings: Settings) -> None:
    """Köln's portal comes from a machine candidate at 0.74 — a neighbour's portal reached from a press
    item looks the same to the API — so the count's candidate stays at 0.74 and says why; Bonn's
    portal was approved by an analyst, so its count is as sure as the API (0.95)."""
    from review.state import decide
    from sci.bootstrap import init_store, load_cities
    from sci.candidates import EvidenceIn, add_candidate
    from sci.editions import load_editions

    ckan = fixture("ckan_envidat_ch_package_search_rows2_2026.json")
    routes = {"/koeln/api/3/action/package_search": (200, JSON, ckan),
              "/bonn/api/3/action/package_search": (200, JSON, ckan)}
    ctx = AppContext(settings.replace(api_rate_per_minute=0))
    init_store(ctx.store, [load_editions(settings.data_dir)[2020]])
    load_cities(ctx.store, 2020, [KOELN, BONN])
    with serve(routes, "127.0.0.24") as (base, _):
        with ctx.store.session() as s:
            for city in (KOELN, BONN):
                url = f"{base}/{city.name.lower().replace('ö', 'oe')}/"
                cand, _ = add_candidate(s, edition=2020, ags=city.ags, parameter="open_data.portal",
                                        value={"url": url}, confidence=0.74, extractor="open_data",
                                        extractor_version="2", evidence=[EvidenceIn(url, "Open-Data-Portal")])
                if city is BONN:
                    s.flush()
                    decide(s, candidate_id=cand.id, action="approve", analyst="ana")
        opendata.run(ctx, [KOELN, BONN], 2020, {})
    with ctx.store.session() as s:
        found = s.scalars(select(Candidate).where(Candidate.parameter == "open_data.datasets"))
        counts = {c.ags: c for c in found}
        assert counts[KOELN.ags].value == 858 and counts[KOELN.ags].confidence == 0.74
        assert "unbestätigten Kandidaten" in counts[KOELN.ags].evidence[0].snippet
        assert counts[BONN.ags].confidence == 0.95
