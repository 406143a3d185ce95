"""`sci discover --panel NAME`: find the websites of a panel's municipalities that have none.

For each: candidate hosts from the name (crawlers.discovery), their home and imprint pages
fetched into a `discovery` crawl, each site judged (extractors.website_match), and the best
one stored as a ``meta.website`` candidate with its evidence (title, region, imprint). It
goes through the review queue like any candidate; only an approved website is crawled
(sci.panels.members). One transaction per municipality.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy.orm import Session

from crawlers.discovery import candidate_hosts, clean_name, fetch_site, load_vocab, parse_resolve
from crawlers.external.fetch import Fetcher
from extractors.website_match import PageText, SiteMatch, match_site
from sci.candidates import EvidenceIn, add_candidate
from sci.context import AppContext
from sci.models import Crawl
from sci.panels import WEBSITE_PARAMETER, get_panel, members
from sci.registry import CityRecord
from sci.settings import Settings
from sci.values import current_values

EXTRACTOR, VERSION = "website_discovery", "1"


def discover_city(session: Session, fetcher: Fetcher, settings: Settings, scope: int, city: CityRecord,
                  crawl_id: int) -> dict[str, Any]:
    vocab = load_vocab(Path(settings.data_dir))
    resolve = parse_resolve(settings.resolve)
    name = clean_name(city.name, vocab)
    regions = [vocab.lands.get(city.ags[:2], ""), city.state]
    best: tuple[SiteMatch, Any] | None = None
    tried = 0
    for host in candidate_hosts(city.name, vocab):
        site = fetch_site(fetcher, session, city.ags, host, resolve, vocab)
        tried += 1
        if site is None:
            continue
        imprint = PageText(site.imprint.final_url, site.imprint.body, site.imprint.capture_id) \
            if site.imprint else None
        found = match_site(name, city.ags, regions, PageText(site.home.final_url, site.home.body,
                                                             site.home.capture_id),
                           imprint, vocab.weights, vocab.min_name_score)
        if found is not None and (best is None or found.confidence > best[0].confidence):
            best = (found, site)
    if best is None:
        return {"ags": city.ags, "tried": tried, "found": None}
    found, site = best
    evidence = [EvidenceIn(url=site.home.final_url, snippet=found.title, locator="title",
                           capture_id=site.home.capture_id, value={"name_score": found.name_score},
                           confidence=found.confidence, extractor=EXTRACTOR, extractor_version=VERSION)]
    if found.region:
        capture = site.imprint if site.imprint and found.region_url == site.imprint.final_url else site.home
        evidence.append(EvidenceIn(url=found.region_url, snippet=f"region: {found.region}", locator="text",
                                   capture_id=capture.capture_id, value=found.region,
                                   confidence=found.confidence, extractor=EXTRACTOR,
                                   extractor_version=VERSION))
    value = {"url": site.home.final_url, "host": site.host}
    add_candidate(session, edition=scope, ags=city.ags, parameter=WEBSITE_PARAMETER, value=value,
                  confidence=found.confidence, extractor=EXTRACTOR, extractor_version=VERSION,
                  evidence=evidence, crawl_id=crawl_id)
    return {"ags": city.ags, "tried": tried, "found": value["url"], "confidence": found.confidence,
            "region": found.region}


def discover(ctx: AppContext, panel: str, sample: int | None = None, seed: int = 0) -> list[dict[str, Any]]:
    store, settings = ctx.store, ctx.settings
    with store.session() as s:
        p = get_panel(s, panel)
        scope = p.scope
        decided = {ags for (ags, pid) in current_values(s, scope) if pid == WEBSITE_PARAMETER}
        todo = [c for c in members(s, scope) if not c.website and c.ags not in decided]
        crawl = Crawl(edition_year=scope, source="discovery", status="running",
                      scope={"panel": panel, "cities": [c.ags for c in todo]})
        s.add(crawl)
        s.flush()
        crawl_id = crawl.id
    if sample is not None and sample < len(todo):
        todo = sorted(random.Random(seed).sample(todo, sample), key=lambda c: c.ags)
    fetcher = Fetcher(settings, crawl_id, "discovery")
    results = []
    try:
        for city in todo:
            with store.session() as s:
                results.append(discover_city(s, fetcher, settings, scope, city, crawl_id))
    finally:
        fetcher.close()
        with store.session() as s:
            row = s.get(Crawl, crawl_id)
            assert row is not None
            row.status, row.finished_at = "finished", datetime.now(UTC)
            row.stats = {"municipalities": len(results), "found": sum(1 for r in results if r["found"])}
    return results


def register(app: typer.Typer) -> None:
    @app.command("discover")
    def discover_cmd(
        ctx: typer.Context,
        panel: Annotated[str, typer.Option("--panel", help="Panel whose municipalities lack a website")],
        sample: Annotated[int | None, typer.Option(help="Only a random sample of N municipalities")] = None,
        seed: Annotated[int, typer.Option(help="Seed of the sample")] = 0,
    ) -> None:
        """Find candidate websites (name -> host names -> fetch -> match name and region) for review."""
        c: AppContext = ctx.obj
        results = discover(c, panel, sample, seed)
        found = [r for r in results if r["found"]]
        for r in found:
            c.console.print(f"{r['ags']}: {r['found']} (confidence {r['confidence']:.2f}, "
                            f"region: {r['region'] or 'not named'})", markup=False, highlight=False)
        c.console.print(f"{len(found)} of {len(results)} municipalities with a candidate website; "
                        "approve them in the review queue (sci serve), then sci crawl --panel "
                        f"{panel}", markup=False, highlight=False)
