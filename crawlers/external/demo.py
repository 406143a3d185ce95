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
from sci.demo import DemoState
from sci.registry import CityRecord, load_registry

SAMPLE_REGISTER = ("external", "ladesaeulenregister_sample.csv")


def _cities(state: DemoState) -> list[CityRecord]:
    given = state.extras.get("cities")
    if given and all(isinstance(c, CityRecord) for c in given):
        return list(given)
    manifest = state.extras["sampleweb"]
    path = manifest.write_registry(state.ctx.settings.var_dir / "external-demo-cities.csv")
    wanted = {_ags(c) for c in (given or manifest.cities)}
    return [c for c in load_registry(path) if c.ags in wanted]


def _ags(city: Any) -> str:
    """The crawl step hands over AGS strings, the manifest dicts, tests CityRecords."""
    if isinstance(city, str):
        return city
    return str(city["ags"]) if isinstance(city, dict) else str(city.ags)


def _sampleweb(state: DemoState) -> Any:
    """The crawl step's running sample web; started here if this step runs on its own."""
    if "sampleweb" not in state.extras:
        from crawlers.sampleweb import SampleWeb

        web = SampleWeb()
        state.extras["sampleweb"] = web.start()
        state.cleanups.append(web.stop)
    return state.extras["sampleweb"]


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
    options = {"now": state.extras.get("now")}
    for runner in (appstores.run, social.run, opendata.run):
        print_summary(ctx.console, runner(ctx, cities, state.edition, options))
    register = ctx.settings.data_dir.joinpath(*SAMPLE_REGISTER)
    summary = import_charging(ctx.store, register, state.edition, cities, ctx.settings.data_dir)
    ctx.console.print(f"[bold]charging register[/] {register.name}: {summary.rows} rows, "
                      f"{len(summary.cities)} sample cities, {summary.candidates_new} new candidates, "
                      f"{len(summary.unmatched)} rows of other municipalities not matched")
    state.extras["external"] = {"charging_batch": summary.batch_id}
