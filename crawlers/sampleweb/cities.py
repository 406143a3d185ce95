"""Sample city sites: YAML description in, a routed set of German pages out.

Each city (``data/sampleweb/cities/<slug>.yaml``) names its CMS style, which
services are online, how appointments are booked and which portals exist; the
shared texts live in ``data/sampleweb/common.yaml``. Pages render on every
request so dates stay relative to "now".
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, Template, select_autoescape
from markupsafe import Markup

from crawlers.sampleweb import downloads
from crawlers.sampleweb.hostile import HOSTILE_ROUTES, routes_for
from crawlers.sampleweb.robots import robots_txt, sitemap_xml
from crawlers.sampleweb.site import JSON, Request, Response, Result, html, not_found
from crawlers.sampleweb.urls import UrlScheme
from crawlers.sampleweb.world import World
from sci.yamlfile import load_yaml, strip_lines

TEMPLATES = Path(__file__).parent / "templates"


@cache
def jinja_env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES),
                       autoescape=select_autoescape(["html"]), trim_blocks=True,
                       lstrip_blocks=True)


@cache
def _snippet(source: str) -> Template:
    """Compiled YAML text snippet; compiling on every request cost milliseconds."""
    return jinja_env().from_string(source)


def load_cities(data_dir: Path) -> list[dict[str, Any]]:
    """All city descriptions, with the shared catalogue merged in as ``common``."""
    # The project's one reader: a duplicated key in a city file is an error with file:line.
    common = strip_lines(load_yaml(data_dir / "common.yaml"))
    cities = []
    for path in sorted((data_dir / "cities").glob("*.yaml")):
        city = strip_lines(load_yaml(path))
        city["common"] = common
        cities.append(city)
    return sorted(cities, key=lambda c: c["host"])


class CitySite:
    """All pages of one city on its own loopback address."""

    def __init__(self, city: dict[str, Any], world: World) -> None:
        self.city = city
        self.world = world
        self.urls = UrlScheme(city["style"])
        self.common = city["common"]
        self.pages: dict[str, tuple[str, dict[str, Any]]] = {}
        self.api: dict[str, dict[str, Any]] = {}
        self.hostile = routes_for(city.get("hostile", []))
        self._build()

    # -- page table -----------------------------------------------------------
    def _add(self, path: str, template: str, **ctx: Any) -> str:
        self.pages[path] = (template, ctx)
        return path

    def _build(self) -> None:
        u, c = self.urls, self.city
        self._add("/", "home.html")
        services = []
        for key, spec in c.get("services", {}).items():
            spec = spec if isinstance(spec, dict) else {"mode": spec}
            info = {**self.common["services"][key], **spec, "key": key}
            info["url"] = u.page("buergerservice", info["slug"])
            if info["mode"] == "online":
                info["form_url"] = self._add(u.page("buergerservice", info["slug"] + "-antrag"),
                                             "service_form.html", service=info)
            if info.get("download"):
                info["download_url"] = c["downloads"][info["download"]]
            self._add(info["url"], "service.html", service=info)
            services.append(info)
        for extra in self.common.get("other_services", []):
            info = {**extra, "mode": "info", "key": None,
                    "url": u.page("buergerservice", extra["slug"])}
            self._add(info["url"], "service.html", service=info)
            services.append(info)
        self.services = sorted(services, key=lambda s: s["title"])
        self.param_services = [s for s in self.services if s["key"]]
        self._add(u.index("buergerservice"), "service_index.html")
        offices = []
        for key, mode in c.get("appointments", {}).items():
            info = {**self.common["offices"][key], "mode": mode, "key": key}
            info["url"] = self._add(u.page("termine", info["slug"]), "appointment.html",
                                    office=info)
            offices.append(info)
        self.offices = offices
        self._add(u.index("termine"), "appointment_index.html")
        self.press = []
        for item in c.get("press", []):
            item = {**item, "url": u.page("presse", item["slug"])}
            self._add(item["url"], "press.html", item=item)
            self.press.append(item)
        self._add(u.index("presse"), "press_index.html")
        self.features = []
        for key, spec in c.get("features", {}).items():
            info = {**self.common["features"][key], **spec, "key": key}
            info["url"] = self._add(u.page("rathaus", info["slug"]),
                                    "spa.html" if info.get("spa") else "feature.html",
                                    feature=info)
            if info.get("spa"):
                self.api[f"/api/{info['slug']}.json"] = info
            self.features.append(info)
        self._add(u.index("rathaus"), "rathaus.html")
        for page in c.get("pages", []):
            page = {**page, "url": u.page(page["section"], page["slug"])}
            self._add(page["url"], "text.html", page=page)
        self.extra_pages = c.get("pages", [])
        self._add(u.page("service", "kontakt"), "contact.html")
        self._add(u.page("service", "impressum"), "impressum.html")
        self._add("/intern/mitarbeiterportal.html", "intern.html")

    def link(self, name: str) -> str:
        """Path of a named page, for templates (nav, footer)."""
        u = self.urls
        return {"home": "/", "services": u.index("buergerservice"),
                "appointments": u.index("termine"), "press": u.index("presse"),
                "rathaus": u.index("rathaus"), "contact": u.page("service", "kontakt"),
                "impressum": u.page("service", "impressum"),
                "intern": "/intern/mitarbeiterportal.html"}[name]

    def hostile_links(self) -> list[tuple[str, str]]:
        labels = self.common["hostile_labels"]
        return [(labels[n], HOSTILE_ROUTES[n][0]) for n in self.city.get("hostile", [])]

    # -- serving ---------------------------------------------------------------
    def sitemap_paths(self) -> list[str]:
        return list(self.pages)

    def resolve(self, req: Request) -> Result:
        path = req.path
        if path == "/robots.txt":
            return robots_txt(req.base_url)
        if path == "/sitemap.xml":
            return sitemap_xml(req.base_url, self.sitemap_paths())
        if path in self.hostile:
            return self.hostile[path](req)
        if path in self.api:
            feature = self.api[path]
            data = {"title": feature["title"],
                    "rendered": self.text(feature.get("text") or feature["present_text"],
                                          feature=feature)}
            return Response(json.dumps(data, ensure_ascii=False).encode("utf-8"), JSON)
        for name, dl_path in self.city.get("downloads", {}).items():
            if path == dl_path:
                return downloads.response(name, self.city["name"])
        if path.endswith(".css"):  # layouts reference a stylesheet; keep the log clean
            return Response(b"body{font-family:sans-serif}\n", "text/css; charset=utf-8")
        if path not in self.pages:
            return not_found()
        template, ctx = self.pages[path]
        return html(self.render(template, req, **ctx))

    def text(self, source: str | None, **ctx: Any) -> Markup:
        """Render a YAML text snippet; snippets may use partner()/social() links."""
        if not source:
            return Markup("")
        world = self.world
        return Markup(_snippet(source).render(
            city=self.city, world=world, partner=world.partner, social=world.social,
            city_url=lambda slug: world.city_url(world.city_by_slug(slug) or self.city),
            **ctx))

    def date(self, days_ago: float) -> str:
        return self.world.days_ago(days_ago).strftime("%d.%m.%Y")

    def render(self, template: str, req: Request, **ctx: Any) -> str:
        world = self.world
        return jinja_env().get_template(template).render(
            city=self.city, site=self, world=world, base=req.base_url,
            layout=f"layouts/{self.city['style']}.html", path=req.path,
            booking=world.partner("booking"), **ctx)
