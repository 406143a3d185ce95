"""App-store runner against loopback servers serving real-format store answers."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from crawlers.external import appstores
from sci.archive import read_record
from sci.context import AppContext
from sci.models import Candidate, Capture, Crawl
from sci.registry import CityRecord
from sci.settings import Settings
from tests.crawlers.appstore_samples import itunes_app, koeln_apps, play_page, search_body
from tests.crawlers.external_server import fixture, serve

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)
KOELN = CityRecord("05315000", "Köln", "Nordrhein-Westfalen", 1085664, 405.02, "https://www.stadt-koeln.de/")
BONN = CityRecord("05314000", "Bonn", "Nordrhein-Westfalen", 329673, 141.06, "https://www.bonn.de/")
AACHEN = CityRecord("05334002", "Aachen", "Nordrhein-Westfalen", 248960, 160.85, "https://www.aachen.de/")
ESSEN = CityRecord("05113000", "Essen", "Nordrhein-Westfalen", 582760, 210.34, "https://www.essen.de/")


def _search(query: dict[str, str]) -> tuple[int, str, bytes]:
    assert query["country"] == "de" and query["entity"] == "software"
    answers = {
        "Köln": (200, search_body(koeln_apps())),
        "Bonn": (200, b'{"resultCount": 3, "results": [{"kind": "software", "trackId": 1'),  # cut off
        "Aachen": (200, fixture("itunes_lookup_zero_results.json")),
        "Essen": (200, search_body([itunes_app(905, "Essen App", "Stadt Essen",
                                               averageUserRating=4.0, userRatingCount=10)])),
    }
    status, body = answers[query["term"]]
    return status, "text/javascript; charset=utf-8", body


def _play(query: dict[str, str]) -> tuple[int, str, bytes]:
    if query["id"] == "de.koeln.app":
        return 200, "text/html; charset=utf-8", play_page("Stadt Köln", "Stadt Köln")
    return 404, "text/html; charset=utf-8", fixture("notfound_de_error_tail.html")


def _ctx(settings: Settings, apple: str, play: str) -> AppContext:
    return AppContext(settings.replace(apple_search_url=f"{apple}/search", apple_lookup_url=f"{apple}/lookup",
                                       google_play_url=play, apple_rate_per_minute=0, api_rate_per_minute=0))


def test_run_picks_official_app_and_continues_after_bad_answer(settings: Settings) -> None:
    with serve({"/search": _search}, "127.0.0.21") as (apple, _), \
            serve({"/store/apps/details": _play}, "127.0.0.22") as (play, play_log):
        ctx = _ctx(settings, apple, play)
        stats = appstores.run(ctx, [KOELN, BONN, AACHEN, ESSEN], 2020, {"now": NOW})
    assert stats["cities"] == 4
    assert len(stats["errors"]) == 1 and stats["errors"][0].startswith("Bonn (05314000):")
    assert "not JSON" in stats["errors"][0]
    assert any("de.sample.app905" in n for n in stats["notes"])  # Essen's app is not on Play
    assert play_log == ["/store/apps/details?id=de.koeln.app&hl=de&gl=de",
                        "/store/apps/details?id=de.sample.app905&hl=de&gl=de"]

    with ctx.store.session() as s:
        cands = {(c.ags, c.parameter): c for c in s.scalars(select(Candidate))}
        avail = cands[("05315000", "city_app.available")]
        assert avail.value["name"] == "Stadt Köln" and avail.value["publisher"] == "Stadt Köln"
        assert set(avail.value["stores"]) == {"app_store", "google_play"}
        flagged = avail.evidence[0].detail["flagged"]
        assert any("KVB-App (transport" in f for f in flagged)
        assert any("Köln Guide (tourism" in f for f in flagged)
        # Weighted by rating counts: App Store 3.5 x 100, Play 4.16 x 336.
        rating = cands[("05315000", "city_app.rating")]
        assert rating.value == round((3.5 * 100 + 4.159999847412109 * 336) / 436, 2)
        assert {e.detail["store"]: e.detail["count"] for e in rating.evidence} == {
            "app_store": 100, "google_play": 336}
        assert cands[("05315000", "city_app.features")].value == 7
        assert cands[("05315000", "city_app.last_update")].value == 25  # 2026-11-01 -> 11-26
        assert cands[("05334002", "city_app.available")].value is False
        assert ("05314000", "city_app.available") not in cands
        assert cands[("05113000", "city_app.available")].value["stores"] == {
            "app_store": "https://apps.apple.com/de/app/id905"}

        # Evidence points at an archived capture whose body replays the store answer.
        cap = s.get(Capture, avail.evidence[0].capture_id)
        assert cap is not None and cap.ags == "05315000"
        replay = read_record(ctx.settings.var_dir, cap.warc_file, cap.warc_offset)
        assert b"Stadt K" in replay.body and replay.status == 200
        crawl = s.scalars(select(Crawl)).one()
        assert crawl.source == "app-stores" and crawl.status == "finished"
        assert crawl.stats["errors"] == stats["errors"]


def test_rerun_adds_nothing_new(settings: Settings) -> None:
    with serve({"/search": _search}, "127.0.0.21") as (apple, _), \
            serve({"/store/apps/details": _play}, "127.0.0.22") as (play, _):
        ctx = _ctx(settings, apple, play)
        first = appstores.run(ctx, [KOELN], 2020, {"now": NOW})
        second = appstores.run(ctx, [KOELN], 2020, {"now": NOW})
    assert first["candidates_new"] == 4 and second["candidates_new"] == 0
    assert second["candidates_unchanged"] == 4


def test_app_linked_from_city_site_is_looked_up(settings: Settings) -> None:
    """Search misses it; the extraction stage's link (App Store id + Play id) finds and confirms it."""
    from sci.candidates import EvidenceIn, add_candidate

    app = itunes_app(1460009060, "Mein Aachen", "Digitalagentur Beispiel GmbH", bundleId="de.aachen.ios",
                     averageUserRating=4.0, userRatingCount=50)

    def lookup(query: dict[str, str]) -> tuple[int, str, bytes]:
        assert query == {"id": "1460009060", "country": "de"}
        return 200, "text/javascript; charset=utf-8", search_body([app])

    def play(query: dict[str, str]) -> tuple[int, str, bytes]:
        if query["id"] == "de.aachen.android":
            return 200, "text/html; charset=utf-8", play_page("Mein Aachen", "Digitalagentur Beispiel GmbH")
        return 404, "text/html; charset=utf-8", fixture("notfound_de_error_tail.html")

    with serve({"/search": _search, "/lookup": lookup}, "127.0.0.21") as (apple, _), \
            serve({"/store/apps/details": play}, "127.0.0.22") as (play_base, play_log):
        ctx = _ctx(settings, apple, play_base)
        with ctx.store.session() as s:
            add_candidate(s, edition=2020, ags=AACHEN.ags, parameter="city_app.available",
                          value={"url": "https://apps.apple.com/de/app/mein-aachen/id1460009060",
                                 "play": "https://play.google.com/store/apps/details?id=de.aachen.android"},
                          confidence=0.8, extractor="extract:city_app", extractor_version="1",
                          evidence=[EvidenceIn("https://www.aachen.de/app", "Mein Aachen im App Store")])
        stats = appstores.run(ctx, [AACHEN], 2020, {"now": NOW})
    assert stats["errors"] == [], stats
    assert play_log[0].startswith("/store/apps/details?id=de.aachen.android")
    with ctx.store.session() as s:
        mine = s.scalars(select(Candidate).where(Candidate.extractor == appstores.EXTRACTOR,
                                                 Candidate.parameter == "city_app.available")).one()
        assert mine.value["name"] == "Mein Aachen"
        assert set(mine.value["stores"]) == {"app_store", "google_play"}
        listing = mine.evidence[0].detail["apps"]
        assert listing == [{"name": "Mein Aachen", "publisher": "Digitalagentur Beispiel GmbH",
                            "store": "app_store", "id": "1460009060", "kind": "official",
                            "reason": "linked from the city website", "chosen": True}]
        assert "/lookup?id=1460009060" in mine.evidence[0].url
