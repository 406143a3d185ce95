"""Demo step: app stores, social activity, open-data portals and the charging register on the sample web.

Points the third-party endpoint settings at the sample web's partner hosts,
runs the three external sources for the sample cities (accounts and portals
come from the extraction step's candidates) and imports the bundled synthetic
charging-register sample.
"""

from __future__ import annotations

from typing import Any

from crawlers.external import appstores, opendata, social
from crawlers.external.report import print_summary
from crawlers.imports.charging import import_charging
from sci.demostate import DemoState
from sci.registry import CityRecord, load_registry

SAMPLE_REGISTER = ("external", "ladesaeulenregister_sample.csv")


def _cities(state: DemoState) -> list[CityRecord]:
    manifest = state.sampleweb
    path = manifest.write_registry(state.ctx.settings.var_dir / "external-demo-cities.csv")
    wanted = set(state.cities) or {str(c["ags"]) for c in manifest.cities}
    return [c for c in load_registry(path) if c.ags in wanted]


def _sampleweb(state: DemoState) -> Any:
    """The crawl step's running sample web; started here if this step runs on its own."""
    if state.sampleweb is None:
        from crawlers.sampleweb import SampleWeb

        web = SampleWeb()
        state.sampleweb = web.start()
        state.cleanups.append(web.stop)
    return state.sampleweb


def external_step(state: DemoState) -> None:
    manifest = _sampleweb(state)
    ctx = state.ctx
    appstore = manifest.partners["appstore"].rstrip("/")
    network = manifest.partners["social"].rstrip("/")
    # Loopback partners: no politeness delay needed; real runs keep the defaults.
    ctx.settings = ctx.settings.replace(
        apple_search_url=f"{appstore}/search", apple_lookup_url=f"{appstore}/lookup",
        google_play_url=appstore, youtube_feed_url=f"{network}/feeds/videos.xml",
        facebook_url=f"{network}/facebook.com", instagram_url=f"{network}/instagram.com",
        x_url=f"{network}/x.com", api_rate_per_minute=0, apple_rate_per_minute=0)
    cities = _cities(state)
    options = {"now": state.now}
    for runner in (appstores.run, social.run, opendata.run):
        print_summary(ctx.console, runner(ctx, cities, state.edition, options))
    register = ctx.settings.data_dir.joinpath(*SAMPLE_REGISTER)
    summary = import_charging(ctx.store, register, state.edition, cities, ctx.settings.data_dir)
    ctx.console.print(f"[bold]charging register[/] {register.name}: {summary.rows} rows, "
                      f"{len(summary.cities)} sample cities, {summary.candidates_new} new candidates, "
                      f"{len(summary.unmatched)} rows of other municipalities not matched")
    state.summaries["external"] = {"charging_batch": summary.batch_id}
