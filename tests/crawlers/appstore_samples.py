"""Store answers for German city apps, derived from the real samples in tests/fixtures/realworld.

The iTunes record is the real French lookup (fastlane, MIT) with the fields of a
city app overridden; the Play page is the real details page (google-play-scraper,
MIT) with name, developer and description swapped. Factories, not copies.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

from tests.crawlers.external_server import fixture

REAL_ITUNES = json.loads(fixture("itunes_lookup_software_id338986109_FR.json"))["results"][0]
REAL_PLAY = gzip.decompress(fixture("details_com.adex77.WhereAmI_hl-en_gl-us.html.gz")).decode("utf-8")

OFFICIAL_TEXT = ("Die offizielle App der Stadt Köln: aktuelle Nachrichten aus dem Rathaus, "
                 "Termine im Bürgeramt, Abfallkalender, Mängelmelder für Schlaglöcher und "
                 "Baustellen-Infos. Barrierefrei und mit Veranstaltungen und Museen.")


def itunes_app(track_id: int, name: str, seller: str, **extra: Any) -> dict[str, Any]:
    rec = dict(REAL_ITUNES)
    rec.update({"trackId": track_id, "trackName": name, "trackCensoredName": name,
                "sellerName": seller, "artistName": seller, "bundleId": f"de.sample.app{track_id}",
                "trackViewUrl": f"https://apps.apple.com/de/app/id{track_id}",
                "currentVersionReleaseDate": "2026-11-01T08:00:00Z", "sellerUrl": None})
    rec.update(extra)
    return rec


def koeln_apps() -> list[dict[str, Any]]:
    return [
        itunes_app(901, "KVB-App", "Kölner Verkehrs-Betriebe AG", averageUserRating=4.6,
                   userRatingCount=20000),
        itunes_app(902, "Köln Guide", "KölnTourismus GmbH", averageUserRating=4.8, userRatingCount=900),
        itunes_app(903, "Stadt Köln", "Stadt Köln", description=OFFICIAL_TEXT, averageUserRating=3.5,
                   userRatingCount=100, bundleId="de.koeln.app"),
        itunes_app(904, "Köln Parken", "Max Mustermann", averageUserRating=5.0, userRatingCount=3),
    ]


def search_body(apps: list[dict[str, Any]]) -> bytes:
    return json.dumps({"resultCount": len(apps), "results": apps}).encode("utf-8")


def play_page(name: str, developer: str) -> bytes:
    html = REAL_PLAY.replace("Where Am I? - GeoGuess Game", name).replace("Adex77", developer)
    return html.encode("utf-8")
