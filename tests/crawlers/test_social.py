"""Social-activity runner against loopback servers serving the real YouTube / Mastodon samples."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from crawlers.external import social
from sci.candidates import EvidenceIn, add_candidate
from sci.context import AppContext
from sci.models import Candidate, Capture
from sci.registry import CityRecord
from sci.settings import Settings
from tests.conftest import CHROMIUM, require
from tests.crawlers.external_server import fixture, serve

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)
KOELN = CityRecord("05315000", "Köln", "Nordrhein-Westfalen", 1085664, 405.02, "https://www.stadt-koeln.de/")
BONN = CityRecord("05314000", "Bonn", "Nordrhein-Westfalen", 329673, 141.06, "https://www.bonn.de/")
HTML = "text/html; charset=utf-8"
PROFILE = ('<html><body><h1>Stadt Köln</h1><article><time datetime="2026-11-23T10:00:00+00:00">23.11.</time>'
           '<p>Neues aus dem Rathaus</p></article></body></html>').encode()
LATE = (b'<html><body><h1>Stadt Bonn</h1><div id="feed"></div><script>setTimeout(function(){'
        b'document.getElementById("feed").innerHTML=\'<time datetime="2026-11-16T08:00:00Z">16.11.</time>\';'
        b'}, 300);</script></body></html>')


def _feed(query: dict[str, str]) -> tuple[int, str, bytes]:
    body = fixture("youtube_channel_feed_2026_tomato-shrieker.xml")
    if query["channel_id"] == "UCbrokenbrokenbroken":
        body = body[:2500]
    return 200, "application/atom+xml; charset=utf-8", body


def _routes() -> dict[str, object]:
    statuses = fixture("mastodon_statuses_array_mstdn_jp_2017.json")
    return {
        "/feeds/videos.xml": _feed,
        "/@jason.rss": (200, "application/rss+xml; charset=utf-8",
                        fixture("mastodon_account_rss_click.ba.it_2026.xml")),
        "/api/v1/accounts/lookup": (200, "application/json", json.dumps({"id": "42"}).encode()),
        "/api/v1/accounts/42/statuses": (200, "application/json", statuses),
        "/stadt.koeln": (200, HTML, PROFILE),
        "/stadtbonn": (200, HTML, LATE),
        "/login.wall": (200, HTML, b"<h1>Melde dich an, um fortzufahren</h1>"),
    }


def _ctx(settings: Settings, base: str, render: bool) -> AppContext:
    return AppContext(settings.replace(youtube_feed_url=f"{base}/feeds/videos.xml", facebook_url=base,
                                       instagram_url=base, x_url=base, api_rate_per_minute=0,
                                       external_render=render, render_wait_ms=3000))


def _by_param(ctx: AppContext) -> dict[tuple[str, str], Candidate]:
    with ctx.store.session() as s:
        out = {(c.ags, c.parameter): c for c in s.scalars(select(Candidate).order_by(Candidate.id))
               if c.parameter.endswith("_activity")}
        for c in out.values():
            _ = c.evidence  # load while the session is open
        return out


def test_feeds_pages_and_errors_without_browser(settings: Settings) -> None:
    with serve(_routes(), "127.0.0.23") as (base, log):
        ctx = _ctx(settings, base, render=False)
        accounts = [
            ("05315000", "youtube", "https://www.youtube.com/channel/UCSsjL41NsyqSNNbanuI0htg"),
            ("05315000", "mastodon", f"{base}/@jason"),
            ("05315000", "facebook", "https://www.facebook.com/stadt.koeln"),
            ("05315000", "twitter", "https://x.com/login.wall"),
            ("05314000", "youtube", "https://www.youtube.com/channel/UCbrokenbrokenbroken"),
            ("05314000", "mastodon", f"{base}/@gone"),  # RSS 404 -> API fallback
        ]
        stats = social.run(ctx, [KOELN, BONN], 2020, {"now": NOW, "accounts": accounts})
    cands = _by_param(ctx)
    assert cands[("05315000", "social_media.youtube_activity")].value == 73  # 2026-09-14 -> 11-26
    assert cands[("05315000", "social_media.mastodon_activity")].value == 97  # 2026-08-20 17:21
    assert cands[("05315000", "social_media.facebook_activity")].value == 3
    manual = cands[("05315000", "social_media.twitter_activity")]
    assert manual.value is None and manual.confidence == 0.0
    assert manual.evidence[0].detail == {"needs_manual_check": True, "account": "https://x.com/login.wall"}
    assert stats["manual_checks"] == ["Köln (05315000) twitter: https://x.com/login.wall"]
    # Bonn: broken YouTube feed is an error for that account; Mastodon still worked via the API.
    assert len(stats["errors"]) == 1 and "Bonn (05314000) youtube" in stats["errors"][0]
    assert "not well-formed" in stats["errors"][0]
    bonn_masto = cands[("05314000", "social_media.mastodon_activity")]
    assert bonn_masto.value == (NOW - datetime(2017, 4, 14, 6, 11, 41, tzinfo=UTC)).days
    assert bonn_masto.evidence[0].url.endswith("/api/v1/accounts/42/statuses?limit=20&exclude_reblogs=true")
    assert "/stadt.koeln" in log  # the real facebook.com URL was rebased onto the configured base
    with ctx.store.session() as s:
        ev = cands[("05315000", "social_media.youtube_activity")].evidence[0]
        cap = s.get(Capture, ev.capture_id)
        assert cap is not None and cap.url == ev.url and ev.locator == "/feed/entry[1]/published"


def test_accounts_come_from_extraction_candidates(settings: Settings) -> None:
    with serve(_routes(), "127.0.0.23") as (base, _):
        ctx = _ctx(settings, base, render=False)
        with ctx.store.session() as s:
            add_candidate(s, edition=2020, ags="05315000", parameter="social_media.youtube",
                          value={"url": "https://www.youtube.com/channel/UCSsjL41NsyqSNNbanuI0htg",
                                 "handle": "x"}, confidence=0.9, extractor="test", extractor_version="1",
                          evidence=[EvidenceIn("https://www.stadt-koeln.de/", "YouTube")])
            add_candidate(s, edition=2020, ags="05315000", parameter="social_media.instagram", value=False,
                          confidence=0.9, extractor="test", extractor_version="1",
                          evidence=[EvidenceIn("https://www.stadt-koeln.de/", "kein Instagram")])
        stats = social.run(ctx, [KOELN], 2020, {"now": NOW})
    assert stats["errors"] == [] and stats["candidates_new"] == 1
    assert _by_param(ctx)[("05315000", "social_media.youtube_activity")].value == 73


def test_rendered_page_shows_late_dates(settings: Settings) -> None:
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}")
    with serve(_routes(), "127.0.0.23") as (base, _):
        ctx = _ctx(settings, base, render=True)
        ctx.settings = ctx.settings.replace(chromium_path=CHROMIUM)
        accounts = [("05314000", "instagram", "https://www.instagram.com/stadtbonn"),
                    ("05314000", "facebook", "https://www.facebook.com/login.wall")]
        stats = social.run(ctx, [BONN], 2020, {"now": NOW, "accounts": accounts})
    cands = _by_param(ctx)
    insta = cands[("05314000", "social_media.instagram_activity")]
    assert insta.value == 10 and stats["errors"] == []
    assert cands[("05314000", "social_media.facebook_activity")].value is None
    with ctx.store.session() as s:
        cap = s.get(Capture, insta.evidence[0].capture_id)
        assert cap is not None and cap.rendered is True


def test_browser_failure_leaves_a_manual_check(settings: Settings) -> None:
    with serve(_routes(), "127.0.0.23") as (base, _):
        ctx = _ctx(settings, base, render=True)
        ctx.settings = ctx.settings.replace(chromium_path=str(Path(settings.var_dir) / "no-chromium"))
        accounts = [("05314000", "instagram", "https://www.instagram.com/stadtbonn")]
        stats = social.run(ctx, [BONN], 2020, {"now": NOW, "accounts": accounts})
    assert len(stats["errors"]) == 1 and "render failed: cannot start Chromium" in stats["errors"][0]
    assert stats["manual_checks"] == ["Bonn (05314000) instagram: https://www.instagram.com/stadtbonn"]
    manual = _by_param(ctx)[("05314000", "social_media.instagram_activity")]
    assert manual.value is None and manual.evidence[0].detail["needs_manual_check"] is True
