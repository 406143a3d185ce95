"""`sci crawl --resume` of a panel crawl: the municipalities keep the websites analysts confirmed
after discovery (the city table has none for them), exactly as the crawl was started."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from crawlers.crawls import ensure_crawl
from crawlers.run import resume_targets
from review.state import decide
from sci.candidates import EvidenceIn, add_candidate
from sci.cli import app
from sci.db import Store
from sci.models import Crawl, Panel
from sci.panels import WEBSITE_PARAMETER
from sci.settings import Settings


def test_resume_of_a_panel_crawl_keeps_confirmed_websites(tmp_path: Path) -> None:
    registry = tmp_path / "list.csv"
    registry.write_text("ags,name,state,population,area_km2,website\n"
                        "01001001,Ahausen,Schleswig-Holstein,1000,10.0,\n"
                        "01001002,Behausen,Schleswig-Holstein,1000,10.0,http://127.0.0.91/\n"
                        "01001003,Cehausen,Schleswig-Holstein,1000,10.0,\n", encoding="utf-8")
    env = {"SCI_VAR_DIR": str(tmp_path / "var"), "SCI_DATABASE_URL": ""}
    result = CliRunner().invoke(app, ["panel", "add", "probe", str(registry)], env=env)
    assert result.exit_code == 0, result.output
    settings = Settings(var_dir=tmp_path / "var")
    store = Store(settings)
    with store.session() as s:
        scope = s.scalar(select(Panel)).scope
        found, _ = add_candidate(s, edition=scope, ags="01001001", parameter=WEBSITE_PARAMETER,
                                 value={"url": "http://127.0.0.90/", "host": "www.ahausen.de"},
                                 confidence=1.0, extractor="discover", extractor_version="1",
                                 evidence=[EvidenceIn(url="http://127.0.0.90/", snippet="Gemeinde Ahausen")])
        decide(s, candidate_id=found.id, action="approve", analyst="anna")
    crawl_id = ensure_crawl(store, settings.replace(edition=scope), ["01001001", "01001002", "01001003"])
    with store.session() as s:
        crawl = s.get(Crawl, crawl_id)
        targets = resume_targets(store, crawl)
    store.dispose()
    # Confirmed after discovery, listed with a website, never confirmed (not crawled, as at start).
    assert [(t.ags, t.website) for t in targets] == [("01001001", "http://127.0.0.90/"),
                                                      ("01001002", "http://127.0.0.91/")]
