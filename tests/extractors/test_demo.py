"""The demo step: extracts the crawl step's crawl and prints a per-city table."""

from __future__ import annotations

import io

from rich.console import Console

from extractors.demo import extract_step
from sci.context import AppContext
from sci.demostate import DemoState
from tests.extractors.captures import CrawlWriter, city, init_with_cities

PAGE = ("<main><h1>Standesamt</h1><p>Termine nur telefonisch. "
        "Online-Terminvergabe wird nicht angeboten.</p></main>")


def test_extract_step_reports_per_city(settings):
    out = io.StringIO()
    ctx = AppContext(settings, console=Console(file=out, width=200))
    koeln = city("05315000", "Köln", "http://127.0.0.2/")
    init_with_cities(ctx.store, settings, [koeln])
    w = CrawlWriter(ctx.store, settings)
    w.add(koeln.ags, "http://127.0.0.2/termine/standesamt/", PAGE)
    w.close()
    state = DemoState(ctx=ctx, edition=2020, crawl_id=w.crawl_id)
    extract_step(state)
    assert state.summaries["extract"]["candidates_new"] == 1
    text = out.getvalue()
    assert "05315000" in text and "Köln" in text and "1 new candidates" in text
    ctx.close()


def test_extract_step_without_a_crawl_says_so(settings):
    out = io.StringIO()
    ctx = AppContext(settings, console=Console(file=out, width=200))
    extract_step(DemoState(ctx=ctx, edition=2020))
    assert "nothing to extract" in out.getvalue()
    ctx.close()
