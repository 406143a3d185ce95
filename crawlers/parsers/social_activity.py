"""Social-media activity: the date of an account's latest post, and days since then.

Pure functions over what the networks publish: YouTube's channel Atom feed,
Mastodon's account RSS and statuses JSON, and (rendered) profile pages that
show post dates in ``<time datetime>`` or Facebook-style ``data-utime``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from lxml import etree

VERSION = "1"
ATOM = "{http://www.w3.org/2005/Atom}"
NETWORKS = ("facebook", "twitter", "instagram", "youtube", "mastodon")


class FeedFormatError(ValueError):
    """A feed or API answer that cannot be read (broken XML/JSON, wrong document)."""


@dataclass(frozen=True)
class Latest:
    when: datetime  # timezone-aware
    locator: str  # where in the document the date was read
    title: str = ""
    url: str = ""
    posts: int = 0  # how many dated posts the document showed


def _xml(body: bytes) -> etree._Element:
    # Some feeds start with a blank line before "<?xml" (the feedjira sample); strip it.
    try:
        return etree.fromstring(body.lstrip(), parser=etree.XMLParser(resolve_entities=False,
                                                                      no_network=True))
    except etree.XMLSyntaxError as exc:
        raise FeedFormatError(f"not well-formed XML: {exc}") from None


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _iso(raw: str) -> datetime:
    return _aware(datetime.fromisoformat(raw.strip().replace("Z", "+00:00")))


def latest_youtube(body: bytes) -> Latest | None:
    """Newest entry of a channel's Atom feed (entries only: the feed's own date is the channel's)."""
    root = _xml(body)
    if root.tag != f"{ATOM}feed":
        raise FeedFormatError(f"expected an Atom <feed>, got <{etree.QName(root).localname}>")
    best: Latest | None = None
    entries = root.findall(f"{ATOM}entry")
    for i, entry in enumerate(entries, 1):
        raw = entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated")
        if not raw:
            continue
        try:
            when = _iso(raw)
        except ValueError:
            raise FeedFormatError(f"entry {i}: bad date {raw!r}") from None
        link = entry.find(f"{ATOM}link")
        if best is None or when > best.when:
            best = Latest(when, f"/feed/entry[{i}]/published", entry.findtext(f"{ATOM}title") or "",
                          link.get("href", "") if link is not None else "")
    return None if best is None else Latest(best.when, best.locator, best.title, best.url, len(entries))


def latest_rss(body: bytes) -> Latest | None:
    """Newest item of an RSS 2.0 feed (Mastodon's /@handle.rss)."""
    root = _xml(body)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise FeedFormatError(f"expected RSS <rss><channel>, got <{etree.QName(root).localname}>")
    best: Latest | None = None
    items = channel.findall("item")
    for i, item in enumerate(items, 1):
        raw = item.findtext("pubDate")
        if not raw:
            continue
        try:
            when = _aware(parsedate_to_datetime(raw))
        except (TypeError, ValueError):
            raise FeedFormatError(f"item {i}: bad pubDate {raw!r}") from None
        if best is None or when > best.when:
            text = BeautifulSoup(item.findtext("description") or "", "lxml").get_text(" ", strip=True)
            best = Latest(when, f"/rss/channel/item[{i}]/pubDate", text[:200], item.findtext("link") or "")
    return None if best is None else Latest(best.when, best.locator, best.title, best.url, len(items))


def latest_statuses(body: bytes) -> Latest | None:
    """Newest status of a Mastodon statuses array (GET /api/v1/accounts/:id/statuses)."""
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedFormatError(f"not JSON: {exc}") from None
    if not isinstance(doc, list):
        raise FeedFormatError(f"expected a JSON array of statuses, got {type(doc).__name__}")
    best: Latest | None = None
    for i, status in enumerate(doc):
        if not isinstance(status, dict) or not status.get("created_at"):
            raise FeedFormatError(f"[{i}] is not a status with created_at")
        try:
            when = _iso(status["created_at"])
        except ValueError:
            raise FeedFormatError(f"[{i}].created_at: bad date {status['created_at']!r}") from None
        if best is None or when > best.when:
            text = BeautifulSoup(status.get("content") or "", "lxml").get_text(" ", strip=True)
            best = Latest(when, f"[{i}].created_at", text[:200], str(status.get("url") or ""))
    return None if best is None else Latest(best.when, best.locator, best.title, best.url, len(doc))


def latest_on_page(html: str) -> Latest | None:
    """Newest post date a (rendered) profile page shows; None when it shows none."""
    soup = BeautifulSoup(html, "lxml")
    found: list[tuple[datetime, str, str]] = []
    for i, tag in enumerate(soup.select("time[datetime]")):
        try:
            when = _iso(str(tag["datetime"]))
        except ValueError:
            continue  # a <time> with a duration or a bare year is not a post date
        found.append((when, f"time[datetime]:nth({i})", tag.get_text(" ", strip=True)))
    for i, tag in enumerate(soup.select("[data-utime]")):
        raw = str(tag["data-utime"])
        if raw.isdigit():
            found.append((datetime.fromtimestamp(int(raw), UTC), f"[data-utime]:nth({i})", raw))
    if not found:
        return None
    when, locator, text = max(found)
    return Latest(when, locator, text, posts=len(found))


def days_since(when: datetime, now: datetime) -> int:
    """Whole days from the latest post to the crawl time (never negative: clocks differ)."""
    return max(0, int((now - when).total_seconds() // 86400))


def youtube_channel_id(url: str, html: str = "") -> str | None:
    """Channel id from a /channel/UC… URL, or from the channel page's markup."""
    if m := re.search(r"/channel/(UC[\w-]{10,})", url):
        return m.group(1)
    for pattern in (r'itemprop="channelId"\s+content="(UC[\w-]+)"', r'"channelId"\s*:\s*"(UC[\w-]+)"',
                    r"channel_id=(UC[\w-]+)", r"/channel/(UC[\w-]{10,})"):
        if m := re.search(pattern, html):
            return m.group(1)
    return None


def mastodon_handle(url: str) -> tuple[str, str] | None:
    """('https://instance', 'handle') from a profile URL like https://instance/@handle."""
    parts = urlsplit(url)
    m = re.match(r"^/@([\w.]+)/?$", parts.path)
    if not m or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}", m.group(1)


def account_id(body: bytes) -> str:
    """The id of a Mastodon account from GET /api/v1/accounts/lookup."""
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedFormatError(f"account lookup is not JSON: {exc}") from None
    if not isinstance(doc, dict) or not str(doc.get("id", "")).isdigit():
        raise FeedFormatError("account lookup has no numeric 'id'")
    return str(doc["id"])
