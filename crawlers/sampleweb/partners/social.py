"""Social networks on one host: Facebook/Instagram/X-like profiles, YouTube, Mastodon.

Profiles live under the real domain as first path segment
(``/facebook.com/stadtkoeln``) so href patterns written for the real sites
match. Post dates are relative to now (each account's ``days`` = age of its
newest post). Feed shapes: YouTube Atom as shared/realworld/feeds/
youtube_channel_feed_2026_tomato-shrieker.xml (pooza/tomato-shrieker, MIT, @ dd816508);
Mastodon RSS and statuses as shared/realworld/social/mastodon_account_rss_click.ba.it_2026.xml
(jbfriedrich/jbfriedrich.github.io, MIT, @ 29866cd5) and mastodon_status_with_card_fosstodon_2023.json
(andregasser/bigbone, MIT, @ 0d7b5ac1). Contents are generated.
"""

from __future__ import annotations

import datetime as dt
import zlib
from email.utils import format_datetime
from html import escape
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from crawlers.sampleweb.partners.base import PartnerSite
from crawlers.sampleweb.site import Request, Response, Result, as_json

POST_GAPS = (0, 3, 8, 15, 29)  # days between the newest post and the older ones
TOPICS = ["Neues aus dem Rathaus", "Baustelle am Ring beendet", "Ratssitzung heute live",
          "Wahlhelferinnen und Wahlhelfer gesucht", "Neue Öffnungszeiten im Bürgeramt"]
NETWORK_DOMAINS = {"facebook.com": "facebook", "instagram.com": "instagram", "x.com": "twitter",
                   "youtube.com": "youtube"}


def account_id(acc: dict[str, Any]) -> str:
    return str(100000000000000000 + zlib.crc32(acc["profile"].encode()))


class SocialSite(PartnerSite):
    vendor = "Soziale Netzwerke (Simulation)"

    def accounts(self) -> list[dict[str, Any]]:
        return [{**a, "city": c} for c in self.world.cities for a in c.get("social", [])]

    def find(self, network: str, profile: str) -> dict[str, Any] | None:
        want = profile.strip("/").lower()
        return next((a for a in self.accounts() if a["network"] == network
                     and a["profile"].lower() == want), None)

    def posts(self, acc: dict[str, Any]) -> list[tuple[dt.datetime, str]]:
        return [(self.world.days_ago(acc["days"] + gap) - dt.timedelta(hours=3), TOPICS[i])
                for i, gap in enumerate(POST_GAPS)]

    def sitemap_paths(self) -> list[str]:
        return []

    def resolve(self, req: Request) -> Result:
        path = req.path
        if path in ("/robots.txt", "/sitemap.xml", "/"):
            return super().resolve(req)
        if path == "/feeds/videos.xml":
            acc = next((a for a in self.accounts() if a.get("channel_id") == req.arg("channel_id")),
                       None)
            return self._youtube_feed(req, acc) if acc else None
        if path.startswith("/api/v1/accounts/"):
            return self._mastodon_api(req)
        if path.startswith("/@"):
            handle = path[1:].removesuffix(".rss")
            acc = self.find("mastodon", handle)
            if acc is None:
                return None
            return self._mastodon_rss(req, acc) if path.endswith(".rss") else self._profile(acc)
        domain, _, rest = path.strip("/").partition("/")
        network = NETWORK_DOMAINS.get(domain)
        if network is None:
            return None
        if rest.startswith(("sharer", "intent")):
            return self.page("Teilen", "<h1>Beitrag teilen</h1><p>Bitte melde dich an.</p>")
        if network == "youtube" and rest.startswith("channel/"):
            acc = next((a for a in self.accounts() if a.get("channel_id") == rest[8:]), None)
        else:
            acc = self.find(network, rest)
        return self._profile(acc) if acc else None

    def _profile(self, acc: dict[str, Any]) -> Response:
        items = "".join(
            f'<article class="post"><time datetime="{when.isoformat()}">'
            f"{when.strftime('%d.%m.%Y %H:%M')}</time><p>{escape(text)}</p></article>"
            for when, text in self.posts(acc))
        extra = ""
        if acc.get("channel_id"):
            extra = (f'<meta itemprop="channelId" content="{acc["channel_id"]}">'
                     f'<link rel="alternate" type="application/rss+xml" title="RSS" '
                     f'href="/feeds/videos.xml?channel_id={acc["channel_id"]}">')
        verified = ' <span class="verified">✓ Offizielle Seite</span>' if acc["official"] else ""
        return self.page(f"{acc['owner']} ({acc['network']})",
                         f'<h1 class="profile-name">{escape(acc["owner"])}{verified}</h1>'
                         f'<p class="handle">{escape(acc["profile"])}</p>{items}', head=extra)

    def _youtube_feed(self, req: Request, acc: dict[str, Any]) -> Response:
        cid, owner = acc["channel_id"], xml_escape(acc["owner"])
        entries = "".join(f"""
 <entry>
  <id>yt:video:{cid[-6:]}{i:05d}</id>
  <yt:videoId>{cid[-6:]}{i:05d}</yt:videoId>
  <yt:channelId>{cid}</yt:channelId>
  <title>{xml_escape(text)}</title>
  <link rel="alternate" href="{req.base_url}/youtube.com/watch?v={cid[-6:]}{i:05d}"/>
  <author>
   <name>{owner}</name>
   <uri>{req.base_url}/youtube.com/channel/{cid}</uri>
  </author>
  <published>{when.isoformat()}</published>
  <updated>{when.isoformat()}</updated>
  <media:group>
   <media:title>{xml_escape(text)}</media:title>
   <media:description>{xml_escape(text)} – {owner}</media:description>
   <media:community>
    <media:starRating count="12" average="5.00" min="1" max="5"/>
    <media:statistics views="{340 + i * 17}"/>
   </media:community>
  </media:group>
 </entry>""" for i, (when, text) in enumerate(self.posts(acc)))
        # Feed-level ids drop the "UC" prefix, as YouTube's feeds do (see sample).
        body = f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="{req.base_url}/feeds/videos.xml?channel_id={cid}"/>
 <id>yt:channel:{cid[2:]}</id>
 <yt:channelId>{cid[2:]}</yt:channelId>
 <title>{owner}</title>
 <link rel="alternate" href="{req.base_url}/youtube.com/channel/{cid}"/>
 <author>
  <name>{owner}</name>
  <uri>{req.base_url}/youtube.com/channel/{cid}</uri>
 </author>
 <published>2014-03-01T09:00:00+00:00</published>{entries}
</feed>
"""
        return Response(body.encode("utf-8"), "application/atom+xml; charset=utf-8")

    def _mastodon_rss(self, req: Request, acc: dict[str, Any]) -> Response:
        url = f"{req.base_url}/{acc['profile']}"
        posts = self.posts(acc)
        items = "".join(f"""
    <item>
      <guid isPermaLink="true">{url}/{account_id(acc)}{i}</guid>
      <link>{url}/{account_id(acc)}{i}</link>
      <pubDate>{format_datetime(when, usegmt=True)}</pubDate>
      <description>{xml_escape(f"<p>{text}</p>")}</description>
    </item>""" for i, (when, text) in enumerate(posts))
        body = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>{xml_escape(acc['owner'])}</title>
    <description>Public posts from {acc['profile']}@{req.host_ip}</description>
    <link>{url}</link>
    <lastBuildDate>{format_datetime(posts[0][0], usegmt=True)}</lastBuildDate>
    <generator>Mastodon v4.3.0</generator>{items}
  </channel>
</rss>
"""
        return Response(body.encode("utf-8"), "application/rss+xml; charset=utf-8")

    def _account_json(self, req: Request, acc: dict[str, Any]) -> dict[str, Any]:
        handle = acc["profile"].lstrip("@")
        newest = self.posts(acc)[0][0]
        return {"id": account_id(acc), "username": handle, "acct": handle,
                "display_name": acc["owner"], "locked": False, "bot": False,
                "discoverable": True, "group": False, "created_at": "2022-11-01T00:00:00.000Z",
                "note": f"<p>Offizieller Account: {escape(acc['owner'])}</p>",
                "url": f"{req.base_url}/@{handle}", "uri": f"{req.base_url}/users/{handle}",
                "followers_count": 1200, "following_count": 80,
                "statuses_count": len(POST_GAPS), "last_status_at": newest.date().isoformat(),
                "emojis": [], "fields": []}

    def _mastodon_api(self, req: Request) -> Result:
        masto = [a for a in self.accounts() if a["network"] == "mastodon"]
        if req.path == "/api/v1/accounts/lookup":
            handle = req.arg("acct").split("@")[0].lower()
            acc = next((a for a in masto if a["profile"].lstrip("@").lower() == handle), None)
            if acc is None:
                return as_json({"error": "Record not found"}, status=404)
            return as_json(self._account_json(req, acc))
        parts = req.path.split("/")  # ['', 'api', 'v1', 'accounts', id, 'statuses']
        acc = next((a for a in masto if len(parts) == 6 and account_id(a) == parts[4]), None)
        if acc is None or parts[5] != "statuses":
            return as_json({"error": "Record not found"}, status=404)
        account = self._account_json(req, acc)
        return as_json([{
            "id": f"{account['id']}{i}", "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "in_reply_to_id": None, "in_reply_to_account_id": None, "sensitive": False,
            "spoiler_text": "", "visibility": "public", "language": "de",
            "uri": f"{account['uri']}/statuses/{account['id']}{i}",
            "url": f"{account['url']}/{account['id']}{i}", "replies_count": 0,
            "reblogs_count": 2, "favourites_count": 7, "edited_at": None,
            "content": f"<p>{escape(text)}</p>", "reblog": None, "application": None,
            "account": account, "media_attachments": [], "mentions": [], "tags": [],
            "emojis": [], "card": None, "poll": None,
        } for i, (when, text) in enumerate(self.posts(acc))])
