"""App store partner: iTunes Search/Lookup JSON and Apple/Play-like detail pages.

JSON shape follows shared/realworld/appstore/itunes_lookup_software_id338986109_FR.json
(fastlane/fastlane spec/responses, MIT, @ e2b023a1) and the error body of
itunes_lookup_invalid_id_error.json; the apps themselves are the city files'
``apps`` lists: each city's official app plus decoys (transport, tourism, private).
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from crawlers.sampleweb.partners.base import PartnerSite
from crawlers.sampleweb.site import JSON, Request, Response, Result, as_json

INVALID_ID = {"errorMessage": "Invalid value(s) for key(s): [itunesId]",
              "queryParameters": {"output": "json", "callback": "A javascript function to "
                                  "handle your search results", "country": "ISO-2A country code",
                                  "limit": "The number of search results to return",
                                  "term": "A search string", "lang": "ISO-2A language code"}}
# German Play "not found" page, after shared/realworld/googleplay/notfound_de_error_tail.html
# (MrAdex77/google-play-scraper test/fixtures/datasafety/missing-de.tail.html, MIT, @ 10eba301).
PLAY_NOT_FOUND = Response(
    b'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Nicht gefunden</title>'
    b'</head><body><div id="af-error-page"><div class="uaxL4e"><div class="kO0hKc">'
    b"Nicht gefunden</div><div class=\"Y9dUHc\">Die angeforderte URL wurde auf diesem Server "
    b"nicht gefunden.</div></div></div></body></html>",
    status=404, cacheable=False)
GENRE_IDS = {"Utilities": "6002", "Navigation": "6010", "Travel": "6003", "Lifestyle": "6012"}


def _fold(text: str) -> str:
    """Case- and umlaut-insensitive matching, as store search is."""
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return text


class AppStoreSite(PartnerSite):
    vendor = "App Store (Simulation)"

    def apps(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        return [(city, app) for city in self.world.cities for app in city.get("apps", [])]

    def sitemap_paths(self) -> list[str]:
        return [f"/de/app/{a['bundle']}/id{a['id']}" for _, a in self.apps()]

    def record(self, city: dict[str, Any], app: dict[str, Any], base: str) -> dict[str, Any]:
        updated = self.world.days_ago(app.get("days_updated", 30)).strftime("%Y-%m-%dT%H:%M:%SZ")
        genre = app.get("genre", "Utilities")
        return {
            "screenshotUrls": [f"{base}/img/{app['id']}/screen1.png"], "ipadScreenshotUrls": [],
            "appletvScreenshotUrls": [], "artworkUrl60": f"{base}/img/{app['id']}/60.png",
            "artworkUrl100": f"{base}/img/{app['id']}/100.png",
            "artworkUrl512": f"{base}/img/{app['id']}/512.png",
            "artistViewUrl": f"{base}/de/developer/id{app['id'] + 5000}",
            "isGameCenterEnabled": False, "kind": "software", "features": [],
            "supportedDevices": ["iPhone12-iPhone12", "iPadAir4-iPadAir4"], "advisories": [],
            "languageCodesISO2A": ["DE", "EN"], "fileSizeBytes": "48213504",
            "sellerUrl": self.world.city_url(city) + "/" if app["kind"] == "official" else None,
            "trackContentRating": "4+", "contentAdvisoryRating": "4+",
            "trackCensoredName": app["name"], "trackName": app["name"],
            "trackViewUrl": f"{base}/de/app/{app['bundle']}/id{app['id']}?uo=4",
            "currency": "EUR", "wrapperType": "software", "version": "3.4.1",
            "artistId": app["id"] + 5000, "artistName": app["seller"], "sellerName": app["seller"],
            "genres": [genre], "genreIds": [GENRE_IDS.get(genre, "6002")],
            "primaryGenreName": genre, "primaryGenreId": int(GENRE_IDS.get(genre, "6002")),
            "price": 0, "formattedPrice": "Gratis",
            "description": app.get("description", f"{app['name']} – die App von {app['seller']}."),
            "releaseDate": "2019-05-02T07:00:00Z", "currentVersionReleaseDate": updated,
            "releaseNotes": "Fehlerbehebungen und Verbesserungen.", "bundleId": app["bundle"],
            "trackId": app["id"], "isVppDeviceBasedLicensingEnabled": True,
            "minimumOsVersion": "15.0", "averageUserRating": 4.1, "userRatingCount": 812,
            "averageUserRatingForCurrentVersion": 4.1, "userRatingCountForCurrentVersion": 812,
        }

    def _results(self, records: list[dict[str, Any]]) -> Response:
        # Apple answers text/javascript with a compact body; clients parse JSON anyway.
        body = json.dumps({"resultCount": len(records), "results": records}, ensure_ascii=False)
        return Response(body.encode("utf-8"), JSON)

    def route(self, req: Request) -> Result:
        base = req.base_url
        if req.path == "/search":
            if req.arg("entity", "software") not in ("software", "iPadSoftware"):
                return self._results([])
            words = _fold(req.arg("term").replace("+", " ")).split()
            limit = int(req.arg("limit", "50") or 50)
            hits = [self.record(c, a, base) for c, a in self.apps()
                    if words and all(w in _fold(f"{a['name']} {a['seller']} {c['name']}")
                                     for w in words)]
            return self._results(hits[:limit])
        if req.path == "/lookup":
            if "id" in req.query:
                ids = req.arg("id").split(",")
                if not all(i.strip().isdigit() for i in ids):
                    return as_json(INVALID_ID, status=400)
                wanted = {int(i) for i in ids}
                return self._results([self.record(c, a, base) for c, a in self.apps()
                                      if a["id"] in wanted])
            bundles = set(req.arg("bundleId").split(","))
            return self._results([self.record(c, a, base) for c, a in self.apps()
                                  if a["bundle"] in bundles])
        if req.path.startswith("/de/app/"):
            app_id = req.path.rsplit("/id", 1)[-1]
            found = [(c, a) for c, a in self.apps() if str(a["id"]) == app_id]
            return self._detail(*found[0], base) if found else None
        if req.path == "/store/apps/details":
            found = [(c, a) for c, a in self.apps() if a["bundle"] == req.arg("id")]
            return self._detail(*found[0], base, play=True) if found else PLAY_NOT_FOUND
        return None

    def _detail(self, city: dict[str, Any], app: dict[str, Any], base: str,
                play: bool = False) -> Response:
        rec = self.record(city, app, base)
        updated = self.world.days_ago(app.get("days_updated", 30)).strftime("%d.%m.%Y")
        store = "Google Play" if play else "App Store"
        body = (f'<h1 itemprop="name">{escape(app["name"])}</h1>'
                f'<div class="developer"><a href="#">{escape(app["seller"])}</a></div>'
                f"<div>Aktualisiert am {updated}</div><div>Version {rec['version']}</div>"
                f"<p>{escape(rec['description'])}</p><p>Kategorie: {escape(rec['primaryGenreName'])}</p>")
        return self.page(f"{app['name']} – Apps bei {store}", body)
