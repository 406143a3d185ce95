"""The external demo step against the bundled sample web: every app, account and portal as the truth says.

The sample web's city files know each app's kind (official / transport /
tourism / private), each account's post age and each portal's dataset count;
the extraction stage's output is stood in for by candidates with the links
the city pages show.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from crawlers.external.demo import external_step
from crawlers.sampleweb import SampleWeb
from sci import ROOT
from sci.candidates import EvidenceIn, add_candidate
from sci.context import AppContext
from sci.demostate import DemoState
from sci.models import Candidate
from sci.settings import Settings

CITY_FILES = sorted((ROOT / "data" / "sampleweb" / "cities").glob("*.yaml"))


@pytest.fixture(scope="module")
def web(sample_web_server: SampleWeb) -> Any:
    sample_web_server.reset()
    return sample_web_server.manifest


def _truth() -> list[dict[str, Any]]:
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in CITY_FILES]


def _seed_extraction(ctx: AppContext, manifest: Any, cities: list[dict[str, Any]]) -> None:
    with ctx.store.session() as s:
        for city in cities:
            for acc in city.get("social", []):
                if not acc["official"]:
                    continue
                url = manifest.social[acc["network"]] + (
                    f"channel/{acc['channel_id']}" if acc.get("channel_id") else acc["profile"].lstrip("@"))
                add_candidate(s, edition=2020, ags=city["ags"], parameter=f"social_media.{acc['network']}",
                              value={"url": url, "handle": acc["profile"]}, confidence=0.9,
                              extractor="test", extractor_version="1", evidence=[EvidenceIn(url, "link")])
            if city["features"].get("open_data", {}).get("present"):
                url = f"{manifest.partners['opendata'].rstrip('/')}/{city['slug']}/"
                add_candidate(s, edition=2020, ags=city["ags"], parameter="open_data.portal",
                              value={"url": url}, confidence=0.9, extractor="test", extractor_version="1",
                              evidence=[EvidenceIn(url, "Open-Data-Portal")])


def test_external_step_matches_sample_truth(web: Any, settings: Settings) -> None:
    cities = _truth()
    ctx = AppContext(settings)
    _seed_extraction(ctx, web, cities)
    now = dt.datetime.now(dt.UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    state = DemoState(ctx, 2020, serve=False, sampleweb=web, now=now)
    external_step(state)
    with ctx.store.session() as s:
        rows = s.scalars(select(Candidate).where(Candidate.extractor != "test"))
        cands = {(c.ags, c.parameter): c for c in rows}
        for city in cities:
            ags = city["ags"]
            official = [a for a in city["apps"] if a["kind"] == "official"]
            avail = cands[(ags, "city_app.available")]
            listing = avail.evidence[0].detail["apps"]
            # Every app is classified as the sample web's author meant it.
            truth = {a["name"]: a["kind"] for a in city["apps"]}
            assert {a["name"]: a["kind"] for a in listing} == truth, ags
            if official:
                assert avail.value["name"] == official[0]["name"]
                assert cands[(ags, "city_app.last_update")].value == official[0]["days_updated"]
            else:
                assert avail.value is False
            for acc in city.get("social", []):
                if acc["official"]:
                    key = (ags, f"social_media.{acc['network']}_activity")
                    assert cands[key].value == acc["days"], key
            datasets = city["features"].get("open_data", {}).get("datasets")
            if datasets is not None and city["features"]["open_data"].get("present"):
                assert cands[(ags, "open_data.datasets")].value == datasets
            for pid in ("stations_per_km2", "fast_charger_share", "points_per_station"):
                assert (ags, f"charging_infrastructure.{pid}") in cands
