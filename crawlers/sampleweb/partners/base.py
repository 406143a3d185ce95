"""Common ground of partner hosts: robots/sitemap, vendor page frame, city lookup."""

from __future__ import annotations

from html import escape
from typing import Any

from crawlers.sampleweb.robots import robots_txt, sitemap_xml
from crawlers.sampleweb.site import Request, Response, Result, html, not_found
from crawlers.sampleweb.world import World


def feature(city: dict[str, Any], key: str) -> dict[str, Any]:
    return city.get("features", {}).get(key) or {}


class PartnerSite:
    """A vendor host serving one area per customer city under ``/<city slug>/``."""

    vendor = "Partner"
    feature_key = ""  # cities with this feature present are customers

    def __init__(self, world: World) -> None:
        self.world = world

    def customers(self) -> list[dict[str, Any]]:
        if not self.feature_key:
            return self.world.cities
        return [c for c in self.world.cities if feature(c, self.feature_key).get("present")]

    def customer(self, slug: str) -> dict[str, Any] | None:
        return next((c for c in self.customers() if c["slug"] == slug), None)

    def sitemap_paths(self) -> list[str]:
        return ["/"] + [f"/{c['slug']}/" for c in self.customers()]

    def resolve(self, req: Request) -> Result:
        if req.path == "/robots.txt":
            return robots_txt(req.base_url)
        if req.path == "/sitemap.xml":
            return sitemap_xml(req.base_url, self.sitemap_paths())
        if req.path == "/":
            items = "".join(f'<li><a href="/{c["slug"]}/">{escape(c["official_name"])}</a></li>'
                            for c in self.customers())
            return self.page(self.vendor, f"<p>Unsere Kunden:</p><ul>{items}</ul>")
        slug, _, rest = req.path.strip("/").partition("/")
        city = self.customer(slug)
        if city is None:
            return self.route(req) or not_found()
        return self.city_page(req, city, rest) or not_found()

    def route(self, req: Request) -> Result:
        """Host-level paths that are not under a city (APIs, widgets)."""
        return None

    def city_page(self, req: Request, city: dict[str, Any], rest: str) -> Result:
        raise NotImplementedError

    def page(self, title: str, body: str, head: str = "") -> Response:
        return html(
            f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{escape(title)}'
            f'</title><meta name="generator" content="{escape(self.vendor)}">{head}</head>'
            f'<body><header class="vendor">{escape(self.vendor)}</header><main>{body}</main>'
            "<footer>Beispielseite – Simulation für Testzwecke</footer></body></html>")
