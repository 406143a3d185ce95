"""The statement reader on the phenomena of real municipal pages (own wording, one phenomenon each)."""

from __future__ import annotations

import pytest

from extractors import appointments, e_payment, online_services
from extractors.aggregate import aggregate
from extractors.page import Page
from extractors.patterns import load_patterns
from extractors.reading import read
from sci.errors import DataError
from tests.extractors.detect_helpers import DATA, findings, values, wrap

A = "online_appointments."
S = "online_services."


@pytest.mark.parametrize("body, expected", [
    # an intro ending in ':' governs the list of offices below it
    ("<h1>Termine</h1><p>Einen Termin online vereinbaren können Sie hier für:</p>"
     "<ul><li>das Bürgeramt</li><li>die Zulassungsstelle</li></ul>",
     {A + "citizens_office": True, A + "vehicle_registration_office": True}),
    # the same list written as short paragraphs (CMS line breaks)
    ("<p>Nutzen Sie die Möglichkeit, einen Termin online zu vereinbaren:</p>"
     "<p>hier für das Amt für Ausländerwesen und Migration</p><p>hier für das Standesamt</p>",
     {A + "immigration_office": True, A + "registry_office": True}),
    # negation with local scope: one office online, another explicitly not
    ("<p>Termine im Kundenzentrum können Sie online buchen, für das Ausländeramt gibt es dagegen keine "
     "Online-Buchung.</p>",
     {A + "citizens_office": True, A + "immigration_office": False}),
    # channel restriction
    ("<h2>Straßenverkehrsamt</h2><p>Termine werden ausschließlich per E-Mail vergeben.</p>",
     {A + "vehicle_registration_office": False}),
    # a heading governs its paragraphs; inflected verb
    ("<h2>Gewerbeabteilung</h2><p>Ihr Termin kann bequem über das Internet gebucht werden.</p>",
     {A + "trade_office": True}),
    # registry office named by its service
    ("<p>Für die Anmeldung der Eheschließung reservieren Sie bitte online einen Termin.</p>",
     {A + "registry_office": True}),
    # planned is not live
    ("<p>Eine Online-Terminvergabe für das Bürgerbüro ist für das kommende Jahr geplant.</p>",
     {A + "citizens_office": False}),
    # English page
    ("<p>You can make an appointment online at the Citizens' Office.</p>", {A + "citizens_office": True}),
    # the next sentence says the offer is still to come
    ("<p>Noch bequemer wird es, wenn Sie Ihren Termin im Bürgerbüro selbst im Internet buchen können. "
     "Diese Möglichkeit soll kommen, voraussichtlich im nächsten Jahr.</p>", {A + "citizens_office": False}),
    # a restriction of the past is none
    ("<h2>Bürgerbüro</h2><p>Bisher gab es Termine nur telefonisch. Jetzt buchen Sie Ihren Termin online.</p>",
     {A + "citizens_office": True}),
    # the county's office, not the city's
    ("<p>Termine bei der Zulassungsstelle des Landkreises vergibt der Landkreis online über seine "
     "Internetseite.</p>", {}),
])
def test_appointments(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # elliptical coordination
    ("<p>Die Kfz-An- und Abmeldung können Sie vollständig online erledigen.</p>",
     {S + "vehicle_registration": True, S + "vehicle_deregistration": True}),
    ("<p>Ihr Gewerbe können Sie an-, um- und abmelden – auch online über das Serviceportal.</p>",
     {S + "business_registration": True, S + "business_deregistration": True}),
    # verb variety and separable verbs
    ("<h1>Meldebescheinigung</h1><p>Stellen Sie Ihren Antrag bequem über das Serviceportal.</p>",
     {S + "registration_certificate": True}),
    ("<p>Eine Melderegisterauskunft können Sie auch online anfordern.</p>",
     {S + "register_information": True}),
    # negation in the clause
    ("<p>Die Ummeldung kann leider nicht online beantragt werden.</p>", {S + "change_of_address": False}),
    # "nicht mehr" does not deny the offer
    ("<p>Für die Meldebescheinigung müssen Sie nicht mehr ins Rathaus: Sie können sie online beantragen.</p>",
     {S + "registration_certificate": True}),
])
def test_online_services(body, expected):
    assert values(online_services, wrap(body)) == expected


def test_evidence_quotes_the_page_not_the_expansion():
    html = wrap("<p>Die Kfz-An- und Abmeldung können Sie vollständig online erledigen.</p>")
    for f in findings(online_services, html):
        assert f.snippet == "Die Kfz-An- und Abmeldung können Sie vollständig online erledigen."
    item = aggregate(findings(appointments, wrap(
        "<p>Einen Termin online vereinbaren können Sie hier für:</p><ul><li>das Bürgeramt</li></ul>")))
    snip = item[A + "citizens_office"].best.snippet
    assert snip == "Einen Termin online vereinbaren können Sie hier für: … das Bürgeramt"


@pytest.mark.parametrize("body, expected", [
    ("<h1>Meldebescheinigung</h1><p>Die Gebühr bezahlen Sie dabei gleich im Antrag mit giropay.</p>",
     {"citizens_office.e_payment": True}),
    # a card at the counter is not ePayment
    ("<p>Im Bürgerbüro zahlen Sie die Gebühr bar oder mit Kreditkarte.</p>", {}),
    # a vehicle office's fee is not a citizens' office service
    ("<h1>Kfz-Zulassung</h1><p>Die Gebühr bezahlen Sie online mit giropay.</p>", {}),
])
def test_e_payment(body, expected):
    assert values(e_payment, wrap(body)) == expected


@pytest.mark.parametrize("module, body, expected", [
    # a section heading naming part of the page's topic narrows it ("Abmeldung" of the business)
    (online_services, "<h1>Gewerbean-, -um- und -abmeldung</h1><h2>Anmeldung</h2>"
     "<p>Den Antrag stellen Sie online über das Serviceportal.</p><h2>Abmeldung</h2>"
     "<p>Die Aufgabe des Betriebs teilen Sie uns nur schriftlich mit.</p>",
     {S + "business_registration": True, S + "business_deregistration": False}),
    # a section heading read in the page heading's context: this "Ummeldung" is the business's
    (online_services, "<h1>Gewerbe</h1><h2>Ummeldung</h2><p>Dafür gibt es unseren Online-Antrag.</p>", {}),
    # a subject named once on a page about something else is not the page's topic
    (online_services, "<h1>Neu: unser digitaler Assistent</h1><p>Er kennt sich etwa mit der Gewerbeanmeldung "
     "aus.</p><p>Alle Online-Dienste finden Sie im Serviceportal.</p>", {}),
    # ... named twice it is
    (online_services, "<h1>Hinweise</h1><p>Für die Gewerbeanmeldung brauchen Sie den Ausweis.</p>"
     "<p>Die Gewerbeanmeldung gibt es als Online-Dienst im Serviceportal.</p>",
     {S + "business_registration": True}),
    # "Meldestelle" inside "Gewerbemeldestelle" is not the registration office
    (appointments, "<h1>Gewerbemeldestelle</h1><p>Ihren Termin buchen Sie online.</p>",
     {A + "trade_office": True}),
    # office synonyms: the immigration office named by its field
    (appointments, "<h1>Aufenthaltsrecht</h1><p>Termine vereinbaren Sie über unser Online-Terminsystem.</p>",
     {A + "immigration_office": True}),
    (appointments, "<h2>Reisegewerbekarte</h2><p>Termin online reservieren</p>", {A + "trade_office": True}),
    # "nicht nötig" is about the visitor's effort, not a denial of the offer
    (appointments, "<h2>Standesamt</h2><p>Anrufe sind nicht nötig: Den Trautermin buchen Sie online.</p>",
     {A + "registry_office": True}),
])
def test_scope_and_synonyms(module, body, expected):
    assert values(module, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a denial for some cases only does not outweigh the offer
    ("<h1>Bewohnerparkausweis</h1><p>Den Ausweis beantragen Sie über unseren Online-Antrag.</p>"
     "<p>Bei Verlust des Ausweises ist das online nicht möglich.</p>", {S + "resident_parking_permit": True}),
    ("<h1>Kfz-Abmeldung</h1><p>Sie können Ihr Fahrzeug online abmelden.</p>"
     "<p>Ältere Fahrzeugscheine haben keinen Code; diese Fahrzeuge lassen sich nicht online abmelden.</p>",
     {S + "vehicle_deregistration": True}),
    # alone, the same denial still says no
    ("<h1>Bewohnerparkausweis</h1><p>Bei Verlust des Ausweises ist das online nicht möglich.</p>",
     {S + "resident_parking_permit": False}),
    # the act as a noun with a verb of happening
    ("<h1>Krippe und Hort</h1><p>Die Anmeldung erfolgt ausschließlich über unser Elternportal im "
     "Internet.</p>",
     {S + "daycare_registration": True}),
])
def test_exceptions_and_nominal_acts(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the heading names the thing, the clause's nouns the acts
    ("<h1>Kfz-Zulassung</h1><p>Alle Zulassungen und Abmeldungen beantragen Sie online.</p>",
     {S + "vehicle_registration": True, S + "vehicle_deregistration": True}),
    # another act than the heading's: only that act
    ("<h1>Gewerbeanmeldung</h1><p>Die Abmeldung ist nur persönlich möglich.</p>",
     {S + "business_deregistration": False}),
])
def test_heading_thing_and_clause_act(body, expected):
    assert values(online_services, wrap(body)) == expected


def test_a_verb_is_no_act():
    # logging in with the online ID ("sich anmelden") is not registering a vehicle
    body = ("<h1>Fahrzeug außer Betrieb setzen</h1><p>Im Portal können Sie sich mit dem Online-Ausweis "
            "anmelden.</p>")
    assert S + "vehicle_registration" not in values(online_services, wrap(body))


@pytest.mark.parametrize("body, expected", [
    # the page heading says the offer is still to come
    ("<h1>Anwohnerparken: Antrag ab März auch im Internet</h1><p>Dann beantragen Sie den Bewohnerparkausweis "
     "online.</p>", {S + "resident_parking_permit": False}),
    ("<h1>Online-Meldebescheinigung kommt im Frühjahr</h1><p>Die Meldebescheinigung fordern Sie dann online "
     "an.</p>", {S + "registration_certificate": False}),
    # catalogue text about any authority is no offer of this city
    ("<h1>Wohnsitz ummelden</h1><p>Bietet Ihre Gemeinde einen Online-Zugang an, können Sie die "
     "Ummeldung auch dort erledigen.</p>", {}),
    ("<p>In manchen Gemeinden können Sie die Melderegisterauskunft online beantragen.</p>", {}),
    # a plain heading with a date in the text stays live
    ("<h1>Meldebescheinigung</h1><p>Seit Oktober beantragen Sie die Meldebescheinigung online.</p>",
     {S + "registration_certificate": True}),
])
def test_planned_headings_and_generic_text(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("module, body, expected", [
    # the negator denies the visit, not the offer
    (online_services, "<h1>Gewerbeabmeldung</h1><p>Falls Sie nicht persönlich vorsprechen wollen, melden "
     "Sie Ihr Gewerbe einfach online ab.</p>", {S + "business_deregistration": True}),
    (online_services, "<p>Für die Melderegisterauskunft brauchen Sie keinen Behördengang: Sie fordern sie "
     "online an.</p>", {S + "register_information": True}),
    # "kein" before another noun denies that noun
    (appointments, "<h2>Bürgerbüro</h2><p>Termine buchen Sie online; kurze Wartezeiten sind kein Zufall.</p>",
     {A + "citizens_office": True}),
    # … but an offer noun carries the denial onto the offer
    (appointments, "<h2>Bürgerbüro</h2><p>Es gibt keine Möglichkeit, Termine online zu buchen.</p>",
     {A + "citizens_office": False}),
    # booking suspended
    (appointments, "<h2>Zulassungsstelle</h2><p>Neue Termine werden zurzeit nicht vergeben.</p>",
     {A + "vehicle_registration_office": False}),
])
def test_what_a_negator_denies(module, body, expected):
    assert values(module, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # "z. B." and "15." end no sentence: the case phrase stays with its denial
    ("<h1>Bewohnerparkausweis</h1><p>Beantragen Sie den Ausweis online.</p><p>Bei Änderungen wie z. B. einem "
     "Umzug ist der Online-Antrag noch nicht möglich.</p>", {S + "resident_parking_permit": True}),
    ("<h1>Gewerbeabmeldung</h1><p>Die Abmeldung erledigen Sie online.</p><p>Bei Betrieben, die vor dem "
     "1. Januar 2020 angemeldet wurden, ist das nicht online möglich.</p>",
     {S + "business_deregistration": True}),
    # a relative clause describes a noun and borrows no cue
    ("<p>Online abmelden können Sie jedes Fahrzeug, das nach 2015 zugelassen wurde.</p>",
     {S + "vehicle_deregistration": True}),
])
def test_sentences_and_relative_clauses(body, expected):
    assert values(online_services, wrap(body)) == expected


def test_a_parenthesis_is_a_clause_of_its_own():
    # the booking hint in parentheses is about the counter; the online channel is the service's
    body = ("<p>Den Bewohnerparkausweis beantragen Sie im Bürgerbüro (bitte vorher einen Termin vereinbaren) "
            "oder online über das Serviceportal.</p>")
    got = values(appointments, wrap(body))
    assert A + "citizens_office" not in got


def test_e_payment_through_the_application_system():
    body = ("<h1>Meldebescheinigung</h1><p>Sie fordern die Bescheinigung online an; die Gebühr bezahlen Sie "
            "direkt über das System.</p>")
    assert values(e_payment, wrap(body)) == {"citizens_office.e_payment": True}


@pytest.mark.parametrize("module, body, expected", [
    # an enumeration opened by an article is no relative clause
    (online_services, "<p>Online erledigen Sie etwa die Gewerbeanmeldung, das Führungszeugnis oder die "
     "Meldebescheinigung.</p>", {S + "business_registration": True, S + "registration_certificate": True}),
    # the visitor's wish is no denial of the offer
    (appointments, "<h1>Stadtbüro</h1><p>Termine buchen Sie im Internet. Wer nicht online buchen möchte, "
     "ruft uns an.</p>", {A + "citizens_office": True}),
    # a colon opening a new main clause
    (online_services, "<p>Online abmelden lässt sich ein Fahrzeug, das 2016 zugelassen wurde: Es hat einen "
     "Sicherheitscode, und der Fahrzeugschein ein Codefeld.</p>", {S + "vehicle_deregistration": True}),
])
def test_clause_boundaries_and_wishes(module, body, expected):
    assert values(module, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # "dort" is the online place the sentence before named
    ("<h2>Standesamt</h2><p>Freie Trautermine sehen Sie im Internet. Dort reservieren Sie auch Ihren "
     "Termin.</p>", {A + "registry_office": True}),
    # … an offline one stays offline
    ("<h2>Standesamt</h2><p>Das Standesamt finden Sie im Rathaus. Dort vereinbaren Sie auch Ihren "
     "Termin.</p>", {}),
])
def test_there_refers_to_the_place_named_before(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a plan said with a modal
    ("<p>Ab Herbst soll es möglich sein, die Meldebescheinigung online zu beantragen.</p>",
     {S + "registration_certificate": False}),
    # a headline offer whose text only plans it
    ("<h1>Bewohnerparkausweis online beantragen</h1><p>Den Bewohnerparkausweis online zu beantragen, soll "
     "im nächsten Jahr möglich sein.</p>", {S + "resident_parking_permit": False}),
    # a headline offer whose text confirms it stays
    ("<h1>Bewohnerparkausweis online beantragen</h1><p>Den Bewohnerparkausweis beantragen Sie jetzt online."
     "</p>", {S + "resident_parking_permit": True}),
    # the act written as one word
    ("<p>Ihr Fahrzeug können Sie auch online außerbetriebsetzen.</p>", {S + "vehicle_deregistration": True}),
    # a plan in the future with an infinitive, or of what people shall be able to do
    ("<p>Das neue Kita-Portal wird die Online-Anmeldung für alle Einrichtungen ermöglichen.</p>",
     {S + "daycare_registration": False}),
    ("<p>Nach der Registrierung sollen Eltern die Kita-Anmeldung online erledigen können.</p>",
     {S + "daycare_registration": False}),
    # the passive keeps its participle: live
    ("<p>Die Kita-Anmeldung wird online über das Elternportal angeboten.</p>",
     {S + "daycare_registration": True}),
    # a date-led first line whose page plans the offer elsewhere is the announcement, not the offer
    ("<p>Ab dem 1. Januar meldet die Stadt alle Kita-Plätze über das Elternportal online an.</p>"
     "<p>Die Kita-Anmeldung soll künftig vollständig digital laufen.</p>",
     {S + "daycare_registration": False}),
    # …alone it is read as before
    ("<p>Ab dem 1. Januar meldet die Stadt alle Kita-Plätze über das Elternportal online an.</p>",
     {S + "daycare_registration": True}),
])
def test_plans_headlines_and_one_word_acts(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a short heading that only denies heads the excepted cases
    ("<h1>Kfz-Abmeldung</h1><p>Ihr Fahrzeug melden Sie hier online ab.</p><h2>Nicht online möglich</h2>"
     "<ul><li>Fahrzeuge mit Saisonkennzeichen</li><li>Anhänger</li></ul>",
     {S + "vehicle_deregistration": True}),
    # alone it still denies
    ("<h1>Kfz-Abmeldung</h1><h2>Nicht online möglich</h2><p>Bitte kommen Sie zur Zulassungsstelle.</p>",
     {S + "vehicle_deregistration": False}),
])
def test_exception_headings(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a heading that says "online" and names nothing lists what is online
    ("<h1>Service</h1><h2>Online möglich sind jetzt</h2><p>Wiederzulassungen</p>"
     "<p>Melderegisterauskünfte</p>", {S + "vehicle_registration": True, S + "register_information": True}),
    # a heading naming a subject governs as before, a long paragraph is no list line
    ("<h1>Service</h1><h2>Online möglich sind jetzt</h2><p>Für die Wiederzulassung eines Fahrzeugs, das "
     "lange stillgelegt war, brauchen Sie eine neue Hauptuntersuchung, eine Versicherungsbestätigung und die "
     "Zulassungsbescheinigung Teil II, die Sie bei uns vorlegen.</p>", {}),
])
def test_list_under_an_online_heading(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # among paper channels "elektronisch" is e-mail or a scan, not an online service
    ("<h1>Gewerbeabmeldung</h1><p>Die Abmeldung reichen Sie persönlich, schriftlich oder elektronisch "
     "ein.</p>", {}),
    # alone it is online
    ("<h1>Gewerbeabmeldung</h1><p>Die Abmeldung reichen Sie elektronisch über das Formular ein.</p>",
     {S + "business_deregistration": True}),
    # English denial
    ("<h1>Registering your residence</h1><p>This cannot be completed online or by post.</p>",
     {S + "change_of_address": False}),
])
def test_paper_channels_and_english_denials(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the plan sits in the clause that names the offices, the offer in the clause after a relative split
    ("<p>Nach einer Umfrage sollen künftig auch Führerscheinstelle und Standesamt, die Wohngeldstelle sowie "
     "die Schulverwaltung online buchbare Termine anbieten.</p>", {A + "registry_office": False}),
    # a live offer in the same shape stays live
    ("<p>Seit März können auch Führerscheinstelle und Standesamt, die Wohngeldstelle sowie die "
     "Schulverwaltung online buchbare Termine anbieten.</p>", {A + "registry_office": True}),
])
def test_a_plan_in_the_names_clause(body, expected):
    assert values(appointments, wrap(body)) == expected


def test_a_denial_read_from_the_page_title_is_weaker_than_the_named_offer():
    # "Zuzüge aus dem Ausland …" names no subject term and reaches the service only through the page's
    # title: a case excepted from the offer the page names, not a denial of it
    body = ("<h1>Umzug jetzt online melden</h1><p>Die Stadt bietet ab sofort die elektronische "
            "Wohnsitzanmeldung an.</p><h2>Was Sie brauchen</h2><p>Zuzüge aus dem Ausland und Nebenwohnungen "
            "sind online noch nicht möglich.</p>")
    assert values(online_services, wrap(body)) == {S + "change_of_address": True}
    # alone, the denial still says the service is not online
    alone = "<h1>Umzug melden</h1><h2>Hinweis</h2><p>Das ist online noch nicht möglich.</p>"
    assert values(online_services, wrap(alone)) == {S + "change_of_address": False}


@pytest.mark.parametrize("body, expected", [
    # an obligation to come in person restricts the service to the counter …
    ("<h1>Gewerbeanmeldung</h1><p>Die Gewerbetreibenden müssen dafür persönlich ins Rathaus kommen.</p>",
     {S + "business_registration": False}),
    # … a denied one does not, and an online act in the window is no restriction
    ("<h1>Gewerbeanmeldung</h1><p>Sie müssen nicht mehr persönlich ins Rathaus kommen: die "
     "Gewerbeanmeldung können Sie online erledigen.</p>", {S + "business_registration": True}),
    ("<h1>Gewerbeanmeldung</h1><p>Den Antrag müssen Sie online über das Serviceportal stellen.</p>",
     {S + "business_registration": True}),
])
def test_an_obligation_to_come_in_person_is_a_restriction(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a motion's page: what it says about online booking is the wish
    ("<h1>Antrag: Online-Terminvergabe für das Bürgerbüro</h1><p>Die Verwaltung wird beauftragt, die "
     "Terminvergabe umzustellen.</p><p>Termine im Bürgerbüro können dann online gebucht werden.</p>", {}),
    # …unless the sentence says the offer is there now
    ("<h1>Antrag: Chatbot für das Bürgerbüro</h1><p>Die Verwaltung wird beauftragt, einen Chatbot zu "
     "prüfen.</p><p>Wer heute einen Termin im Bürgerbüro will, muss ihn vorher online buchen.</p>",
     {A + "citizens_office": True}),
])
def test_a_motion_page_asks_for_the_offers_it_names(body, expected):
    assert values(appointments, wrap(body)) == expected


def test_a_form_filled_in_on_screen_and_printed_is_paper():
    body = ("<p>Einige Formulare können Sie zu Hause am Computer ausfüllen und anschließend ausdrucken, zum "
            "Beispiel:</p><ul><li>Antrag auf eine Meldebescheinigung (PDF)</li></ul>")
    assert values(online_services, wrap(body)) == {}
    # filled in and sent online, it is an online service
    online = ("<p>Den Antrag auf eine Meldebescheinigung können Sie am Computer ausfüllen und online "
              "absenden.</p>")
    assert values(online_services, wrap(online)) == {S + "registration_certificate": True}


@pytest.mark.parametrize("body, expected", [
    # a start date before a launch verb announces the offer (a Kita's page before the city's portal went live)
    ("<h1>Anmeldung</h1><p>Ab dem 1. November 2017 führt die Stadt den Kita-Navigator ein – ein "
     "Online-Vormerksystem für die Plätze in allen Kitas.</p>", {S + "daycare_registration": False}),
    ("<h1>Kita-Platz</h1><p>Zum 1. März schaltet die Stadt ihr Kita-Portal frei, dann können Eltern ihr "
     "Kind online anmelden.</p>", {S + "daycare_registration": False}),
    # a dated offer without a launch verb stays what the page says it is
    ("<h1>Kita-Platz</h1><p>Ab dem 1. März können Eltern ihr Kind über das Kita-Portal online "
     "anmelden.</p>", {S + "daycare_registration": True}),
])
def test_a_launch_on_a_date_announces_the_offer(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # setting the offer up, in the active with the separable verb: work under way, as "wird eingerichtet"
    ("<p>Mit dem Rechenzentrum richtet die Stadt ein Portal ein, über das Eltern die Kita-Anmeldung online "
     "erledigen.</p>", {S + "daycare_registration": False}),
    ("<p>Die Stadt baut derzeit eine Plattform auf, auf der Eltern ihr Kind online für die Kita "
     "anmelden.</p>", {S + "daycare_registration": False}),
    # the reader's own setting up is no plan of the city's ("richten Sie … ein")
    ("<p>Auf dem Kita-Portal richten Sie ein Konto ein und melden Ihr Kind online für die Kita an.</p>",
     {S + "daycare_registration": True}),
])
def test_setting_the_offer_up_plans_it(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a short link line closing a paragraph speaks of what the paragraph names
    ("<p>Ab Dienstag empfängt das Bürgerbüro wieder Besucherinnen und Besucher mit vereinbartem Termin.</p>"
     "<p>» Hier vereinbaren Sie Ihren Termin online.</p>", {A + "citizens_office": True}),
    # a line that is not opened by a pointing word, or a long one, is no such link
    ("<p>Ab Dienstag empfängt das Bürgerbüro wieder Besucherinnen und Besucher mit vereinbartem Termin.</p>"
     "<p>Einen Termin vereinbaren Sie online.</p>", {}),
    ("<p>Ab Dienstag empfängt das Bürgerbüro wieder Besucherinnen und Besucher mit vereinbartem Termin.</p>"
     "<p>Hier im Rathaus können Sie für viele weitere Stellen der Verwaltung ebenfalls einen Termin online "
     "vereinbaren.</p>", {}),
])
def test_a_link_line_closes_the_paragraph_before(body, expected):
    assert values(appointments, wrap(body)) == expected


def test_a_link_line_adds_nothing_to_a_paragraph_that_says_how_itself():
    # the paragraph plans the deregistration itself: "Zum Portal" under it does not make it live
    body = ("<p>Ihr Gewerbe melden Sie schon jetzt online an. Die Abmeldung soll ab dem 1. November auf "
            "diesem Weg möglich werden.</p><p>Zum Gewerbe-Service-Portal</p>")
    assert values(online_services, wrap(body)).get(S + "business_deregistration") is not True


def test_a_link_line_after_a_list_of_exceptions_is_no_closing_link():
    # "Zum Online-Dienst" after the items under "Nicht online möglich" speaks of none of them
    body = ("<h2>Nicht online möglich</h2><ul><li>Krafträder mit Wechselkennzeichen</li><li>die "
            "Erstzulassung eines Fahrzeugs</li></ul><p>Zum Online-Dienst der Zulassungsstelle</p>")
    assert values(online_services, wrap(body)).get(S + "vehicle_registration") is not True


@pytest.mark.parametrize("body, expected", [
    # a negation inside a condition on the visitor, before a verb of ability or wish, denies nothing
    ("<h1>Ummeldung</h1><p>Mit dem Onlinedienst melden Sie sich von zu Hause um.</p><p>Wer den Onlinedienst "
     "nicht nutzen kann, meldet sich persönlich im Bürgerbüro an.</p>", {S + "change_of_address": True}),
    # the offer's own denial stays one
    ("<h1>Ummeldung</h1><p>Die Ummeldung ist online nicht möglich; melden Sie sich im Bürgerbüro an.</p>",
     {S + "change_of_address": False}),
])
def test_a_negation_about_the_visitors_ability_denies_no_offer(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the visitor who cannot cope with the online booking, or has no internet, presupposes it
    ("<h2>Bürgerbüro</h2><p>Wer sich mit der Online-Terminbuchung schwertut und damit nicht zurechtkommt, "
     "erreicht das Bürgerbüro auch per Telefon.</p>", {A + "citizens_office": True}),
    ("<h2>Standesamt</h2><p>Falls Sie mit dem Online-Terminkalender nicht klarkommen, ruft Sie das Team "
     "gern zurück.</p>", {A + "registry_office": True}),
    # … also in a condition opened by "Sollten Sie" (owner.yaml condition_openers)
    ("<h2>Ausländerbehörde</h2><p>Sollten Sie unsere Online-Terminvergabe nicht nutzen können, schreiben Sie "
     "uns eine E-Mail.</p>", {A + "immigration_office": True}),
    ("<h2>Zulassungsstelle</h2><p>Wer über keinen Internetzugang verfügt, bekommt den Online-Termin auch an "
     "der Info.</p>", {A + "vehicle_registration_office": True}),
    # a condition on the offer itself, without the visitor's verb, still denies
    ("<h2>Bürgerbüro</h2><p>Da es keine Online-Terminvergabe gibt, rufen Sie bitte an.</p>",
     {A + "citizens_office": False}),
])
def test_a_negation_about_the_visitors_coping_denies_no_booking(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # no free slot left is a count of slots, not a denial of the booking
    ("<h2>Bürgeramt</h2><p>Im Online-Kalender sind für diese Woche keine Termine mehr frei.</p>", {}),
    ("<h2>Bürgeramt</h2><p>Termine buchen Sie online. Derzeit sind leider keine freien Termine da.</p>",
     {A + "citizens_office": True}),
    ("<h2>Standesamt</h2><p>Finden Sie online keinen passenden Termin, hilft das Team am Telefon.</p>", {}),
    # the visitor's own booking, in a relative clause
    ("<h2>Zulassungsstelle</h2><p>Besucher, die keinen Online-Termin gebucht haben, bedienen wir nur in "
     "Notfällen.</p>", {A + "vehicle_registration_office": True}),
    # the visit without the booking is what is denied: the booking is a duty
    ("<h2>Ausländerbehörde</h2><p>Ohne Online-Termin ist eine Vorsprache leider nicht möglich.</p>",
     {A + "immigration_office": True}),
    # the offer's own denial and a pause of all new slots stay denials
    ("<h2>Bürgeramt</h2><p>Eine Online-Terminvergabe ist im Bürgeramt nicht möglich.</p>",
     {A + "citizens_office": False}),
    ("<h2>Bürgeramt</h2><p>Bis Ende Mai werden keine weiteren Online-Termine vergeben.</p>",
     {A + "citizens_office": False}),
    # the appointment the visitor did not get, and the visitor's equipment
    ("<h2>Bürgeramt</h2><p>Haben Sie über die Online-Terminvergabe keinen Termin erhalten, kommen Sie "
     "dienstags ohne Termin.</p>", {A + "citizens_office": True}),
    ("<h2>Standesamt</h2><p>Paare, die nicht über einen Internetzugang verfügen, buchen den Online-Termin "
     "mit Hilfe des Teams.</p>", {A + "registry_office": True}),
])
def test_a_negation_of_the_slots_or_the_visit_presupposes_the_booking(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the online word of another offer in the other conjunct is not the appointment's channel
    ("<h2>Bürgerbüro</h2><p>Die Stadt bittet, vorher einen Termin zu vereinbaren oder die digitalen "
     "Angebote zu nutzen.</p>", {}),
    ("<h2>Bürgerbüro</h2><p>Vereinbaren Sie bitte einen Termin und nutzen Sie für Bescheinigungen unsere "
     "Online-Dienste.</p>", {}),
    # a channel after a preposition is the booking's own
    ("<h2>Bürgerbüro</h2><p>Einen Termin vereinbaren Sie telefonisch oder über unseren Online-Service.</p>",
     {A + "citizens_office": True}),
])
def test_another_offers_online_word_in_a_conjunct_books_nothing(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # an office named only to be set apart lends the booking sentence no subject
    ("<h1>Neue Servicezeiten</h1><p>Bisher hatte die Verwaltung – ausgenommen das Bürgerbüro und die "
     "Außenstellen, die eigene Zeiten haben – 30 Stunden geöffnet. Wer ein Amt besuchen will, vereinbart "
     "einen Termin: per Telefon, E-Mail oder über die Onlineterminvergabe.</p>"
     "<p>Die Öffnungszeiten des Bürgerbüros bleiben.</p>", {}),
    ("<p>Termine für alle Anliegen außer dem Standesamt buchen Sie online.</p>", {}),
    ("<p>Mit Ausnahme der Zulassungsstelle vergeben alle Ämter Termine auch online.</p>", {}),
    # "außer Betrieb" excludes no office
    ("<h2>Bürgerbüro</h2><p>Der Automat ist außer Betrieb. Termine buchen Sie online.</p>",
     {A + "citizens_office": True}),
])
def test_an_excluded_office_lends_no_subject(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the nearest sentence narrows the talk to one office named before: the booking is that office's
    ("<h1>Bürgerbüro und Standesamt ziehen um</h1><p>Schon vereinbarte Termine im Bürgerbüro und im "
     "Standesamt gelten weiter. Im Bürgerbüro braucht man wie bisher einen Termin. Termine buchen Sie online "
     "über www.stadt.de oder telefonisch.</p>", {A + "citizens_office": True}),
    ("<p>Schon vereinbarte Termine im Bürgerbüro und im Standesamt gelten weiter. Im Bürgerbüro braucht "
     "man wie bisher einen Termin. Termine buchen Sie online über www.stadt.de.</p>",
     {A + "citizens_office": True}),
    # a notice listing offices over several sentences: every office named lends
    ("<p>Das Bürgerbüro ist montags geöffnet. Das Standesamt öffnet dienstags. Termine buchen Sie online "
     "über www.stadt.de.</p>", {A + "citizens_office": True, A + "registry_office": True}),
    ("<h1>Bürgerbüro und Standesamt</h1><p>Das Bürgerbüro ist montags geöffnet. Das Standesamt öffnet "
     "dienstags. Termine buchen Sie online über www.stadt.de.</p>",
     {A + "citizens_office": True, A + "registry_office": True}),
])
def test_a_booking_sentence_takes_the_nearest_narrowing_offices(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a clause naming no office takes the office of the sentence's clause before it, nearer than a heading
    # naming two: the restriction is the Ausländeramt's, the Bürgerbüro's online booking stands (issue 11)
    ("<h1>Ausländerbehörde und Bürgerbüro</h1><p>Im Bürgerbüro können Sie Termine online buchen. Eine "
     "Online-Terminbuchung gibt es für das Ausländeramt nicht; Termine vergibt es nur telefonisch.</p>",
     {A + "citizens_office": True, A + "immigration_office": False}),
    # without an office in the sentence the heading's offices still take it
    ("<h1>Ausländerbehörde und Bürgerbüro</h1><p>Termine vergeben beide nur telefonisch.</p>",
     {A + "citizens_office": False, A + "immigration_office": False}),
])
def test_a_clause_takes_the_office_its_sentence_named_before(body, expected):
    assert values(appointments, wrap(body)) == expected


def test_the_rule_names_the_scope_the_subject_came_from():
    # the first finding of a statement kept the statement's text as its scope: the confidence model reads the
    # part after "@" as a feature
    html = wrap("<h2>Bürgerbüro</h2><p>Termine buchen Sie online.</p>")
    assert [f.rule.partition("@")[2] for f in findings(appointments, html)] == ["scope"]


@pytest.mark.parametrize("body, expected", [
    # a negator after a verb of meaning or guarantee denies an effect of the offer, which it presupposes
    ("<h1>Kita-Anmeldung</h1><p>Die Online-Anmeldung bedeutet nicht, dass Ihr Kind einen Platz bekommt.</p>",
     {"online_services.daycare_registration": True}),
    ("<h1>Kita-Portal</h1><p>Über das Kita-Portal melden Sie Ihr Kind online an. Die Online-Anmeldung "
     "garantiert keinen Platz in der Wunsch-Kita.</p>", {"online_services.daycare_registration": True}),
    # … and before a word of binding force it qualifies the offer
    ("<h1>Kita-Portal</h1><p>Über das Kita-Portal melden Sie Ihr Kind online an. Die Online-Vormerkung ist "
     "keine verbindliche Anmeldung.</p>", {"online_services.daycare_registration": True}),
    ("<h1>Kita-Portal</h1><p>Über das Kita-Portal melden Sie Ihr Kind online an. Die Online-Anmeldung "
     "bedeutet nicht automatisch eine Zusage.</p>", {"online_services.daycare_registration": True}),
    # the offer itself denied stays denied
    ("<h1>Kita-Anmeldung</h1><p>Eine Online-Anmeldung bieten wir derzeit nicht an.</p>",
     {"online_services.daycare_registration": False}),
])
def test_a_negated_effect_presupposes_the_offer(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a colon before a noun and "und" opens a list of the cue's objects, not a clause of its own
    ("<h1>Bürgeramt</h1><p>Weiterhin nutzen können Sie unsere Online-Angebote: Bewohnerparkausweise und "
     "Meldebescheinigungen.</p>",
     {"online_services.resident_parking_permit": True, "online_services.registration_certificate": True}),
    # … a colon before a sentence still ends the clause: the hint names no online offer
    ("<h1>Bürgeramt</h1><p>Online-Terminvergabe: Bitte bringen Sie zur Ummeldung Ihren Ausweis mit.</p>", {}),
])
def test_a_colon_before_a_noun_list(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # an FAQ's yes/no question asks whether the offer exists; its answer says it (here: no longer)
    ("<h1>Bürgeramt: Fragen und Antworten</h1><dl><dt>Kann ich noch einen Termin online buchen?</dt>"
     "<dd>Seit April haben wir ohne Termin geöffnet.</dd></dl>", {}),
    ("<h1>Bürgerbüro</h1><p>Gibt es eine Online-Terminvergabe? Fragen Sie uns am Telefon.</p>", {}),
    # a question opened by a pronoun invites, and the answer that follows offers
    ("<h1>Bürgerbüro</h1><p>Sie möchten einen Termin online buchen? Nutzen Sie unsere "
     "Online-Terminvergabe.</p>", {A + "citizens_office": True}),
    ("<h1>Bürgerbüro</h1><dl><dt>Kann ich einen Termin online buchen?</dt>"
     "<dd>Ja, über unsere Online-Terminvergabe.</dd></dl>", {A + "citizens_office": True}),
])
def test_a_yes_no_question_offers_nothing(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # answered "Nein" in the next statement (an FAQ's dt/dd) or the next sentence: the offer is denied
    ("<h1>Bürgeramt: Fragen und Antworten</h1><dl><dt>Kann ich noch einen Termin online buchen?</dt>"
     "<dd>Nein. Die Terminvergabe wurde eingestellt.</dd></dl>", {A + "citizens_office": False}),
    ("<h1>Bürgerbüro</h1><p>Gibt es eine Online-Terminvergabe? Nein, leider nicht.</p>",
     {A + "citizens_office": False}),
    # a question about a duty answered "Nein" denies the duty, not the offer
    ("<h1>Bürgerbüro</h1><dl><dt>Muss ich meinen Termin online buchen?</dt>"
     "<dd>Nein, Sie können auch einfach vorbeikommen.</dd></dl>", {}),
])
def test_a_yes_no_question_answered_no_denies_the_offer(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # out of order now, with time between the verb and "nicht" (too far for the negator's window)
    ("<p>Auch die Online-Terminvergabe des Bürgerbüros funktioniert seit mehr als einem halben Jahr "
     "nicht.</p>",
     {A + "citizens_office": False}),
    ("<p>Die Online-Terminvergabe des Bürgerbüros ist derzeit gestört.</p>", {A + "citizens_office": False}),
    # a failure before the cue is another thing's: the booking stays
    ("<p>Das Telefon im Bürgerbüro ist gestört, buchen Sie Ihren Termin bitte online.</p>",
     {A + "citizens_office": True}),
    # "nicht nur" is no outage
    ("<p>Die Online-Terminvergabe des Bürgerbüros funktioniert nicht nur am PC, sondern auch am Handy.</p>",
     {A + "citizens_office": True}),
])
def test_an_offer_said_out_of_order_is_not_live(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a condition on the offer failing presupposes it
    ("<p>Sollte die Online-Terminvergabe des Bürgerbüros nicht funktionieren, rufen Sie uns bitte an.</p>",
     {A + "citizens_office": True}),
    ("<p>Falls die Online-Terminvergabe des Bürgerbüros nicht erreichbar ist, rufen Sie an.</p>",
     {A + "citizens_office": True}),
    # the opener in the plural, after a dash (owner.yaml condition_openers, shared with the named engine)
    ("<p>– Sollten die Online-Termine des Bürgerbüros nicht erreichbar sein, rufen Sie an.</p>",
     {A + "citizens_office": True}),
    # a plain denial stays one
    ("<p>Eine Online-Terminvergabe gibt es im Bürgerbüro nicht.</p>", {A + "citizens_office": False}),
])
def test_a_condition_on_the_offer_failing_denies_nothing(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # an online channel among those a restriction names: not restricted to offline channels
    ("<h2>Bürgerbüro</h2><p>Termine gibt es hier nur nach telefonischer oder Online-Vereinbarung.</p>", {}),
    ("<h2>Bürgerbüro</h2><p>Termine vergeben wir ausschließlich per Telefon, E-Mail oder über das "
     "Internet.</p>",
     {A + "citizens_office": True}),
    # a list that ends before the online word still restricts
    ("<h2>Bürgerbüro</h2><p>Termine werden nur telefonisch vergeben, eine Buchung über das Internet ist "
     "nicht möglich.</p>", {A + "citizens_office": False}),
])
def test_a_restriction_listing_an_online_channel_restricts_nothing(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # "Für diesen Bereich" points back to the sentence before: its office, not the heading's
    ("<h2>Parteiverkehr nur mit Termin – weniger Gäste bei Trauungen</h2><p>Donnerstags ist der Besuch des "
     "Bürgerbüros wieder eingeschränkt. Für diesen Bereich können Sie online einen Termin vereinbaren.</p>",
     {A + "citizens_office": True}),
    ("<h2>Standesamt und Bürgerbüro</h2><p>Die Zulassungsstelle empfängt nur mit Termin. Hierfür buchen Sie "
     "Ihren Termin online.</p>", {A + "vehicle_registration_office": True}),
    # without a back-reference the heading still governs
    ("<h2>Standesamt</h2><p>Das Bürgerbüro ist umgezogen. Termine buchen Sie online.</p>",
     {A + "registry_office": True}),
])
def test_a_back_reference_takes_the_sentence_befores_subjects(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a plan of what shall be possible, in the passive ("sollen … gebucht werden können"), is not live
    ("<h1>Zulassungsstelle</h1><p>Im Laufe des Januars sollen Termine dann wieder online gebucht werden "
     "können.</p>", {A + "vehicle_registration_office": False}),
    # what can be booked now stays live
    ("<h1>Zulassungsstelle</h1><p>Termine können online gebucht werden.</p>",
     {A + "vehicle_registration_office": True}),
])
def test_a_plan_in_the_passive_is_not_live(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a plan word in the clause plans what is new; the booking said to go on as before is live
    ("<p>Künftig haben Sie die Wahl: Einen Termin für das Bürgerbüro buchen Sie wie bisher über die "
     "Terminsoftware auf www.stadt.de. Zusätzlich ist das Bürgerbüro montags ohne Termin geöffnet.</p>",
     {A + "citizens_office": True}),
    ("<p>Ab Juli gilt: Termine im Bürgerbüro buchen Sie wie gewohnt online, geplant sind längere Zeiten.</p>",
     {A + "citizens_office": True}),
    # without it the plan stays a plan, and "wie bisher geplant" is one
    ("<p>Künftig buchen Sie einen Termin für das Bürgerbüro über die Terminsoftware auf www.stadt.de.</p>",
     {A + "citizens_office": False}),
    ("<p>Die Online-Terminvergabe des Bürgerbüros startet wie bisher geplant im Mai.</p>",
     {A + "citizens_office": False}),
])
def test_an_offer_going_on_as_before_is_not_planned(body, expected):
    assert values(appointments, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # "zu allen anderen Zeiten" points back to the office hours of the list before it: its intro's office
    ("<p>Ohne Termin können Sie das Bürgerbüro zu diesen Zeiten besuchen:</p><ul><li>montags 8.30 bis 12.30 "
     "Uhr</li><li>donnerstags 14.30 bis 17.30 Uhr</li></ul><p>Zu allen anderen Zeiten buchen Sie bitte über "
     "die Termin-Onlinebuchung.</p>", {A + "citizens_office": True}),
    ("<p>Das Standesamt ist dienstags von 8 bis 12 Uhr ohne Termin geöffnet.</p><p>Außerhalb dieser Zeiten "
     "vereinbaren Sie Ihren Termin bitte online.</p>", {A + "registry_office": True}),
    # without the pointer the line names nobody's booking
    ("<p>Ohne Termin können Sie das Bürgerbüro zu diesen Zeiten besuchen:</p><ul><li>montags 8.30 bis 12.30 "
     "Uhr</li></ul><p>Buchen Sie bitte über die Termin-Onlinebuchung.</p>", {}),
    # nor does it reach over a section heading
    ("<p>Das Standesamt ist dienstags ohne Termin geöffnet.</p><h2>Kita</h2><p>Außerhalb dieser Zeiten "
     "vereinbaren Sie Ihren Termin bitte online.</p>", {}),
])
def test_other_times_point_back_to_the_office_before(body, expected):
    assert values(appointments, wrap(body)) == expected


# A news item's lead opened by a start date ("Von … an", "Vom 6. Januar an") announces the offer: the present
# tense further down is the plan, unless a sentence says it is there now. The dateline under the headline is
# not the lead.
_DATED_LEAD = ("<h1>Stadt stellt Kita-Portal vor</h1><p>26.11.2019</p>"
               "<p>Von Anfang Dezember an nimmt die Stadt Anfragen für Kita-Plätze nur noch über das neue "
               "Kita-Portal entgegen.</p>"
               "<p>Eltern wählen dort bis zu fünf Kitas und melden ihr Kind online an.</p>")


def test_dated_lead_announces_the_offer():
    assert values(online_services, wrap(_DATED_LEAD)).get(S + "daycare_registration") is not True
    live = _DATED_LEAD.replace("<p>Eltern wählen", "<p>Jetzt wählen Eltern")
    assert values(online_services, wrap(live)).get(S + "daycare_registration") is True


def test_application_window_is_no_dated_lead():
    # "vom … bis …" is a window of the running procedure, not a start date
    body = ("<h1>Kita-Anmeldung</h1><p>Vom 15. Februar bis 1. März melden Eltern ihr Kind online über das "
            "Kita-Portal der Stadt an.</p>")
    assert values(online_services, wrap(body))[S + "daycare_registration"] is True


def test_quoted_title_is_no_statement():
    # "Hanau geht online" names an initiative; its "geht online" says nothing about the Kita registration
    body = ("<h1>Kita-Anmeldung</h1><p>Die Bürgermeisterin hat die Initiative „Hanau geht online“ in der "
            "Kita-Anmeldung vorgestellt.</p>")
    assert values(online_services, wrap(body)).get(S + "daycare_registration") is not True
    said = "<h1>Kita-Anmeldung</h1><p>Die Kita-Anmeldung geht online über das Portal der Stadt.</p>"
    assert values(online_services, wrap(said))[S + "daycare_registration"] is True


def test_register_extract_is_no_business_registration():
    # "Gewerbe" inside "Gewerbezentralregister" names a register, not a business to register
    body = ("<p>Im Online-Portal der Stadt können Sie Reisepässe beantragen, sich an-, ab- und ummelden und "
            "Auszüge aus dem Gewerbezentralregister bestellen.</p>")
    got = values(online_services, wrap(body))
    assert got.get(S + "business_registration") is not True
    assert got.get(S + "business_deregistration") is not True
    booked = ("<p>Termine online buchen für: Reisepässe, sich an-, ab- und ummelden, Auszüge aus dem "
              "Gewerbezentralregister.</p>")
    assert values(appointments, wrap(booked)).get(A + "trade_office") is not True
    own = "<p>Im Online-Portal der Stadt können Sie Ihr Gewerbe anmelden.</p>"
    assert values(online_services, wrap(own))[S + "business_registration"] is True


@pytest.mark.parametrize("body", [
    # the back reference opens onto the appointment of the paragraph before (beverungen-news.de)
    "<p>Auch eine Außerbetriebsetzung geht nur noch mit Termin. Vorher muss ein Termin vereinbart werden.</p>"
    "<p>Die Abteilungsleiterin verweist auf die Wege dazu: ein Online-Formular auf der Homepage des Kreises "
    "oder eine E-Mail an die Zulassungsstelle.</p>",
    # … or of the sentence before (en-kreis.de)
    "<p>Für die Außerbetriebsetzung brauchen Sie einen Termin. Termine vereinbaren Sie telefonisch oder über "
    "die Internetseite des Kreises. Geben Sie dazu auf der Homepage „Terminvergabe online“ ein.</p>",
])
def test_a_back_reference_to_an_appointment_names_the_bookings_channel(body):
    assert values(online_services, wrap(body)).get(S + "vehicle_deregistration") is not True


def test_a_back_reference_to_the_service_names_its_channel():
    body = ("<p>Fahrzeuge können Sie seit 2015 auch ohne Besuch außer Betrieb setzen.</p>"
            "<p>Dafür steht Ihnen ein Online-Dienst zur Verfügung.</p>")
    assert values(online_services, wrap(body)).get(S + "vehicle_deregistration") is True


def test_a_clause_naming_a_service_outside_the_catalogue_borrows_no_subject():
    # "Führungszeugnisse … beim Bundesamt für Justiz auch online beantragen" under the Meldebescheinigung's
    # heading (amtusedom.de): the clause's own object, not the heading's service
    other = ("<h2>Meldebescheinigung</h2><p>Die Meldebescheinigung erhalten Sie im Bürgerbüro.</p>"
             "<p>Führungszeugnisse und Auskünfte aus dem Gewerbezentralregister können Sie beim Bundesamt "
             "für Justiz auch online beantragen.</p>")
    assert values(online_services, wrap(other)).get(S + "registration_certificate") is not True
    own = ("<h2>Meldebescheinigung</h2><p>Die Meldebescheinigung erhalten Sie im Bürgerbüro.</p>"
           "<p>Sie können sie auch online beantragen.</p>")
    assert values(online_services, wrap(own)).get(S + "registration_certificate") is True


def test_other_services_of_the_wrong_shape_stop_sci():
    import copy

    from extractors.page import Page
    from extractors.patterns import load_patterns
    from sci.errors import DataError
    from tests.extractors.detect_helpers import DATA

    patterns = copy.deepcopy(load_patterns(DATA, online_services.NAME))
    patterns["other_services"] = 5  # a number where the word list belongs
    page = Page.from_html("https://www.stadt.de/seite", wrap("<p>Anträge können Sie online stellen.</p>"))
    with pytest.raises(DataError, match="other_services"):
        online_services.detect(page, patterns, None)


def test_a_malformed_answered_no_names_its_key():
    patterns = load_patterns(DATA, appointments.NAME)
    bad = {**patterns, "reading": {**patterns["reading"], "answered_no": {"answer_regex": "("}}}
    with pytest.raises(DataError, match="answered_no"):
        read(Page.from_html("https://www.stadt.de/x", wrap("<h1>Bürgerbüro</h1>")), bad, "appointments", "3")


@pytest.mark.parametrize("body, expected", [
    # a time ahead of the writing, relative to it, plans the offer even without a modal
    ("<p>Im kommenden Jahr können Eltern ihr Kind online für die Kita anmelden.</p>",
     {S + "daycare_registration": False}),
    ("<p>Anfang nächsten Jahres wird die Kita-Anmeldung auf ein Online-Verfahren umgestellt.</p>",
     {S + "daycare_registration": False}),
    ("<p>In wenigen Wochen lassen sich Fahrzeuge auch online abmelden.</p>",
     {S + "vehicle_deregistration": False}),
    # … not the time a live registration is for, nor a wait inside a live procedure
    ("<p>Sie können Ihr Kind schon jetzt online für einen Kita-Platz im kommenden Jahr anmelden.</p>",
     {S + "daycare_registration": True}),
    ("<p>Nach der Online-Abmeldung Ihres Fahrzeugs erhalten Sie in den nächsten Wochen einen Bescheid.</p>",
     {S + "vehicle_deregistration": True}),
])
def test_a_time_ahead_plans_the_offer(body, expected):
    assert values(online_services, wrap(body)) == expected


def _silent_of(text: str) -> bool:
    from extractors.clauses import lexicon
    from extractors.coordination import expander, separable_of
    from extractors.reading import _SILENT, _silent

    patterns = load_patterns(DATA, appointments.NAME)
    coord = patterns.get("coordination", {})
    exp = expander(tuple(coord.get("particles", [])), tuple(coord.get("heads", [])),
                   *separable_of(coord.get("separable", {})))
    _SILENT.clear()
    return _silent(text, exp, lexicon(patterns))


@pytest.mark.parametrize("text, silent", [
    ("Das Bürgerbüro ist montags von 8 bis 12 Uhr geöffnet.", True),
    ("Die Digitalisierung der Verwaltung schreitet voran.", True),  # an online word, no cue
    ("Termine im Bürgerbüro können Sie online buchen.", False),  # a clause's own cue
    ("Termine gibt es nur telefonisch.", False),  # a restriction is a cue too
    # the second sentence's cue is the anaphor's: the act is the sentence before's
    ("Vereinbaren Sie vorher einen Termin. Das geht auch online.", False),
])
def test_a_silent_statement_has_no_cue_in_any_sentence(text: str, silent: bool) -> None:
    # (read skips a silent statement unless its intro or heading lends a cue: same findings, fewer sentences)
    assert _silent_of(text) is silent


def test_a_heading_about_another_body_owns_the_offers_the_page_gives_to_nobody() -> None:
    # a town's site reposting the Kreis's notice: the Kreis's office, named by its function only, is not the
    # town's
    kreis = ("<h1>Kreisverwaltung wieder für Besucher offen</h1><p>Termine für die Kfz-Zulassung können ab "
             "sofort online gebucht werden.</p>")
    assert A + "vehicle_registration_office" not in values(appointments, wrap(kreis))
    # the town's own page with the same sentence: the town's
    own = ("<h1>Bürgerbüro wieder offen</h1><p>Termine für die Kfz-Zulassung können ab sofort online gebucht "
           "werden.</p>")
    assert values(appointments, wrap(own))[A + "vehicle_registration_office"] is True


@pytest.mark.parametrize("body, param, expected", [
    # the other way in, for those who do not take the online one, and the sentence pointing back at it
    # (wolfsburg.de's eMeldung): the paper route's words deny nothing
    ("<h1>Gewerbeabmeldung</h1><p>Die Gewerbeabmeldung erledigen Sie online über das Serviceportal.</p>"
     "<p>Sollten Sie das Serviceportal nicht nutzen, können Sie das Formular ausdrucken und unterschrieben "
     "übersenden. Eine Übermittlung online ist dabei nicht möglich.</p>",
     "online_services.business_deregistration", True),
    # the Land catalogue's paper branch ("Wenn Sie die Anzeige schriftlich einreichen, …") denies nothing
    ("<h1>Gewerbe anmelden</h1><p>Sie müssen Ihr Gewerbe schriftlich oder elektronisch bei der zuständigen "
     "Stelle anmelden.</p><p>Wenn Sie die Anzeige schriftlich einreichen, müssen Sie das Formular "
     "unterschreiben.</p>",
     "online_services.business_registration", None),
    # a denial of its own still counts
    ("<h1>Gewerbeanmeldung</h1><p>Die Gewerbeanmeldung muss schriftlich mit eigenhändiger Unterschrift "
     "erfolgen. Eine Anmeldung online ist nicht möglich.</p>", "online_services.business_registration",
     False),
])
def test_the_other_way_in_denies_nothing(body, param, expected):
    assert values(online_services, wrap(body)).get(param) is expected


@pytest.mark.parametrize("body, param, expected", [
    # offices counted back ("beide Bereiche") take the offices of the paragraph before; a plan word in a
    # relative clause beside "ab sofort" tells the system's future use, not its start (LR on Görlitz)
    ("<h1>Öffnung mit Auflagen</h1><p>Bis Freitag sind die Zulassungs- und Führerscheinstellen ausgebucht."
     "</p><p>Für beide Bereiche steht ab sofort ein neues Online-System zur Terminbuchung bereit, das der "
     "Landkreis künftig vorrangig zu nutzen empfiehlt.</p>",
     "online_appointments.vehicle_registration_office", True),
    # … and a denial counted back is theirs too (WAZ on Mülheim)
    ("<h1>Notbetrieb</h1><p>Betroffen sind das Bürgeramt und die Ausländerbehörde.</p>"
     "<p>Beide Ämter sind derzeit nur telefonisch oder per E-Mail erreichbar; Termine gibt es nur "
     "telefonisch.</p>",
     "online_appointments.immigration_office", False),
])
def test_offices_counted_back(body, param, expected):
    assert values(appointments, wrap(body)).get(param) is expected


def test_an_arrival_told_with_its_day_is_no_sign_the_announced_offer_is_there():
    # the lead plans the portal; "freigeschaltet" with its day ahead tells the plan's date, not that it is
    # on line
    html = wrap("<h1>Kita-Portal geht an den Start</h1>"
                "<p>Für die Kindergärten der Stadt sollen Eltern ihr Kind künftig online anmelden können.</p>"
                "<p>Freigeschaltet wird das neue Kita-Portal am 1. Juli um 8 Uhr. Eltern können ihr Kind "
                "dann online im Kita-Portal anmelden.</p>", "Kita-Portal geht an den Start")
    assert values(online_services, html).get("online_services.daycare_registration") is not True
    # switched on already: the offer is there
    live = html.replace("Freigeschaltet wird das neue Kita-Portal am 1. Juli um 8 Uhr.",
                        "Seit Montag ist das neue Kita-Portal freigeschaltet.")
    assert values(online_services, live).get("online_services.daycare_registration") is True
