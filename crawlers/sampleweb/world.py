"""Addresses and shared data every sample site needs to link to the others."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

CITY_IPS = [f"127.0.0.{i}" for i in range(2, 8)]
BENCH_IP = "127.0.0.9"
# Partner roles on fixed addresses; ``social`` plays Facebook, Instagram, X,
# YouTube and Mastodon at once, with the real domain as first path segment so
# that href patterns like "facebook.com/<handle>" still match.
PARTNER_IPS: dict[str, str] = {
    "booking": "127.0.0.10",
    "participation": "127.0.0.11",
    "opendata": "127.0.0.12",
    "appstore": "127.0.0.13",
    "social": "127.0.0.14",
    "council": "127.0.0.15",
    "geodata": "127.0.0.16",
    "video": "127.0.0.17",
    "chatbot": "127.0.0.18",
}
SOCIAL_PREFIXES = {
    "facebook": "facebook.com/",
    "instagram": "instagram.com/",
    "twitter": "x.com/",
    "youtube": "youtube.com/",
    "mastodon": "",  # Mastodon URLs are host-relative: /@handle
}


@dataclass
class World:
    """The running sample internet as seen from inside one site."""

    port: int
    cities: list[dict]
    data_dir: Path

    def partner(self, role: str) -> str:
        return f"http://{PARTNER_IPS[role]}:{self.port}"

    def social(self, network: str, handle: str = "") -> str:
        return f"{self.partner('social')}/{SOCIAL_PREFIXES[network]}{handle}"

    def city_url(self, city: dict) -> str:
        return f"http://{city['host']}:{self.port}"

    def city_by_slug(self, slug: str) -> dict | None:
        return next((c for c in self.cities if c["slug"] == slug), None)

    def days_ago(self, days: float) -> dt.datetime:
        """Noon UTC ``days`` days before today.

        Relative to today so recency checks mean the same on any day, but fixed
        within a day so pages (and their ETags) do not change between requests.
        """
        return today_utc() + dt.timedelta(hours=12) - dt.timedelta(days=days)


def today_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
