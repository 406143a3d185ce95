"""geodata: the city's geodata portal vs PDF maps, Google Maps and the state's geoportal."""

from __future__ import annotations

import pytest

from extractors import geodata
from tests.extractors.detect_helpers import values, wrap
from tests.extractors.web_helpers import corpus_check, page, run, vals

P = "geodata.portal"


@pytest.mark.parametrize("href, text", [
    ("https://geoportal.stadt-koeln.de/", "Geoportal"),
    ("https://www.stadt-koeln.de/masterportal/?Map/layerIds=1", "Karte"),
    ("https://gis.koeln.de/mapbender/application/stadtplan", "Stadtplan"),
    ("https://maps.koeln.de/stadtplan/", "Online-Stadtplan"),
    ("https://www.stadt-koeln.de/geodienste?service=WMS&request=GetCapabilities", "WMS-Dienst"),
    ("https://koeln.maps.arcgis.com/home/", "Themenkarten"),
])
def test_portals(href, text):
    assert vals(geodata, page(f"<p>Karten: <a href='{href}'>{text}</a></p>")) == {P: {"url": href}}


@pytest.mark.parametrize("body", [
    "<p><a href='/downloads/stadtplan.pdf'>Stadtplan (PDF)</a> "
    "<a href='/img/plan.png'>Innenstadtplan</a></p>",
    "<p>So finden Sie zu uns: <a href='https://www.google.de/maps/place/Rathaus'>Google Maps</a></p>",
    "<p>Landesweite Geobasisdaten im <a href='https://www.geoportal.nrw/'>Geoportal.NRW</a>.</p>",
    "<p><a href='https://www.openstreetmap.org/#map=12/50.9/6.9'>OpenStreetMap</a></p>",
    "<p>Die Nachbarstadt Bonn hat ein neues <a href='https://geoportal.bonn.de/'>Geoportal</a>.</p>",
])
def test_traps(body):
    assert vals(geodata, page(body)) == {}


@pytest.mark.parametrize("sentence", [
    "Ein Geodatenportal bietet die Stadt Köln nicht an.",
    "Ein eigenes Geoportal gibt es in Köln nicht.",
    "Der interaktive Stadtplan ist derzeit nicht verfügbar.",
])
def test_negatives(sentence):
    [f] = run(geodata, page(f"<p>{sentence}</p>"))
    assert (f.parameter, f.value) == (P, False)


@pytest.mark.parametrize("slug", [
    "b30-remscheid-stadtplan-pdf", "b31-hamburg-masterportal", "b32-duesseldorf-stadtplan-online",
    "b33-bottrop-kein-geoportal", "b34-augsburg-mapbender-google", "b35-kiel-stadtplan-nicht-verfuegbar",
    "b50-mannheim-daten-karten", "b54-oldenburg-digitalstrategie",
])
def test_corpus_pages(slug):
    got, facts = corpus_check(geodata, slug)
    assert got == facts


@pytest.mark.parametrize("sentence", [
    "Flurstücke und Luftbilder zeigt das Bürger-GIS der Stadt Köln.",
    "Im WebGIS finden Sie alle rechtskräftigen Bebauungspläne.",
    "Im GIS der Stadt lassen sich Grundstücke nach Adresse suchen.",
    "Über den Kartendienst der Stadt rufen Sie Bodenrichtwerte und Lärmkarten ab.",
    "Unser geografisches Informationssystem steht allen Bürgerinnen und Bürgern im Internet offen.",
    "Alle Bauleitpläne sind in unserem Bauleitplanportal nach Stadtteil sortiert.",
    "In der interaktiven Karte der Stadt sind alle Ladesäulen eingetragen.",
])
def test_name_families_say_the_city_has_it(sentence):
    assert vals(geodata, page(f"<p>{sentence}</p>")).get(P) not in (None, False)


@pytest.mark.parametrize("sentence", [
    "Die Bebauungspläne aller Gemeinden stehen im Landkreis-GIS.",  # another owner in the name
    "Die GIS-Daten der Fachämter pflegt die Abteilung Geoinformation.",  # GIS as a modifier, no system
    "Die Logistik der Straßenreinigung wird neu geplant.",  # letters inside a word
    "Eine interaktive Karte zeigt die Baustellen der Woche.",  # a concept word without a reference
    "Den Weg zum Rathaus zeigt der Kartendienst von Google.",  # a commercial map
    "Die Verwaltung richtet ein Geoportal ein, das im nächsten Jahr online gehen soll.",  # planned
])
def test_name_families_leave_out_other_things(sentence):
    assert vals(geodata, page(f"<p>{sentence}</p>")).get(P) in (None, False)


@pytest.mark.parametrize("sentence, expected", [
    # the clause's plan or negation words are not about a prepositional object
    ("Die geplanten Wohngebiete finden Sie im Geoportal der Stadt.", True),
    ("Die Stadt verfügt bislang nicht über ein Geoportal.", False),
    ("Ein eigenes Geoportal hat die Stadt bisher nicht aufgebaut.", False),
])
def test_negation_and_plans_of_the_clause(sentence, expected):
    value = vals(geodata, page(f"<p>{sentence}</p>")).get(P)
    assert (value not in (None, False)) if expected else value is False


@pytest.mark.parametrize("sentence, expected", [
    ("Die GeoLIS-Anwendung des Bauamts zeigt alle Bebauungspläne mit Luftbildern.", True),  # "Geo" + product
    ("Im Internetstadtplan lassen sich Bodenrichtwerte einblenden.", True),
    ("Entwürfe sind außerdem im länderübergreifenden UVP-Portal einsehbar.", False),  # the Länder's portal
    ("Die Abfahrten zeigt die Fahrplanauskunft der Verkehrsbetriebe.", False),  # no plan portal inside
])
def test_more_name_families(sentence, expected):
    value = vals(geodata, page(f"<p>{sentence}</p>")).get(P)
    assert (value not in (None, False)) if expected else value in (None, False)


def test_the_map_credit_of_the_federal_surveying_is_no_portal():
    assert vals(geodata, page("<p>Kartengrundlage: © GeoBasis-DE / BKG 2024</p>")).get(P) is None


@pytest.mark.parametrize("sentence, expected", [
    ("In dieser Übersichtskarte sehen Sie die rechtskräftigen Bebauungspläne online ein.", True),
    ("Geben Sie in der Straßensuche der Karte Ihre Adresse ein; die Bebauungspläne erscheinen farbig.", True),
    ("Die Karte zeigt den Geltungsbereich des Bebauungsplans Nr. 12.", None),  # an image in a plan notice
    ("Die Karte zeigt die geplanten Bebauungspläne.", None),  # no online cue: not judged at all
    ("Die Übersichtskarte der Bebauungspläne steht online als PDF bereit.", None),
])
def test_a_map_viewer_described_instead_of_named(sentence, expected):
    value = vals(geodata, page(f"<p>{sentence}</p>")).get(P)
    assert (value not in (None, False)) if expected else value is None


def test_a_heading_naming_another_owners_thing_makes_no_topic():
    # "das Portal" below refers to the heading's county portal, which is not the city's.
    html = page("<p>Das Portal zeigt Schutzgebiete und Radwege.</p>", "Geoportal des Landkreises")
    assert vals(geodata, html).get(P) is None


def test_a_heading_naming_the_citys_thing_is_a_topic():
    html = page("<p>Das Portal zeigt Schutzgebiete und Radwege.</p>", "Geoportal der Stadt")
    assert vals(geodata, html).get(P) not in (None, False)


def test_a_viewer_product_named_in_prose_and_city_map_hosts():
    named = page("<p>Die Bebauungspläne können Sie online in unserem Mapbender einsehen.</p>")
    assert vals(geodata, named).get(P) not in (None, False)
    body = "<p>Alle Themenkarten: <a href='https://geodienste.stadt-koeln.de/'>Karten der Stadt</a></p>"
    assert vals(geodata, page(body)).get(P)["url"] == "https://geodienste.stadt-koeln.de/"


def test_a_cms_served_from_a_portal_named_host_is_no_portal():
    # Hildesheim serves its whole site from "geoportal.stadt-…": its own navigation links are no portal
    html = wrap("<h1>Wohnsitz abmelden</h1><p><a href='https://geoportal.stadt-hi.de/buergerservice/'>"
                "Bürgerservice</a> Die Abmeldung ist nur bei einem Wegzug ins Ausland nötig.</p>",
                title="Wohnsitz abmelden | Stadt")
    assert values(geodata, html, url="https://geoportal.stadt-hi.de/buergerservice/ab.html").get(P) is None


def test_a_page_of_the_portal_itself_is_the_portal():
    html = wrap("<h1>Fragen und Antworten zum Geodatenportal</h1><p>Geben Sie einen Straßennamen ein.</p>",
                title="Hilfe - Geodatenportal Wuppertal")
    got = values(geodata, html, url="https://geoportal.wuppertal.de/help/faq.html").get(P)
    assert got not in (None, False) and got["url"].startswith("https://geoportal.wuppertal.de/")


@pytest.mark.parametrize("sentence", [
    "Zum Start der neuen Stadtplananwendung klickt man auf der Startseite der Stadt auf „Stadtplan“.",
    "Im Geoinformationsprogramm der Stadt lassen sich alle Bebauungspläne aufrufen.",
    "Ein Teil des Geodaten-Systems der Stadt steht allen Bürgerinnen und Bürgern offen.",
])
def test_more_spellings_of_the_citys_map_service(sentence):
    assert vals(geodata, page(f"<p>{sentence}</p>")).get(P) not in (None, False)


@pytest.mark.parametrize("lead, expected", [
    # a list under a lead saying its items do not work now: each item is not available
    ("<h2>Diese Angebote gehen gerade nicht oder nur schlecht</h2>", False),
    ("<p>Folgende Dienste sind derzeit nicht erreichbar:</p>", False),
    # a condition leads to alternatives, not to broken things
    ("<p>Wenn die Seite nicht erreichbar ist, nutzen Sie:</p>", True),
])
def test_a_list_under_a_lead_that_says_its_items_are_down(lead, expected):
    body = lead + "<ul><li>die Terminvergabe</li><li>der Stadtplan im Geoportal</li></ul>"
    value = vals(geodata, page(body)).get(P)
    assert (value not in (None, False)) if expected else value is False


@pytest.mark.parametrize("sentence", [
    # a map server or "Geoservice" as the portal's name (sc-kreis-unna-geoservice-neuerungen)
    "<p>Über den Mapserver der Stadt können Sie alle Bebauungspläne einsehen.</p>",
    "<p>Die Luftbilder stehen ab sofort im Geoservice der Stadt bereit.</p>",
])
def test_map_server_and_geoservice_named(sentence):
    assert vals(geodata, page(sentence))[P]


@pytest.mark.parametrize("href, text, expected", [
    # the names towns give their map viewers, as link texts to another host
    ("https://buergergis.kdvz.example/koeln", "Bürger-GIS", True),
    ("https://maps.kommune.example/koeln", "Kartendienst", True),
    # a site of its own under the town's name, whatever the link says
    ("https://www.geoportal-koeln.de/", "Karten", True),
    ("https://www.geoportal-bonn.de/", "Karten", False),
])
def test_map_viewer_link_names_and_sites(href, text, expected):
    html = page(f"<p>Pläne und Luftbilder: <a href='{href}'>{text}</a></p>")
    assert (P in vals(geodata, html)) is expected


@pytest.mark.parametrize("href, text, expected", [
    # the viewer's short address right under the root of the city's own host (sj-darmstadt-stadtplan-…)
    ("https://www.stadt-koeln.de/stadtplan/?thema=solar", "Karte öffnen", True),
    ("/geoportal", "Zum Geoportal", True),
    # a page about the map deeper in the site stays a description page
    ("https://www.stadt-koeln.de/leben/stadtplan", "Karte öffnen", False),
    # a link there that does not speak of a map is no viewer link
    ("/stadtplan", "Mehr erfahren", False),
    # a bare menu word in a link list of the content is a menu item (se-soest)
    ("/stadtplan", "Stadtplan", False),
])
def test_a_map_viewers_short_address_on_the_citys_host(href, text, expected):
    html = page(f"<p>Themenkarten wie das Solarkataster blenden Sie im Stadtplan ein: "
                f"<a href='{href}'>{text}</a></p>")
    assert (P in vals(geodata, html)) is expected


@pytest.mark.parametrize("sentence, found", [
    # the map system under a name no list knows, told by two kinds of geodata it shows (Reilingen, Kamenz)
    ("Es zeigt frei zugänglich Geodaten wie die Lage von Grundstücken, Luftbilder und die Bebauungspläne.",
     True),
    ("Sie finden dort die Lage von Grundstücken, Bebauungspläne und Informationen zur Infrastruktur.", True),
    # one kind alone, a PDF list or the town hall is no map system
    ("Die Bebauungspläne finden Sie online.", False),
    ("Bebauungspläne und Flurkarten finden Sie online als PDF.", False),
    ("Die Bebauungspläne und Luftbilder können im Rathaus eingesehen werden.", False),
])
def test_a_map_system_told_by_the_geodata_it_shows(sentence, found):
    value = values(geodata, wrap(f"<p>{sentence}</p>")).get(P)
    assert isinstance(value, dict) is found, value


@pytest.mark.parametrize("sentence, expected", [
    # the town map said to be online elsewhere in the clause, not as the listed "Online-Stadtplan"
    ("Den Stadtplan gibt es auch online: Er zeigt Straßen, Haltestellen und Behörden.", True),
    ("Der Stadtplan ist seit vielen Jahren im Internet verfügbar und zeigt Schulen und Ämter.", True),
    ("Im Stadtatlas im Internet finden Sie Luftbilder und öffentliche Einrichtungen.", True),
    # a printed plan ordered online, a map of one theme, a map inside another service: nothing
    ("Den Stadtplan können Sie online bestellen; er kostet vier Euro.", None),
    ("Die Stadt hat eine digitale Spielplatz-Stadtkarte veröffentlicht.", None),
    ("Alle Hinweise erscheinen auf einer digitalen Stadtkarte mit ihrem Bearbeitungsstand.", None),
])
def test_the_town_map_said_to_be_online(sentence, expected):
    value = vals(geodata, page(f"<p>{sentence}</p>", "Aktuelles")).get(P)
    assert (value if value in (None, False) else isinstance(value, dict)) is expected, value


@pytest.mark.parametrize("sentence, expected", [
    # the plans' map system by its generic name, with the plans and an online cue (no product or portal named)
    ("Alle Bebauungspläne können Sie in unserem Informationssystem im Internet einsehen.", True),
    ("Bodenrichtwerte und Bebauungspläne sind online im Auskunftssystem der Stadt abrufbar.", True),
    # the council's information system holds decisions on plans, not their map
    ("Im Bürger-Informationssystem finden Sie online die Beschlüsse zu den Bebauungsplänen.", None),
])
def test_the_plans_information_system_by_its_generic_name(sentence, expected):
    value = vals(geodata, page(f"<p>{sentence}</p>", "Bauen"))
    got = value.get(P)
    assert (got if got in (None, False) else isinstance(got, dict)) is expected, got
