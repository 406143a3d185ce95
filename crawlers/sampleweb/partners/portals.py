"""Booking, participation, council (OParl), geodata, Rats-TV and chatbot partners."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from crawlers.sampleweb.partners.base import PartnerSite
from crawlers.sampleweb.site import JS, XML, Request, Response, Result, as_json

OFFICE_TITLES = {"citizens_office": "Bürgeramt", "registry_office": "Standesamt",
                 "trade_office": "Gewerbeamt", "immigration_office": "Ausländerbehörde",
                 "vehicle_registration_office": "Kfz-Zulassungsstelle"}


class BookingSite(PartnerSite):
    """Vendor-style appointment booking ("TerminPlus"), linkable per city and office."""

    vendor = "TerminPlus Online-Terminvergabe"

    def customers(self) -> list[dict[str, Any]]:
        return [c for c in self.world.cities
                if any(m in ("online", "js") for m in c.get("appointments", {}).values())]

    def route(self, req: Request) -> Result:
        if req.path.startswith("/widget/"):
            city = self.customer(req.path.removeprefix("/widget/").strip("/"))
            if city:
                return self._slots(req, city, widget=True)
        return None

    def city_page(self, req: Request, city: dict[str, Any], rest: str) -> Result:
        return self._slots(req, city, widget=False)

    def _slots(self, req: Request, city: dict[str, Any], widget: bool) -> Response:
        offices = [k for k, m in city.get("appointments", {}).items() if m in ("online", "js")]
        office = req.arg("amt") if req.arg("amt") in offices else ""
        if not office:
            items = "".join(f'<li><a href="?amt={k}">{OFFICE_TITLES[k]}</a></li>' for k in offices)
            return self.page(f"Terminvereinbarung {city['official_name']}",
                             f"<h1>Terminvereinbarung {escape(city['official_name'])}</h1>"
                             f"<p>Bitte wählen Sie eine Dienststelle:</p><ul>{items}</ul>")
        day = (dt.date.today() + dt.timedelta(days=2)).strftime("%d.%m.%Y")
        slots = "".join(f'<li><button class="tp-slot" data-time="{h}:{m:02d}">{h}:{m:02d} Uhr'
                        "</button></li>" for h in (8, 9, 10, 14) for m in (0, 30))
        return self.page(
            f"{OFFICE_TITLES[office]} – Termin buchen",
            f'<div class="tp-widget{" tp-embedded" if widget else ""}">'
            f"<h1>{escape(city['official_name'])}: {OFFICE_TITLES[office]}</h1>"
            f"<p>Freie Termine am {day}:</p><ul>{slots}</ul>"
            "<p>Schritt 1 von 4: Anliegen wählen – Termin wählen – Daten eingeben – Bestätigen</p>"
            "</div>")


class ParticipationSite(PartnerSite):
    vendor = "Beteiligungsportal (Mitmachen Online)"
    feature_key = "participation"

    def city_page(self, req: Request, city: dict[str, Any], rest: str) -> Result:
        projects = ["Radverkehrskonzept 2030", "Neugestaltung Marktplatz", "Bürgerhaushalt"]
        items = "".join(f"<li><h2>{p}</h2><p>Online-Beteiligung läuft – jetzt kommentieren"
                        "</p></li>" for p in projects)
        return self.page(f"Beteiligungsportal {city['official_name']}",
                         f"<h1>Bürgerbeteiligung in {escape(city['name'])}</h1><ul>{items}</ul>")


class CouncilSite(PartnerSite):
    """Ratsinformationssystem with an OParl 1.0 API (shape of shared/realworld/oparl)."""

    vendor = "SessionNet-ähnliches Ratsinformationssystem"
    feature_key = "council"

    def route(self, req: Request) -> Result:
        base = f"{req.base_url}/oparl/v1"
        if req.path == "/oparl/v1/system":
            return as_json({
                "id": f"{base}/system", "type": "https://schema.oparl.org/1.0/System",
                "oparlVersion": "https://schema.oparl.org/1.0/",
                "license": "Datenlizenz Deutschland Namensnennung 2.0",
                "body": f"{base}/body", "name": "Ratsinformationssystem (Simulation)",
                "contactName": "Beispiel-Anbieter", "website": req.base_url + "/",
                "vendor": "https://example.invalid/", "product": "https://example.invalid/ris"})
        if req.path == "/oparl/v1/body":
            data = [self._body(base, c) for c in self.customers()]
            return as_json({"data": data, "pagination": {"totalElements": len(data),
                            "elementsPerPage": 20, "currentPage": 1, "totalPages": 1},
                            "links": {"first": f"{base}/body", "last": f"{base}/body"}})
        if req.path.startswith("/oparl/v1/body/"):
            city = self.customer(req.path.rsplit("/", 1)[1])
            return as_json(self._body(base, city)) if city else None
        return None

    def _body(self, base: str, city: dict[str, Any]) -> dict[str, Any]:
        url = f"{base}/body/{city['slug']}"
        return {"id": url, "type": "https://schema.oparl.org/1.0/Body",
                "system": f"{base}/system", "name": city["official_name"],
                "ags": city["ags"], "website": self.world.city_url(city) + "/",
                "organization": f"{url}/organization", "person": f"{url}/person",
                "meeting": f"{url}/meeting", "paper": f"{url}/paper"}

    def city_page(self, req: Request, city: dict[str, Any], rest: str) -> Result:
        day = (dt.date.today() + dt.timedelta(days=9)).strftime("%d.%m.%Y")
        return self.page(
            f"Ratsinformationssystem {city['official_name']}",
            f"<h1>Bürgerinfo {escape(city['official_name'])}</h1><table class='sitzungen'>"
            f"<tr><td>{day}</td><td>Sitzung des Rates</td><td>Tagesordnung, Vorlagen</td></tr>"
            "</table><p>Schnittstelle: <a href='/oparl/v1/system'>OParl 1.0</a></p>")


class GeodataSite(PartnerSite):
    vendor = "Geoportal (Kartenserver)"
    feature_key = "geodata"

    def city_page(self, req: Request, city: dict[str, Any], rest: str) -> Result:
        if rest == "wms":
            xml = ('<?xml version="1.0" encoding="UTF-8"?><WMS_Capabilities version="1.3.0" '
                   'xmlns="http://www.opengis.net/wms"><Service><Name>WMS</Name>'
                   f"<Title>Stadtplan {escape(city['name'])}</Title></Service></WMS_Capabilities>")
            return Response(xml.encode(), XML)
        return self.page(f"Geoportal {city['name']}",
                         f"<h1>Geoportal {escape(city['name'])}</h1><div id='map'></div>"
                         "<ul><li>Stadtplan</li><li>Bebauungspläne</li><li>Luftbilder</li></ul>"
                         f"<p><a href='/{city['slug']}/wms?SERVICE=WMS&amp;REQUEST="
                         "GetCapabilities'>WMS-Dienst</a></p>")


class VideoSite(PartnerSite):
    vendor = "Rats-TV Streaming"
    feature_key = "council_tv"

    def city_page(self, req: Request, city: dict[str, Any], rest: str) -> Result:
        return self.page(f"Rats-TV {city['name']}",
                         f"<h1>Rats-TV {escape(city['name'])}: Live-Übertragung</h1>"
                         f"<video controls src='/{city['slug']}/live/index.m3u8'></video>"
                         "<h2>Archiv</h2><ul><li>Ratssitzung (Aufzeichnung)</li></ul>")


CHATBOT_JS = """// "Frag die Stadt" chat widget (simulation)
(function () {
  var s = document.currentScript, city = s && s.dataset.city;
  var b = document.createElement("div");
  b.id = "fds-chatbot"; b.className = "chatbot-launcher";
  b.setAttribute("aria-label", "Chat mit dem digitalen Assistenten starten");
  b.textContent = "Fragen? Chatten Sie mit unserem digitalen Assistenten";
  document.addEventListener("DOMContentLoaded", function () { document.body.appendChild(b); });
})();
"""


class ChatbotSite(PartnerSite):
    vendor = "Frag die Stadt – Chatbot"
    feature_key = "chatbot"

    def route(self, req: Request) -> Result:
        if req.path == "/widget/chatbot.js":
            return Response(CHATBOT_JS.encode(), JS)
        return None

    def city_page(self, req: Request, city: dict[str, Any], rest: str) -> Result:
        return self.page("Chatbot", f"<h1>Digitaler Assistent für {escape(city['name'])}</h1>")
