"""crawlers.parsers.social_activity on the real YouTube / Mastodon samples and profile markup."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawlers.parsers import social_activity as sa
from tests.crawlers.external_server import fixture


def test_youtube_feed_newest_entry_not_channel_date() -> None:
    latest = sa.latest_youtube(fixture("youtube_channel_feed_2026_tomato-shrieker.xml"))
    assert latest is not None and latest.posts == 5
    # The feed-level <published> (2016) is the channel's creation, not a post.
    assert latest.when == datetime(2026, 9, 14, 0, 0, 37, tzinfo=UTC)
    assert latest.url == "https://www.youtube.com/watch?v=2pDtyVGAN5c"


def test_youtube_feed_with_leading_blank_line() -> None:
    latest = sa.latest_youtube(fixture("youtube_channel_feed_google_2015_feedjira.xml"))
    assert latest is not None and latest.when == datetime(2015, 5, 4, 0, 1, 27, tzinfo=UTC)


def test_mastodon_rss_and_statuses() -> None:
    rss = sa.latest_rss(fixture("mastodon_account_rss_click.ba.it_2026.xml"))
    assert rss is not None and rss.when == datetime(2026, 8, 20, 17, 21, 47, tzinfo=UTC)
    assert rss.url == "https://click.ba.it/@jason/117128987138117875" and rss.posts == 12
    statuses = sa.latest_statuses(fixture("mastodon_statuses_array_mstdn_jp_2017.json"))
    assert statuses is not None and statuses.when.isoformat() == "2017-04-14T06:11:41.893000+00:00"


def test_empty_and_malformed_feeds() -> None:
    empty = fixture("youtube_channel_feed_2026_tomato-shrieker.xml").split(b"<entry>")[0] + b"</feed>"
    assert sa.latest_youtube(empty) is None
    assert sa.latest_statuses(b"[]") is None
    with pytest.raises(sa.FeedFormatError, match="not well-formed"):
        sa.latest_youtube(fixture("youtube_channel_feed_2026_tomato-shrieker.xml")[:3000])
    with pytest.raises(sa.FeedFormatError, match="expected an Atom"):
        sa.latest_youtube(fixture("mastodon_account_rss_click.ba.it_2026.xml"))
    with pytest.raises(sa.FeedFormatError, match="expected a JSON array"):
        sa.latest_statuses(b'{"error": "Record not found"}')


def test_page_dates() -> None:
    html = ('<article><time datetime="2026-11-20T09:00:00+01:00">20.11.</time></article>'
            '<article><time datetime="2026-11-24T18:30:00+01:00">24.11.</time></article>'
            '<time datetime="P3D">3 Tage</time><abbr data-utime="1764000000">x</abbr>')
    latest = sa.latest_on_page(html)
    assert latest is not None and latest.when == datetime(2026, 11, 24, 17, 30, tzinfo=UTC)
    assert latest.posts == 3
    assert sa.latest_on_page("<h1>Bitte melde dich an</h1>") is None


def test_days_since_and_ids() -> None:
    now = datetime(2026, 11, 26, 12, tzinfo=UTC)
    assert sa.days_since(datetime(2026, 11, 24, 13, tzinfo=UTC), now) == 1
    assert sa.days_since(datetime(2026, 11, 27, tzinfo=UTC), now) == 0
    assert sa.youtube_channel_id("https://www.youtube.com/channel/UCSsjL41NsyqSNNbanuI0htg") == \
        "UCSsjL41NsyqSNNbanuI0htg"
    page = '<meta itemprop="channelId" content="UCdarmstadtStadtKanal002">'
    assert sa.youtube_channel_id("https://www.youtube.com/@stadt", page) == "UCdarmstadtStadtKanal002"
    assert sa.mastodon_handle("https://social.bund.de/@darmstadt") == ("https://social.bund.de", "darmstadt")
    assert sa.mastodon_handle("https://social.bund.de/about") is None
    assert sa.account_id(b'{"id": "109"}') == "109"
    with pytest.raises(sa.FeedFormatError):
        sa.account_id(b'{"error": "Record not found"}')
