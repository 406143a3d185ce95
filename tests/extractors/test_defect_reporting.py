"""defect_reporting: Mängelmelder form, vendor platforms, statements vs. "gibt es nicht"."""

from __future__ import annotations

import pytest

from extractors import defect_reporting
from extractors.aggregate import aggregate
from extractors.base import CityContext
from tests.extractors.detect_helpers import corpus_values, findings, values, wrap

P = "citizen_information.defect_reporting"


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Mängelmelder</h1><form method='post'><textarea name='beschreibung'></textarea>"
        "<input type='file' name='foto'><button>Meldung absenden</button></form>",
        "<p>Melden Sie Schäden im öffentlichen Raum online über unseren Mängelmelder.</p>",
    ],
)
def test_positives(body):
    value = values(defect_reporting, wrap(body))[P]
    # A form gives true; a sentence naming the thing says what and whose (extractors/named.py).
    assert value is True or value["owner"] == "city" and value["named"] == "Mängelmelder"


def test_vendor_link_value_is_the_url():
    body = "<p><a href='https://www.sags-doch.de/stadt'>Schaden melden</a></p>"
    assert values(defect_reporting, wrap(body)) == {P: {"url": "https://www.sags-doch.de/stadt"}}


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Mängelmelder</h1>"
        "<p>Einen Online-Mängelmelder gibt es nicht. Bitte melden Sie Schäden telefonisch.</p>",
        "<p>Der Mängelmelder der Stadt wurde eingestellt.</p>",
    ],
)
def test_negatives(body):
    assert values(defect_reporting, wrap(body)) == {P: False}


@pytest.mark.parametrize(
    "body",
    [
        "<p>Mängel an Ihrer Mietwohnung melden Sie bitte online Ihrem Vermieter.</p>",
        "<h1>Kontakt</h1>"
        "<form method='post'><input name='name'><textarea name='nachricht'></textarea></form>",
    ],
)
def test_traps(body):
    assert values(defect_reporting, wrap(body)) == {}


@pytest.mark.parametrize(
    "slug",
    [
        "a35-augsburg-maengelmelder-form",
        "a37-reutlingen-kein-maengelmelder",
        "a38-goettingen-maengelmelder-eingestellt",
    ],
)
def test_corpus_pages(slug):
    got, facts = corpus_values(defect_reporting, slug)
    assert {k: v is not False for k, v in got.items()} == facts


def _named(body: str) -> object:
    return values(defect_reporting, wrap(body)).get(P)


@pytest.mark.parametrize("body", [
    # any compound on "-melder", also in an ellipsis and with a lower-case brand
    "<p>Über den Bürgermelder der Gemeinde erreichen Hinweise zu Schlaglöchern direkt den Bauhof.</p>",
    "<p>Unser Mängel- und Ideenmelder nimmt Ihre Hinweise rund um die Uhr entgegen.</p>",
    "<p>Schäden im Park können Sie über den stadtweiten Ereignismelder melden.</p>",
    "<p>Hinweise nimmt der swm-Melder der Stadtverwaltung auch nachts entgegen.</p>",
    # vendor and Land products a town joins
    "<p>Kaputte Laternen, wilde Müllkippen und Schlaglöcher meldet man in Beelitz über den Maerker.</p>",
    "<p>Im Online-Meldeportal der Stadt lassen sich beschädigte Gehwege mit Foto melden.</p>",
])
def test_name_families_say_the_city_has_it(body):
    assert _named(body) not in (None, False)


@pytest.mark.parametrize("body", [
    "<p>Die Anmelder eines Gewerbes müssen einen Ausweis vorlegen.</p>",
    "<p>Die Feuerwehr empfiehlt Heimrauchmelder und Kohlenmonoxidmelder in jeder Wohnung.</p>",
    "<p>Wilden Müll meldet man den Abfallbetrieben über deren Müllmelder.</p>",
    "<p>Über das Meldeportal für Behörden werden Meldedaten abgerufen.</p>",
    "<p>Verstöße melden Sie vertraulich über unser Meldeportal für Hinweisgeber.</p>",
    "<p>Für defekte Straßenlampen gibt es den Lampenmelder des Netzbetreibers.</p>",
])
def test_name_families_leave_out_devices_people_and_other_portals(body):
    assert _named(body) is None


@pytest.mark.parametrize("body", [
    "<p>Ab dem kommenden Frühjahr startet der Bürgermelder der Gemeinde.</p>",
    "<p>Ein Schadensmelder, der im Herbst freigeschaltet werden soll, wird derzeit getestet.</p>",
])
def test_a_start_in_the_future_is_no_live_service(body):
    assert _named(body) in (None, False)


@pytest.mark.parametrize("body, expected", [
    ("<p>Mit unserer App melden Sie Schäden im öffentlichen Raum samt Foto an die Verwaltung.</p>", True),
    ("<p>Probleme im öffentlichen Raum lassen sich rund um die Uhr online melden.</p>", True),
    ("<p>Schäden an öffentlichen Einrichtungen melden Sie bitte telefonisch dem Bauhof.</p>", None),
    ("<p>Mängel im öffentlichen Raum nimmt das Ordnungsamt per Kontaktformular online an.</p>", None),
])
def test_the_service_described_instead_of_named(body, expected):
    value = _named(body)
    assert (value not in (None, False)) if expected else value is None


@pytest.mark.parametrize("body", [
    "<p>Die Online-Schadensmeldung finden Sie unter Service und Formulare.</p>",
    # a Land's platform that the town has joined is the town's Mängelmelder
    "<p>Hinweise erreichen das Rathaus über den landesweiten Mängel- und Ideenmelder Klarschiff.MV.</p>",
])
def test_online_reports_and_land_platforms(body):
    assert _named(body) not in (None, False)


@pytest.mark.parametrize("body, expected", [
    ("<li><a href='https://schadensmelder.stadt.de/'>Schäden melden</a></li>", True),  # own host label
    ("<p><a href='https://anliegen.stadt.de/neu'>Anliegen</a></p>", True),
    ("<ul><li><a href='/rathaus/maengelmelder'>Mängelmelder</a></li></ul>", False),  # a page about it
    # a vendor link now passes the owner check: a neighbour's platform is not the city's
    ("<p>Die Nachbarstadt nutzt <a href='https://www.sags-doch.de/monheim'>Sag's doch</a>.</p>", False),
])
def test_links_to_reporting_services(body, expected):
    value = values(defect_reporting, wrap(body)).get(P)
    assert (value not in (None, False)) if expected else value is None


def test_a_product_name_with_any_apostrophe():
    body = "<p>Für Ihre Meldung steht Ihnen das Online-Portal „Sag´s uns einfach!“ zur Verfügung.</p>"
    assert _named(body) not in (None, False)


def test_alarm_devices_are_no_reporting_service():
    body = "<p>Die Schule erhielt neue Gefahrenmelder, Druckknopfmelder und Notrufmelder.</p>"
    assert _named(body) is None


@pytest.mark.parametrize("body, expected", [
    # what is reported and the channel, under a vendor's product name
    ("<p>Solche Mängel können Sie der Stadt ab sofort mit der App Meldoo mitteilen.</p>", True),
    ("<p>Schäden an Gehwegen lassen sich bequem online an die Stadtverwaltung melden.</p>", True),
    ("<p>Schäden melden Sie bitte telefonisch oder per E-Mail dem Bauhof.</p>", None),
    ("<p>Mängel an Ihrer Mietwohnung melden Sie online Ihrem Vermieter.</p>", None),
    ("<p>Wildschäden melden Sie online bei der Jagdbehörde.</p>", None),
])
def test_the_service_described_by_what_it_takes_in(body, expected):
    value = _named(body)
    assert (value not in (None, False)) if expected else value is None


def test_without_what_a_spec_requires_no_plan_or_negation_is_read():
    # "Anregungen" is a plan word, but no reporting verb makes "Missstände" the described service here
    # ("auf Missstände hinweisen" is reporting them: see test_defects_pointed_out_by_app_…).
    body = "<p>Über die App können Sie der Gemeinde Ihre Meinung zu Missständen sagen oder Anregungen " \
           "geben.</p>"
    assert _named(body) is None



@pytest.mark.parametrize("body, expected", [
    ("<p>Wilden Müll, Schlaglöcher oder defekte Ampeln können Sie online melden.</p>", True),
    ("<p>Über die Bürgermeldung erreichen Hinweise auf Schäden direkt das Rathaus.</p>", True),
    ("<p>Schlaglöcher melden Sie bitte telefonisch dem Bauhof.</p>", None),
])
def test_road_damage_and_the_buergermeldung(body, expected):
    value = _named(body)
    assert (value not in (None, False)) if expected else value is None


@pytest.mark.parametrize("body", [
    # pointing the city to defects through its app, and one defect as the object of an online "Meldung"
    "<p>Umgekehrt können Sie der Gemeinde über die App Nachrichten senden, auf Missstände hinweisen oder "
    "Anregungen geben.</p>",
    "<p>Vorgeführt wurden die Online-Terminvergabe, die Meldung eines Mangels im öffentlichen Raum und der "
    "Antrag auf ein Führungszeugnis.</p>",
])
def test_defects_pointed_out_by_app_and_a_defect_reported_online(body):
    assert isinstance(values(defect_reporting, wrap(body)).get(P), dict)


@pytest.mark.parametrize("body, expected", [
    # sent to the city with the phone in the hand: the channel as much as an app
    ("<p>Ab sofort können Sie solche Schäden mit dem Smartphone direkt ans Rathaus schicken.</p>", True),
    # a wish to be able to send them is no service yet
    ("<p>Viele wünschen sich, Schäden künftig direkt mit dem Smartphone melden zu können.</p>", None),
])
def test_damage_sent_with_the_smartphone(body, expected):
    value = _named(body)
    assert (value not in (None, False)) if expected else value in (None, False)


def test_a_web_form_on_the_page_of_a_reporting_service_is_that_service():
    # "Webformular" is the heading's reporting service under another spelling (anaphora)
    body = ("<h1>Mängel melden per App: So machen es die Nachbarn</h1>"
            "<p>In Verl gibt es für solche Hinweise ein Webformular der Stadt.</p>")
    assert values(defect_reporting, wrap(body), url="https://www.verl.de/seite").get(P) not in (None, False)


@pytest.mark.parametrize("body", [
    # a vendor's product named alone (Saarbrücken, Detmold, Bad Honnef)
    "<p>Die Landeshauptstadt bietet ab sofort den neuen Dienst „Meldoo“ an.</p>",
    "<p>Mit Meldoo können Sie Mängel in unserer Stadt melden: Foto aufnehmen, Standort wählen.</p>",
    # Herten's reporting service inside the city app
    "<p>Über den Meldedienst „Sag's deiner Stadt“ geht Ihr Anliegen direkt an die Stadtverwaltung.</p>",
    # compounds on "-melde-" that are no "-melder" (the "Melde-App" term and the Meldeportal spec)
    "<p>Seit Jahresbeginn nutzt die Gemeinde die Mängelmelde-App der Firma leanact.</p>",
    "<p>Über das Schadensmelde-Portal auf unserer Homepage melden Sie Schäden an Straßen.</p>",
    # a service-catalogue entry's own online channel
    "<p>Sie können uns auch mit dem obenstehenden Onlinedienst auf elektronischem Wege Mängel mitteilen.</p>",
])
def test_products_compounds_and_the_catalogues_online_channel(body):
    assert _named(body) not in (None, False)


@pytest.mark.parametrize("body", [
    "<p>Das Schadensmelde-Portal soll im kommenden Jahr freigeschaltet werden.</p>",
    "<p>Die App Meldoo können Bürger bald herunterladen und Mängel an die Stadtverwaltung melden.</p>",
    "<p>Schäden an Bäumen melden Sie bitte telefonisch; einen Onlinedienst gibt es dafür nicht.</p>",
])
def test_planned_products_and_a_denied_online_channel(body):
    assert _named(body) in (None, False)


def test_a_link_to_report_one_defect_on_a_vendor_host():
    body = "<p><a href='https://www.meldeplattform-beispiel.de/musterstadt'>Mangel melden</a></p>"
    assert values(defect_reporting, wrap(body)).get(P) not in (None, False)


def test_the_lands_platform_on_a_kreis_page_is_its_towns_unless_the_kreis_takes_part():
    kreis = CityContext("12071000", "Landkreis Spree-Neiße", ("lkspn.de",))

    def got(body: str) -> object:
        found = findings(defect_reporting, wrap(body, title="Maerker | Landkreis Spree-Neiße"),
                         url="https://www.lkspn.de/maerker", city=kreis)
        agg = aggregate(found).get(P)
        return None if agg is None else agg.value
    towns = ("<p>Aus unserem Landkreis machen folgende Kommunen mit: Stadt Forst, Gemeinde Kolkwitz. "
             "Hinweise für diese Orte geben Sie auf maerker.brandenburg.de ein; zuständig ist die jeweilige "
             "Amtsverwaltung.</p>")
    assert got(towns) in (None, False)
    member = ("<p>In Eichwalde landen solche Hinweise auf einem Online-Portal, das das Land Brandenburg "
              "eingeführt hat – dem Maerker.</p>")
    assert got(member) in (None, False)
    joined = ("<p>Seit Mittwoch nimmt auch die Kreisverwaltung Hinweise zu Kreisstraßen über den Maerker des "
              "Landes entgegen.</p>")
    assert got(joined) not in (None, False)


@pytest.mark.parametrize("heading, href, expected", [
    # a button naming the service on a page about reporting leads to the town's form (sj-vg-montabaur)
    ("Defekte Verkehrsschilder oder Ampeln melden", "/buergerservice/schadensmelder/", True),
    ("Schäden im Straßenbereich – Meldung", "/service/maengelmelder", True),
    # the same link on a page about something else stays a link to a page about the service
    ("Rathaus und Verwaltung", "/buergerservice/schadensmelder/", False),
])
def test_a_service_button_on_a_page_about_reporting(heading, href, expected):
    body = (f"<h1>{heading}</h1><p><a class='btn' href='{href}'>Schadensmelder</a></p>"
            "<p>Beschreiben Sie den Schaden.</p>")
    value = values(defect_reporting, wrap(body)).get(P)
    assert (value not in (None, False)) is expected, value


def test_the_reporter_compound_of_a_town_app():
    # sq-wilhermsdorf-app-nur-android: the reporting function of a town's app under its "-reporter" name
    body = ("<p>Reizvoll ist der „Mängelreporter“: Fotos von dunklen Laternen gehen direkt an die "
            "Verwaltung.</p>")
    assert values(defect_reporting, wrap(body, "Aktuelles")).get(P) not in (None, False)


def test_reporting_defects_as_anzeigen_in_an_online_services_list():
    body = ("<p>Über die Online-Services lassen sich Urkunden anfordern, ein Gewerbe anmelden sowie "
            "Mängel im Ort anzeigen.</p>")
    assert values(defect_reporting, wrap(body)).get("citizen_information.defect_reporting") is not None
    # without an online channel "anzeigen" names no service
    body = "<p>Mängel im Ort können Sie im Rathaus anzeigen.</p>"
    assert values(defect_reporting, wrap(body)).get("citizen_information.defect_reporting") is None


@pytest.mark.parametrize("body", [
    # the service named by the broken things of the public space it takes in, no product name
    "<p>Wilden Müll, defekte Ampeln oder beschädigte Verkehrsschilder melden Sie über unser "
    "Online-Formular.</p>",
    "<p>Ein kaputtes Spielgerät oder ein Schlagloch können Sie uns jetzt bequem per App melden.</p>",
    "<p>Ein schiefes Verkehrsschild, ein loser Pflasterstein oder ein wilder Müllhaufen? Melden Sie es uns "
    "mit dem Smartphone.</p>",
    # the examples asked as a question that leads into the sentence after it
    "<p>Schlagloch, kaputte Parkbank oder wilder Müll? Melden Sie es uns einfach online – mit Foto und "
    "Standort.</p>",
])
def test_a_service_described_by_examples_of_broken_things(body):
    value = values(defect_reporting, wrap(body))[P]
    assert value["owner"] == "city" and value["status"] == "live"


@pytest.mark.parametrize("body", [
    "<p>Defekte Elektrogeräte geben Sie am Wertstoffhof ab oder melden die Abholung online an.</p>",
    "<p>Eine defekte Ampel melden Sie bitte telefonisch beim Bauhof.</p>",
    # street lights alone are the utility's fault line (rn-bad-saulgau)
    "<p>Über die Internetseite und die App der Stadtwerke können Sie defekte Straßenlampen melden.</p>",
    # a question alone names no service
    "<p>Schlagloch, kaputte Parkbank oder wilder Müll? Die Stadt zieht Bilanz.</p>",
])
def test_broken_things_without_an_online_reporting_channel(body):
    assert P not in values(defect_reporting, wrap(body))


def test_a_registry_product_named_alone_is_the_service():
    # FixMyStreet (products.yaml): a reporting platform named without a "Mängelmelder" word
    assert _named("<p>Schäden an Straßen melden Sie über FixMyStreet direkt an die Stadtverwaltung.</p>") \
        not in (None, False)


@pytest.mark.parametrize("href, text, expected", [
    # sg-stendal: a sidebar box's link to the town's own reporting page, the service's name as the path's end
    ("/de/buergermelder.html", "Schäden und Mängel im Stadtgebiet melden", True),
    ("/rathaus/schadensmelder/", "Schaden melden", True),
    ("/buergerservice/maengel-melden", "Jetzt melden", True),
    # a news item about it, the register, a link text that offers nothing (the name alone: a page about it)
    ("/aktuelles/maengelmelder-app-beschlossen", "Jetzt melden", False),
    ("/buergerservice/melderegisterauskunft", "Auskunft melden", False),
    ("/de/buergermelder.html", "Bürgermelder", False),
])
def test_an_own_link_whose_path_is_the_services_name(href, text, expected):
    html = wrap(f"<p>Aktuelles aus dem Rathaus.</p><aside><h3>Service</h3><p><a href='{href}'>{text}</a></p>"
                "</aside>")
    assert (values(defect_reporting, html).get(P) is not None) is expected


def test_the_reporters_own_help_page_tells_its_use():
    # the heading names the reporter, the body how to enter defects (README apps16)
    body = ("<h1>Häufige Fragen zum Mängelmelder</h1>"
            "<p>Eintragen können Sie Mängel zu jeder Tageszeit; bearbeitet werden sie werktags.</p>")
    got = values(defect_reporting, wrap(body)).get("citizen_information.defect_reporting")
    assert got not in (None, False)


def test_an_optional_photo_is_no_denial():
    body = ("<h1>Häufige Fragen zum Mängelmelder</h1>"
            "<p>Ein Foto anzuhängen ist keine Pflicht, es hilft uns aber bei der Bearbeitung.</p>")
    assert values(defect_reporting, wrap(body)).get("citizen_information.defect_reporting") is not False
