"""appointments: online booking (statements, vendor iframes/links, injected widgets) vs. phone-only traps."""

from __future__ import annotations

import re

import pytest

from extractors import appointments
from extractors.aggregate import aggregate
from extractors.base import CityContext
from extractors.patterns import load_patterns
from tests.extractors.detect_helpers import DATA, corpus_values, findings, values, wrap

P = "online_appointments."


@pytest.mark.parametrize(
    "body, param",
    [
        (
            "<h1>Standesamt</h1><p>Buchen Sie Ihren Termin bequem über unsere Online-Terminvergabe.</p>",
            "registry_office",
        ),
        (
            "<h1>Ausländerbehörde</h1>"
            "<iframe src='https://www.termine-reservieren.de/termine/x/' title='Termine'></iframe>",
            "immigration_office",
        ),
        (
            "<h1>Bürgerbüro</h1><p><a href='https://stadt.tevis.de/select2?md=1'>Termin vereinbaren</a></p>",
            "citizens_office",
        ),
        (
            "<h1>Gewerbeamt</h1><script>var f=document.createElement('iframe');"
            "f.src='https://termine.stadt.de/gewerbe';</script>",
            "trade_office",
        ),
        (
            "<h1>Stadt X: Kfz-Zulassungsstelle</h1>"
            "<p>Freie Termine am 28.11.2026:</p><ul><li>8:00 Uhr</li></ul>",
            "vehicle_registration_office",
        ),
    ],
)
def test_positives(body, param):
    assert values(appointments, wrap(body))[P + param] is True


@pytest.mark.parametrize(
    "body, param",
    [
        ("<h1>Ausländerbehörde</h1><p>Termine nur telefonisch unter 0221 221-0.</p>", "immigration_office"),
        (
            "<p>Wegen des Umzugs ist die Online-Terminvergabe des Gewerbeamts derzeit nicht verfügbar.</p>",
            "trade_office",
        ),
        (
            "<h1>Zulassungsstelle</h1><p>Termine können nicht online gebucht werden.</p>",
            "vehicle_registration_office",
        ),
        ("<table><tr><td>Standesamt</td><td>nur telefonisch</td></tr></table>", "registry_office"),
    ],
)
def test_negatives(body, param):
    assert values(appointments, wrap(body))[P + param] is False


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Termine</h1>"
        "<p>Für viele Anliegen benötigen Sie einen Termin. Wählen Sie die zuständige Stelle:</p>",
        "<h1>Ummeldung</h1><p>Die Ummeldung ist nur persönlich im Bürgerbüro möglich.</p>",
        "<h1>Bürgeramt</h1>"
        "<p>Zuständig für Personalausweise.</p><iframe src='https://www.youtube.com/embed/x'></iframe>",
    ],
)
def test_traps_make_no_claim(body):
    assert values(appointments, wrap(body)) == {}


@pytest.mark.parametrize(
    "slug",
    [
        "a20-herne-termine-tabelle",
        "a21-regensburg-buergerbuero-script",
        "a43-siegen-presse-standesamt",
        "a42-essen-startseite",
    ],
)
def test_corpus_pages(slug):
    got, facts = corpus_values(appointments, slug)
    assert {k: v is not False for k, v in got.items()} == facts


@pytest.mark.parametrize("body, expected", [
    # the page says the citizens' office does the trade office's work: its booking counts for both
    ("<h1>Bürgerservice</h1><p>Die An- und Abmeldung eines Gewerbes übernimmt bei uns das Bürgerbüro.</p>"
     "<h2>Termine</h2><p>Ihren Termin im Bürgerbüro buchen Sie online.</p>",
     {P + "citizens_office": True, P + "trade_office": True}),
    # the office under a page heading naming the other
    ("<h1>Gewerbeanzeigen</h1><p>Anmeldungen und Abmeldungen nimmt das Bürgerbüro entgegen.</p>"
     "<h2>Bürgerbüro</h2><p>Den Termin reservieren Sie online.</p>",
     {P + "citizens_office": True, P + "trade_office": True}),
    # denied: no delegation
    ("<h1>Bürgerservice</h1><p>Gewerbeanmeldungen nimmt das Bürgerbüro nicht entgegen.</p>"
     "<h2>Termine</h2><p>Ihren Termin im Bürgerbüro buchen Sie online.</p>", {P + "citizens_office": True}),
    # the booking as a link naming the Bürgerbüro on the page of the Gewerbe it takes: the link books both
    ("<h1>Gewerbe anmelden</h1><p>Ihr Gewerbe melden Sie bei uns im Bürgerbüro an.</p>"
     "<p><a href='https://termine.musterstadt.de/buergerbuero'>Termin im Bürgerbüro buchen</a></p>",
     {P + "citizens_office": True, P + "trade_office": True}),
    # … not where the page does not say the Bürgerbüro takes it
    ("<h1>Bürgerbüro</h1><p>Ausweise und Pässe beantragen Sie bei uns.</p>"
     "<p><a href='https://termine.musterstadt.de/buergerbuero'>Termin im Bürgerbüro buchen</a></p>",
     {P + "citizens_office": True}),
])
def test_an_office_doing_anothers_work(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a deictic link is asked for by its sentence: "hier" to a booking host books the page's office
    ("<h1>Einwohnermeldeamt</h1><p>Ihren Termin beim Einwohnermeldeamt reservieren Sie "
     "<a href='https://termine.musterstadt.de/ema'>hier</a>.</p>", {P + "citizens_office": True}),
    # … also on the site's own booking page, and for the office its sentence names
    ("<h1>Standesamt</h1><p>Einen Termin für die Anmeldung der Eheschließung können Sie "
     "<a href='/standesamt/termin-buchen'>hier</a> vereinbaren.</p>", {P + "registry_office": True}),
    ("<h1>Bürgerbüro und Standesamt</h1><p>Einen Termin für das Standesamt buchen Sie "
     "<a href='https://termine.musterstadt.de/sta'>hier</a>.</p>", {P + "registry_office": True}),
    # a deictic link to an events calendar asks for nothing
    ("<h1>Bürgerbüro</h1><p>Die Termine unserer Bürgersprechstunden finden Sie "
     "<a href='/veranstaltungen/'>hier</a>.</p>", {}),
    # the owner guard reads the sentence too: the Kreis's booking on a town's page is not the town's
    ("<h1>Zulassungsstelle</h1><p>Termine bei der Zulassungsstelle des Landkreises vereinbaren Sie "
     "<a href='https://termine.landkreis-muster.de/'>hier</a>.</p>", {}),
])
def test_a_deictic_booking_link_is_read_with_its_sentence(body, expected):
    assert values(appointments, wrap(body, "Stadt Musterstadt"), url="https://www.musterstadt.de/service") \
        == expected


@pytest.mark.parametrize("body, expected", [
    # booking switched off for now
    ("<h1>Online-Terminvergabe Ausländeramt</h1>"
     "<ul><li>Termin buchen (vorübergehend nicht möglich)</li></ul>",
     {P + "immigration_office": False}),
    # a wedding date pre-reserved in the online calendar
    ("<h2>Standesamt</h2><p>Ihren Trautermin können Sie in unserem Online-Kalender vorreservieren.</p>",
     {P + "registry_office": True}),
])
def test_suspended_and_pre_reserved(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the registration office under another name, in a sidebar box of an unrelated service page
    ("<h1>Fundsachen</h1><p>Fundsachen geben Sie im Fundbüro ab.</p><aside><h2>Einwohnerverwaltung</h2>"
     "<p>In die Einwohnerverwaltung kommen Sie nur mit Termin. Den buchen Sie über unser "
     "Online-Terminvergabe-System.</p></aside>", {P + "citizens_office": True}),
    # naturalisation and the residence permit are the immigration office's
    ("<h1>Einbürgerungsbehörde</h1><p>Termine für die Antragsabgabe buchen Sie online.</p>",
     {P + "immigration_office": True}),
    ("<h1>Aufenthaltserlaubnis verlängern</h1><p>Den Termin für die Verlängerung reservieren Sie online.</p>",
     {P + "immigration_office": True}),
    # the office's acts name it ("Neuzulassung")
    ("<h2>Neuzulassung</h2><p>Ihren Termin buchen Sie bequem online.</p>",
     {P + "vehicle_registration_office": True}),
    # a Standesamt act named as the service
    ("<h2>Anmeldung der Eheschließungen</h2><p>Termine vergeben wir über die Online-Terminvergabe.</p>",
     {P + "registry_office": True}),
    # the immigration office under the names of real pages
    ("<p>Im Einwanderungsbüro können Sie Ihren Termin online buchen.</p>", {P + "immigration_office": True}),
    ("<p>Termine für alle Anliegen des Amtes für Migration und Aufenthalt buchen Sie online.</p>",
     {P + "immigration_office": True}),
    ("<p>Termine für Staatsangehörigkeitsangelegenheiten buchen Sie online.</p>",
     {P + "immigration_office": True}),
    ("<p>Termine beim Fachbereich Zuwanderung und Integration buchen Sie online.</p>",
     {P + "immigration_office": True}),
    # … also as a "Bürgeramt" or "Bürgerservice" for migrants, which is not the citizens' office
    ("<p>Termine im Bürgeramt für Migration und Integration können Sie online vereinbaren.</p>",
     {P + "immigration_office": True}),
    ("<p>Termine beim Bürgerservice Migration buchen Sie online.</p>", {P + "immigration_office": True}),
])
def test_office_name_variants(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # "festlegen" split by the main clause is a booking verb; the menu's "Bürgerservice" does not make
    # the Zulassungsstelle page about two offices
    ("<h1>Termine und Wartezeiten</h1><p>Ohne Termin hilft Ihnen die Kfz-Zulassungsstelle nicht weiter.</p>"
     "<p>Ihren Termin legen Sie hier online fest.</p><p>Die Buchung gilt nur für die Zulassungsbehörde.</p>",
     {P + "vehicle_registration_office": True}),
    # after an online application the office arranges the appointment: no online booking
    ("<h1>Aufenthaltserlaubnis verlängern</h1><p>Nach einem elektronischen Antrag meldet sich die Behörde "
     "bei Ihnen, um einen Termin zu vereinbaren.</p>", {}),
])
def test_who_books_and_where(body, expected):
    html = wrap(body).replace("<li><a href='/'>Start</a></li>", "<li><a href='/bs'>Bürgerservice</a></li>")
    assert values(appointments, html) == expected


@pytest.mark.parametrize("body, expected", [
    # a date in the heading of new visiting rules does not plan the booking it asks for
    ("<h1>Bürgerbüro ab Januar dienstags nur mit Termin</h1><p>Bitte buchen Sie Ihren Termin über die "
     "Online-Terminvereinbarung.</p>", {P + "citizens_office": True}),
    # … a heading announcing the booking itself does
    ("<h1>Bürgerbüro: Termine ab Januar online</h1><p>Dann buchen Sie Ihren Termin über die "
     "Online-Terminvereinbarung.</p>", {P + "citizens_office": False}),
])
def test_dated_headings(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the appointment as a time slot, also in English
    ("<h1>Ausländerbehörde</h1><p>I had reserved the slot online and got a confirmation e-mail.</p>",
     {P + "immigration_office": True}),
    ("<h2>Kfz-Zulassungsstelle</h2><p>Wählen Sie Ihr Zeitfenster online aus.</p>",
     {P + "vehicle_registration_office": True}),
    # a vendor host of booking systems linked from an office page
    ("<h1>Standesamt</h1><p><a href='https://www.terminland.eu/stadt-x/'>Zur Terminbuchung</a></p>",
     {P + "registry_office": True}),
])
def test_slots_and_vendor_hosts(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a booking product's installation on the town's own host, whatever the link says (TEVIS's path shape)
    ("<h1>Standesamt</h1><p>Freie Tage für Ihre Trauung: <a href='https://www.stadt-x.de/tevisweb080/select2?md=5'>"
     "bitte hier entlang</a>.</p>", {P + "registry_office": True}),
    # … or embedded (a Qmatic web booking)
    ("<h1>Kfz-Zulassungsstelle</h1><iframe src='https://service.kreis-x.de/qwebbook/#/' "
     "title='Kalender'></iframe>", {P + "vehicle_registration_office": True}),
])
def test_booking_products_of_the_market_registry(body, expected):
    assert values(appointments, wrap(body)) == expected


def test_every_vendor_host_the_crawl_follows_is_a_product_of_the_registry():
    # the crawl's one-hop list and the market registry know the same vendors: a host added to the list alone
    # would be a vendor the registry (and so the review and the name lists) does not know
    booking = load_patterns(DATA, appointments.NAME)["booking"]
    products = [re.compile(p["url_regex"], re.I) for p in booking["vendor_products"]]
    for host in booking["vendor_hosts"]:
        assert any(rx.search(f"https://stadt-x.{host}/termin") for rx in products), host


@pytest.mark.parametrize("body, expected", [
    # a self-hosted booking system linked from the office's own text
    ("<h1>Gewerbemeldestelle</h1><p>Bitte bringen Sie Ihren Ausweis mit.</p>"
     "<p><a href='https://termine.stadt-x.de/gewerbe'>Zur Terminbuchung</a></p>", {P + "trade_office": True}),
    # "Termine" alone is an events calendar; a PDF guide is not the booking system
    ("<h1>Gewerbemeldestelle</h1><p><a href='https://www.stadt-x.de/termine/'>Termine</a></p>", {}),
    # a page of the site itself (an overview of the offices' appointments) is no booking system
    ("<h1>Gewerbeanmeldung</h1><p><a href='https://www.stadt.de/termine/'>Termin vereinbaren</a></p>", {}),
    ("<h1>Gewerbemeldestelle</h1><p><a href='https://www.stadt-x.de/termin-anleitung.pdf'>"
     "Anleitung zur Terminvereinbarung</a></p>", {}),
])
def test_self_hosted_booking_links(body, expected):
    assert values(appointments, wrap(body)) == expected


def test_a_menu_link_to_the_booking_system_is_no_evidence():
    html = wrap("<h1>Gewerbemeldestelle</h1><p>Bitte bringen Sie Ihren Ausweis mit.</p>").replace(
        "<li><a href='/'>Start</a></li>", "<li><a href='https://termine.stadt-x.de/'>Termin buchen</a></li>")
    assert values(appointments, html) == {}


@pytest.mark.parametrize("body, expected", [
    # a booking offered "wenn die Behörde eines anbietet" (a town page on the Kreis's office) is a condition
    ("<h1>Kfz-Zulassungsstelle</h1><p>Vereinbaren Sie dort einen Termin oder nutzen Sie, wenn die Behörde "
     "eines anbietet, ein Onlineverfahren.</p>", {}),
    # a heading announcing changes from a date is about the office's rules, not an arriving booking
    ("<h1>Neuerungen in der Kfz-Zulassung ab August</h1><p>Termine buchen Sie über das Online-Portal.</p>",
     {P + "vehicle_registration_office": True}),
])
def test_conditions_and_changes(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("url, expected", [
    # a page the booking system serves itself, under a heading naming the office's act: the office's booking
    ("https://termine.mein-coburg.de/", {P + "immigration_office": True}),
    ("https://www.tevis.de/stadt-x/", {P + "immigration_office": True}),
    # the same text on the city's own site promises nothing online
    ("https://www.coburg.de/einwohneramt", {}),
])
def test_a_page_of_the_booking_system_itself(url, expected):
    body = ("<h1>Termin für eine Verpflichtungserklärung</h1><p>Hier vereinbaren Sie einen Termin im "
            "Einwohneramt, Abteilung Migration, um eine Verpflichtungserklärung abzugeben.</p>")
    assert values(appointments, wrap(body), url) == expected


@pytest.mark.parametrize("body, expected", [
    # a small Gemeinde's citizens' office is "the Rathaus"
    ("<h1>Rathaus-Termine ab sofort online buchen</h1><p>Wählen Sie Ihr Anliegen und einen freien Tag.</p>",
     {P + "citizens_office": True}),
    ("<p>Termine im Rathaus können Sie jetzt online vereinbaren.</p>", {P + "citizens_office": True}),
    # "im Rathaus" alone is a place
    ("<h1>Standesamt</h1><p>Die Trauung findet im Rathaus statt.</p>", {}),
])
def test_the_rathaus_as_the_citizens_office(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # scarcity counts slots, it says nothing of a booking channel
    ("<p>Die Zulassungsstellen haben auf Wochen kaum freie Termine, viele weichen zu uns aus.</p>", {}),
    ("<h1>Zulassungsstelle</h1><p>Es gibt nur wenige freie Termine.</p>", {}),
    # free slots listed by the office are its booking
    ("<h1>Zulassungsstelle</h1><p>Freie Termine in dieser Woche: Dienstag, 9:20 Uhr.</p>",
     {P + "vehicle_registration_office": True}),
])
def test_scarce_slots_are_no_offer(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the booking as a noun: the online channel of the offices named before
    ("<h2>Terminvergabe in den Bürgerämtern</h2><p>Kritisiert werden die langen Vorlaufzeiten bei der "
     "Buchung eines Termins über das Internet.</p>", {P + "citizens_office": True}),
    # …not the booking of a hall or a trip
    ("<h2>Bürgerhaus</h2><p>Die Buchung des Saals erfolgt über das Internet.</p>", {}),
])
def test_the_booking_as_a_noun(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # special wedding venues excepted from the online calendar: the calendar books the rest
    ("<h1>Heiraten</h1><p>Ihren Wunschtermin reservieren Sie bequem im Online-Traukalender des "
     "Standesamts.</p><p>Trauungen auf einem Ausflugsschiff sind nicht online buchbar; sie stimmen Sie "
     "direkt mit dem Standesamt ab.</p>", {P + "registry_office": True}),
    # a denial for the Standesamt as such still denies
    ("<h1>Standesamt</h1><p>Trautermine sind nicht online buchbar.</p>", {P + "registry_office": False}),
])
def test_special_venues_are_an_exception(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    ("<h2>Pass- und Ausweisstelle</h2><p>Termine können Sie online buchen.</p>",
     {P + "citizens_office": True}),
    ("<h2>Abteilung Einreise und Aufenthalt</h2><p>Termine vergeben wir über die Online-Terminvergabe.</p>",
     {P + "immigration_office": True}),
    ("<p>Heiratstermine für das kommende Jahr sind ab sofort online buchbar.</p>",
     {P + "registry_office": True}),
    ("<p>Für die Eheanmeldung können Sie online einen Termin vereinbaren.</p>",
     {P + "registry_office": True}),
])
def test_more_office_names(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the click of a web page is an online channel
    ("<p>Einen Termin im Standesamt reservieren Sie mit wenigen Klicks.</p>", {P + "registry_office": True}),
    ("<p>Termine der Ausländerbehörde buchen Sie per Mausklick.</p>", {P + "immigration_office": True}),
    # a booking by phone names no channel of the web
    ("<p>Termine der Ausländerbehörde vereinbaren Sie telefonisch.</p>", {}),
])
def test_a_click_is_online(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # appointments given only on line
    ("<h1>Kfz-Zulassungsstelle</h1><p>Privatkunden bekommen Termine ausschließlich online.</p>",
     {P + "vehicle_registration_office": True}),
    # … while an appointment received after an online application is the staff's
    ("<h1>Ausländerbehörde</h1><p>Nach dem Online-Antrag erhalten Sie einen Termin zur Vorsprache.</p>", {}),
])
def test_appointments_only_online(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the office named as the law it handles
    ("<p>Termine beim Team Melde- und Passrecht können Sie auch online vereinbaren.</p>",
     {P + "citizens_office": True}),
    # the Standesamt's online wedding calendar by name
    ("<h1>Standesamt</h1><h2>Sie möchten Ihren Wunschtermin für die Trauung selbst festmachen?</h2>"
     "<p><a href='https://traukalender.stadt.de/'>Zum Online-Traukalender</a></p>",
     {P + "registry_office": True}),
])
def test_law_named_office_and_online_wedding_calendar(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a comparison with an offer that exists elsewhere: the office compared with has it now, the
    # sentence's own subject only gets it in the future
    ("<h1>Bürgeramt zieht um</h1><p>Anmelden kann man sich im Bürgeramt künftig am Info-Schalter oder "
     "über eine Online-Terminvergabe, wie es sie bei der Kfz-Zulassungsstelle bereits gibt.</p>",
     {P + "citizens_office": False, P + "vehicle_registration_office": True}),
    # … also when the sentence denies it for its own subject
    ("<p>Eine Online-Terminvergabe gibt es im Standesamt nicht, wie es sie beim Bürgerbüro schon gibt.</p>",
     {P + "citizens_office": True, P + "registry_office": False}),
])
def test_a_comparison_with_an_existing_offer(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # an online application that needs no appointment: "ohne Termin" dispenses with the object, so the
    # online word and the act compose no booking
    ("<h1>Ausländerbehörde</h1><p>Ohne Vorsprache und ohne Termin zum Antrag: Seit November beantragen Sie "
     "humanitäre Aufenthaltsrechte bei der Ausländerbehörde vollständig digital.</p>", {}),
    # a walk-in hour beside a booking in the same clause still books
    ("<h1>Ausländerbehörde</h1><p>Kommen Sie ohne Termin in die Sprechstunde oder vereinbaren Sie online "
     "einen Termin bei der Ausländerbehörde.</p>", {P + "immigration_office": True}),
    # the registration office as a department, with a booking link beside its phone number
    ("<ul><li>Einwohnermeldeabteilung: 02233 53-556 oder "
     "<a href='https://termine.stadt.de/ema'>Onlineterminreservierung</a></li></ul>",
     {P + "citizens_office": True}),
])
def test_appointment_done_without_and_registration_department(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the booking named in the inverted order, as a search word on the Kreis's site
    ("<h1>Zulassungsstelle nur mit Termin</h1><p>Geben Sie dazu auf www.en-kreis.de im Suchfeld "
     "„Terminvergabe online“ ein.</p>", {P + "vehicle_registration_office": True}),
    ("<h1>Bürgerbüro</h1><p>Zur Terminbuchung online geht es über die Startseite.</p>",
     {P + "citizens_office": True}),
])
def test_booking_named_in_inverted_order(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("name, expected", [
    # a Kreis has no Meldebehörde: its "Bürgerbüros" booking is not a citizens' office's
    ("Märkischer Kreis", {}),
    ("Landkreis Harburg", {}),
    # … a town (a Große Kreisstadt too) and a Samtgemeinde register their residents
    ("Große Kreisstadt Sinsheim", {"online_appointments.citizens_office": True}),
    ("Samtgemeinde Tostedt", {"online_appointments.citizens_office": True}),
])
def test_a_kreis_has_no_citizens_office(name, expected):
    html = wrap("<h1>Bürgerbüros</h1><p>Termine in den Bürgerbüros buchen Sie online über unser "
                "Buchungstool.</p>")
    city = CityContext.from_website("05962000", name, "https://www.example.de/")
    got = {p: a.value for p, a in aggregate(findings(appointments, html, city=city)).items()}
    assert got == expected


@pytest.mark.parametrize("body, expected", [
    # a dash that opens the channels of the act before it ("buchen – telefonisch … oder über das
    # Terminvereinbarungstool auf www…") continues its clause: the online channel books the appointments
    ("<p>Für das Bürgerbüro lassen sich Termine montags bis donnerstags buchen – telefonisch unter "
     "02351 966-60 oder über das Terminvereinbarungstool auf www.stadt.de.</p>",
     {P + "citizens_office": True}),
    # … a dash before a denial of the phone channel is still a clause of its own
    ("<p>Termine im Bürgerbüro vereinbaren Sie online – telefonisch ist das leider nicht möglich.</p>",
     {P + "citizens_office": True}),
])
def test_a_dash_opening_the_channels_of_the_act(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the wedding calendar called digital or "im Internet" is the Standesamt's booking by name
    ("<h1>Heiraten</h1><p>Das Standesamt hat den digitalen Traukalender gestartet: Paare wählen ihren "
     "Wunschtermin selbst aus.</p>", {P + "registry_office": True}),
    ("<h1>Heiraten</h1><p>Freie Trautermine zeigt der Traukalender im Internet.</p>",
     {P + "registry_office": True}),
    # the calendar appointments are booked in, released for booking ("schaltet sich … frei": a separable verb)
    ("<h1>Einbürgerung</h1><p>Der Onlinekalender schaltet sich wöchentlich um eine weitere Woche frei.</p>",
     {P + "immigration_office": True}),
    ("<h1>Bürgerbüro</h1><p>Wir schalten jeden Montag neue Termine online frei.</p>",
     {P + "citizens_office": True}),
    # a calendar of events is read, not booked
    ("<h1>Bürgerbüro</h1><p>Im Online-Kalender des Bürgerbüros finden Sie alle Veranstaltungen im "
     "Rathaus.</p>", {}),
])
def test_calendars_booked_online(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a relative clause on the appointments the clause before ends with reads with them: the slots are
    # booked on line ("… gibt feste Termine aus, die man im Internet reservieren kann")
    ("<p>Mittwochs gibt die Zulassungsstelle feste Termine aus, die man im Internet reservieren kann.</p>",
     {P + "vehicle_registration_office": True}),
    # … also with a short insertion between dashes inside it (a parenthesis, not two clause boundaries)
    ("<p>Mittwochs gibt die Zulassungsstelle feste Termine aus, die man – wie an allen Tagen – im Internet "
     "reservieren kann.</p>", {P + "vehicle_registration_office": True}),
    # … but dashes after a sentence end the splitter kept ("02251 140. Ist …") still part the clauses: the
    # website of the sentence before books nothing
    ("<p>Ansprechpartner finden Sie auf der städtischen Internetseite oder unter der Rufnummer 02251 140. "
     "Ist ein Besuch – etwa im Bürgerbüro – unumgänglich, wird dabei ein Termin vereinbart.</p>", {}),
    # an anaphor naming only the channel reads with the act before it, in its sentence or the next one
    ("<p>Für die Zulassungsstelle empfiehlt es sich, vorher einen Termin auszumachen – das geht online unter "
     "www.kreis.de/zulassung.</p>", {P + "vehicle_registration_office": True}),
    ("<p>Für die Zulassungsstelle vereinbaren Sie bitte vorher einen Termin. Das geht auch online.</p>",
     {P + "vehicle_registration_office": True}),
    # a relative clause on something else borrows no appointment
    ("<p>Die Zulassungsstelle gibt Merkblätter aus, die man im Internet findet.</p>", {}),
])
def test_clauses_about_the_clause_before(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # appointments given on a request through an online contact form: staff assign them (a request form is no
    # online booking)
    ("<p>Für die Kfz-Zulassungsstelle werden Termine ausschließlich auf eine Anfrage über das "
     "Online-Kontaktformular vergeben.</p>", {}),
    ("<p>Termine im Standesamt vergeben wir über das Kontaktformular auf unserer Internetseite.</p>", {}),
    # … a booking beside it still counts
    ("<p>Termine im Standesamt buchen Sie online; Fragen stellen Sie über das Kontaktformular.</p>",
     {P + "registry_office": True}),
    # the trade office as a unit of the Ordnungsamt
    ("<p>Termine beim Fachdienst Gewerbe können Sie online buchen.</p>", {P + "trade_office": True}),
    # a cleverQ booking page linked under the office's heading (a vendor host of the shared list)
    ("<h1>Zulassungsstelle</h1><p>Zusätzlich öffnen wir montags nachmittags. "
     "<a href='https://cqm.cleverq.de/public/lra-sw/index.html'>Hier reservieren</a></p>",
     {P + "vehicle_registration_office": True}),
])
def test_request_forms_office_units_and_vendors(body, expected):
    assert values(appointments, wrap(body)) == expected


def test_a_booking_link_books_the_office_it_names():
    # the heading names two offices, the link one of them: it books that one only
    body = ("<h1>Bürgerbüro und Standesamt</h1><p>Öffnungszeiten: Montag bis Freitag 8 bis 12 Uhr.</p>"
            "<p><a href='https://termine.stadt-x.de/standesamt'>Termin beim Standesamt buchen</a></p>")
    assert values(appointments, wrap(body)) == {P + "registry_office": True}


def _office_page(title: str, trail: str, h1: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><header><nav>Start</nav></header>"
            f"<nav id='breadcrumb'>{trail}</nav><main><h1>{h1}</h1><p>Bringen Sie alle Unterlagen mit.</p>"
            "<p><a href='/termine/buchen/'>Termin online buchen</a></p></main></body></html>")


@pytest.mark.parametrize("title, trail, expected", [
    # the office in the title's own part, over a generic h1
    ("Kfz-Zulassungsstelle – Landkreis X", "Start &gt; Verkehr &gt; Termine",
     {P + "vehicle_registration_office": True}),
    # … or in the breadcrumb's most specific crumb that names one
    ("Terminvereinbarung | Landkreis X",
     "<a href='/'>Start</a> &gt; <a href='#'>Bürgerservice</a> &gt; <a href='#'>Ausländerbehörde</a> &gt; "
     "<span>Terminvereinbarung</span>", {P + "immigration_office": True}),
    # the site's name after the title's last separator is no subject of the page
    ("Terminvereinbarung | Bürgerservice-Portal Landkreis X", "Start &gt; Service &gt; Termine", {}),
])
def test_the_office_named_in_the_title_or_breadcrumb_is_the_pages_subject(title, trail, expected):
    assert values(appointments, _office_page(title, trail, "Terminvereinbarung")) == expected


@pytest.mark.parametrize("url, expected", [
    # the office in the page's own address, over a title, h1 and breadcrumb naming none (without umlauts)
    ("https://www.kreis-x.de/buergerservice/strassenverkehrsamt/kfz-zulassung",
     {P + "vehicle_registration_office": True}),
    ("https://www.stadt-x.de/rathaus/auslaenderbehoerde/index.php", {P + "immigration_office": True}),
    # a section of the site above the page's own segment is no subject of it ("/buergerservice/…" over all)
    ("https://www.stadt-x.de/buergerservice/termine", {}),
])
def test_the_office_named_in_the_address_is_the_pages_subject(url, expected):
    html = _office_page("Terminvereinbarung | Landkreis X", "Start &gt; Service &gt; Termine",
                        "Terminvereinbarung")
    assert values(appointments, html, url) == expected


def _with_sidebar(aside: str) -> str:
    return ("<html><head><title>Landkreis X</title></head><body><main><h1>Abholung des Aufenthaltstitels</h1>"
            "<p>Den Abholtermin vereinbaren Sie mit Ihrer Sachbearbeitung.</p></main>"
            f"<aside id='sidebar'>{aside}</aside></body></html>")


def test_a_sidebar_menu_item_books_only_the_office_it_names():
    # a quick-links list of bare links is the site's navigation: "Online-Terminvergabe" there is no channel of
    # the page's office; an item that names its office still books that office, and a contact box is no menu
    menu = ("<h3>Service</h3><ul><li><a href='https://x.termine-reservieren.de/'>Online-Terminvergabe</a></li>"
            "<li><a href='/formulare/'>Formularcenter</a></li><li><a href='/kontakt/'>Kontakte</a></li></ul>")
    assert values(appointments, _with_sidebar(menu)) == {}
    named = menu.replace(">Online-Terminvergabe<", ">Online-Termin Kfz-Zulassungsstelle<")
    assert values(appointments, _with_sidebar(named)) == {P + "vehicle_registration_office": True}
    box = ("<h3>Kontakt</h3><p>Kreishaus, Zimmer 12</p>"
           "<p><a href='https://x.termine-reservieren.de/'>Online-Terminvergabe</a></p>")
    assert values(appointments, _with_sidebar(box)) == {P + "immigration_office": True}


@pytest.mark.parametrize("body", [
    # the booking system by its name is the online channel
    "<h1>Kfz-Zulassung</h1><p>Ein Blick ins Reservierungsportal zeigt freie Zeiten für Dienstag.</p>",
    "<h1>Ausländerbehörde</h1><p>Ihren Vorsprachetermin wählen Sie im Terminportal aus.</p>",
    "<p>Die Zulassungsstelle arbeitet seit dem Frühjahr mit einem Buchungssystem im Internet.</p>",
])
def test_a_booking_portal_or_system_by_name_is_online_booking(body):
    assert any(v is True for v in values(appointments, wrap(body)).values())


@pytest.mark.parametrize("body, expected", [
    # slots released in the online calendar are offered for booking
    ("<h1>Einbürgerung</h1><p>Jede Woche wird im Onlinekalender eine weitere Woche freigegeben.</p>",
     {P + "immigration_office": True}),
    # appointments the office says it cannot offer now: no booking, by any channel
    ("<h1>Einbürgerung</h1><p>Termine für die Abgabe des Antrags können wir zurzeit nicht anbieten.</p>",
     {P + "immigration_office": False}),
])
def test_released_slots_and_appointments_not_offered(body, expected):
    assert values(appointments, wrap(body)) == expected


def test_a_booking_link_on_an_institutions_page_books_the_institution():
    # a university's page about the city's Ausländerbehörde: its own advice booking in a side box is not the
    # office's; a link naming the office still books it
    def page(link_text: str) -> str:
        return ("<html><head><title>Ausländerbehörde – International Office – Hochschule X</title></head>"
                "<body><main><h1>Ausländerbehörde</h1>"
                "<p>Melden Sie sich in der ersten Woche bei der Behörde.</p></main>"
                "<aside><h3>Fragen zum Visum?</h3><p>Wir beraten Sie vor dem Behördengang.</p>"
                f"<p><a href='https://hsx.etermin.net/io'>{link_text}</a></p></aside></body></html>")
    assert values(appointments, page("Beratungstermin im International Office buchen")) == {}
    named = page("Termin bei der Ausländerbehörde buchen")
    assert values(appointments, named) == {P + "immigration_office": True}


def test_a_booking_link_on_a_page_signed_by_an_institution_books_the_institution():
    # the same page with no site name in its title: its copyright line names the university (the publisher
    # rule every detector shares), so its own advice booking is still not the office's
    def page(sign: str) -> str:
        return ("<html><head><title>Ausländerbehörde</title></head>"
                "<body><main><h1>Ausländerbehörde</h1>"
                "<p>Melden Sie sich in der ersten Woche bei der Behörde.</p></main>"
                "<aside><h3>Fragen zum Visum?</h3><p>Wir beraten Sie vor dem Behördengang.</p>"
                "<p><a href='https://hsx.etermin.net/io'>Beratungstermin im International Office buchen"
                f"</a></p></aside><footer><p>{sign}</p></footer></body></html>")
    assert values(appointments, page("© 2024 Hochschule X")) == {}
    assert values(appointments, page("© 2024 Stadt X")) == {P + "immigration_office": True}


def test_a_booking_link_in_the_site_header_or_footer_books_no_office():
    # the site's own service links ("Online-Terminvereinbarung" beside "Öffnungszeiten") stand on every page:
    # on the Gewerbeamt's page they say nothing about the Gewerbeamt; the same link in the page's text does
    body = "<h1>Gewerbeamt</h1><p>Ein Gewerbe melden Sie mit Ausweis an; die Gebühr beträgt 15 Euro.</p>"
    link = "<a href='https://vg-x.termine-reservieren.de/'>Online-Terminvereinbarung</a>"
    header = f"<html><body><header><div>{link}</div></header><main>{body}</main></body></html>"
    footer = f"<html><body><main>{body}</main><footer><p>{link}</p></footer></body></html>"
    assert values(appointments, header) == {}
    assert values(appointments, footer) == {}
    assert values(appointments, wrap(body + f"<p>{link}</p>")) == {P + "trade_office": True}


def test_a_booking_link_naming_the_landkreis_on_a_samtgemeindes_page_is_the_kreiss():
    # the Kreis's Ausländerbehörde on a Samtgemeinde's service page: its booking is not the town's (the
    # rulings: a Kreis office merely named on a town's page stays tempting), by link and statement alike
    body = ("<h1>Ausländerangelegenheiten</h1><p>Zuständig ist der Fachdienst Ausländerwesen des Kreises.</p>"
            "<p><a href='https://termine.lk-x.de/abh/'>Termin beim Landkreis online vereinbaren</a></p>")
    sg = CityContext("03256402", "Samtgemeinde X", ())
    got = {p: a.value for p, a in aggregate(findings(appointments, wrap(body), city=sg)).items()}
    assert got == {}
    kreis = CityContext("03256000", "Landkreis X", ())
    got = {p: a.value for p, a in aggregate(findings(appointments, wrap(body), city=kreis)).items()}
    assert got == {P + "immigration_office": True}


def test_a_kreis_booking_link_under_pass_und_meldewesen_is_no_citizens_office():
    # a Kreis has no Meldebehörde: its booking link under a heading naming "Meldewesen" (its supervision)
    # is the Ausländerbehörde's, whichever way the office is found (statement or booking widget)
    body = ("<h1>Ausländer-, Pass- und Meldewesen</h1><p>Informationen zum Aufenthaltsrecht.</p>"
            "<p><a href='https://termine.landkreis-x.de/'>Online-Terminreservierung</a></p>")
    kreis = CityContext("09187000", "Landkreis X", ())
    got = {p: a.value for p, a in aggregate(findings(appointments, wrap(body), city=kreis)).items()}
    assert got == {P + "immigration_office": True}


@pytest.mark.parametrize("body, expected", [
    # agreeing on a time is booking it ("abstimmen", "absprechen")
    ("<p>Termine für das Bürgerbüro können Sie online oder telefonisch abstimmen.</p>",
     {P + "citizens_office": True}),
    ("<p>Termine im Standesamt lassen sich online absprechen.</p>", {P + "registry_office": True}),
    # the clicks of a web page, in the plural of "Mausklick"
    ("<p>Mit wenigen Mausklicks vereinbaren Sie Ihren Termin im Bürgerbüro.</p>",
     {P + "citizens_office": True}),
])
def test_booking_verbs_and_clicks(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # appointments handed out ("geben … aus", a separable verb joined again) over the net
    ("<p>Die Bürgerbüros geben ihre Termine inzwischen nur noch über das Internet aus.</p>",
     {P + "citizens_office": True}),
    ("<p>Das Standesamt gibt Termine nur telefonisch aus.</p>", {P + "registry_office": False}),
])
def test_appointments_handed_out(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a restriction that governs a condition: the offline channel stands inside the condition
    ("<p>In den Standesämtern werden Termine nur vergeben, nachdem die Dringlichkeit am Telefon oder per "
     "E-Mail geklärt ist.</p>", {P + "registry_office": False}),
    ("<p>Im Standesamt werden Termine nur nach Abklärung per Telefon oder E-Mail vergeben.</p>",
     {P + "registry_office": False}),
    ("<h2>Ausländerbehörde</h2><p>Einen Termin können Sie nur wahrnehmen, wenn Sie ihn vorher telefonisch "
     "vereinbart haben.</p>", {P + "immigration_office": False}),
    # … unless the condition names an online way in too
    ("<h2>Ausländerbehörde</h2><p>Einen Termin erhalten Sie nur, wenn Sie vorher online oder telefonisch "
     "gebucht haben.</p>", {P + "immigration_office": True}),
])
def test_a_restriction_over_a_condition(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a time that only implies the net is the phone's when the clause names the phone
    ("<h1>Bürgercenter</h1><p>Außerdem lassen sich Termine rund um die Uhr telefonisch buchen.</p>", {}),
    ("<h1>Bürgercenter</h1><p>Termine lassen sich rund um die Uhr buchen.</p>",
     {P + "citizens_office": True}),
    # an online system brought in for the appointments
    ("<p>Für die Termine im Bürgerbüro hat die Stadt einen Online-Agenten eingeführt.</p>",
     {P + "citizens_office": True}),
    ("<p>Für Termine im Bürgerbüro soll ein Onlinesystem eingeführt werden.</p>",
     {P + "citizens_office": False}),
])
def test_the_phone_round_the_clock_and_a_system_brought_in(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, title", [
    # a chamber's booking (named, or "unsere" on the chamber's own site) is not the town's trade office
    ("<h1>Starterzentren</h1><p>Die Starterzentren nehmen Gewerbeanmeldungen entgegen. "
     "Beratungstermine vergeben die Kammern über ihre Internetseiten.</p>",
     "Starterzentren | Allgemeine Zeitung"),
    ("<h1>Gewerbliche Tätigkeit</h1><p>Sie haben Fragen zur Anmeldung Ihres Gewerbes? "
     "Einen Beratungstermin bei unseren Gründungsberatern können Sie online buchen.</p>",
     "Gewerbliche Tätigkeit - IHK Gießen-Friedberg"),
    # "bequem online" names no appointment: an online application is not a booking
    ("<h1>Gaststättengewerbe beantragen</h1><p>Zuständig ist das Gewerbeamt. Die Erlaubnis für Ihr "
     "Gaststättengewerbe können Sie bequem online beantragen.</p>", "Gaststättengewerbe | Stadt"),
])
def test_a_chambers_booking_or_an_online_application_books_no_trade_office(body, title):
    assert values(appointments, wrap(body, title=title)).get("online_appointments.trade_office") is None


def test_the_trade_office_booked_online_stays():
    body = "<h1>Gewerbeamt</h1><p>Termine beim Gewerbeamt können Sie bequem online buchen.</p>"
    assert values(appointments, wrap(body))["online_appointments.trade_office"] is True


def test_clicks_without_a_preposition_are_the_web():
    body = ("<h1>Kfz-Zulassung</h1>"
            "<p>Ein paar Klicks, und der Termin bei der Zulassungsstelle ist gebucht.</p>")
    assert values(appointments, wrap(body)).get("online_appointments.vehicle_registration_office") is True


@pytest.mark.parametrize("body, expected", [
    # the act noun alone in running prose names no channel on a page that books on line nowhere
    ("<p>Im Moment können wir im Bürgerbüro weniger Schalter für die Terminreservierung öffnen. Kümmern Sie "
     "sich früh um eine Terminbuchung.</p>", {}),
    # … but names the booking system as a label, and counts in prose where the page books on line
    ("<h1>Terminbuchung in allen Bürgerämtern</h1><p>Wählen Sie Ihr Anliegen.</p>",
     {P + "citizens_office": True}),
    ("<p>Die Terminbuchung im Internet hat sich bewährt. Deshalb bleibt es im Bürgerbüro bei der "
     "Terminbuchung.</p>", {P + "citizens_office": True}),
])
def test_the_act_noun_alone_names_no_channel_in_prose(body, expected):
    # (a page of its own: the helper's menu has an "Online-Terminvergabe" link, which books on line)
    page = f"<html><head><title>Stadt</title></head><body><main>{body}</main></body></html>"
    assert values(appointments, page) == expected


def test_a_dash_before_a_channel_list_ending_the_sentence_joins_the_act():
    body = ("<p>Ab Montag lassen sich wieder Termine für die Fahrerlaubnisbehörde und die Zulassungsstelle "
            "vereinbaren – online und per Telefon.</p>")
    assert values(appointments, wrap(body)) == {P + "vehicle_registration_office": True}


@pytest.mark.parametrize("body, expected", [
    # the body that runs the booking renounces it after naming it: not offered now
    ("<h1>Bürgerservice</h1><p>Auf die bequeme Online-Terminvergabe verzichten wir vorerst, weil wir am "
     "Telefon die Dringlichkeit klären.</p>", {P + "citizens_office": False}),
    # … but renouncing something else with it is no denial
    ("<p>Mit der Online-Terminvergabe verzichten wir im Bürgerbüro auf lange Warteschlangen.</p>",
     {P + "citizens_office": True}),
])
def test_a_booking_renounced_by_its_body(body, expected):
    assert values(appointments, wrap(body)) == expected


def test_a_dash_before_an_internet_address_and_the_phone_joins_the_act():
    body = ("<p>Bitte buchen Sie einen Termin bei der Zulassungsstelle – im Internet auf www.kreis-x.de oder "
            "über die Telefonhotline 0123 456-789.</p>")
    page = f"<html><head><title>Kreis</title></head><body><main>{body}</main></body></html>"
    assert values(appointments, page) == {P + "vehicle_registration_office": True}


@pytest.mark.parametrize("body, expected", [
    # getting appointments over a pair of channels, one on line, is booking them on line …
    ("<p>Termine im Bürgerbüro bekommt man telefonisch und online.</p>", {P + "citizens_office": True}),
    # … a staff-given appointment after an online application is not
    ("<p>Nach dem Online-Antrag erhalten Sie einen Termin im Bürgerbüro.</p>", {}),
    # the pair as a list, the other channels named by number and address
    ("<p>Die Kfz-Zulassung bedient Sie nur nach vorheriger Terminabsprache; Termine erhalten Sie online, "
     "unter 04421 16-3232 oder über zulassung@stadt.de.</p>", {P + "vehicle_registration_office": True}),
    ("<p>Termine im Bürgerbüro erhalten Sie telefonisch, per E-Mail oder online.</p>",
     {P + "citizens_office": True}),
    # … a number that is no channel of the appointment pairs nothing
    ("<p>Nach dem Online-Antrag erhalten Sie einen Termin im Bürgerbüro, Zimmer 12.</p>", {}),
])
def test_getting_appointments_over_a_channel_pair(body, expected):
    page = f"<html><head><title>Stadt</title></head><body><main>{body}</main></body></html>"
    assert values(appointments, page) == expected


@pytest.mark.parametrize("body, expected", [
    # a weekday kept free of appointments is an open-door day, not a denial of the booking channel
    ("<h1>Bürgerbüro</h1><p>Termine buchen Sie online. Am Donnerstag gibt es im Bürgerbüro keine Termine, "
     "ab 9 Uhr kann jeder kommen.</p>", {P + "citizens_office": True}),
    ("<h1>Bürgerbüro</h1><p>Mittwochs werden keine Termine vergeben.</p>", {}),
    # … but a channel named for that day still restricts or denies it
    ("<h1>Bürgerbüro</h1><p>Donnerstags werden Termine nur telefonisch vergeben.</p>",
     {P + "citizens_office": False}),
    ("<h1>Bürgerbüro</h1><p>Samstags ist keine Online-Terminvereinbarung möglich.</p>",
     {P + "citizens_office": False}),
])
def test_a_day_without_appointments_is_a_walk_in_day(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body", [
    "<h1>Kfz-Zulassung</h1><p>Um einen Termin zu bekommen, steht die Internetseite der Stadt "
    "zur Verfügung.</p>",
    "<h1>Kfz-Zulassung</h1><p>Für einen Termin steht Ihnen unser Online-Portal zur Verfügung.</p>",
])
def test_a_channel_standing_ready_for_the_appointment_books_it(body):
    assert values(appointments, wrap(body)).get("online_appointments.vehicle_registration_office") is True


def test_a_person_standing_ready_for_questions_is_no_channel():
    body = "<h1>Kfz-Zulassung</h1><p>Für Fragen zum Termin steht Ihnen das Team zur Verfügung.</p>"
    assert values(appointments, wrap(body)).get("online_appointments.vehicle_registration_office") is None


@pytest.mark.parametrize("heading, expected", [
    # an office reopening its doors on a date: the booking channel the notice names is the office's now
    ("Zulassungsstelle Witzenhausen kann voraussichtlich ab 17. August wieder öffnen", True),
    ("Ab Montag öffnet die Zulassungsstelle wieder", True),
    # … a booking announced for a date stays a plan
    ("Online-Terminvergabe der Zulassungsstelle ab August", False),
])
def test_a_reopening_heading_plans_no_booking(heading, expected):
    body = (f"<h1>{heading}</h1><p>Termine vergibt die Zulassungsstelle nur online; lediglich Personen ohne "
            "Internetzugang bekommen einen Termin auch am Telefon.</p>")
    assert values(appointments, wrap(body)).get(P + "vehicle_registration_office") is expected


def test_a_separable_booking_verb_around_a_web_address():
    body = "<h1>Zulassungsbehörde</h1><p>Den Termin legen Sie online unter termine.amberg.de fest.</p>"
    assert values(appointments, wrap(body)).get(P + "vehicle_registration_office") is True


@pytest.mark.parametrize(
    "href, expected",
    [
        # the site's own booking page, named by its path (tb-buchholz, rw-marl, sa-lk-starnberg …)
        ("https://www.stadt.de/terminvereinbarung", True),
        ("https://www.stadt.de/rathaus-service/buergerbuero/termin-buchen/", True),
        # an overview of offices and a page of questions about the booking are no booking system
        ("https://www.stadt.de/termine/", None),
        ("https://www.stadt.de/faq/terminvergabe", None),
    ],
)
def test_same_host_booking_page_by_its_path(href, expected):
    body = f"<h1>Gewerbe Ummeldung</h1><p>Für diese Dienstleistung brauchen Sie einen Termin. " \
        f"<a href='{href}'>Den Termin können Sie hier vereinbaren.</a></p>"
    page_url = "https://www.stadt.de/leistung/gewerbe"
    got = values(appointments, wrap(body), url=page_url).get(P + "trade_office")
    assert got is expected


@pytest.mark.parametrize(
    "body, param",
    [
        # an office unit named by its domain (Unterhaching's and Geesthacht's "Ordnungsamt – Gewerbe",
        # Forchheim's "Sachgebiet Gewerbe", Vorpommern-Greifswald's "Sachgebiet Zulassung")
        ("<h1>Ordnungsamt – Gewerbe</h1><p>Termine vereinbaren Sie online.</p>", "trade_office"),
        ("<h1>Service</h1><p>Für den Bereich Gewerbe vereinbaren Sie Ihren Termin online.</p>",
         "trade_office"),
        ("<h1>Team Zulassung</h1><p>Termine buchen Sie online.</p>", "vehicle_registration_office"),
        # the bare "Zulassung" beside the licence office is the vehicle's (a Kreis's two counters)
        ("<h1>Zulassung und Führerscheine</h1><p>Termine buchen Sie online.</p>",
         "vehicle_registration_office"),
        # the office named by its web address, umlauts written out (ludwigsburg.de)
        ("<h1>Bürgerdienste ziehen Bilanz</h1><p>Termine vereinbaren Sie bevorzugt online über "
         "stadt.de/buergerbuero beziehungsweise stadt.de/auslaenderbehoerde, alternativ telefonisch.</p>",
         "immigration_office"),
        # a noun before particle fragments is their modifier ("Kfz An- und Abmeldung")
        ("<h1>Service</h1><p>Termine für die Kfz An- und Abmeldung buchen Sie online.</p>",
         "vehicle_registration_office"),
    ],
)
def test_offices_by_unit_address_and_ellipsis(body, param):
    assert values(appointments, wrap(body))[P + param] is True


@pytest.mark.parametrize(
    "body, param",
    [
        # "Gewerbesteuer" is the tax office's, "Zulassung zur Prüfung" no vehicle's
        ("<h1>Steueramt</h1><p>Termine beim Sachgebiet Gewerbesteuer vereinbaren Sie online.</p>",
         "trade_office"),
        ("<h1>Fahrschule</h1><p>Die Zulassung zur Führerscheinprüfung beantragen Sie online.</p>",
         "vehicle_registration_office"),
    ],
)
def test_unit_names_need_their_domain(body, param):
    assert P + param not in values(appointments, wrap(body))


@pytest.mark.parametrize("href, books", [
    ("/vv/oe/04/33/termin", True),  # wiesbaden.de: the office's own "…/termin" behind a booking button
    ("/buergerbuero/termin-vereinbaren/", True),  # the act as the path's verb
    ("/termine/", False),  # the plural: an overview or an events calendar
])
def test_a_booking_button_to_the_sites_own_booking_page(href, books):
    body = (f"<h1>Ausländerbehörde</h1><p>Vorsprachen nur mit Termin.</p>"
            f"<p><a class='button' href='{href}'>Termin vereinbaren</a></p>")
    got = values(appointments, wrap(body), url="https://www.stadt.de/vv/oe/04/33/auslaenderbehoerde")
    assert (got.get(P + "immigration_office") is True) is books


@pytest.mark.parametrize("body, expected", [
    # the phone channel with its number before "oder online": the pair is how one gets the appointment
    ("<h1>Bürgerbüro</h1><p>Termine bekommen Sie telefonisch unter 0123 45-67 bis -69 oder online.</p>",
     {P + "citizens_office": True}),
    # a number alone, without the online member, books nothing on line
    ("<h1>Bürgerbüro</h1><p>Termine bekommen Sie telefonisch unter 0123 45-67 bis -69.</p>", {}),
    # "– und zwar" names the channel of the condition before the dash: a restriction, not a new clause
    ("<h1>Ausländerbehörde</h1><p>Sie können nur vorsprechen, wenn Sie zuvor einen Termin "
     "ausgemacht haben – und zwar telefonisch unter 0123 4567 oder per E-Mail.</p>",
     {P + "immigration_office": False}),
    # "entweder … oder" over the phone and the mail restricts the office's appointments to them
    ("<h1>Standesamt</h1><p>Besuche sind nur mit Termin möglich. Termine vereinbaren Sie entweder "
     "telefonisch oder per E-Mail.</p>", {P + "registry_office": False}),
])
def test_channels_given_with_their_numbers_and_closed_lists(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the appointment named by the vehicle's act is the vehicle office's, wherever the sentence stands
    ("<h1>Aktuelles</h1><p>Einen Termin für die Zulassung vereinbaren Sie online.</p>",
     {P + "vehicle_registration_office": True}),
    ("<h1>Aktuelles</h1><p>Zulassungstermine werden jeden Morgen im Onlineportal freigeschaltet.</p>",
     {P + "vehicle_registration_office": True}),
])
def test_the_vehicle_office_named_by_its_appointment(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the booking verb put first takes its object from the sentence before …
    ("<h1>Bürgerbüro</h1><p>Auch weiterhin bieten wir feste Termine an. Gebucht wird online über die "
     "Webseite der Stadt.</p>", {P + "citizens_office": True}),
    # … or from the section heading over it
    ("<h1>Standesamt</h1><h2>Wie Sie zu Ihrem Termin kommen</h2><p>Reserviert wird über das Internet oder am "
     "Telefon.</p>", {P + "registry_office": True}),
    # no appointment in the context: the fronted verb books something else
    ("<h1>Bürgerbüro</h1><p>Die Stadtführungen beginnen im Mai. Gebucht wird online über die Webseite der "
     "Stadt.</p>", {}),
    # its own object is what it books, not the context's
    ("<h1>Bürgerbüro</h1><p>Termine gibt es am Schalter. Gebucht werden Stadtführungen online.</p>", {}),
    # an application put first is no booking, whatever the sentence before said about appointments
    ("<h1>Bürgerbüro</h1><p>Ein Termin ist nicht nötig. Beantragt wird online.</p>", {}),
])
def test_a_booking_verb_put_first_books_the_object_its_context_names(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a date in the heading of the office's rooms being rebuilt or moved is the building's date
    ("<h1>Ab Oktober wird das Bürgerbüro umgebaut</h1><p>Wer Wartezeit sparen will, bucht vorab online einen "
     "Termin.</p>", {P + "citizens_office": True}),
    ("<h1>Umzug des Standesamts ab März</h1><p>Termine buchen Sie wie gewohnt online.</p>",
     {P + "registry_office": True}),
    # what the heading announces for that date is still the booking when it is the booking
    ("<h1>Ab Oktober bucht das Bürgerbüro Termine online</h1><p>Dann wählen Sie online einen Termin.</p>",
     {P + "citizens_office": False}),
])
def test_a_dated_heading_on_the_offices_rooms_plans_no_booking(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the booking page is an online channel by what it is
    ("<h1>Bürgeramt</h1><p>Auf der Terminbuchungsseite der Stadt wählen Sie Ihr Anliegen.</p>",
     {P + "citizens_office": True}),
    # a heading foreseeing the end of a trouble plans no booking
    ("<h1>Bürgeramt: Die langen Wartezeiten könnten bald ein Ende haben</h1><p>Termine buchen Sie online "
     "über die Buchungsseite der Stadt.</p>", {P + "citizens_office": True}),
])
def test_the_booking_page_and_a_trouble_ending(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("sentence", [
    "Bei manchen Zulassungsstellen lassen sich Termine heute online reservieren.",
    "In der Regel vergibt jede Zulassungsstelle ihre Termine inzwischen online.",
    "Die allermeisten Zulassungsbehörden bieten eine Online-Terminvergabe an.",
])
def test_authorities_in_general_offer_no_citys_booking(sentence):
    """A quantifier before an office of any kind ("manche", "jede", "die allermeisten" … Zulassungsstellen,
    Behörden, Ämter) speaks of offices in general: a guide's advice, no city's offer."""
    got = values(appointments, wrap(f"<h1>Kfz-Zulassungsstelle</h1><p>{sentence}</p>"))
    assert got.get(P + "vehicle_registration_office") is not True


def test_a_citys_own_offices_counted_by_quantifier_are_still_its_own():
    """"in jedem Bürgerbüro" (every office of the city) and a quantifier over the city's own units are no
    generic statement: the booking stays the city's."""
    got = values(appointments, wrap("<h1>Bürgerbüro</h1><p>Termine können Sie in jedem Bürgerbüro online "
                                    "buchen.</p>"))
    assert got.get(P + "citizens_office") is True


def test_a_guide_to_authorities_that_never_names_the_city_books_nothing_for_it():
    """A page saying of offices in general "Jedes Bürgeramt …" and never naming the city is a guide: its
    booking sentence is advice for any office. The same page naming the city reads as before."""
    city = CityContext.from_website("05111999", "Musterhausen", "https://www.musterhausen.de/")
    body = ("<h1>Wissenswertes zum Bürgeramt</h1><p>Jedes Bürgeramt vergibt Termine für Ausweise.</p>"
            "<p>Termine können Sie online über das Terminportal buchen.</p>")
    guide = aggregate(findings(appointments, wrap(body, "Ratgeber Bürgeramt"),
                               "https://www.ratgeber-aemter.example/buergeramt", city=city))
    assert P + "citizens_office" not in guide or guide[P + "citizens_office"].value is not True
    own = aggregate(findings(appointments, wrap(body, "Bürgeramt - Stadt Musterhausen"),
                             "https://www.musterhausen.de/buergeramt", city=city))
    assert own[P + "citizens_office"].value is True


def test_an_office_compared_with_by_now_has_the_booking_the_sentence_denies_its_subject():
    """"Eine Online-Terminbuchung, wie sie das Bürgerbüro inzwischen anbietet, gibt es hier nicht": the office
    of the comparison books on line, the page's office does not."""
    got = values(appointments, wrap("<h1>Ausländerbehörde</h1><p>Eine Online-Terminbuchung, wie sie das "
                                    "Bürgerbüro inzwischen anbietet, gibt es hier nicht.</p>"))
    assert got[P + "citizens_office"] is True
    assert got[P + "immigration_office"] is False


def test_the_act_with_its_channel_after_it_books_on_line():
    """"Terminvereinbarung per Internet" (the channel as a phrase after the act noun) books on line."""
    got = values(appointments, wrap("<h1>Bürgerbüro</h1><p>Im Bürgerbüro gilt die Terminvereinbarung per "
                                    "Internet.</p>"))
    assert got[P + "citizens_office"] is True


@pytest.mark.parametrize("sentence, expected", [
    # an arrival in the present with a season, a month or a day still ahead: the booking is to come
    ("Im Sommer startet die Online-Terminvergabe im Standesamt.", None),
    ("Die Online-Terminvergabe des Standesamts geht im Herbst an den Start.", None),
    ("Die Online-Terminvergabe des Standesamts wird ab 2. Mai freigeschaltet.", None),
    # … the same booking told as running is there
    ("Die Online-Terminvergabe des Standesamts ist seit dem Sommer freigeschaltet.", True),
])
def test_an_arrival_with_a_time_ahead_books_nothing_yet(sentence, expected):
    body = f"<h1>Neues aus dem Rathaus</h1><p>{sentence}</p>"
    got = values(appointments, wrap(body)).get(P + "registry_office")
    assert (got or None) is expected


def test_a_council_speaking_out_for_online_booking_books_nothing_yet():
    # support from a body is a step towards the offer, not the offer
    body = ("<h1>Aus dem Ortschaftsrat</h1><p>Der Ortschaftsrat hat sich mit breiter Mehrheit für eine "
            "Online-Terminvergabe im Standesamt ausgesprochen.</p>")
    assert values(appointments, wrap(body)).get(P + "registry_office") is not True
