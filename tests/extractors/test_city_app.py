"""city_app: the official app from store links vs transport/tourism/waste apps and other cities' apps."""

from __future__ import annotations

import pytest

from extractors import city_app
from extractors.base import CityContext
from tests.extractors.web_helpers import corpus_check, page, run, vals

P = "city_app.available"
IOS = "https://apps.apple.com/de/app/stadt-koeln/id1460000001"
ANDROID = "https://play.google.com/store/apps/details?id=de.koeln.stadtapp"


def test_official_app_both_stores_merged():
    body = (f"<p>Mit der offiziellen App „Stadt Köln“ haben Sie die Stadt in der Tasche.</p>"
            f"<p><a href='{IOS}'>Laden im App Store</a> · <a href='{ANDROID}'>Jetzt bei Google Play</a></p>")
    [f] = run(city_app, page(body))
    assert f.value == {"ios": IOS, "android": ANDROID, "name": "Stadt Köln"}
    assert f.confidence == pytest.approx(0.9) and "App Store" in f.snippet and "> a" in f.locator


def test_app_named_after_the_city_without_cue():
    body = "<p>Mobil: <a href='https://apps.apple.com/de/app/koeln-app/id1460000009'>Köln App (iOS)</a></p>"
    [f] = run(city_app, page(body))
    assert f.value["ios"].endswith("id1460000009") and f.confidence == pytest.approx(0.82)


def test_store_shapes_without_the_real_host():
    # The loopback sample web serves the store paths on its own host; the path shape decides.
    body = ("<p>Die offizielle Stadt-App:</p>"
            "<p><a href='http://127.0.0.13:8080/de/app/stadt-koeln/id1'>iOS</a> "
            "<a href='http://127.0.0.13:8080/store/apps/details?id=de.koeln.app'>Android</a></p>")
    value = vals(city_app, page(body))[P]
    assert value["ios"] and value["android"]


@pytest.mark.parametrize("body", [
    "<p>Fahrpläne und Tickets: die App der Verkehrsbetriebe "
    "<a href='https://apps.apple.com/de/app/kvb/id12'>KVB</a></p>",
    "<p>Die offizielle App von Köln Tourismus: <a href='https://play.google.com/store/apps/details?id=de.koeln.tour'>"
    "Stadtführer</a></p>",
    "<p>Abfuhrtermine: <a href='https://play.google.com/store/apps/details?id=de.koeln.abfall'>Abfall-App</a></p>",
    "<p>Die Stadt Bonn hat ihre neue <a href='https://apps.apple.com/de/app/bonn-app/id155'>Bonn-App</a> "
    "vorgestellt.</p>",
    "<p>Unser Tipp: <a href='https://apps.apple.com/de/app/wetter-pro/id99'>Wetter Pro</a></p>",
    "<p><a href='https://apps.apple.com/de/developer/stadt-koeln/id777'>Alle Apps</a></p>",
])
def test_traps(body):
    assert vals(city_app, page(body)) == {}


@pytest.mark.parametrize("sentence", [
    "Eine eigene App der Stadt Köln gibt es nicht.",
    "Eine eigene Stadt-App bietet die Stadt Köln nicht an.",
    "Die Stadt-App wurde Ende 2023 eingestellt.",
])
def test_negatives(sentence):
    [f] = run(city_app, page(f"<p>{sentence}</p>"))
    assert (f.parameter, f.value) == (P, False)


def test_bundle_id_names_the_city():
    city = CityContext("08221000", "Heidelberg", ("heidelberg.de",))
    body = "<p><a href='https://play.google.com/store/apps/details?id=de.heidelberg.app'>Android</a></p>"
    assert P in vals(city_app, page(body), "https://www.heidelberg.de/apps", city)


@pytest.mark.parametrize("slug", [
    "b41-koeln-stadt-app", "b42-osnabrueck-keine-app-kvb", "b43-heilbronn-marketing-app",
    "b44-augsburg-ulm-app-artikel", "b45-heidelberg-app-store-name", "b46-erfurt-abfall-app-eingestellt",
    "b52-ludwigshafen-lu-app",
])
def test_corpus_pages(slug):
    got, facts = corpus_check(city_app, slug)
    assert got == facts


def test_app_named_in_prose_with_the_citys_name():
    got = vals(city_app, page("<p>Die Köln-App gibt es kostenlos im App Store und bei Google Play.</p>"))
    assert got["city_app.available"]["named"] == "Köln-App"
    planned = vals(city_app, page("<p>In zwei Monaten soll die Köln-App in den Stores zu finden sein.</p>"))
    assert planned == {"city_app.available": False}
    other = vals(city_app, page("<p>Die Nachbargemeinde hat eine eigene „Bonn-App“ mit Abfallkalender.</p>"))
    assert other == {}


@pytest.mark.parametrize("sentence", [
    "Die Abfallkalender-App der Stadt erinnert an die Leerung der Tonnen.",
    "Die Stadt arbeitet an einer eigenen App, die im Herbst erscheinen soll.",
])
def test_single_purpose_and_planned_apps_are_not_the_city_app(sentence):
    assert vals(city_app, page(f"<p>{sentence}</p>")).get("city_app.available") in (None, False)


def test_the_citizen_app_named_in_prose():
    value = vals(city_app, page("<p>In der Bürger-App finden Sie Mitteilungen aus dem Rathaus.</p>"))
    assert value["city_app.available"]["named"] == "Bürger-App"


def test_a_heading_naming_another_app_makes_no_topic():
    # "App" further down refers to the heading's waste app, which is no city app.
    html = page("<p>Die App erinnert an jede Leerung und ist kostenlos im App Store erhältlich.</p>",
                title="Die Abfall-App der Stadtverwaltung")
    assert vals(city_app, html).get(P) is None


def test_a_gemeinde_app_is_the_city_app():
    body = "<p>Die Gemeinde-App informiert Sie über Veranstaltungen und Neuigkeiten aus dem Rathaus.</p>"
    assert vals(city_app, page(body)).get(P) not in (None, False)


@pytest.mark.parametrize("sentence, expected", [
    ("Mit der Heimat-Info-App bleiben Sie über Push-Nachrichten aus dem Rathaus informiert.", True),
    ("Die neue CityApp ist ab sofort kostenlos für iOS und Android erhältlich.", True),
    ("Neuigkeiten aus dem Rathaus verbreiten wir auch über die DorfFunk-App.", True),
    ("Die Stadtwerke-App zeigt Ihren Zählerstand.", False),  # a company in the name
])
def test_city_app_name_families(sentence, expected):
    value = vals(city_app, page(f"<p>{sentence}</p>")).get(P)
    assert (value not in (None, False)) if expected else value in (None, False)


@pytest.mark.parametrize("sentence", [
    "Die Meldefunktion soll in die bereits verfügbare MeinLübeck-App eingebaut werden.",
    "Neuigkeiten aus dem Rathaus gibt es in der Mein-Lübeck-App.",
])
def test_a_mein_prefix_is_the_brand_not_the_place(sentence):
    luebeck = CityContext("01003000", "Lübeck", ("luebeck.de",))
    value = vals(city_app, page(f"<p>{sentence}</p>", title="Hansestadt Lübeck"), "https://www.luebeck.de/",
                 city=luebeck).get(P)
    assert isinstance(value, dict) and value["status"] == "live", value


def test_a_to_go_brand_carries_the_place():
    value = vals(city_app, page("<p>Die App „Köln to go“ gibt es kostenlos für iOS und Android.</p>")).get(P)
    assert isinstance(value, dict) and value["named"] == "Köln to go", value
    other = vals(city_app, page("<p>Die Nachbarstadt bietet die App „Bonn to go“ an.</p>")).get(P)
    assert other is None


@pytest.mark.parametrize("body, expected", [
    # a community-app product promoted by an Ortsrat or a village: the villagers' noticeboard, no city app
    ("<p>Fast alle Ortsräte haben den DorfFunk für ihre Ortschaften eingeführt. Probieren Sie den DorfFunk "
     "in Ihrer Ortschaft aus!</p>", False),
    # the same product where the administration publishes in it: the town's app
    ("<p>Die Gemeinde nutzt ab sofort den DorfFunk. Im redaktionellen Bereich finden Sie die Mitteilungen "
     "der Gemeinde; laden Sie den DorfFunk kostenlos herunter.</p>", True),
])
def test_a_community_app_product_is_the_towns_app_only_where_the_town_publishes_in_it(body, expected):
    value = vals(city_app, page(body, "DorfFunk")).get(P)
    assert isinstance(value, dict) is expected, value


def test_a_city_name_2go_brand_is_the_city_app():
    body = "<p>Die App „Köln2go“ steht in den Stores kostenlos zum Herunterladen bereit.</p>"
    assert isinstance(vals(city_app, page(body)).get(P), dict)


@pytest.mark.parametrize("body, expected", [
    # multi-town app products: the town's app where its administration publishes in them
    ("<p>Die Stadt setzt ab sofort City Hub ein: dort stehen die Mitteilungen der Stadt.</p>", True),
    ("<p>Laden Sie die App Gem2Go herunter: dort finden Sie die Mitteilungen der Gemeinde.</p>", True),
    # a vendor presenting the product to a council: no app of the town
    ("<p>Ein Vertreter stellte dem Gemeinderat die App City Hub vor.</p>", False),
])
def test_more_community_app_products(body, expected):
    value = vals(city_app, page(body, "App")).get(P)
    assert isinstance(value, dict) is expected, value


@pytest.mark.parametrize("sentence", [
    "Neben dem Bürgertelefon setzt die Stadt Köln seit vier Jahren auf ihre Mängel-App.",
    "Laden Sie die kostenlose App „Mängel in Köln“ herunter und melden Sie Schäden.",
])
def test_a_defect_app_is_not_the_city_app(sentence):
    # a single-purpose defect app, also on a page about the town's app ("Kölns App"), is not the general
    # city app
    html = page(f"<p>{sentence}</p>", title="Kölns App – das Meckermedium")
    assert vals(city_app, html).get(P) in (None, False)


@pytest.mark.parametrize("body, expected", [
    # the product's own spelling, and the gazette's items appearing in it (Dermbach)
    ("<p>Seit Februar ist die Heimat.info-App online. Alle Meldungen aus dem Amtsblatt der Gemeinde "
     "erscheinen automatisch auch in der App.</p>", True),
    # the same product where only clubs post: no sign the administration publishes in it
    ("<p>Seit Februar ist die Heimat.info-App online. Vereine können dort ihre Termine einstellen.</p>",
     False),
])
def test_heimat_info_spelt_with_a_dot_and_the_gazette_in_the_app(body, expected):
    value = vals(city_app, page(body, "Neuigkeiten")).get(P)
    assert isinstance(value, dict) is expected, value


@pytest.mark.parametrize("sentence, expected", [
    ("Laden Sie die kostenlose App „Köln erleben“ im App Store oder bei Google Play herunter.", True),
    ("Die Nachbarstadt wirbt für ihre App „Bonn erleben“.", False),
])
def test_a_quoted_app_name_opening_with_the_place(sentence, expected):
    value = vals(city_app, page(f"<p>{sentence}</p>")).get(P)
    assert isinstance(value, dict) is expected, value


@pytest.mark.parametrize("sentence, expected", [
    # the app named in a naming sentence, its quoted name opening with the place (td-p-stadtkultur)
    ("„Köln im Herzen“ heißt die App, die Nachbarschaftshilfe und Neuigkeiten verbindet.", True),
    # the same naming for the utility's app, another town's, or a plan: not the city's live app
    ("„Mein Köln“ heißt die neue App der Stadtwerke.", False),
    ("„Bonn im Herzen“ heißt die App der Nachbarstadt.", False),
    ("„Köln im Herzen“ heißt die App, die die Stadt im Herbst einführen will.", False),
])
def test_an_app_named_in_a_naming_sentence(sentence, expected):
    value = vals(city_app, page(f"<p>{sentence}</p>", "Aktuelles")).get(P)
    assert isinstance(value, dict) is expected, value


@pytest.mark.parametrize("sentence, expected", [
    # the town's own app in its own words
    ("Anfang des Jahres hat die Stadt ihre eigene App eingeführt; sie wurde schon 339-mal geladen.", True),
    ("Mit unserer App haben Sie die Neuigkeiten aus dem Rathaus immer dabei.", True),
    # renounced, denied, planned, other owners and towns in general: no city app
    ("Auf eine eigene App hat die Stadt bewusst verzichtet: das Serviceportal läuft auch mobil.", False),
    ("Eine eigene App hat die Stadt nicht.", False),
    ("Die Stadt plant eine eigene App, die im Herbst erscheinen soll.", False),
    ("Die Stadtwerke bieten eine eigene App mit Fahrplan und Tickets an.", None),
    ("Viele Städte haben inzwischen eine eigene App.", None),
])
def test_the_towns_own_app_and_our_app(sentence, expected):
    value = vals(city_app, page(f"<p>{sentence}</p>", "Aktuelles")).get(P)
    if expected is True:
        assert isinstance(value, dict) and value["status"] == "live", value
    else:
        assert value is expected, value


@pytest.mark.parametrize("body, expected", [
    # a predicate adjective fronted and denied: the app is not new, so it is there
    ("<p>Neu ist die Köln-App nicht: Seit 2019 finden Sie darin Termine und den Abfallkalender.</p>", "live"),
    ("<p>Neu ist die Stadt-App nicht. Sie bündelt seit Jahren alle Veranstaltungen.</p>", "live"),
    # the plain denial and a stated end stay denials
    ("<p>Eine eigene App hat die Stadt Köln nicht.</p>", False),
    ("<p>Neu ist die Stadt-App nicht, sie wird aber zum Jahresende eingestellt.</p>", False),
])
def test_a_denied_predicate_adjective_presupposes_the_app(body, expected):
    got = vals(city_app, page(body)).get(P)
    assert (got["status"] if isinstance(got, dict) else got) == expected


@pytest.mark.parametrize("body, expected", [
    # the administration's editors post the news from the administration in the product: the town's app
    ("<p>Seit einiger Zeit gibt es die App „DorfFunk“ auch für Köln. Unsere Onlineredaktion stellt im "
     "Bereich „DorfNews“ die Nachrichten aus der Verwaltung ein.</p>", True),
    # only villagers chat in it: their noticeboard
    ("<p>Seit einiger Zeit gibt es die App „DorfFunk“ auch für Köln. Nutzer können dort plaudern und Hilfe "
     "anbieten.</p>", False),
])
def test_a_community_app_where_the_administrations_editors_post(body, expected):
    value = vals(city_app, page(body, "DorfFunk")).get(P)
    assert isinstance(value, dict) is expected, value


@pytest.mark.parametrize("sentence", [
    # a wish in the subjunctive II of a strong verb (sj-fwg-ober-moerlen): says nothing about a city app
    "Es ginge aber schneller und direkter – mit einer Gemeinde-App, die bei Sperrungen gleich warnt.",
    "Gäbe es eine Gemeinde-App, käme jede Nachricht sofort an.",
])
def test_a_wish_in_the_subjunctive_is_no_app(sentence):
    assert vals(city_app, page(f"<p>{sentence}</p>", "Aktuelles")).get(P) is None


@pytest.mark.parametrize("sentence, expected", [
    # the town's own or our app with a word between: "Unsere neue App", "eine eigene Smartphone-App"
    ("Unsere neue App informiert Sie per Push-Nachricht über Straßensperrungen.", True),
    ("Die Stadt Köln hat jetzt eine eigene Smartphone-App.", True),
    ("Eine eigene Smartphone-App plant die Stadt nicht.", False),
    # another body's own app
    ("Die Stadtwerke stellen ihre eigene neue App vor.", None),
])
def test_our_or_the_own_app_with_a_word_between(sentence, expected):
    value = vals(city_app, page(f"<p>{sentence}</p>", "Aktuelles")).get(P)
    assert (isinstance(value, dict) if expected else value) is (True if expected else expected), value


def _news(body: str, footer: str) -> str:
    """A newspaper's article page: the site name ends the title, the paper's own app sits in the footer."""
    return (f"<html><head><title>Neues aus dem Rathaus | Kölner Stadt-Anzeiger</title></head><body><main>"
            f"<h1>Offizielle App der Stadt Köln</h1>{body}</main><footer>{footer}"
            "<p>© Kölner Stadt-Anzeiger</p></footer></body></html>")


NEWS_URL = "https://www.ksta.de/koeln/app-artikel"
PAPER_APP = ("<p>Unsere App: <a href='https://apps.apple.com/de/app/ksta-news/id395346327'>App Store</a> "
             "<a href='https://play.google.com/store/apps/details?id=de.ksta.app'>Google Play</a></p>")


@pytest.mark.parametrize("body, footer, expected", [
    # the paper's own app in its footer is the publisher's (web_presence.page_publisher), whatever the article
    # and its title say about the city's app (sq-koeln-service-app-funktioniert-nicht-mehr)
    ("<p>Die Service-App läuft auf vielen Geräten nicht mehr stabil.</p>", PAPER_APP, None),
    # "unsere App" in the article's own text speaks for the paper too
    (f"<p>Laden Sie auch unsere App herunter. {PAPER_APP[3:-4]}</p>", "", None),
    # a store link in the article to an app named after the city is the city's, on any publisher's page
    ("<p>Die App gibt es hier: <a href='https://apps.apple.com/de/app/koeln-app/id1460000009'>Köln App</a>"
     "</p>", "", True),
])
def test_store_links_on_another_publishers_page(body, footer, expected):
    value = vals(city_app, _news(body, footer), NEWS_URL).get(P)
    if expected:
        assert isinstance(value, dict) and value.get("ios") is not None, value
    else:
        assert not isinstance(value, dict), value


def test_store_links_in_the_citys_own_footer_still_count():
    # the same footer on the city's own site is the city's app (no publisher)
    own_app = PAPER_APP.replace("ksta-news", "stadt-koeln").replace("de.ksta.app", "de.koeln.app")
    html = page("<p>Neuigkeiten aus dem Rathaus.</p>", "Aktuelles | Stadt Köln").replace(
        "<footer>", f"<footer>{own_app}")
    value = vals(city_app, html).get(P)
    assert isinstance(value, dict) and value["ios"], value


@pytest.mark.parametrize("sentence, expected", [
    # what the app carries, listed before a colon, is no owner of the app (owner._enumeration_end)
    ("Straßensperrungen, Neues aus der Schule oder Termine der Vereine: All das erreicht Sie jetzt über die "
     "neue Köln-App.", True),
    # an owner said before a colon that sums up nothing still owns it
    ("Die Stadtwerke Köln: Ihre neue App für Strom und Wasser.", None),
])
def test_an_enumeration_before_a_colon_owns_nothing(sentence, expected):
    value = vals(city_app, page(f"<p>{sentence}</p>", "Aktuelles")).get(P)
    assert isinstance(value, dict) if expected else value is None, value


@pytest.mark.parametrize("body, expected", [
    # the local mayors' official accounts post official news in the product (ta-vg-maifeld): the town's app
    ("<p>Jede Ortsbürgermeisterin hat ein offizielles Konto, um amtliche Nachrichten des Dorfs zu posten. "
     "Laden Sie den DorfFunk kostenlos herunter.</p>", True),
    # a menu item of official notices on every page of a town site says nothing about the app
    ("<p>Amtliche Bekanntmachungen</p><p>Die Vereine laden Sie ein: Probieren Sie den DorfFunk aus, dort "
     "können Sie plaudern und Hilfe anbieten.</p>", False),
])
def test_official_news_or_accounts_in_a_community_app(body, expected):
    value = vals(city_app, page(body, "DorfFunk")).get(P)
    assert (value not in (None, False)) is expected


@pytest.mark.parametrize("body, expected", [
    # registry products run for many towns (products.yaml, multi_city: true): the town's app where the
    # administration publishes in it, not where the product is only described
    ("<p>Die Stadt ist jetzt in der App Citykey vertreten: Im redaktionellen Bereich finden Sie die "
     "Mitteilungen der Stadt.</p>", True),
    ("<p>Die Gemeinde informiert ab sofort über Munipolis. Dort erscheinen die amtlichen "
     "Meldungen.</p>", True),
    ("<p>Die App Citykey der Telekom bündelt Dienste vieler Städte.</p>", False),
])
def test_a_registry_product_for_many_towns_needs_the_town_publishing_in_it(body, expected):
    value = vals(city_app, page(body)).get(P)
    assert isinstance(value, dict) is expected, value


def test_store_links_in_another_authoritys_footer_are_its_own():
    # publisher.publisher_class: a Land's portal (its host) is another public body; the app in its footer is
    # the Land's, though the page speaks of "der offiziellen App" and publisher() names no company
    land_app = ("<p>Offizielle App: <a href='https://apps.apple.com/de/app/niedersachsen/id1000000001'>"
                "App Store</a></p>")
    html = (f"<html><head><title>Gewerbe anmelden</title></head><body><main><h1>Gewerbe anmelden</h1>"
            f"<p>Text.</p></main><footer>{land_app}</footer></body></html>")
    city = CityContext("03459040", "Twist", ())
    assert not isinstance(vals(city_app, html, "https://service.niedersachsen.de/x", city=city).get(P), dict)
    # the same footer on the town's own site is the town's app
    value = vals(city_app, html, "https://www.twist-emsland.de/x", city=city).get(P)
    assert isinstance(value, dict) and value["ios"], value


@pytest.mark.parametrize("later, expected", [
    # rx-hameln: "die App" after "ihre Mängel-App" is that app, not the heading's city app
    ("<p>Oberbürgermeister Erika Muster nennt die App einen Baustein für mehr Bürgernähe.</p>", False),
    # the city app named again takes its anaphors back
    ("<p>Daneben gibt es die Stadt-App. Die App bündelt Nachrichten und Termine.</p>", True),
])
def test_an_anaphor_points_back_at_the_thing_named_last(later, expected):
    first = "<p>Für Hinweise setzt die Stadt Köln seit vier Jahren auf ihre Mängel-App. Sie läuft gut.</p>"
    body = first + later
    value = vals(city_app, page(body, "Kölns App")).get(P)
    assert isinstance(value, dict) is expected, value


@pytest.mark.parametrize("sentence, expected", [
    # apps11: the civic compound as a class — a service or information element, the plural, "Orts-"
    ("Mit der Bürgerservice-App erledigen Sie Anliegen bei der Stadtverwaltung auch von unterwegs.", True),
    ("Ab heute gibt es die Orts-App: Nachrichten der Verwaltung, Termine und Vereine in einer App.", True),
    ("Die Stadt Köln bietet ab sofort Gemeinde-Apps für alle Stadtteile an.", True),
    # "die App der <…stadt|…gemeinde>", "des Marktes": any such body, not the Stadtwerke or a partner town
    ("Die App der Universitätsstadt bündelt Nachrichten, Termine und den Abfallkalender.", True),
    ("Die App der Verbandsgemeinde informiert über Neuigkeiten aus der Verwaltung.", True),
    ("Die App der Stadtwerke zeigt den Verbrauch an.", False),
    ("Die App der Partnerstadt Tel Aviv wurde im Rathaus vorgestellt.", False),
    # an app for the council's members is no city app
    ("Die Verwaltungs-App für Ratsmitglieder heißt Mandatos.", False),
])
def test_city_app_compounds_and_bodies_as_classes(sentence, expected):
    value = vals(city_app, page(f"<p>{sentence}</p>")).get(P)
    assert isinstance(value, dict) is expected, value


def test_the_open_spelling_gemeinde_app_is_no_town_named_app():
    # "Gemeinde App" with a space: App is no place name (owner.yaml not_names), so it is the town's own app
    body = "<p>Die Gemeinde App informiert Sie per Push-Nachricht über Neuigkeiten aus dem Rathaus.</p>"
    assert isinstance(vals(city_app, page(body)).get(P), dict)


@pytest.mark.parametrize("body, expected", [
    # two more multi-town products (products.yaml): the gazette publisher's meinOrt and Communi
    ("<p>Die Gemeinde informiert ab sofort auch in der meinOrt-App. Die Mitteilungen der Gemeinde erscheinen "
     "dort vorab.</p>", True),
    ("<p>Die Gemeinde nutzt die Communi-App. Mitteilungen der Gemeinde finden Sie dort.</p>", True),
    # "mein Ort" in prose is no product
    ("<p>Das ist mein Ort, sagt die Bürgermeisterin über die Mitteilungen der Gemeinde.</p>", False),
])
def test_meinort_and_communi_products(body, expected):
    value = vals(city_app, page(body, "App")).get(P)
    assert isinstance(value, dict) is expected, value


def test_store_badges_in_a_teaser_card_under_the_apps_name():
    # apps11: the card's heading names the app, the badges are its own loose links (web_presence._card_text)
    body = ("<p>Vorige Meldung.</p><div class='teaser'><h3>Köln-App</h3><p>Jetzt kostenlos herunterladen!</p>"
            "<a href='https://apps.apple.com/de/app/heimat-info/id1234567'>App Store</a> "
            "<a href='https://play.google.com/store/apps/details?id=de.heimatinfo.app'>Google Play</a></div>")
    value = vals(city_app, page(body, "Startseite")).get(P)
    assert isinstance(value, dict) and value.get("ios"), value


@pytest.mark.parametrize("sentence, expected", [
    # apps11: "die App für <Name>" names the town's app by its place; a "Mein"-brand run together
    ("Mit der App für Köln haben Sie alle Termine der Stadt im Blick.", True),
    ("Die App „MeinKöln“ gibt es kostenlos für iOS und Android.", True),
    # another place, a device, a party's wish
    ("Die App für Bonn wurde in der Nachbarstadt vorgestellt.", False),
    ("Die App für Android und iOS gibt es kostenlos.", False),
    ("Die Fraktion fordert eine App für Köln.", False),
])
def test_the_app_for_the_town_and_a_joined_mein_brand(sentence, expected):
    value = vals(city_app, page(f"<p>{sentence}</p>")).get(P)
    assert isinstance(value, dict) is expected, value



# named14: the app as a short link label on the city's own pages, chrome included (session-12 ruling)
def test_a_link_naming_the_city_app_in_the_footer_counts_on_the_citys_page():
    html = ("<html><head><title>Abfall | Stadt Köln</title></head><body><main><h1>Abfall</h1>"
            "<p>Die Tonnen werden montags geleert.</p></main><footer><p><a href='/app'>Köln App</a></p>"
            "<p><a href='/impressum'>Impressum</a></p></footer></body></html>")
    value = vals(city_app, html).get(P)
    assert value not in (None, False) and value["url"].endswith("/app")


def test_a_newspapers_own_app_link_says_nothing_of_the_town():
    html = ("<html><head><title>Neues aus Köln | Kölner Tageblatt</title></head><body><main>"
            "<h1>Neues aus Köln</h1><p>Die Stadt baut eine Brücke.</p></main>"
            "<footer><a href='/app'>Stadt-App</a></footer></body></html>")
    assert vals(city_app, html, url="https://www.koelner-tageblatt.de/koeln/bruecke").get(P) is None


def test_a_long_link_text_is_no_app_label():
    html = page("<p><a href='/news/1'>Warum die Stadt-App erst im Herbst kommt und was sie können soll"
                "</a></p>")
    assert vals(city_app, html).get(P) in (None, False)


# named14: a community app the administration sends its news through, also under a product name no list knows
@pytest.mark.parametrize("body, expected", [
    ("Seit März verschickt die Gemeinde ihre Mitteilungen über die App PPush. "
     "Die Gemeinde meldet darüber Baustellen und Sperrungen.", True),
    ("Mit der neuen App „Gemeinde24“ können alle Informationen abgerufen werden. "
     "Die Gemeindeverwaltung hat die Möglichkeit, ihre Einwohner mittels Push-Nachrichten "
     "zu versorgen.", True),
    ("Die Stadt veröffentlicht im Nachrichtenkanal der BayernFunk-App amtliche Hinweise.", True),
    # the residents post, not the administration: a village noticeboard (the DorfFunk ruling)
    ("In der App Hallo Nachbar können Bürgerinnen und Bürger der Gemeinde Angebote einstellen.", False),
    # a product of another id right after "App" is that product (the members' app, a defect reporter)
    ("Bei Fragen zur App „Mandatos“ hilft das Rathaus. "
     "Die Stadt veröffentlicht darüber die Vorlagen.", False),
    ("Schäden melden Sie der Stadt mit der App Meldoo. "
     "Die Stadt informiert darüber auch über Baustellen.", False),
])
def test_an_app_the_administration_publishes_in(body, expected):
    value = vals(city_app, page(f"<p>{body}</p>")).get(P)
    assert (value not in (None, False)) if expected else value in (None, False)



# named14: a Kreis's own app ("Kreis-App", "die App für den Landkreis …"); on a town's page another body's
def test_a_kreis_app_is_the_kreis_app_and_not_the_towns():
    kreis = CityContext("06631000", "Landkreis Fulda", ("landkreis-fulda.de",))
    town = CityContext("06631009", "Fulda", ("fulda.de",))
    body = page("<p>Die neue Kreis-App bietet Abfalltermine und Nachrichten aus dem Landratsamt.</p>")
    on_kreis = vals(city_app, body, url="https://www.landkreis-fulda.de/x", city=kreis).get(P)
    assert on_kreis not in (None, False)
    assert vals(city_app, body, url="https://www.fulda.de/x", city=town).get(P) in (None, False)
    kusel = CityContext("07336000", "Landkreis Kusel", ("landkreis-kusel.de",))
    named = page("<p>Seit Mai ist die App für den Landkreis Kusel kostenlos im App Store erhältlich.</p>")
    on_kusel = vals(city_app, named, url="https://www.landkreis-kusel.de/x", city=kusel).get(P)
    assert on_kusel not in (None, False)
