"""Demo step of the extraction stage: extract the demo's city crawl and show candidates per city."""

from __future__ import annotations

from rich.table import Table
from sqlalchemy import select

from extractors.run import extract_crawl, latest_crawl
from sci.demostate import DemoState
from sci.models import Candidate, City


def extract_step(state: DemoState) -> None:
    """Run ``sci extract`` on the crawl step's crawl (``state.crawl_id``) and print a per-city table."""
    ctx = state.ctx
    with ctx.store.session() as s:
        crawl_id = state.crawl_id or latest_crawl(s, state.edition)
    if crawl_id is None:
        ctx.console.print("[yellow]no city crawl in this demo run: nothing to extract[/]")
        return
    stats = extract_crawl(ctx.store, ctx.settings, state.edition, int(crawl_id))
    state.summaries["extract"] = stats.to_dict()
    table = Table("AGS", "city", "findings", "new candidates", "unchanged", "present", "not offered",
                  title=f"extraction of crawl {crawl_id}")
    with ctx.store.session() as s:
        names = {c.ags: c.name for c in s.scalars(select(City))}
        cands = s.scalars(select(Candidate).where(Candidate.edition_year == state.edition,
                                                  Candidate.crawl_id == int(crawl_id))).all()
        for ags, counts in sorted(stats.per_city.items()):
            mine = [c for c in cands if c.ags == ags]
            table.add_row(ags, names.get(ags, "?"), str(counts["findings"]), str(counts["new"]),
                          str(counts["existing"]), str(sum(c.value is not False for c in mine)),
                          str(sum(c.value is False for c in mine)))
    ctx.console.print(table)
    ctx.console.print(f"{stats.pages} pages ({stats.parsed} parsed, {stats.cached} unchanged), "
                      f"{stats.candidates_new} new candidates")
