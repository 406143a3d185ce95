"""Open-data portal with a CKAN Action API.

Response shapes follow shared/realworld/opendata/ckan_envidat_ch_package_search_rows2_2026.json
(envidat.ch, MIT, via malkreide/wsl-envidat-mcp tests/fixtures/package_search.json @ be507cbc);
contents are generated. Each customer city has its portal under ``/<slug>/`` with
its own API (``/<slug>/api/3/action/...``); the root API covers all cities and
understands ``fq=organization:<slug>``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from crawlers.sampleweb.partners.base import PartnerSite, feature
from crawlers.sampleweb.site import Request, Result, as_json

TOPICS = ["Haushaltsplan", "Einwohnerstatistik", "Baumkataster", "Parkhausbelegung",
          "Radzählstellen", "Wahlergebnisse", "Kita-Standorte", "Luftqualität",
          "Bebauungspläne", "Haltestellen", "Ladesäulen", "Spielplätze", "Abfallkalender"]


class OpenDataSite(PartnerSite):
    vendor = "CKAN 2.10 Open-Data-Portal"
    feature_key = "open_data"

    def datasets(self, city: dict[str, Any], base: str) -> list[dict[str, Any]]:
        # Rebuilt at most daily per city: the only time-dependent field is a date.
        key = (city["slug"], base, self.world.days_ago(0).date())
        cache: dict[tuple, list[dict[str, Any]]] = self.__dict__.setdefault("_cache", {})
        if key not in cache:
            cache[key] = self._generate(city, base)
        return cache[key]

    def _generate(self, city: dict[str, Any], base: str) -> list[dict[str, Any]]:
        count = int(feature(city, "open_data").get("datasets", 0))
        org = {"id": f"org-{city['ags']}", "name": city["slug"], "title": city["official_name"],
               "type": "organization", "description": "", "image_url": "",
               "created": "2016-01-01T00:00:00", "is_organization": True,
               "approval_status": "approved", "state": "active"}
        stamp = self.world.days_ago(2).strftime("%Y-%m-%dT%H:%M:%S.000000")
        out = []
        for i in range(count):
            name = f"{city['slug']}-{i:04d}"
            title = f"{TOPICS[i % len(TOPICS)]} {city['name']} ({2010 + i % 16})"
            out.append({
                "author": None, "author_email": None, "id": f"{city['ags']}-{i:06d}",
                "isopen": True, "license_id": "dl-by-de/2.0",
                "license_title": "Datenlizenz Deutschland Namensnennung 2.0",
                "maintainer": city["official_name"], "maintainer_email": None,
                "metadata_created": "2020-01-01T00:00:00.000000", "metadata_modified": stamp,
                "name": name, "notes": f"{title}, bereitgestellt von {city['official_name']}.",
                "num_resources": 1, "num_tags": 1, "organization": org,
                "owner_org": org["id"], "private": False, "state": "active", "title": title,
                "type": "dataset", "url": "", "version": None,
                "tags": [{"display_name": TOPICS[i % len(TOPICS)], "id": f"tag-{i % 13}",
                          "name": TOPICS[i % len(TOPICS)].lower(), "state": "active",
                          "vocabulary_id": None}],
                "resources": [{"format": "CSV", "mimetype": "text/csv", "name": f"{name}.csv",
                               "id": f"{city['ags']}-{i:06d}-r", "position": 0,
                               "package_id": f"{city['ags']}-{i:06d}", "state": "active",
                               "url": f"{base}/{city['slug']}/dataset/{name}/{name}.csv",
                               "url_type": "upload"}],
                "groups": [], "relationships_as_object": [], "relationships_as_subject": [],
                "extras": [],
            })
        return out

    def _search(self, req: Request, cities: list[dict[str, Any]]) -> Result:
        pool = [d for c in cities for d in self.datasets(c, req.base_url)]
        q = req.arg("q").strip().lower()
        if q and q != "*:*":
            pool = [d for d in pool if q in d["title"].lower() or q in d["notes"].lower()]
        try:
            rows = max(0, min(int(req.arg("rows", "10")), 1000))  # CKAN's default max
            start = max(0, int(req.arg("start", "0")))
        except ValueError:
            return as_json({"success": False, "error": {"__type": "Validation Error",
                            "rows": ["Invalid integer"]}}, status=409)
        return as_json({
            "help": f"{req.base_url}/api/3/action/help_show?name=package_search",
            "success": True,
            "result": {"count": len(pool), "facets": {}, "results": pool[start:start + rows],
                       "sort": "score desc, metadata_modified desc", "search_facets": {}},
        })

    def _status(self, req: Request, title: str) -> Result:
        return as_json({"help": f"{req.base_url}/api/3/action/help_show?name=status_show",
                        "success": True,
                        "result": {"site_title": title, "site_description": "",
                                   "site_url": req.base_url, "ckan_version": "2.10.4",
                                   "error_emails_to": None, "locale_default": "de",
                                   "extensions": ["dcat", "scheming_datasets", "activity"]}})

    def route(self, req: Request) -> Result:
        if req.path == "/api/3/action/package_search":
            cities = self.customers()
            fq = req.arg("fq")
            if fq.startswith("organization:"):
                cities = [c for c in cities if c["slug"] == fq.split(":", 1)[1]]
            return self._search(req, cities)
        if req.path == "/api/3/action/status_show":
            return self._status(req, "Open-Data-Portal (Simulation)")
        return None

    def city_page(self, req: Request, city: dict[str, Any], rest: str) -> Result:
        if rest == "api/3/action/package_search":
            return self._search(req, [city])
        if rest == "api/3/action/status_show":
            return self._status(req, f"Open Data {city['name']}")
        count = feature(city, "open_data").get("datasets", 0)
        sample = "".join(f"<li>{escape(d['title'])}</li>"
                         for d in self.datasets(city, req.base_url)[:10])
        return self.page(f"Open Data {city['name']}",
                         f"<h1>Open Data {escape(city['name'])}</h1>"
                         f"<p class='dataset-count'>{count} Datensätze gefunden</p>"
                         f"<ul>{sample}</ul><p>API: <a href='/{city['slug']}/api/3/action/"
                         "package_search?rows=0'>CKAN Action API</a></p>")
