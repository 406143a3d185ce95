"""online_services: offered online (statement, application form) vs. only described / in person / PDF."""

from __future__ import annotations

import pytest

from extractors import online_services
from tests.extractors.detect_helpers import corpus_values, findings, values, wrap

P = "online_services."


@pytest.mark.parametrize(
    "body, param",
    [
        (
            "<h1>Meldebescheinigung</h1><p>Sie können die Leistung vollständig online beantragen.</p>",
            "registration_certificate",
        ),
        ("<p>Ab sofort können Sie die Kfz-Abmeldung online beantragen.</p>", "vehicle_deregistration"),
        (
            "<h1>Online-Antrag: Gewerbeabmeldung</h1>"
            "<form method='post'><input name='vorname'><input name='nachname'>"
            "<input name='betrieb'><button>Absenden</button></form>",
            "business_deregistration",
        ),
        ("<h1>Bewohnerparkausweis</h1><p>Jetzt online beantragen.</p>", "resident_parking_permit"),
        (
            "<p>Die Gewerbeanmeldung können Sie online über das Gewerbe-Service-Portal erledigen.</p>",
            "business_registration",
        ),
    ],
)
def test_positives(body, param):
    assert values(online_services, wrap(body))[P + param] is True


@pytest.mark.parametrize(
    "body, param",
    [
        (
            "<h1>Ummeldung</h1><p>Diese Leistung kann nur persönlich vor Ort beantragt werden. "
            "Eine Online-Beantragung ist nicht möglich.</p>",
            "change_of_address",
        ),
        (
            "<h1>Kita-Anmeldung</h1><p>Bitte laden Sie das Antragsformular herunter.</p>"
            "<p><a href='/kita-anmeldung.pdf'>Antragsformular Kita-Anmeldung (PDF)</a></p>",
            "daycare_registration",
        ),
        ("<p>Die Gewerbeabmeldung kann derzeit nicht online erfolgen.</p>", "business_deregistration"),
        ("<p>Die Ummeldung bleibt weiterhin nur persönlich möglich.</p>", "change_of_address"),
    ],
)
def test_negatives_with_evidence(body, param):
    fs = [f for f in findings(online_services, wrap(body)) if f.parameter == P + param]
    assert fs and all(f.value is False for f in fs)
    assert all(f.snippet and f.locator and f.extractor == "online_services" for f in fs)
    assert all(f.version == online_services.VERSION for f in fs)


@pytest.mark.parametrize(
    "body",
    [
        # described, not offered: no claim either way
        "<h1>Kfz-Zulassung</h1>"
        "<p>Die internetbasierte Fahrzeugzulassung (i-Kfz) ist mit Online-Ausweis möglich.</p>",
        "<h1>Bürgeramt</h1><p>Zuständig für An- und Ummeldungen.</p><p>Online-Termin buchen</p>",
        # the office, not the service: "nur persönlich" at the registration office says nothing on the service
        "<h1>Kfz-Zulassungsstelle</h1><p>Vorsprache nur persönlich vor Ort.</p>",
        # a search form is not an application form
        "<h1>Meldebescheinigung</h1><form method='get'><input name='q'></form>",
    ],
)
def test_traps_make_no_claim(body):
    assert values(online_services, wrap(body)) == {}


def test_near_antonyms_stay_apart():
    got = values(online_services, wrap("<p>Die Kfz-Abmeldung können Sie vollständig online erledigen.</p>"))
    assert got == {P + "vehicle_deregistration": True}


def test_fuzzy_spelling_variant():
    # "Anwohnerparkausweiss" (typo) is within the tested threshold 88 of "Anwohnerparkausweis"
    got = values(online_services, wrap("<p>Den Anwohnerparkausweiss können Sie online beantragen.</p>"))
    assert got == {P + "resident_parking_permit": True}


@pytest.mark.parametrize(
    "slug",
    [
        "a03-leipzig-bewohnerparkausweis",
        "a04-hagen-bewohnerparken-pdf",
        "a06-krefeld-kfz-zulassung-nur-vorort",
        "a13-paderborn-az",
        "a14-bottrop-presse-online-dienste",
        "a48-leverkusen-anwohnerparken-fuzzy",
    ],
)
def test_corpus_pages(slug):
    got, facts = corpus_values(online_services, slug)
    assert {k: v is not False for k, v in got.items()} == facts


def test_split_verb_names_the_service():
    # "melden … an" is "anmelden": with "Gewerbe" it names the business registration
    got = values(online_services, wrap("<p>Ihren Handwerksbetrieb melden Sie als Gewerbe digital an.</p>"))
    assert got == {P + "business_registration": True}


def test_land_portal_runs_the_citys_service_but_a_federal_office_does_not():
    land = "<p>Über das Gewerbe-Portal des Landes melden Sie Ihr Gewerbe online ab.</p>"
    assert values(online_services, wrap(land)) == {P + "business_deregistration": True}
    bund = "<p>Über das Gewerbe-Portal des Bundesamts melden Sie Ihr Gewerbe online ab.</p>"
    assert values(online_services, wrap(bund)) == {}


@pytest.mark.parametrize("body, param", [
    ("<h1>Außerbetriebsetzung</h1><p>Über i-Kfz erledigen Sie das von zu Hause.</p>",
     "vehicle_deregistration"),
    ("<p>Ein neues Auto können Sie bei uns online zulassen.</p>", "vehicle_registration"),
    ("<h1>Register your vehicle</h1><p>You can apply online through the city portal.</p>",
     "vehicle_registration"),
])
def test_vehicle_services_in_their_own_words(body, param):
    assert values(online_services, wrap(body)) == {P + param: True}


def test_vehicle_papers_are_no_registration_certificate():
    body = "<p>Upload the registration certificate part I online to register a vehicle.</p>"
    assert P + "registration_certificate" not in values(online_services, wrap(body))


@pytest.mark.parametrize("body", [
    "<h1>Plätze in Krippe und Hort</h1><p>Die Anmeldung läuft nur über unser Elternportal im Internet.</p>",
    "<p>Ihren Kindergartenplatz können Sie ab sofort online vormerken.</p>",
    "<h1>Anmeldeverfahren für die Kindertagespflege</h1><p>Nutzen Sie dafür das Online-Formular.</p>",
])
def test_daycare_named_by_care_word_and_registering_act(body):
    assert values(online_services, wrap(body)) == {P + "daycare_registration": True}


def test_the_confirmation_of_a_move_is_not_the_certificate_service():
    body = ("<h1>Umzug melden</h1><p>Über die elektronische Wohnsitzanmeldung teilen Sie Ihrer Meldebehörde "
            "die neue Adresse online mit und erhalten danach eine digitale Meldebestätigung.</p>")
    assert values(online_services, wrap(body)) == {P + "change_of_address": True}


def test_the_online_service_named_by_its_own_name():
    body = "<h1>Umzug</h1><p>Nutzen Sie die elektronische Wohnsitzanmeldung – ganz ohne Wartezeit.</p>"
    assert values(online_services, wrap(body)) == {P + "change_of_address": True}
    off = "<h1>Umzug</h1><p>Die elektronische Wohnsitzanmeldung ist bei uns nicht möglich.</p>"
    assert values(online_services, wrap(off)) == {P + "change_of_address": False}


@pytest.mark.parametrize("body, expected", [
    # a denial naming no channel says nothing about the online offer …
    ("<h1>Kita-Portal</h1><p>Eltern melden ihre Kinder über das Kita-Portal an. Doppelte Anmeldungen gibt es "
     "nicht mehr.</p>", {P + "daycare_registration": True}),
    # … with an online word it does
    ("<h1>Kita-Anmeldung</h1><p>Eine Online-Anmeldung gibt es bei uns nicht.</p>",
     {P + "daycare_registration": False}),
])
def test_bare_denials_need_an_online_word(body, expected):
    assert values(online_services, wrap(body)) == expected


def test_switched_off_online_procedures():
    # the office's online procedures as a whole, off with no stated end: every act the plural covers, not only
    # the page's (the session-11 ruling on tm- Bremen, read by extractors/class_absence.py)
    body = ("<h1>Kfz-Abmeldung</h1><p>Wegen Wartungsarbeiten sind die Online-Verfahren der Zulassungsstelle "
            "bis auf Weiteres abgeschaltet.</p>")
    assert values(online_services, wrap(body)) == {P + "vehicle_deregistration": False,
                                                   P + "vehicle_registration": False}


def test_online_compound_of_the_service_name():
    body = "<h1>Gewerbeanmeldung</h1><p>Hier klicken: zur Online - Gewerbeanmeldung</p>"
    assert values(online_services, wrap(body)) == {P + "business_registration": True}


@pytest.mark.parametrize("body, expected", [
    # a blank paper form fetched from the website is no online service …
    ("<h1>Gewerbeanmeldung</h1><p>Den Vordruck erhalten Sie im Rathaus oder als Datei auf der Internetseite "
     "der Gemeinde.</p>", {}),
    ("<h1>Gewerbeabmeldung</h1><p>Das Antragsformular können Sie auf unserer Webseite herunterladen.</p>",
     {}),
    # … an online form is, and so is a paper form filled in and sent online
    ("<h1>Gewerbeanmeldung</h1><p>Das Online-Formular erhalten Sie auf der Internetseite der Gemeinde.</p>",
     {P + "business_registration": True}),
    ("<h1>Gewerbeanmeldung</h1><p>Das Formular füllen Sie online aus und senden es ab.</p>",
     {P + "business_registration": True}),
])
def test_fetching_a_paper_form_from_the_website_is_not_applying_online(body, expected):
    assert values(online_services, wrap(body)) == expected


def test_the_landlords_electronic_confirmation_is_not_an_online_move():
    body = ("<h1>Umzug innerhalb der Stadt melden</h1><p>Ihr Wohnungsgeber bestätigt den Einzug schriftlich. "
            "Er kann die Bestätigung auch elektronisch abgeben; Sie erhalten dann ein Zuordnungsmerkmal.</p>")
    assert values(online_services, wrap(body)) == {}


@pytest.mark.parametrize("body, expected", [
    # "Stilllegung" is the colloquial name of the vehicle's Außerbetriebsetzung …
    ("<h1>Kfz-Stilllegung</h1><p>Die Stilllegung erledigen Sie online über das Portal der "
     "Zulassungsstelle.</p>",
     {P + "vehicle_deregistration": True}),
    # … a business's is not
    ("<h1>Gewerbe abmelden</h1><p>Die Betriebsstilllegung können Sie online anzeigen.</p>",
     {P + "business_deregistration": True}),
])
def test_stilllegung_names_the_vehicle_deregistration(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # "einholen": the Auskunft got from the internet
    ("<h1>Melderegisterauskunft</h1><p>Die Auskunft können Sie im Internet einholen.</p>",
     {P + "register_information": True}),
    # the offer standing ready online, and "digital möglich"
    ("<h1>Außerbetriebsetzung</h1><p>Die internetbasierte Außerbetriebsetzung steht Ihnen zur Verfügung.</p>",
     {P + "vehicle_deregistration": True}),
    ("<h1>Gewerbeanmeldung</h1><p>Die Gewerbeanmeldung ist auch digital möglich.</p>",
     {P + "business_registration": True}),
    # a form or information standing ready online is a download, not the service
    ("<h1>Gewerbeanmeldung</h1><p>Das Formular und weitere Informationen stehen im Internet zur "
     "Verfügung.</p>", {}),
    # the Kita's admission and the care need name the daycare registration
    ("<h1>Kinderkrippe</h1><p>Den Aufnahmeantrag stellen Sie online im Bürgerservice-Portal.</p>",
     {P + "daycare_registration": True}),
    ("<h1>Kita</h1><p>Den Betreuungsbedarf melden Sie online über das Elternportal.</p>",
     {P + "daycare_registration": True}),
])
def test_more_ways_to_say_the_service_is_online(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body", [
    # an online channel only where the authority has one is a condition, not the city's offer
    "<h1>Kfz-Zulassung</h1><p>Vereinbaren Sie einen Termin oder nutzen Sie, falls vorhanden, das "
    "Onlineverfahren.</p>",
    # the FIM catalogue text on electronic notices
    "<h1>Gewerbe abmelden</h1><p>Melden Sie elektronisch ab, kann die zuständige Stelle bestimmte Verfahren "
    "zur Feststellung Ihrer Identität vorsehen.</p>",
    # a Servicekonto box about "many applications" names no service
    "<h1>Gewerbe abmelden</h1><p>Mit einem Servicekonto können Sie viele Anträge elektronisch stellen.</p>",
])
def test_conditional_and_unspecific_online_channels_offer_nothing(body):
    assert values(online_services, wrap(body)) == {}


def test_what_a_chatbot_answers_questions_about_is_no_offer():
    body = ("<p>Der Assistent beantwortet Fragen zum Beispiel zur Gewerbeanmeldung, zu zuständigen Stellen "
            "oder zu Online-Anträgen und gibt auch Tipps zu Veranstaltungen.</p>")
    assert values(online_services, wrap(body)) == {}


@pytest.mark.parametrize("body, expected", [
    # the registration acts by their umbrella name and the re-registration to a new keeper
    ("<p>Über unser Bürgerserviceportal können Sie folgende Zulassungsvorgänge online erledigen.</p>",
     {P + "vehicle_registration": True}),
    ("<p>Die Umschreibung auf einen neuen Halter können Sie online beantragen.</p>",
     {P + "vehicle_registration": True}),
    # a driving licence's Umschreibung is not the vehicle's
    ("<p>Die Umschreibung Ihres Führerscheins können Sie online beantragen.</p>", {}),
    # an Abmeldung listed among the vehicle's acts is the vehicle's
    ("<p>Zulassungen, Umschreibungen und Abmeldungen erledigen Sie über unser Serviceportal.</p>",
     {P + "vehicle_registration": True, P + "vehicle_deregistration": True}),
])
def test_vehicle_acts_under_other_names(body, expected):
    assert values(online_services, wrap(body)) == expected


def test_a_private_registration_service_is_not_the_office():
    # a Zulassungsdienst's online order is the company's, not the Zulassungsstelle's online service
    body = "<p>Ein Zulassungsdienst kann die Kfz-Abmeldung online für Sie erledigen.</p>"
    assert values(online_services, wrap(body)) == {}
    own = "<p>Die Kfz-Abmeldung können Sie online erledigen.</p>"
    assert values(online_services, wrap(own)) == {P + "vehicle_deregistration": True}


@pytest.mark.parametrize("body, expected", [
    # the online act named "elektronische Gewerbemeldung"
    ("<h1>Gewerbe</h1><p>Nutzen Sie gerne die Möglichkeiten der elektronischen Gewerbemeldung "
     "(eMeldung).</p>",
     {P + "business_registration": True, P + "business_deregistration": True}),
    # a link label with "online" after the service's noun
    ("<h1>Gewerbe An-, Um- oder Abmeldung</h1><p>Sie gelangen hier zur Gewerbeanzeige online (BayernID "
     "benötigt) oder zu den PDF-Formularen.</p>",
     {P + "business_registration": True, P + "business_deregistration": True}),
])
def test_nominal_online_acts_and_link_labels(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a personal visit as the only route told: not online (weakly)
    ("<h1>Gewerbeanmeldung</h1><p>Die Anmeldung nehmen Sie persönlich im Gewerbeamt vor.</p>",
     {P + "business_registration": False}),
    # … an online route beside it wins, in the same sentence or elsewhere on the page
    ("<h1>Gewerbeanmeldung</h1><p>Die Anmeldung nehmen Sie persönlich im Gewerbeamt vor oder erledigen sie "
     "online über das Serviceportal.</p>", {P + "business_registration": True}),
    ("<h1>Gewerbeanmeldung</h1><p>Die Anmeldung erfolgt persönlich im Rathaus.</p><p>Sie können die "
     "Gewerbeanmeldung auch online beantragen.</p>", {P + "business_registration": True}),
])
def test_a_personal_visit_as_the_only_route(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the register information under its other names
    ("<p>Die elektronische Bürgerauskunft können Sie rund um die Uhr online einholen.</p>",
     {"online_services.register_information": True}),
    ("<p>Eine Meldeauskunft beantragen Sie online über das Serviceportal.</p>",
     {"online_services.register_information": True}),
    # the registration of a new home under its other names
    ("<p>Die Wohnungsanmeldung können Sie jetzt online erledigen.</p>",
     {"online_services.change_of_address": True}),
    ("<p>Einen Wohnsitzwechsel können Sie bequem online melden.</p>",
     {"online_services.change_of_address": True}),
])
def test_more_service_names(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a denial for secondary homes only is an exception: the online Ummeldung of the main home stands
    ("<h1>Wohnsitz ummelden</h1><p>Wer umzieht, kann seinen Wohnsitz ab sofort digital an- oder ummelden.</p>"
     "<p>Nebenwohnungen lassen sich allerdings nicht online an- oder ummelden.</p>",
     {P + "change_of_address": True}),
    # an online service box saying the service is down for now: not online (a time word is needed)
    ("<h1>Melderegisterauskunft</h1><div><h2>Online-Dienst: Melderegisterauskunft beantragen</h2>"
     "<p>Der Dienst steht zur Zeit nicht zur Verfügung.</p></div>",
     {P + "register_information": False}),
    # a decision against the online channel
    ("<h1>Anmeldeverfahren in den Kindertageseinrichtungen</h1><p>Uns ist das persönliche Gespräch wichtig. "
     "Deshalb hat sich die Stadt bewusst gegen ein Online-Portal für Eltern entschieden.</p>",
     {P + "daycare_registration": False}),
    # "geht online" with an adverb between, of the subject in the heading
    ("<h1>Kinderbetreuung: Stichtag für die verbindliche Vormerkung</h1>"
     "<p>Eltern melden ihren Aufnahmewunsch bis zum 24. Februar an. Das geht auch online.</p>",
     {P + "daycare_registration": True}),
])
def test_exceptions_outages_decisions_and_adverbs(body, expected):
    assert values(online_services, wrap(body)) == expected


def test_the_visitors_errand_in_person():
    # the procedure told as an errand done in person, with no online route on the page: not online (weakly)
    body = "<h1>Meldestelle</h1><p>An- und Ummeldungen erledigen Sie persönlich im Rathaus.</p>"
    assert values(online_services, wrap(body)) == {P + "change_of_address": False}


def test_vehicle_state_is_no_registration():
    # "sofern es … zugelassen wurde" tells which vehicles qualify for the online deregistration: the
    # registration is the vehicle's state, not a second online service (subjects.without_states)
    got = values(online_services, wrap(
        "<p>Sie können Ihr Fahrzeug online abmelden, sofern es ab dem 1. Januar 2015 zugelassen wurde.</p>"))
    assert got[P + "vehicle_deregistration"] is True
    assert P + "vehicle_registration" not in got
    # the act itself still counts
    assert values(online_services, wrap("<p>Ihr Fahrzeug können Sie online zulassen.</p>"))[
        P + "vehicle_registration"] is True


@pytest.mark.parametrize(
    "body, value",
    [
        # the federal procedure's name for the registration, switched off
        ("<p>Die internetbasierte Zulassung steht derzeit nicht zur Verfügung.</p>", False),
        # the act named next to the procedure's short name
        ("<p>Über i-Kfz können Sie die Zulassung online beantragen.</p>", True),
    ],
)
def test_ikfz_names_the_vehicle_registration(body, value):
    assert values(online_services, wrap(body))[P + "vehicle_registration"] is value


def test_present_participle_is_no_act():
    # "wird laufend ergänzt" says how often the page changes: "laufend" is not the act "läuft"
    # (lemmas.act_lemmas), so a website notice composes no online offer for the page's service
    page = ("<h1>Kfz-Zulassung</h1><p>Diese Seite ersetzt vorübergehend unseren Internetauftritt und wird "
            "laufend ergänzt.</p>")
    assert P + "vehicle_registration" not in values(online_services, wrap(page))
    # the finite verb still is one
    assert values(online_services, wrap("<h1>Gewerbeanmeldung</h1><p>Die Anmeldung läuft online über das "
                                        "Serviceportal.</p>"))[P + "business_registration"] is True


@pytest.mark.parametrize("body, expected", [
    # an online step that still ends in a visit is a pre-registration: no offer either way
    ("<h1>Einwohnermeldeamt</h1><p>Die Formulare für die An- und Ummeldung können Sie hier online ausfüllen; "
     "zur Meldebehörde kommen müssen Sie trotzdem.</p>", {}),
    ("<h1>Ummeldung</h1><p>Trotz des Online-Vorgangs im Serviceportal ist eine anschließende persönliche "
     "Vorsprache notwendig.</p>", {}),
    # … not a pick-up: the application on line stays one when the document is collected in person
    ("<h1>Bewohnerparkausweis</h1><p>Den Bewohnerparkausweis können Sie online beantragen; abholen müssen "
     "Sie ihn trotzdem persönlich.</p>", {P + "resident_parking_permit": True}),
])
def test_an_online_step_that_ends_in_a_visit(body, expected):
    assert values(online_services, wrap(body)) == expected


def test_online_acts_of_the_vehicle_office_as_a_whole():
    # "alle Online-Vorgänge der Zulassungsstelle abgeschaltet": both vehicle services are switched off
    body = ("<p>Wegen Sicherheitslücken sind alle Online-Vorgänge der Zulassungsstelle abgeschaltet – "
            "mit Ausnahme der Kennzeichenreservierung.</p>")
    assert values(online_services, wrap(body)) == {P + "vehicle_registration": False,
                                                   P + "vehicle_deregistration": False}


@pytest.mark.parametrize("body, expected", [
    # a paragraph offering services in general lends its cue to the lines under the cue-less heading after it
    ("<h1>Stadt schaltet Zahlfunktion online</h1><p>Unter www.stadt.de/od können Sie eine Reihe von "
     "Leistungen online beantragen.</p><h2>Was schon geht</h2><p>einfache Meldebescheinigungen</p>"
     "<p>Geburtsurkunden aus dem Personenstandsregister</p>",
     {P + "registration_certificate": True}),
    # … not a paragraph about one office's booking: the next section's lines are not online
    ("<h1>Zulassungsbehörde</h1><p>Termine vereinbaren Sie online über das Serviceportal.</p>"
     "<h2>Samstagsdienst</h2><p>Neuzulassungen werden samstags nicht bearbeitet.</p>", {}),
])
def test_a_list_under_a_cue_less_heading_after_a_general_offer(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the online word belongs to the appointment booked on line, not to the vehicle office's act
    ("<h1>Zulassung: Ausfuhrkennzeichen</h1><p>Zulassungsvorgänge erledigen wir zurzeit nur mit einem "
     "Termin, den Sie vorher online in einer unserer Zulassungsstellen gebucht haben.</p>", {}),
    # … also when the booking system's name stands for the verb ("Termine nur online über die Terminvergabe")
    ("<h2>So erreichen Sie die Fachdienste</h2><ul><li>Kfz-Zulassungsbehörde: Termine nur online über die "
     "<a href='https://www.kreis.de/terminvergabe-kfz'>Terminvergabe Kfz-Zulassung</a>.</li></ul>", {}),
    # an act done on line beside it still is
    ("<h1>Zulassung</h1><p>Zulassungsvorgänge erledigen Sie online über i-Kfz; einen Termin für die Ausgabe "
     "der Kennzeichen buchen Sie ebenfalls online.</p>", {"online_services.vehicle_registration": True}),
])
def test_an_appointment_booked_online_is_not_the_service(body, expected):
    assert {k: v for k, v in values(online_services, wrap(body)).items()
            if k == "online_services.vehicle_registration"} == expected


@pytest.mark.parametrize("body, expected", [
    # a one-word parenthesis names the acts before it ("(i-Kfz)"): the denial after it still reaches them
    ("<p>Die Online-Terminvergabe, die internetbasierte Zulassung und Abmeldung (i-Kfz) sowie die "
     "Reservierung von Wunschkennzeichen stehen wegen des IT-Ausfalls nicht zur Verfügung.</p>",
     {P + "vehicle_registration": False, P + "vehicle_deregistration": False}),
    # … a longer parenthesis is still a clause of its own: its denial does not reach the acts outside it
    ("<p>Die Kfz-Abmeldung können Sie online erledigen (die Zulassung geht derzeit nicht online).</p>",
     {P + "vehicle_deregistration": True}),
])
def test_a_short_name_in_parentheses_stays_in_its_clause(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a cue that opens a provider's name is the company's ("eines bundesweiten Online-Zulassungsdienstes")
    ("<p>Unsere Mitarbeiter melden das Fahrzeug bei der Zulassungsstelle an – ganz ohne Postlaufzeiten eines "
     "bundesweiten Online-Zulassungsdienstes.</p>", {}),
    # … not the city's own portal under the same cue
    ("<p>Die Fahrzeugzulassung ist über unser Online-Zulassungsportal möglich.</p>",
     {P + "vehicle_registration": True}),
])
def test_a_cue_inside_a_providers_name(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # a licence plate reserved on line is a service of its own, not the registration done on line
    ("<p>Wer sein Auto an- oder ummelden möchte, kann vorab online ein Wunschkennzeichen "
     "reservieren.</p>", {}),
    # … the registration named as online beside it still is
    ("<p>Ihr Fahrzeug melden Sie online an; ein Wunschkennzeichen reservieren Sie ebenfalls online.</p>",
     {P + "vehicle_registration": True}),
    # … also when the channel closes the list after the verb and is named by an explicit cue (Bremen)
    ("<h1>Kfz-Zulassung: Wunschkennzeichen</h1><p>Ein Wunschkennzeichen reservieren Sie persönlich, "
     "schriftlich, am Telefon oder über den Onlinedienst im Internet.</p>", {}),
])
def test_a_plate_reserved_online_is_not_the_registration(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body", [
    # a deadline between the obligation and the channel says when, not how (Ebersbach-Musbach)
    "<h2>Anmeldung und Ummeldung</h2><p>Für die Anmeldung oder Ummeldung müssen Sie innerhalb von zwei "
    "Wochen persönlich bei der Meldebehörde vorsprechen.</p>",
    # the ruling's own words: a personal visit required as the only route
    "<h2>Ummeldung</h2><p>Eine persönliche Vorsprache ist zwingend erforderlich.</p>",
    # … and as a duty of a person (Bad Waldsee)
    "<h2>Umzug innerhalb der Stadt</h2><p>Wir erfassen Ihre Daten im Bürgerbüro. Dafür muss mindestens ein "
    "Familienmitglied persönlich erscheinen.</p>",
])
def test_a_personal_visit_required_is_no_online_service(body):
    assert values(online_services, wrap(body)).get(P + "change_of_address") is False


def test_a_visit_for_another_step_does_not_deny_the_online_service():
    body = ("<h2>Ummeldung</h2><p>Die Ummeldung können Sie online erledigen. Für die Abholung des Ausweises "
            "ist eine persönliche Vorsprache erforderlich.</p>")
    assert values(online_services, wrap(body)).get(P + "change_of_address") is True


@pytest.mark.parametrize("body, expected", [
    # the move under its other names
    ("<h1>Wohnsitzänderung</h1><p>Die Wohnsitzänderung kann jetzt auch online erfolgen.</p>",
     {P + "change_of_address": True}),
    ("<h1>Wohnungswechsel innerhalb der Gemeinde</h1><p>Den Wohnungswechsel können Sie auch online "
     "melden.</p>",
     {P + "change_of_address": True}),
    # Kita software by its product name, whatever the separators
    ("<h1>Kinderbetreuung</h1><p>Mit dem Kita-Planer melden Eltern den Betreuungsbedarf ihres Kindes an.</p>",
     {P + "daycare_registration": True}),
    ("<h1>Kita</h1><p>Eltern melden ihr Kind über webKITA an.</p>", {P + "daycare_registration": True}),
    # the city's online offers named for the services they serve
    ("<h1>Bürgeramt</h1><p>Die Online-Angebote für Bewohnerparkausweise und Meldebescheinigungen können "
     "Sie weiter nutzen.</p>", {P + "resident_parking_permit": True, P + "registration_certificate": True}),
    # (a comma list: "Online-Angebote: Bewohnerparkausweise und …" is split at the colon, a clause of
    # its own)
    ("<h1>Bürgeramt</h1><p>Weiterhin nutzen können Sie unsere Online-Angebote: Bewohnerparkausweise, "
     "Meldebescheinigungen und Übermittlungssperren.</p>",
     {P + "resident_parking_permit": True, P + "registration_certificate": True}),
    # … not the website as a whole
    ("<h1>Bürgeramt</h1><p>In unserem Online-Angebot finden Sie Informationen zur "
     "Meldebescheinigung.</p>", {}),
])
def test_names_of_the_move_kita_software_and_online_offers(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the net and the device in plain words, as news and Leichte-Sprache pages say it
    ("<h1>Kita-Anmeldung im Kreis</h1><p>Von Oktober an können Eltern ihre Kinder auch in den Kitas übers "
     "Netz anmelden.</p>", {P + "daycare_registration": True}),
    ("<h1>Ummelden</h1><p>Sie können Ihre Ummeldung bequem von zu Hause erledigen.</p>",
     {P + "change_of_address": True}),
    # the move registered "digital" as a noun phrase
    ("<h1>Umzug</h1><p>Smartphone statt Bürgeramt: Der neue Dienst ermöglicht die digitale Ummeldung nach "
     "einem Umzug.</p>", {P + "change_of_address": True}),
    # documents brought from home are no online channel
    ("<h1>Ummelden</h1><p>Die Ummeldung ist nur persönlich möglich. Bringen Sie die Unterlagen von zu Hause "
     "mit.</p>", {P + "change_of_address": False}),
])
def test_online_in_plain_words(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # i-Kfz pages' usual exception: papers issued before a year, told as a subset after "Für …, deren …" —
    # weaker than the page's named offer
    ("<h1>Online-Außerbetriebsetzung</h1><p>Fahrzeuge lassen sich von zu Hause aus online abmelden.</p>"
     "<p>Für Fahrzeuge, deren Fahrzeugschein vor 2015 ausgegeben wurde, funktioniert i-Kfz nicht.</p>",
     {P + "vehicle_deregistration": True}),
    ("<h1>Kfz abmelden</h1><p>Sie können Ihr Fahrzeug online abmelden.</p><p>Wurde das Kennzeichen vor dem "
     "01.01.2015 ausgegeben, ist eine Abmeldung im Internet nicht möglich.</p>",
     {P + "vehicle_deregistration": True}),
    # the Kfz offices' own name of the online procedure is the registration's
    ("<h1>Freitag ist der Tag der Zulassungen</h1><p>Privatleute müssen warten: Die erhoffte "
     "Online-Zulassung ist im Kreis noch nicht möglich.</p>", {P + "vehicle_registration": False}),
])
def test_ikfz_exceptions_and_the_online_registration_by_name(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body", [
    # the Meldegesetz's condition on whether an authority opened an internet access (Land catalogue text,
    # Achern): no offer of this city
    "<h1>Umzug innerhalb der Stadt melden</h1><p>Hat die Meldebehörde für Meldungen einen Zugang über das "
    "Internet eröffnet, können Sie die Daten auch mit einer qualifizierten elektronischen Signatur "
    "übermitteln.</p>",
    "<h1>Ummeldung</h1><p>Soweit die Meldebehörde einen Internetzugang eröffnet hat, können Sie sich auch "
    "online ummelden.</p>",
])
def test_an_internet_access_the_authority_may_have_opened_is_no_offer(body):
    assert values(online_services, wrap(body)).get(P + "change_of_address") is not True


@pytest.mark.parametrize("body, expected", [
    # the registration of a home as a noun with its object
    ("<p>Die Anmeldung der neuen Wohnung nach einem Umzug können Sie online erledigen.</p>",
     {P + "change_of_address": True}),
    ("<p>Ihre neue Wohnung können Sie online anmelden.</p>", {P + "change_of_address": True}),
    ("<p>Die Anmeldung eines Wohnsitzes ist nur persönlich möglich.</p>", {P + "change_of_address": False}),
    # the landlord's form is no home ("Wohnung" as a whole word only)
    ("<p>Für die Anmeldung brauchen Sie die Wohnungsgeberbestätigung, die Sie online herunterladen.</p>", {}),
])
def test_the_registration_of_a_home_as_a_noun(body, expected):
    assert values(online_services, wrap(body)) == expected


def test_an_agencys_online_order_on_its_own_site_is_not_the_citys_online_service():
    # a private registration agency (its site name names what it sells): "unser Formular" is the agency's
    body = ("<h1>Kfz-Zulassung</h1><p>Wir übernehmen die Zulassung oder Abmeldung für Sie. "
            "Den Auftrag geben Sie bequem online über unser Formular.</p>")
    assert values(online_services, wrap(body, title="Wartezeiten | zulassungsstelle.de")) == {}
    # the same words on the authority's own site are its own online service
    own = values(online_services, wrap(body, title="Kfz-Zulassung | Landkreis Harburg"))
    assert own.get(P + "vehicle_registration") is True


@pytest.mark.parametrize("body, expected", [
    # a clause naming one act of the heading's several acts speaks of that act only
    ("<h1>Gewerbe</h1><h2>Gewerbean-, -ab- und -ummeldung</h2>"
     "<p>Die Anmeldung geht persönlich im Rathaus oder über das Internet.</p>",
     {P + "business_registration": True}),
    ("<h1>Gewerbean-, -ab- und -ummeldung</h1>"
     "<p>Die Abmeldung geht persönlich im Rathaus oder über das Internet.</p>",
     {P + "business_deregistration": True}),
    # a clause naming no act keeps all the heading's acts
    ("<h1>Gewerbean-, -ab- und -ummeldung</h1><p>Das geht persönlich im Rathaus oder über das Internet.</p>",
     {P + "business_registration": True, P + "business_deregistration": True}),
])
def test_a_clause_naming_one_of_the_headings_acts_narrows_to_it(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body", [
    # the sign-up before the visit is the appointment, not the vehicle's registration
    "<h1>Kfz-Zulassung nur nach Online-Anmeldung</h1><p>Die Nummernrolle hat ausgedient.</p>",
    "<h1>Kfz-Zulassung</h1><p>Die Zulassung ist nur mit vorheriger Online-Anmeldung möglich.</p>",
    # a booking system named as the way in
    "<h1>Kfz-Zulassung</h1><p>Seit dem Frühjahr läuft die Zulassung über ein Buchungssystem im Internet.</p>",
])
def test_a_sign_up_or_booking_system_before_the_visit_is_no_online_registration(body):
    assert values(online_services, wrap(body)).get(P + "vehicle_registration") is None


def test_the_vehicles_own_online_registration_stays():
    body = "<h1>Kfz-Zulassung</h1><p>Die Online-Anmeldung Ihres Fahrzeugs ist jetzt möglich.</p>"
    assert values(online_services, wrap(body)).get(P + "vehicle_registration") is True


def test_a_compound_appointment_booked_online_is_no_online_registration():
    body = ("<h1>Gewerbliche Tätigkeit</h1><p>Sie haben Fragen zur Anmeldung Ihres Gewerbes? "
            "Einen Beratungstermin können Sie online buchen.</p>")
    assert values(online_services, wrap(body)).get(P + "business_registration") is None


def test_the_site_named_in_prose_is_the_online_channel():
    # "Homepage" as the place where the act is done on line
    body = ("<h1>Kfz</h1>"
            "<p>Die Abmeldung Ihres Fahrzeugs können Sie auch auf der Homepage der Stadt erledigen.</p>")
    assert values(online_services, wrap(body)).get(P + "vehicle_deregistration") is True


def test_an_agencys_online_order_on_a_page_signed_by_the_agency_is_not_the_citys():
    # no site name in the title: the copyright line names the agency (the publisher rule every detector
    # shares), so "unser Formular" is still the agency's; signed by the Kreis it is the Kreis's own
    body = ("<h1>Kfz-Zulassung</h1><p>Wir übernehmen die Zulassung oder Abmeldung für Sie. "
            "Den Auftrag geben Sie bequem online über unser Formular.</p>")
    agency = f"<html><head><title>Kfz-Zulassung</title></head><body><main>{body}</main>" \
             "<footer><p>© 2024 Zulassungsdienst Muster GmbH</p></footer></body></html>"
    assert values(online_services, agency) == {}
    own = values(online_services, agency.replace("Zulassungsdienst Muster GmbH", "Landkreis Harburg"))
    assert own.get(P + "vehicle_registration") is True


# services5 (sw- cases, session 7)


def test_an_application_form_under_a_heading_that_names_the_service_by_its_words():
    # "Anmeldung Kindergarten" names the Kita registration as the statement reader reads it (a ``together``
    # group), not only by a listed term: the form on that page is the online registration
    body = ("<h1>Anmeldung Kindergarten</h1><form method='post'><input name='kind_name'>"
            "<input name='geburtsdatum'><input name='gruppe'><input name='bringzeit'>"
            "<button>Absenden</button></form>")
    assert values(online_services, wrap(body))[P + "daycare_registration"] is True


@pytest.mark.parametrize("body", [
    # the verb after a fronted phrase: "geht … online" split by German word order
    "<h1>Kita-Anmeldung</h1><p>Nach Ihren Angaben geht die Platzbedarfsmeldung online an die "
    "ausgewählten Kitas.</p>",
    # the application delivered on line
    "<h1>Kita-Anmeldung</h1><p>Danach wird die Anmeldung online den Kindertagesstätten zugestellt.</p>",
])
def test_the_application_travelling_on_line(body):
    assert values(online_services, wrap(body))[P + "daycare_registration"] is True


def test_a_city_presenting_its_portal_applies_for_nothing():
    # "stellt … vor" is "vorstellen", not the act "stellen" (a separable verb's base is no act of its own)
    body = "<p>Die Stadt stellt ihr neues Online-Portal für die Kindergärten vor.</p>"
    assert P + "daycare_registration" not in values(online_services, wrap(body))


@pytest.mark.parametrize("body", [
    # a modal plan split by a relative clause
    "<p>Von Oktober an sollen Eltern, die im Kreis wohnen, ihre Kinder übers Internet für die Kita "
    "anmelden können.</p>",
    # "soll … möglich werden"
    "<p>Noch im ersten Quartal soll die Online-Anmeldung für die Kitas möglich werden.</p>",
])
def test_modal_plans_over_a_whole_sentence(body):
    fs = [f for f in findings(online_services, wrap(body)) if f.parameter == P + "daycare_registration"]
    assert fs and all(f.value is False for f in fs)


def test_an_announced_portal_described_in_the_present_tense_is_the_plan():
    lead = ("<p>Ab dem Frühjahr soll man sein Kind über ein Portal in einem der Kindergärten "
            "anmelden können.</p>")
    described = "<p>Auf dem Kita-Portal wird das Kind für die Wunscheinrichtung angemeldet.</p>"
    assert values(online_services, wrap("<h1>Neues für Eltern</h1>" + lead + described)).get(
        P + "daycare_registration") is not True
    # a sentence saying a part runs already stays an offer (a rollout in stages)
    live = "<p>Für die Krippen ist die Anmeldung im Kita-Portal seit Dienstag online möglich.</p>"
    assert values(online_services, wrap("<h1>Neues für Eltern</h1>" + lead + live))[
        P + "daycare_registration"] is True


def test_personal_appearance_as_a_noun_and_an_english_denial():
    body = ("<h1>Ummeldung</h1><ul><li>Personalausweis aller Umziehenden</li>"
            "<li>Ihr persönliches Erscheinen im Einwohnermeldeamt</li></ul>")
    assert values(online_services, wrap(body))[P + "change_of_address"] is False
    body = ("<h1>Register residence, moving within the country</h1>"
            "<p>Registering over the internet is not possible.</p>")
    assert values(online_services, wrap(body))[P + "change_of_address"] is False


def test_administrations_in_general_are_no_authority():
    body = "<p>Auto an- oder abmelden – vieles geht in Verwaltungen inzwischen online.</p>"
    got = values(online_services, wrap(body))
    assert P + "vehicle_registration" not in got and P + "vehicle_deregistration" not in got


def test_appearing_oneself_is_appearing_in_person():
    body = ("<h1>Anmeldung / Ummeldung des Wohnsitzes</h1><p>Alle Mitglieder des Haushalts, die umziehen, "
            "müssen zur Anmeldung selbst erscheinen.</p>")
    assert values(online_services, wrap(body)).get(P + "change_of_address") is False


@pytest.mark.parametrize("body", [
    # a place requested through the portal
    "<h1>Kinderbetreuung</h1><p>Betreuungsplätze können über das Portal angefragt werden.</p>",
])
def test_a_place_requested_through_the_portal(body):
    assert values(online_services, wrap(body))[P + "daycare_registration"] is True


@pytest.mark.parametrize("body, param", [
    ("<p>Bewohnerparkausweise werden ausschließlich online ausgestellt.</p>", "resident_parking_permit"),
    # the joined separable verb is the act ("stellen … aus [ausstellen]"), not its base "stellen"
    ("<p>Meldebescheinigungen stellen wir Ihnen auch online aus.</p>", "registration_certificate"),
])
def test_a_document_issued_on_line(body, param):
    assert values(online_services, wrap(body))[P + param] is True


@pytest.mark.parametrize("body, expected", [
    # the inverted subject between the obligation and its channel
    ("<h1>An- und Ummeldung</h1><p>Für die An- oder Ummeldung muss die meldepflichtige Person persönlich in "
     "der Meldebehörde vorsprechen.</p>", False),
    ("<h1>Ummeldung</h1><p>Für die Ummeldung muss jeder Antragsteller persönlich erscheinen.</p>", False),
    # … an online channel after it stays one
    ("<h1>Ummeldung</h1><p>Für die Ummeldung muss der Antrag online gestellt werden.</p>", True),
])
def test_an_obligation_with_its_subject_inverted(body, expected):
    assert values(online_services, wrap(body)).get(P + "change_of_address") is expected


@pytest.mark.parametrize("body", [
    "<h1>Kfz-Zulassung</h1><p>Um einen Termin zu bekommen, steht die Internetseite der Stadt "
    "zur Verfügung.</p>",
    "<h1>Kfz-Zulassung</h1><p>Für einen Termin steht Ihnen unser Online-Portal zur Verfügung.</p>",
    # an appointment's compound and an appointment got on line are the booking's channel too
    "<h1>KFZ Zulassung</h1><p><a href='/t'>Hier geht es direkt zur Online-Terminreservierung</a></p>",
    "<h1>Kfz-Zulassung</h1><p>Die Kfz-Zulassung bedient Sie nur nach Terminabsprache; Termine erhalten Sie "
    "online, unter 04421 16-3232 oder über zulassung@stadt.de.</p>",
])
def test_a_channel_for_the_appointment_is_no_online_registration(body):
    assert values(online_services, wrap(body)).get(P + "vehicle_registration") is None


@pytest.mark.parametrize("body, expected", [
    # the thing in an earlier clause, the act with a pronoun in the clause with the cue
    ("<h1>Neuerungen</h1><p>Fahrzeuge, die seit Jahresbeginn zugelassen wurden, tragen neue Plaketten – "
     "damit lassen sie sich bequem online abmelden.</p>", {P + "vehicle_deregistration": True}),
    ("<h1>Kfz</h1><p>Wenn Sie ein Fahrzeug verkauft haben, können Sie es online abmelden.</p>",
     {P + "vehicle_deregistration": True}),
])
def test_a_pronoun_takes_the_thing_named_before_it_in_the_sentence(body, expected):
    assert values(online_services, wrap(body)) == expected


@pytest.mark.parametrize("body, expected", [
    # the online procedure reached through a link, and the service named by the procedure
    ("<h1>Kfz-Zulassung</h1><p>Über diesen Link gelangen Sie zur internetbasierten Fahrzeugzulassung.</p>",
     True),
    ("<h1>Zulassungsstelle öffnet wieder</h1><p>Wir raten Ihnen, möglichst den Online-Dienst iKfz3 zu "
     "nutzen.</p>", True),
    # … the procedure alone, read about, is no offer
    ("<h1>Zulassungsstelle</h1><p>Weitere Informationen zum Projekt i-Kfz erhalten Sie auf den Seiten des "
     "Ministeriums.</p>", None),
])
def test_the_online_procedure_reached_or_named_as_a_service(body, expected):
    assert values(online_services, wrap(body)).get(P + "vehicle_registration") is expected


@pytest.mark.parametrize("body, expected", [
    # a claim the writer reports and doubts says nothing either way
    ("<h1>Kfz-Zulassung</h1><p>Vielleicht testen sie heimlich das i-Kfz-Portal, über das man sein Auto "
     "angeblich ganz einfach online anmelden kann.</p>", None),
    ("<h1>Kfz-Zulassung</h1><p>Über das i-Kfz-Portal können Sie Ihr Auto ganz einfach online anmelden.</p>",
     True),
])
def test_a_doubted_claim_is_no_offer(body, expected):
    assert values(online_services, wrap(body)).get(P + "vehicle_registration") is expected


@pytest.mark.parametrize("body, param, expected", [
    # the online word fused with the act's noun, as a label or a list item: the act offered on line
    ("<h1>Zulassungsbehörde</h1><ul><li><a href='/wz'>Online-Wiederzulassung</a></li></ul>",
     "vehicle_registration", True),
    ("<h1>Zulassungsbehörde</h1><ul><li><a href='/hw'>Halterwechsel online</a></li></ul>",
     "vehicle_registration", True),
    ("<h1>Meldewesen</h1><p><a href='/mb'>Meldebescheinigung online</a></p>",
     "registration_certificate", True),
    ("<h1>Parken im Quartier</h1><p><a href='/bp'>Online-Bewohnerparkausweis</a></p>",
     "resident_parking_permit", True),
    # … in a sentence only with an act or a word of being available or live
    ("<h1>Kinderbetreuung</h1><p>Die digitale Kita-Anmeldung ist seit dem Frühjahr freigeschaltet.</p>",
     "daycare_registration", True),
    ("<h1>Kinderbetreuung</h1><p>Vor Jahren hatte die Stadt schon einmal eine digitale Kita-Anmeldung "
     "ausprobiert, die dann wieder verschwand.</p>", "daycare_registration", None),
    # a breadcrumb's last crumb shortening the headline is no label of an offer
    ("<h1>Parken wird digital</h1><p>Start / Rathaus / Presse / Bewohnerparkausweis online</p>"
     "<p>Noch geht alles auf Papier.</p>", "resident_parking_permit", None),
    # the label's online word is the appointment's when a Termin follows it
    ("<h1>Ummeldung</h1><p>Ummeldung online einen Termin reservieren</p>", "change_of_address", None),
    # "digital" after the noun is a headline's style of announcing, no label of a service
    ("<h1>Kita-Anmeldung digital</h1><p>Zum neuen Kita-Jahr stellt die Stadt die Anmeldung auf ein "
     "Portal um.</p>", "daycare_registration", None),
    # … and a fee's when a payment follows it
    ("<h1>Meldewesen</h1><p><a href='/pay'>Meldebescheinigung online bezahlen</a></p>",
     "registration_certificate", None),
])
def test_the_online_word_fused_with_the_acts_noun(body, param, expected):
    assert values(online_services, wrap(body)).get(P + param) is expected


@pytest.mark.parametrize("body", [
    # the booking verb first, then the channel and the appointment: the label cue inside is the booking's
    "<h1>Gewerbeanmeldung</h1><p>Bitte vereinbaren Sie für die Gewerbeanmeldung online einen Termin im "
    "Bürgerbüro.</p>",
    "<h1>Gewerbeanmeldung</h1><p>Buchen Sie zur Gewerbeanmeldung online über das Portal Ihren Termin.</p>",
])
def test_a_booking_verb_before_the_channel_books_an_appointment(body):
    assert values(online_services, wrap(body)).get(P + "business_registration") is None


@pytest.mark.parametrize("body, expected", [
    # a wish, a survey's share in the subjunctive or a counterfactual: neither offered nor denied
    ("<h1>Umfrage im Ortsverein</h1><p>Viele Befragte würden ihr Gewerbe lieber online anmelden als im "
     "Rathaus.</p>", None),
    ("<h1>Studie zur Verwaltung</h1><p>Gut 60 Prozent würden ihr Gewerbe über das Internet "
     "anmelden.</p>", None),
    ("<h1>Leserbrief</h1><p>Die Gewerbeanmeldung hätte ich auch gut online erledigen können.</p>", None),
    # reported speech in the subjunctive states the offer
    ("<h1>Neues Portal</h1><p>Der Dezernent sagte, Gründer könnten ihr Gewerbe ab sofort online "
     "anmelden.</p>", True),
])
def test_a_wish_or_a_survey_is_no_offer(body, expected):
    assert values(online_services, wrap(body)).get(P + "business_registration") is expected


@pytest.mark.parametrize("body, expected", [
    # the need for a place registered ("Bedarfsanmeldung", "Bedarfsmeldung") with a care word: the Kita
    # registration
    ("<h1>Kinderbetreuung</h1><p>Die Bedarfsanmeldung für Krippe und Kindergarten läuft über das "
     "Bürgerserviceportal der Gemeinde.</p>", True),
    ("<h1>Kinderbetreuung</h1><p>Die Online-Bedarfsmeldung für die Kindertagesstätten ist jetzt "
     "freigeschaltet.</p>", True),
])
def test_the_need_for_a_place_registered_is_the_kita_registration(body, expected):
    assert values(online_services, wrap(body)).get(P + "daycare_registration") is expected


@pytest.mark.parametrize("body, expected", [
    # the vehicle re-registered, by verb or noun, is the registration's act (the session-5 ruling)
    ("<h1>Kfz</h1><p>Ihr Auto ummelden können Sie auch online über das Portal der "
     "Zulassungsstelle.</p>", True),
    ("<h1>Zulassungsstelle</h1><p>Die Ummeldung Ihres Gebrauchtwagens können Sie online "
     "beantragen.</p>", True),
    ("<h1>Halterwechsel</h1><p>Ein Fahrzeug umschreiben können Sie auch über das Internet.</p>", True),
])
def test_a_vehicle_re_registered_is_its_registration(body, expected):
    assert values(online_services, wrap(body)).get(P + "vehicle_registration") is expected


@pytest.mark.parametrize("body, expected", [
    # the notice under the law's name and verb, and the office taking it in through a portal
    ("<h1>Gewerbe</h1><p>Gewerbeanzeigen können auch online erstattet werden.</p>", True),
    ("<h1>Gewerbe</h1><p>Für Gewerbeanzeigen bietet die Stadt einen Online-Service an.</p>", True),
    ("<h1>Gewerbe</h1><p>Gewerbeanmeldungen werden auch über das Onlineportal des Landes "
     "entgegengenommen.</p>", True),
])
def test_the_trade_notice_by_its_legal_name_and_verb(body, expected):
    assert values(online_services, wrap(body)).get(P + "business_registration") is expected


@pytest.mark.parametrize("body, expected", [
    # the application printed or fetched is a paper form, whatever cue the clause holds
    ("<h1>Bewohnerparkausweis</h1><p>Den Antrag auf einen Bewohnerparkausweis können Sie online ausfüllen, "
     "ausdrucken und im Bürgerbüro abgeben.</p>", None),
    ("<h1>Bewohnerparkausweis</h1><p>Den Antrag können Sie online herunterladen und ausdrucken.</p>", None),
    # … not an application sent on line
    ("<h1>Bewohnerparkausweis</h1><p>Den Antrag können Sie online ausfüllen und direkt absenden.</p>", True),
])
def test_an_application_printed_is_a_paper_form(body, expected):
    assert values(online_services, wrap(body)).get(P + "resident_parking_permit") is expected


@pytest.mark.parametrize("body, param, expected", [
    # the city's online offers named as such, then listed after a colon: each listed service is on line
    ("<h1>Was weiter online geht</h1><p>Weiter nutzen können Sie die Online-Angebote der Stadt: "
     "Meldebescheinigungen, Bewohnerparkausweise und Auskünfte aus dem Melderegister.</p>",
     "resident_parking_permit", True),
    ("<h1>Bürgerservice</h1><p>Unsere Online-Dienste: Meldebescheinigung, Melderegisterauskunft.</p>",
     "registration_certificate", True),
])
def test_online_offers_listed_after_a_colon(body, param, expected):
    assert values(online_services, wrap(body)).get(P + param) is expected


@pytest.mark.parametrize("body, params", [
    # a service title with a noun before the particle fragments (weissenfels.de), with slashes (laichingen.de)
    ("<h1>Wirtschaft</h1><ul><li><a href='https://service.stadt.de/gewerbe'>Gewerbe An-, Um- und "
     "Abmeldung online</a></li></ul>", ["business_registration", "business_deregistration"]),
    ("<h1>Gewerbean-/-ummeldung/-abmeldung</h1><p>Wer ein Gewerbe beginnt, zeigt dies der Stadtverwaltung "
     "an.</p><p>Die Anzeige können Sie auch online über das Serviceportal erstatten.</p>",
     ["business_registration", "business_deregistration"]),
])
def test_elliptic_service_titles(body, params):
    got = values(online_services, wrap(body))
    assert all(got.get(f"online_services.{p}") is True for p in params)


def test_the_business_named_in_the_laws_words():
    # § 14 GewO's "Aufnahme einer gewerblichen Tätigkeit anzeigen", repeated by service pages
    # (neu-isenburg.de)
    body = ("<h1>Wirtschaft</h1><p>Die Aufnahme einer gewerblichen Tätigkeit können Sie ab sofort online "
            "anzeigen.</p>")
    assert values(online_services, wrap(body)).get("online_services.business_registration") is True


@pytest.mark.parametrize("body", [
    # places matched to families through the portal, on line
    "<p>Die Plätze werden über den Kita-Finder online vermittelt, den es seit vier Jahren "
    "gibt.</p>",
    # the registration portal fused with its online word, as a label after a colon
    "<p>Wer sein Kind in einer Kita betreuen lassen will, kennt es inzwischen: das neue "
    "Online-Anmeldeportal.</p>",
])
def test_daycare_places_allocated_or_registered_on_line(body):
    assert values(online_services, wrap(body)) == {P + "daycare_registration": True}


def test_application_created_in_the_online_account():
    body = ("<h1>Bewohner-Parkausweis beantragen</h1><p>Der Antrag wird auf Ihrem Online-Schreibtisch "
            "angelegt; Sie können die Bearbeitung jederzeit unterbrechen.</p>")
    assert values(online_services, wrap(body)) == {P + "resident_parking_permit": True}


def test_allocation_without_an_online_word_is_no_online_service():
    body = "<p>Die Kita-Plätze werden im Frühjahr vom Jugendamt vermittelt.</p>"
    assert values(online_services, wrap(body)) == {}


def test_the_catalogues_generic_payment_box_offers_no_service():
    # "eine Leistung" in general: the digital-Rathaus box printed under every service of a Land catalogue
    box = ("<h1>Außerbetriebsetzung für ein Fahrzeug beantragen</h1><p>Zuständig ist das Landratsamt.</p>"
           "<h2>Zahlungsmöglichkeiten</h2><p>Sofern eine Leistung gebührenpflichtig ist, bezahlen Sie sie am "
           "Ende des Online-Antrags mit den angebotenen Zahlarten.</p>")
    assert values(online_services, wrap(box)) == {}
    # the same sentence naming the service states its online application
    named = ("<h1>Außerbetriebsetzung für ein Fahrzeug beantragen</h1><p>Die Außerbetriebsetzung ist eine "
             "Leistung, die Sie mit dem Online-Antrag erledigen.</p>")
    assert values(online_services, wrap(named)) == {P + "vehicle_deregistration": True}


@pytest.mark.parametrize("body", [
    # a finder: the place is searched with the portal, nothing is applied for
    "<h1>Kindertageseinrichtungen</h1><p>Einen freien Platz in der Region finden Sie mit dem "
    "Kita-Planer.</p>",
    "<h1>Neues Portal</h1><p>Eltern sollen leichter einen Betreuungsplatz finden: Seit heute ist das "
    "Kitaportal der Stadt online.</p>",
    # a reference: the portal lists the papers
    "<h1>Gewerbeanmeldung</h1><p>Die Anmeldung ist mit dem Beginn fällig. Welche Unterlagen Sie brauchen, "
    "finden Sie im Serviceportal.</p>",
])
def test_a_portal_that_finds_places_or_papers_applies_for_nothing(body):
    assert values(online_services, wrap(body)) == {}


def test_a_finder_that_also_registers_is_the_online_registration():
    body = ("<h1>Kita-Finder</h1><p>Mit dem Kita-Finder suchen Sie freie Plätze und melden Ihr Kind gleich "
            "online an.</p>")
    assert values(online_services, wrap(body)) == {P + "daycare_registration": True}


@pytest.mark.parametrize("body", [
    # what offices in general may offer is no office's offer
    "<h1>Lage bei den Zulassungsstellen</h1><p>Nach einer Empfehlung des Landes können Zulassungsstellen "
    "eine vereinfachte Onlinezulassung anbieten: Die Dokumente werden per E-Mail eingereicht.</p>",
    "<h1>Meldewesen</h1><p>Kommunen dürfen die Ummeldung künftig auch online anbieten.</p>",
])
def test_a_permission_to_offices_in_general_offers_nothing(body):
    assert values(online_services, wrap(body)) == {}


def test_a_portal_heading_means_the_services_its_section_says_go_that_way():
    # the heading names the channel only; its section says the online route is for an- and ummelden
    body = ("<h1>Gewerbean-, -um- und -abmeldung</h1><p>Wer ein Gewerbe beginnt, muss es anzeigen.</p>"
            "<h3>Wirtschafts-Service-Portal</h3><p>Wer sein Gewerbe auf elektronischem Weg an- oder "
            "ummeldet, kann dort gleich die Gebühr bezahlen; die Abmeldung kostet nichts.</p>")
    got = values(online_services, wrap(body))
    assert got.get(P + "business_registration") is True
    assert P + "business_deregistration" not in got


def test_the_portals_digital_services_in_general_are_no_service_of_the_page():
    body = ("<h1>Außerbetriebsetzung für ein Fahrzeug beantragen</h1><p>Zuständig ist das Landratsamt.</p>"
            "<h2>Das digitale Rathaus</h2><p>Dort können Sie ein Servicekonto anlegen, sich in digitalen "
            "Leistungen elektronisch ausweisen und sicher mit Behörden kommunizieren.</p>")
    assert values(online_services, wrap(body)) == {}


# Session 16: mechanisms read from real pages (probe16-services16); the pages here are our own short examples.


def test_dated_switch_over_announces_the_offer():
    # a procedure switched over to a portal on a coming date is not online yet
    body = ("<h1>Kinderbetreuung</h1><p>Zum 1. März 2031 stellt die Gemeinde die Anmeldung für ihre "
            "Krippen und Kindergärten auf das Elternportal Little Bird um.</p>")
    assert values(online_services, wrap(body)).get(P + "daycare_registration") is not True


def test_sequel_sentence_takes_the_plan_of_the_one_before():
    body = ("<h1>Meldewesen digital</h1><p>Die Einwohner sollen künftig mehrere Leistungen der Meldebehörde "
            "online nutzen können. Dabei geht es auch um die elektronische Ausstellung der "
            "Meldebescheinigung.</p>")
    assert values(online_services, wrap(body)).get(P + "registration_certificate") is not True


def test_plan_to_extend_to_further_forms_keeps_the_offer_live():
    body = ("<h1>Online bezahlen</h1><p>Seit Januar kann man bei der Stadt Gebühren direkt im "
            "Online-Formular zahlen. Das Verfahren gilt derzeit für den Antrag auf einen Bewohnerparkausweis "
            "und soll später auf weitere Online-Formulare ausgedehnt werden.</p>")
    assert values(online_services, wrap(body))[P + "resident_parking_permit"] is True


def test_additive_online_offer_lifts_the_counter_restriction():
    body = ("<h1>Meldebescheinigung</h1><p>Bescheinigungen müssen im Bürgerbüro beantragt werden. "
            "Darüber hinaus können Sie eine einfache Meldebescheinigung auf unserer Internetseite online "
            "beantragen.</p>")
    assert values(online_services, wrap(body))[P + "registration_certificate"] is True


@pytest.mark.parametrize("sentence", [
    "Für den Ausweis ist die persönliche Vorsprache in der Straßenverkehrsbehörde erforderlich.",
    "Auch nach dem Ausfüllen am Bildschirm ist eine persönliche Vorsprache im Amt notwendig.",
])
def test_required_visit_denies(sentence):
    body = f"<h1>Bewohnerparkausweis beantragen</h1><h2>So beantragen Sie ihn</h2><p>{sentence}</p>"
    assert values(online_services, wrap(body))[P + "resident_parking_permit"] is False


def test_visit_not_required_denies_nothing():
    body = ("<h1>Bewohnerparkausweis beantragen</h1><h2>So beantragen Sie ihn</h2>"
            "<p>Eine persönliche Vorsprache ist nicht erforderlich.</p>")
    assert values(online_services, wrap(body)).get(P + "resident_parking_permit") is not False


def test_deregistration_in_three_words_composes_with_an_online_word():
    body = ("<h1>Fahrzeug abmelden</h1><p>Ein Fahrzeug mit Sicherheitscodes können Sie im Internet "
            "außer Betrieb setzen.</p>")
    assert values(online_services, wrap(body))[P + "vehicle_deregistration"] is True


def test_ikfz_portal_under_a_deregistration_heading_is_not_a_registration():
    body = ("<h1>Außerbetriebsetzung mit i-Kfz</h1><p>Ihr Fahrzeug setzen Sie online außer Betrieb.</p>"
            "<p>Der Antrag wird automatisch über das Portal bearbeitet.</p>")
    got = values(online_services, wrap(body))
    assert got[P + "vehicle_deregistration"] is True
    assert P + "vehicle_registration" not in got


@pytest.mark.parametrize("label", ["Onlineantrag und Formulare", "Formulare und Onlinedienste",
                                   "Formular &amp; Online-Prozess"])
def test_template_label_for_the_online_slot_offers_nothing(label):
    body = (f"<h1>Gewerbe abmelden</h1><p>Wer den Betrieb aufgibt, meldet das Gewerbe ab.</p><h2>{label}</h2>"
            "<ul><li>Formular Gewerbe-Abmeldung (PDF)</li></ul>")
    assert values(online_services, wrap(body)).get(P + "business_deregistration") is not True
