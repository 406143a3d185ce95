"""App-store runner (`sci crawl --source app-stores`): the city's official app in both stores.

Per city: Apple's Search API (term = city name, country=de, entity=software),
every hit classified by publisher (crawlers.parsers.appstore); the official app's
bundle id is then looked up on Google Play. Decoys (transport, tourism,
private) are recorded in the evidence, flagged, and never chosen.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from crawlers.external.fetch import Fetched
from crawlers.external.run import ExternalRun, SourceError
from crawlers.parsers import appstore as ap
from sci.candidates import EvidenceIn
from sci.context import AppContext
from sci.models import Candidate
from sci.registry import CityRecord

EXTRACTOR = "external:appstore"


class AppStoreRunner:
    def __init__(self, run: ExternalRun, patterns: ap.AppPatterns,
                 linked: dict[str, frozenset[str]] | None = None) -> None:
        self.run, self.pat, self.settings = run, patterns, run.settings
        self.linked = linked or {}

    def _itunes(self, fetched: Fetched) -> list[ap.StoreApp]:
        try:
            return ap.parse_itunes(fetched.body)
        except ap.StoreFormatError as exc:
            raise SourceError(f"{fetched.url}: {exc}") from None

    def city(self, s: Session, city: CityRecord) -> None:
        search = self.run.fetcher.get(s, self.settings.apple_search_url, city.ags, params={
            "term": city.name, "country": "de", "entity": "software", "limit": "50"})
        apps = self._itunes(search)
        linked = self.linked.get(city.ags, frozenset())
        sources = {a.app_id: (search, f"results[{i}]") for i, a in enumerate(apps)}
        missing = sorted(i for i in linked if i.isdigit() and i not in sources)
        if missing:  # linked from the city site but not found by the search term: look them up
            lookup = self.run.fetcher.get(s, self.settings.apple_lookup_url, city.ags,
                                          params={"id": ",".join(missing), "country": "de"})
            for i, app in enumerate(self._itunes(lookup)):
                apps.append(app)
                sources[app.app_id] = (lookup, f"results[{i}]")
        chosen, judged = ap.choose_official(apps, city.name, city.website, self.pat, linked)
        listing = [{"name": a.name, "publisher": a.publisher, "store": a.store, "id": a.app_id,
                    "kind": c.kind, "reason": c.reason, "chosen": a is chosen} for a, c in judged]
        flagged = [f"{a.name} ({c.kind}: {a.publisher})" for a, c in judged if c.kind != "official"]
        if chosen is None:
            self.run.candidate(s, city.ags, "city_app.available", False, 0.5, EXTRACTOR, ap.VERSION, [
                EvidenceIn(search.url, f"Keine offizielle App gefunden; Treffer: {', '.join(flagged) or '—'}",
                           "results", search.capture_id, False, 0.5,
                           detail={"apps": listing, "query": city.name})])
            return
        stores = [(chosen, *sources[chosen.app_id])]
        play = self._play(s, city, chosen, linked)
        if play is not None:
            stores.append(play)
        self._emit(s, city, stores, listing, flagged)

    def _play(self, s: Session, city: CityRecord, chosen: ap.StoreApp,
              linked: frozenset[str]) -> tuple[ap.StoreApp, Fetched, str] | None:
        # Play ids the city links first, then the iOS bundle id (often the same package name).
        ids = [i for i in sorted(linked) if not i.isdigit()] + [chosen.bundle] * bool(chosen.bundle)
        url = self.settings.google_play_url.rstrip("/") + "/store/apps/details"
        for app_id in dict.fromkeys(ids):
            page = self.run.fetcher.get(s, url, city.ags, ok_statuses=(200, 404),
                                        params={"id": app_id, "hl": "de", "gl": "de"})
            try:
                app = ap.parse_play(page.text(), page.url, app_id)
            except ap.StoreFormatError as exc:
                # Missing on Play is normal for iOS-only apps: a note, not an error.
                self.run.summary.notes.append(f"{city.name}: {exc}")
                continue
            kind = ap.classify(app, city.name, city.website, self.pat, linked).kind
            if kind == "official":
                return app, page, "ld+json SoftwareApplication / page"
            self.run.summary.notes.append(f"{city.name}: Play app {app_id} is by {app.publisher} ({kind})")
        return None

    def _emit(self, s: Session, city: CityRecord, stores: list[tuple[ap.StoreApp, Fetched, str]],
              listing: list[dict[str, Any]], flagged: list[str]) -> None:
        first = stores[0][0]
        value = {"name": first.name, "publisher": first.publisher,
                 "stores": {a.store: a.url for a, _, _ in stores}}
        ev = [EvidenceIn(f.url, f"{a.name} — Anbieter: {a.publisher}", loc, f.capture_id, True, 0.9,
                         detail={"store": a.store, "app_id": a.app_id, "url": a.url, "apps": listing,
                                 "flagged": flagged}) for a, f, loc in stores]
        self.run.candidate(s, city.ags, "city_app.available", value, 0.9, EXTRACTOR, ap.VERSION, ev)

        rated = [(a, f, loc) for a, f, loc in stores if a.rating is not None]
        rating = ap.weighted_rating([a for a, _, _ in rated])
        if rating is not None:
            self.run.candidate(s, city.ags, "city_app.rating", rating, 0.9, EXTRACTOR, ap.VERSION, [
                EvidenceIn(f.url, f"{a.name}: {a.rating:.2f} Sterne aus {a.rating_count or 0} Bewertungen "
                           f"({a.store})", f"{loc}.averageUserRating", f.capture_id, a.rating, 0.9,
                           detail={"store": a.store, "average": a.rating, "count": a.rating_count})
                for a, f, loc in rated])

        # Union over the stores: listings differ (Play pages often lead with release notes).
        text = "\n".join(f"{a.name}\n{a.description}" for a, _, _ in stores)
        found = ap.features(text, self.pat)
        labels = [label for label, _ in found]
        self.run.candidate(s, city.ags, "city_app.features", len(found), 0.6, EXTRACTOR, ap.VERSION, [
            EvidenceIn(f.url, f"{len(found)}/9 Funktionen: {', '.join(labels) or 'keine erkannt'}",
                       f"{loc}.description", f.capture_id, len(found), 0.6,
                       detail={"functions": labels, "keywords": dict(found), "store": a.store,
                               "description": a.description[:2000]})
            for a, f, loc in stores])

        dated = [(a, f, loc) for a, f, loc in stores if a.updated is not None]
        if dated:
            a, f, loc = max(dated, key=lambda t: t[0].updated)  # type: ignore[arg-type, return-value]
            days = ap.days_since(a.updated, self.run.now)  # type: ignore[arg-type]
            self.run.candidate(s, city.ags, "city_app.last_update", days, 0.9, EXTRACTOR, ap.VERSION, [
                EvidenceIn(f.url, f"{a.name}: letzte Aktualisierung {a.updated:%d.%m.%Y} ({a.store})",
                           f"{loc}.currentVersionReleaseDate", f.capture_id, days, 0.9,
                           detail={"store": a.store, "updated": a.updated.isoformat(),  # type: ignore[union-attr]
                                   "crawl_date": self.run.now.date().isoformat()})])


def site_links(ctx: AppContext, cities: list[CityRecord], edition: int) -> dict[str, frozenset[str]]:
    """App ids in the extraction stage's ``city_app.available`` findings (links on the city site)."""
    wanted = {c.ags for c in cities}
    out: dict[str, set[str]] = {}
    with ctx.store.session() as s:
        rows = s.scalars(select(Candidate).where(Candidate.edition_year == edition,
                                                 Candidate.parameter == "city_app.available",
                                                 Candidate.extractor != EXTRACTOR))
        for cand in rows:
            if cand.ags in wanted and cand.value:
                out.setdefault(cand.ags, set()).update(ap.linked_ids([cand.value]))
    return {ags: frozenset(ids) for ags, ids in out.items()}


def run(ctx: AppContext, cities: list[CityRecord], edition: int, options: dict[str, Any]) -> dict[str, Any]:
    """SourceRunner for "app-stores"."""
    settings = ctx.settings
    apple_host = urlsplit(settings.apple_search_url).hostname or ""
    external = ExternalRun(ctx.store, settings, "app-stores", edition,
                           {"cities": [c.ags for c in cities]},
                           limits={apple_host: settings.apple_rate_per_minute}, now=options.get("now"))
    runner = AppStoreRunner(external, ap.load_patterns(settings.data_dir / "patterns" / "appstore.yaml"),
                            site_links(ctx, cities, edition))
    try:
        external.each(cities, runner.city, options.get("progress"))
    except BaseException:
        external.finish("interrupted")
        raise
    return external.finish().as_dict()


