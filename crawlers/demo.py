"""Demo step of the crawl stage: start the sample web, register its cities, crawl them."""

from __future__ import annotations

from crawlers.cli import city_table
from crawlers.run import run_crawl
from sci.bootstrap import load_cities
from sci.registry import load_registry


def crawl_step(state) -> None:  # type: ignore[no-untyped-def]  # sci.demo.DemoState
    """Serve the offline sample web and crawl its cities (loopback allowed, partners known)."""
    from crawlers.sampleweb.server import SampleWeb

    ctx = state.ctx
    web = SampleWeb()
    manifest = web.start()
    state.cleanups.append(web.stop)
    state.sampleweb = manifest
    cities = load_registry(manifest.write_registry(ctx.settings.var_dir / "sampleweb-cities.csv"))
    load_cities(ctx.store, state.edition, cities)
    state.cities = [c.ags for c in cities]
    settings = ctx.settings.replace(
        edition=state.edition, allow_private_addresses=True,
        crawl_extra_partner_hosts=",".join(manifest.partner_hosts),
        # The sample web is ours: no politeness delay needed against it.
        crawl_delay=0.0, crawl_timeout=10.0, crawl_retries=1)
    stats = run_crawl(ctx.store, settings, cities)
    ctx.console.print(city_table(stats["cities"], {c.ags: c.name for c in cities},
                                 f"crawl {stats['crawl_id']}: {stats['status']}", seconds=0.0))
    state.crawl_id = stats["crawl_id"]
