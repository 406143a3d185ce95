"""page_identity: a page that IS the portal and says so only in its title, address, h1 or breadcrumb."""

from __future__ import annotations

import pytest

from extractors import geodata, open_data
from extractors.base import CityContext
from extractors.page import Page
from extractors.page_identity import crumbs_of, identity, other_place
from extractors.patterns import load_patterns
from extractors.portal_links import portal_findings
from extractors.web_presence import name_variants
from sci import ROOT
from tests.extractors.web_helpers import KOELN, run, vals

GEO = "geodata.portal"
OD = "open_data.portal"


def doc(title: str, body: str, *, h1: str = "", trail: str = "", head: str = "") -> str:
    crumbs = f"<div class='crumbs'>{trail}</div>" if trail else ""
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (f"<html><head><title>{title}</title>{head}</head><body><header><p>Logo</p></header>{crumbs}"
            f"<main>{heading}{body}</main><footer><p>Impressum</p></footer></body></html>")


def test_identity_reads_site_name_title_h1_crumbs_and_address():
    html = doc("Nutzungshinweise - Geoportal Köln", "<p>Text.</p>", h1="Nutzungshinweise",
               trail="Sie sind hier: Start > Geoportal > Nutzungshinweise")
    ident = identity(Page.from_html("https://www.stadt-koeln.de/Geo%20Portal/hilfe", html))
    assert ident.site == "Geoportal Köln"
    assert ident.own == "Nutzungshinweise"
    assert ident.heading == "Nutzungshinweise"
    assert ident.crumbs == ("Start", "Geoportal", "Nutzungshinweise")
    assert ident.address == "www.stadt-koeln.de/geo portal/hilfe"


def test_og_site_name_is_the_site_name():
    meta = "<meta property='og:site_name' content='Open-Data-Portal Köln'>"
    html = doc("Hinweise", "<p>Text.</p>", head=meta)
    assert identity(Page.from_html("https://www.stadt-koeln.de/x", html)).site == "Open-Data-Portal Köln"


def test_crumbs_drop_the_lead_in():
    assert crumbs_of("Sie befinden sich hier: Rathaus » Offene Daten » Über uns") == (
        "Rathaus", "Offene Daten", "Über uns")


# The portal's own help and about pages name the portal only in their identity.
@pytest.mark.parametrize("url, title, h1, body", [
    # the site name: every page of the portal is the portal's
    ("https://www.stadt-koeln.de/hilfe", "Bedienung der Karte | Geoportal Köln", "Bedienung der Karte",
     "<p>Mit dem Mausrad verändern Sie den Maßstab.</p>"),
    # a portal-shaped path on the city's own host, the h1 naming it
    ("https://www.stadt-koeln.de/buergergis/einstieg", "Einstieg - Stadt Köln", "Das Bürger-GIS",
     "<p>Die Themen stehen links in der Liste.</p>"),
    # the h1 naming it over instructions to use it
    ("https://www.stadt-koeln.de/bauen/plaene", "Pläne und Karten - Stadt Köln", "Unser Geodatenportal",
     "<p>Wählen Sie links ein Thema und zoomen Sie auf Ihr Grundstück.</p>"),
])
def test_geoportal_self_pages(url, title, h1, body):
    found = [f for f in run(geodata, doc(title, body, h1=h1), url) if f.rule == "self-page"]
    assert [(f.parameter, f.value, f.snippet) for f in found] == [(GEO, {"url": url}, found[0].snippet)]
    assert found[0].snippet in (title, h1)  # the evidence is a line of the page itself


def test_open_data_about_page():
    url = "https://www.stadt-koeln.de/opendata/ueber-uns"
    html = doc("Über das Portal - Stadt Köln", "<p>Suchen Sie nach Datensätzen über das Suchfeld oben.</p>",
               h1="Über das Open-Data-Portal")
    assert vals(open_data, html, url) == {OD: {"url": url}}


@pytest.mark.parametrize("url, title, h1, body", [
    # a topic, not the thing: "Open Data" names a subject, not a site
    ("https://www.stadt-koeln.de/rathaus/offene-daten", "Offene Daten - Stadt Köln", "Offene Daten",
     "<p>Hier können Sie die Ratsbeschlüsse zum Thema einsehen.</p>"),
    # planned: the identity line carries a plan word
    ("https://www.stadt-koeln.de/opendata", "Open-Data-Portal geplant - Stadt Köln",
     "Open-Data-Portal geplant",
     "<p>Suchen Sie später hier nach Datensätzen.</p>"),
    # a motion: the page as a whole asks for the thing
    ("https://www.stadt-koeln.de/opendata/antrag", "Antrag: Open-Data-Portal - Stadt Köln",
     "Antrag: Open-Data-Portal", "<p>Die Verwaltung wird beauftragt, ein Portal einzurichten.</p>"),
    # a neighbour thing: a geoportal is no open-data portal
    ("https://geoportal.stadt-koeln.de/hilfe", "Hilfe - Geodatenportal Köln", "Hilfe",
     "<p>Wählen Sie eine Karte.</p>"),
    # a regional body's site, not the town's
    ("https://www.datenregion-rheinland.de/suche", "Suche | Open-Data-Portal Region Rheinland", "Suche",
     "<p>Geben Sie einen Suchbegriff ein.</p>"),
])
def test_open_data_identity_traps(url, title, h1, body):
    assert [f for f in run(open_data, doc(title, body, h1=h1), url) if f.rule == "self-page"] == []


def test_the_page_prose_outweighs_its_identity():
    # the h1 names the map viewer, the text says it is down: the identity says nothing
    url = "https://www.stadt-koeln.de/stadtplan"
    html = doc("Interaktiver Stadtplan - Stadt Köln",
               "<p>Der interaktive Stadtplan ist derzeit nicht verfügbar.</p>", h1="Interaktiver Stadtplan")
    assert all(f.rule != "self-page" for f in run(geodata, html, url, KOELN))
    assert vals(geodata, html, url) == {GEO: False}


def test_an_h1_without_use_is_no_self_page():
    # a press release naming the portal in its h1, no address shape, no instructions: the prose readers' case
    url = "https://www.stadt-koeln.de/presse/meldung-4711"
    html = doc("Neues im Geoportal - Stadt Köln", "<p>Der Rat hat den Haushalt beschlossen.</p>",
               h1="Neues im Geoportal")
    assert all(f.rule != "self-page" for f in run(geodata, html, url))


# -- other_place: a page off the city's own site about another place ---------------------------------------

SALZGITTER = CityContext("03102000", "Salzgitter", ("salzgitter.de",))
OSNABRUECK = CityContext("03404000", "Osnabrück", ("osnabrueck.de",))
PORTAL_PAGE = doc("Open Data Osnabrück", "<p>240 Datensätze gefunden</p><p>API: <a href="
                  "'/osnabrueck/api/3/action/package_search?rows=0'>CKAN Action API</a></p>",
                  h1="Open Data Osnabrück")
VOCABULARY = ("Open-Data-Portal", "Open Data", "Datenportal", "Geoportal")


@pytest.mark.parametrize(("city", "url", "html", "other"), [
    # the neighbour's portal, reached from the city's press item about it
    (SALZGITTER, "https://opendata.example.org/osnabrueck/", PORTAL_PAGE, "Osnabrück"),
    # the same page for its own city
    (OSNABRUECK, "https://opendata.example.org/osnabrueck/", PORTAL_PAGE, None),
    # on the city's own site nothing is said (a page about a partner town stays the detectors' business)
    (SALZGITTER, "https://www.salzgitter.de/osnabrueck/", PORTAL_PAGE, None),
    # a Kreis's portal on its own host, reached from a town
    (SALZGITTER, "https://geoportal.landkreis-goslar.de/", doc("Geoportal Landkreis Goslar", "<p>Karten</p>",
                                                                h1="Geoportal Landkreis Goslar"), "Goslar"),
    # the heading's last word is the portal's own name, not a place
    (SALZGITTER, "https://opendata-portal.example.org/", doc("Open Data Portal", "<p>Daten</p>",
                                                              h1="Open Data Portal"), None),
    # a place word the address does not carry says nothing
    (SALZGITTER, "https://opendata.example.org/region/", PORTAL_PAGE, None),
])
def test_other_place(city, url, html, other):
    page = Page.from_html(url, html)
    names = name_variants(city, page, load_patterns(ROOT / "data", "open_data"))
    assert other_place(page, city, names, VOCABULARY) == other


def test_a_neighbours_portal_page_gives_the_city_no_portal_link():
    page = Page.from_html("https://opendata.example.org/osnabrueck/", PORTAL_PAGE)
    patterns = load_patterns(ROOT / "data", "open_data")
    assert portal_findings(page, patterns, SALZGITTER, "open_data", "2") == []
    assert [f.value["url"] for f in portal_findings(page, patterns, OSNABRUECK, "open_data", "2")] == [
        "https://opendata.example.org/osnabrueck/api/3/action/package_search?rows=0"]
