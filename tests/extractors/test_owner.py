"""owner: whose is a named thing (city, Land, Bund, Landkreis, neighbour, company) and its status."""

from __future__ import annotations

import pytest

from extractors.base import CityContext
from extractors.owner import (
    condition_regex,
    host_owner,
    judge,
    optional_step,
    plan_page,
    predicate_denial,
    said_existing,
    words,
)
from extractors.patterns import load_patterns
from sci.errors import DataError
from tests.extractors.detect_helpers import DATA

OWNER = load_patterns(DATA, "owner")
HAMM = CityContext("05915000", "Hamm", ("hamm.de",))
NAMES = ("hamm",)


def at(sentence: str, name: str, **kw: object):
    start = sentence.index(name)
    return judge(sentence, start, start + len(name), OWNER, names=NAMES, city=HAMM, **kw)


@pytest.mark.parametrize("sentence, name, owner", [
    ("Alle Datensätze finden Sie im Open-Data-Portal der Stadt Hamm.", "Open-Data-Portal", "city"),
    ("Über unser Geoportal sehen Sie alle Bebauungspläne.", "Geoportal", "city"),
    ("Die Daten liegen im Open-Data-Portal des Landes.", "Open-Data-Portal", "land"),
    ("Luftbilder zeigt das Geoportal NRW.", "Geoportal", "land"),
    ("Der Chatbot der Stadt Bonn beantwortet Fragen rund um die Uhr.", "Chatbot", "neighbour"),
    ("Die App der Stadtwerke zeigt Abfahrten in Echtzeit.", "App", "company"),
    ("Die Nachbarstadt betreibt seit Mai einen Mängelmelder.", "Mängelmelder", "neighbour"),
    ("Im Kreistag nutzt man das Ratsinformationssystem des Landkreises.", "Ratsinformationssystem", "county"),
    ("Das Ratsinformationssystem zeigt alle Vorlagen.", "Ratsinformationssystem", "unknown"),
])
def test_owner_from_cues(sentence, name, owner):
    assert at(sentence, name).owner == owner


def test_city_cue_is_a_whole_word():
    # "der Stadt" must not be read inside "der Stadtwerke"
    assert at("Der Chatbot der Stadtwerke hilft bei Rechnungen.", "Chatbot").owner == "company"
    assert words("Wir wird", ["wir"]) and len(words("Die Agentur wird", ["AG", "wir"])) == 0


def test_county_is_the_city_on_a_kreis_site():
    kreis = CityContext("05978000", "Kreis Unna", ("kreis-unna.de",))
    s = "Das Geoportal des Kreises zeigt alle Schulen."
    start = s.index("Geoportal")
    assert judge(s, start, start + 9, OWNER, names=("unna",), city=kreis).owner == "city"


@pytest.mark.parametrize("sentence, name, status", [
    ("Ein Open-Data-Portal der Stadt ist in Vorbereitung.", "Open-Data-Portal", "planned"),
    ("Der Livestream der Ratssitzungen wird zum Jahresende eingestellt.", "Livestream", "discontinued"),
    ("Der Mängelmelder wurde zum 30. Juni eingestellt.", "Mängelmelder", "discontinued"),
    ("Der Chatbot ist in der Testphase und beantwortet erste Fragen.", "Chatbot", "pilot"),
    ("Die Vorlagen werden im Ratsinformationssystem eingestellt.", "Ratsinformationssystem", "live"),
    ("Die geplanten Baugebiete zeigen wir im Geoportal.", "Geoportal", "live"),
    ("Sie finden sie im geplanten Geoportal.", "Geoportal", "planned"),
])
def test_status(sentence, name, status):
    anchored = sentence[:sentence.index(name)].rstrip().endswith(("im", "geplanten"))
    assert at(sentence, name, anchored=anchored).status == status


def test_counts_only_for_the_city_and_now():
    assert at("Unser Chatbot hilft.", "Chatbot").counts()
    assert not at("Der Chatbot der Stadt Bonn hilft.", "Chatbot").counts()
    assert not at("Ein Chatbot ist geplant.", "Chatbot").counts()
    assert at("Die 115 ist bundesweit erreichbar.", "115").counts(foreign=("neighbour", "company"))


@pytest.mark.parametrize("url, owner", [
    ("https://www.hamm.de/rathaus", "city"),
    ("https://www.opengeodata.nrw.de/produkte/", "land"),
    ("https://www.govdata.de/", "bund"),
    ("https://example.org/", None),
])
def test_host_owner(url, owner):
    assert host_owner(url, HAMM, OWNER) == owner


def test_link_host_decides_when_the_text_is_silent():
    s = "Alle Karten zeigt das Geoportal."
    start = s.index("Geoportal")
    j = judge(s, start, start + 9, OWNER, names=NAMES, city=HAMM, urls=["https://www.geoportal.nrw/"])
    assert j.owner == "land"


@pytest.mark.parametrize("sentence, name", [
    ("Ab dem kommenden Frühjahr nimmt der Mängelmelder Hinweise an.", "Mängelmelder"),
    ("Im nächsten Jahr bekommt die Stadt ein Geoportal.", "Geoportal"),
    ("Die Verwaltung richtet ein Geoportal ein, das im Herbst online gehen soll.", "Geoportal"),
])
def test_a_future_start_is_planned(sentence, name):
    assert at(sentence, name).status == "planned"


@pytest.mark.parametrize("sentence, name, status", [
    # a body speaking out for a thing: a step towards it, not the thing there
    ("Der Ortschaftsrat hat sich mit großer Mehrheit für eine eigene Dorf-App ausgesprochen.", "Dorf-App",
     "planned"),
    ("Der Kreisausschuss spricht sich im Grundsatz für ein Geoportal aus.", "Geoportal", "planned"),
    ("Beide Fraktionen haben sich dafür ausgesprochen, den Mängelmelder einzuführen.", "Mängelmelder",
     "planned"),
    # speaking out against it is no plan of it, and a live thing stays live
    ("Der Rat hat sich gegen ein Geoportal ausgesprochen.", "Geoportal", "live"),
    ("Im Geoportal hat sich die Suche nach Flurstücken bewährt.", "Geoportal", "live"),
])
def test_speaking_out_for_a_thing_plans_it(sentence, name, status):
    assert at(sentence, name).status == status


@pytest.mark.parametrize("sentence, name, status", [
    # an arrival verb in the present with a time still ahead, whichever comes first
    ("Im Herbst nimmt das Ratsinformationssystem seinen Dienst auf und startet mit allen Gremien.",
     "Ratsinformationssystem", "planned"),
    ("Das Beteiligungsportal geht zum Jahreswechsel ans Netz.", "Beteiligungsportal", "planned"),
    ("Freigeschaltet wird das Geoportal Mitte Oktober.", "Geoportal", "planned"),
    # … but not a start told as past or already running, nor the end of a window
    ("Das Beteiligungsportal ist bereits im Frühjahr ans Netz gegangen und startet jetzt die zweite Runde.",
     "Beteiligungsportal", "live"),
    ("Das Geoportal wurde im Oktober freigeschaltet.", "Geoportal", "live"),
])
def test_an_arrival_with_a_time_ahead_is_planned(sentence, name, status):
    assert at(sentence, name).status == status


def test_the_next_days_of_a_live_service_are_no_plan():
    # Processing times of a running service are not a start date.
    sentence = "Der Mängelmelder leitet Hinweise in den nächsten Tagen weiter."
    assert at(sentence, "Mängelmelder").status == "live"


def test_a_hyphenated_kreis_is_the_county():
    assert at("Die Datensätze liegen im Portal des Ennepe-Ruhr-Kreises.", "Portal").owner == "county"
    assert at("Die Karte zeigt der Rhein-Sieg-Kreis im Geoportal.", "Geoportal").owner == "county"


def test_the_land_of_a_city_state_is_the_city():
    hamburg = CityContext("02000000", "Hamburg", ("hamburg.de",))
    s = "Die Melde-App des Landes beantwortet Ihre Hinweise."
    start = s.index("Melde-App")
    assert judge(s, start, start + 9, OWNER, names=("hamburg",), city=hamburg).owner == "city"
    assert at(s, "Melde-App").owner == "land"  # Hamm is no city-state


@pytest.mark.parametrize("sentence, name, owner", [
    ("Die Karten liegen im Geoportal Sachsen-Anhalt bereit.", "Geoportal", "land"),
    ("Stellungnahmen nimmt das Beteiligungsportal des Freistaates Sachsen an.", "Beteiligungsportal", "land"),
    ("Die Vorlagen stehen im Ratsinformationssystem der Samtgemeinde.", "Ratsinformationssystem", "joint"),
    ("Leitungen zeigt das Kartenportal des Zweckverbands.", "Kartenportal", "joint"),
])
def test_owner_families_and_joint_bodies(sentence, name, owner):
    assert at(sentence, name).owner == owner


def test_a_joint_body_is_the_city_on_its_own_pages():
    vg = CityContext("07137000", "Verbandsgemeinde Weißenthurm", ("vgwthurm.de",))
    s = "Die Vorlagen stehen im Ratsinformationssystem der Verbandsgemeinde."
    start = s.index("Ratsinformationssystem")
    assert judge(s, start, start + 22, OWNER, names=("weissenthurm",), city=vg).owner == "city"


def test_a_joint_bodys_page_naming_its_landkreis_speaks_of_the_county():
    # a Samtgemeinde is not its Landkreis: the Kreis's booking on the Samtgemeinde's page is somebody else's,
    # while a Kreis's own "des Kreises" stays the city
    sg = CityContext("03256402", "Samtgemeinde Marklohe", ("marklohe.de",))
    s = "Termin beim Landkreis online vereinbaren"
    assert judge(s, len(s), len(s), OWNER, names=("marklohe",), city=sg).owner == "county"
    kreis = CityContext("03256000", "Landkreis Nienburg/Weser", ("lk-nienburg.de",))
    assert judge(s, len(s), len(s), OWNER, names=("nienburg",), city=kreis).owner == "city"


def test_the_kreis_as_the_one_who_acts_is_the_county():
    # "der Kreis" as the subject gives the appointments; "im Kreis" is only the area
    s = "Die Termine vergibt der Kreis über sein eigenes Portal."
    assert at(s, "Portal").owner == "county"
    assert at("Das Portal gilt im Kreis für alle Städte.", "Portal").owner != "county"


@pytest.mark.parametrize("sentence, name, status", [
    ("Das Geoportal wurde im Mai vom Netz genommen.", "Geoportal", "discontinued"),
    ("Die Stadt-App ist seit März offline.", "Stadt-App", "discontinued"),
    ("Das Datenportal wird nicht mehr gepflegt.", "Datenportal", "discontinued"),
    ("Ab 2028 enthält das Geoportal auch Lärmkarten.", "Geoportal", "planned"),
    ("Nach den Ferien geht das Beteiligungsportal an den Start.", "Beteiligungsportal", "planned"),
    ("Der Chatbot ist noch in der Entwicklung.", "Chatbot", "planned"),
    ("Der Landkreis bereitet den Anschluss an die Behördennummer 115 vor.", "115", "planned"),
    ("München bereitet sich auf die Einführung der Behördennummer 115 vor.", "115", "planned"),
])
def test_status_families(sentence, name, status):
    assert at(sentence, name).status == status


def test_preparing_it_is_a_plan_but_the_readers_preparation_is_not():
    assert at("Bereiten Sie Ihre Unterlagen im Serviceportal vor.", "Serviceportal").status == "live"


def test_an_anchored_name_takes_only_plan_words_of_its_noun_phrase():
    s = "Die geplanten Wohngebiete zeigen wir im Geoportal."
    assert at(s, "Geoportal", anchored=True).status == "live"
    assert at("Sie sehen es im geplanten Geoportal.", "Geoportal", anchored=True).status == "planned"


@pytest.mark.parametrize("sentence, name, owner", [
    ("Der Hammer Mängelmelder nimmt Hinweise an.", "Mängelmelder", "city"),  # Hamm's own adjective
    ("Der Ahlener Mängelmelder nimmt Hinweise an.", "Mängelmelder", "neighbour"),
    ("Neuer Mängelmelder: Hinweise jetzt online.", "Mängelmelder", "unknown"),  # an adjective, no place
    ("Das Geoportal zeigt die Ahlener Straße.", "Geoportal", "unknown"),  # a street, not before the name
    ("Wählen Sie die Behördennummer 115.", "115", "unknown"),  # a noun before a number
])
def test_a_place_adjective_right_before_the_name(sentence, name, owner):
    assert at(sentence, name).owner == owner


@pytest.mark.parametrize("city, names, sentence, name, owner", [
    # the adjective mutates the name's last vowel: the city's own (rb-muehlhausen, rv-darmstadt)
    ("Mühlhausen", ("mühlhausen", "muehlhausen"),
     "Seit Februar können Mühlhäuser Schäden online ans Rathaus schicken.", "Schäden", "city"),
    ("Darmstadt", ("darmstadt",), "Der Darmstädter Mängelmelder nimmt Hinweise an.", "Mängelmelder", "city"),
    ("Darmstadt", ("darmstadt",), "Der Neustädter Mängelmelder nimmt Hinweise an.", "Mängelmelder",
     "neighbour"),
])
def test_a_place_adjective_with_an_umlaut(city, names, sentence, name, owner):
    start = sentence.index(name)
    got = judge(sentence, start, start + len(name), OWNER, names=names, city=CityContext("0", city, ()))
    assert got.owner == owner


@pytest.mark.parametrize("sentence, name, status", [
    ("Der Livestream ist bis auf Weiteres ausgesetzt.", "Livestream", "discontinued"),  # suspended
    ("Der Chatbot wird probeweise auf der Startseite eingesetzt.", "Chatbot", "pilot"),
    ("Als Modellkommune nutzt die Stadt den Mängelmelder seit Juli.", "Mängelmelder", "pilot"),
])
def test_suspended_and_trial_status(sentence, name, status):
    assert at(sentence, name).status == status


def test_former_as_an_attribute_of_the_name_only():
    assert at("Ihr bisheriger Account auf X heißt jetzt anders.", "X").status == "discontinued"
    assert at("Der alte Mängelmelder wurde ersetzt.", "Mängelmelder").status == "discontinued"
    assert at("Die ehemaligen Kasernenflächen zeigt das Geoportal.", "Geoportal").status == "live"


def test_regional_bodies_are_joint_and_vendors_are_no_owners():
    assert at("Die Daten liegen im Open-Data-Portal der Metropolregion.", "Open-Data-Portal").owner == "joint"
    s = "Der Chatbot der Stadtverwaltung basiert auf Software der Firma Beispiel GmbH."
    assert at(s, "Chatbot").owner == "city"


@pytest.mark.parametrize("sentence, status", [
    ("Ab dem 1. Juli ist der Mängelmelder online.", "planned"),
    ("Ab Montag nimmt der Mängelmelder Hinweise an.", "planned"),
    ("Ab sofort nimmt der Mängelmelder Hinweise an.", "live"),
    ("Der Mängelmelder ist montags ab 8 Uhr besetzt.", "live"),
])
def test_a_start_date_ahead(sentence, status):
    assert at(sentence, "Mängelmelder").status == status


@pytest.mark.parametrize("sentence, name, anchored, status", [
    # a relative clause on the thing speaks about it even when the thing is a prepositional object
    ("Über die Open-Data-Plattform der Stadt, die derzeit aufgebaut wird, sollen Daten abrufbar sein.",
     "Open-Data-Plattform", True, "planned"),
    ("Im Geoportal, das alle Bebauungspläne zeigt, finden Sie auch Luftbilder.", "Geoportal", True, "live"),
    # a plan attribute counts in the thing's own noun phrase only
    ("Auf der künftigen Plattform sollen die Daten gebündelt abrufbar sein.", "Plattform", True, "planned"),
    ("Die künftigen Sitzungstermine stehen im Ratsinformationssystem.", "Ratsinformationssystem", True,
     "live"),
    # a thing said to exist already: the plan of the clause is about something else
    ("Die Meldefunktion soll in die bereits verfügbare Hamm-App eingebaut werden.", "Hamm-App", False,
     "live"),
    # proposals and a start next week
    ("Die Fraktion regt an, dass die Verwaltung die Entwicklung einer Stadt-App beginnt.", "Stadt-App", False,
     "planned"),
    ("Zusätzlich schlagen wir eine Chatfunktion für Anliegen vor.", "Chatfunktion", False, "planned"),
    ("Das neue Geoportal startet in der kommenden Woche.", "Geoportal", False, "planned"),
    # a possibility in reported speech
    ("Möglich sei auch, dass sich die Stadt einer Mängelmelder-Plattform anschließt.",
     "Mängelmelder-Plattform", False, "hypothetical"),
])
def test_relative_clauses_attributes_and_proposals(sentence, name, anchored, status):
    assert at(sentence, name, anchored=anchored).status == status


@pytest.mark.parametrize("sentence, name, owner", [
    # round-ups of several towns: the place that opens the sentence owns the thing by its possessive
    ("Nordheim am Main hat seine Gemeinde-App bereits in Betrieb.", "Gemeinde-App", "neighbour"),
    ("Hamm hat seine Stadt-App schon seit 2019.", "Stadt-App", "city"),
    ("Jetzt hat ihre App neue Funktionen.", "App", "unknown"),
    # ... or by an indefinite article, with time words between, in a later sentence of the paragraph (a
    # Kreis's round-up of its towns: the member town's app is not the Kreis's)
    ("In den Gemeinden geht es unterschiedlich schnell. Kühbach hat schon 2022 eine Bürger-App eingeführt.",
     "Bürger-App", "neighbour"),
    ("Im Kreis tut sich viel. Hamm hat inzwischen eine Stadt-App.", "Stadt-App", "city"),
    ("Die Stadt hat eine Stadt-App eingeführt.", "Stadt-App", "city"),
])
def test_a_place_opening_the_sentence_owns_the_thing_by_a_possessive(sentence, name, owner):
    assert at(sentence, name).owner == owner


@pytest.mark.parametrize("sentence, name, status", [
    ("Die Stadt baut eine Datenplattform auf, zu der auch ein Open-Data-Portal gehören soll.",
     "Open-Data-Portal", "planned"),
    ("Im Projekt wird dafür eine kommunale Datenplattform entwickelt.", "Datenplattform", "planned"),
    ("Das Geoportal wird laufend weiterentwickelt.", "Geoportal", "live"),
    # a future adverb after the clause's modal or auxiliary (wochenspiegel Trier; "zukünftig" of a stream)
    ("Anmelden kann man sich künftig am Info-Schalter oder telefonisch über die 115.", "115", "planned"),
    ("Die Sitzungen des Stadtrats werden zukünftig per Livestream übertragen.", "Livestream", "planned"),
    ("Die Sitzungen werden auch künftig per Livestream übertragen.", "Livestream", "live"),
    ("Der Livestream wird seit 2020 angeboten, künftig mit Untertiteln.", "Livestream", "live"),
    ("Die Stadt hat seit Jahren ein Ratsinformationssystem und wird es künftig um eine App ergänzen.",
     "Ratsinformationssystem", "live"),
])
def test_a_final_modal_and_work_in_progress_are_plans(sentence, name, status):
    assert at(sentence, name).status == status


@pytest.mark.parametrize("heading, text", [
    ("Antrag: Livestream aus dem Sitzungssaal", ""),
    ("Antrag der Fraktion Bündnis 90/Die Grünen: Prüfung einer Online-Beteiligungsplattform", ""),
    ("Prüfauftrag: Stadtvertretung per Livestream übertragen", ""),
    ("Änderungs- und Ergänzungsantrag zu TOP 4", ""),
    ("Digitale Öffentlichkeit", "Deshalb beantragen wir eine Sondersitzung. Unser Antrag lautet:"),
    ("Terminvergabe im Bürgeramt", "Der Ortsbeirat möge beschließen: Der Magistrat wird gebeten, …"),
    ("Beschlussvorlage", "Die Verwaltung wird beauftragt zu prüfen, wie ein Chatbot eingeführt werden kann."),
    ("Wahlprogramm 2025: Digitales Rathaus", ""),
    ("KI-Chatbot: Lüdenscheid hat ihn", "Unsere Fraktion hat deshalb einen Antrag eingereicht."),
    # a party's demand or a council's debate as the headline (four sites: parties' pages, a newspaper)
    ("FDP fordert KI-Bürgerchatbot für den Hochtaunuskreis", ""),
    ("CDU will Termine im Rathaus digital buchen lassen", ""),
    ("Virtueller Mitarbeiter im Rathaus? Gemeinderat Gaukönigshofen diskutiert KI-Chatbot", ""),
    ("Grünen-Fraktion setzt sich für einen Livestream der Ratssitzungen ein", ""),
    # a council member's motion in a Vorlage (Gilching, Ostrhauderfehn), a council's decision record
    # (Darmstadt-Dieburg, Laubach), a council body debating a motion (Coesfeld, a party's report; Gilching)
    ("TOP 16 Livestream-Übertragung", "Ein Gemeinderatsmitglied beantragt, zu prüfen, ob die Sitzungen …"),
    ("Vorlage - Live-Streaming", "Ein Ratsmitglied hat im November beantragt, die Möglichkeiten zu prüfen."),
    ("Streaming der Kreistagssitzungen", "Beschluss: geändert beschlossen. Öffentliche Sitzungen sollen …"),
    ("Live-Übertragung von Sitzungen", "Am 18. Februar berät der Rat der Stadt Coesfeld über den Antrag."),
])
def test_a_motion_or_request_page_is_a_plan_page(heading, text):
    assert plan_page(heading, heading, text, OWNER)


@pytest.mark.parametrize("heading, text", [
    ("Bewohnerparkausweis beantragen", "Den Antrag stellen Sie online über das Serviceportal."),
    ("Antrag auf einen Bewohnerparkausweis", "Sie können den Antrag online stellen."),
    ("Anfrage: Terminvergabe in den Bürgerämtern", "Wir fragen die Verwaltung: Wie bewertet sie die Lage?"),
    ("Bewohnerparkausweis", "Wenn Sie einen Antrag gestellt haben, erhalten Sie eine Bestätigung."),
    ("Stadt Calau jetzt auch auf Facebook", "Seit Montag informiert die Stadtverwaltung auf Facebook."),
    # an office's or a Land's own news, not a party's or a council's wish
    ("Online-Service: Fürther Bürgeramt will das Warten verkürzen", ""),
    ("Sachsen will die 115 im ganzen Land einführen", ""),
    ("Lingener Rathaus will das Bürgerbüro digitalisieren", ""),
    # an office deciding on the reader's application, the reader's own application
    ("Aufenthaltserlaubnis", "Die Ausländerbehörde entscheidet über Ihren Antrag binnen vier Wochen."),
    ("Einbürgerung", "Ein Familienmitglied beantragt die Einbürgerung für alle."),
    ("Verein", "Ein Mitglied des Vereins beantragt die Förderung."),
])
def test_service_pages_and_inquiries_are_no_plan_pages(heading, text):
    assert plan_page(heading, heading, text, OWNER) is None


@pytest.mark.parametrize("sentence, existing", [
    ("Ein Vorgangsmonitor wäre mit dem vorhandenen Ratsinformationssystem zu verknüpfen.", True),
    ("Die seit 2019 bestehende App soll um einen Mängelmelder ergänzt werden.", True),
    ("Wer heute einen Termin will, muss ihn online buchen.", True),
    ("Der Magistrat legt den stadteigenen Account auf X still.", True),
    # a motion granting what is there before finding it wanting
    ("Im Bürgerportal gibt es zwar ein Formular für Mängelmeldungen, dafür muss man sich anmelden.", True),
    ("Der Chatbot steht den Bürgerinnen rund um die Uhr zur Verfügung.", False),
    ("Die Sitzungen werden als Livestream auf der Internetseite bereitgestellt.", False),
    # a set-up told as done, in the preterite or the perfect: a motion's reasons tell what is there
    ("Im Frühjahr wurde für das Bürgerbüro ein Buchungssystem für Termine eingerichtet.", True),
    ("Die Stadt hat im Standesamt einen Traukalender im Netz eingeführt.", True),
    # … not a set-up still asked for or to come
    ("Es ist zu prüfen, ob ein Buchungssystem für Termine eingeführt werden kann.", False),
    ("Die Verwaltung soll darlegen, wann das System eingerichtet wird.", False),
])
def test_a_statement_says_its_thing_exists(sentence, existing):
    assert said_existing(sentence, OWNER) is existing


def test_unser_means_the_publisher():
    s = "Auf der Website beantwortet unser Chatbot Fragen zur Mülltrennung."
    assert at(s, "Chatbot").owner == "city"
    assert at(s, "Chatbot", site="company").owner == "company"
    # a cue that names the city is not the publisher's word
    assert at("Der Chatbot der Stadt Hamm antwortet jederzeit.", "Chatbot", site="company").owner == "city"


def test_uns_is_the_first_person_too():
    # a registration agency's page ("Unterlagen online hochladen oder bei uns in der Filiale abgeben",
    # "Schicken Sie uns Ihre Unterlagen"): the dative and accusative of "wir" speak for the publisher as
    # "wir" and "unser" do
    s = "Unterlagen online hochladen oder bei uns in der Filiale abgeben."
    assert at(s, "online", site="company").owner == "company"
    assert at(s, "online").owner == "city"


def test_the_kreis_by_itself_and_its_hosts_are_the_county():
    # a joint portal of the Kreis and its towns is the Kreis's, not a member town's
    sentence = "Unter opendata.rhein-kreis-neuss.de veröffentlichen Kreis und Kommunen gemeinsam ihre Daten."
    assert at(sentence, "opendata").owner == "county"
    assert host_owner("https://opendata.rhein-kreis-neuss.de/", HAMM, OWNER) == "county"
    assert host_owner("https://geoportal.kreis-borken.de/karten", HAMM, OWNER) == "county"
    assert host_owner("https://www.landkreis-harburg.de/", HAMM, OWNER) == "county"
    assert host_owner("https://www.kreisstadt-bergheim.de/", HAMM, OWNER) is None


@pytest.mark.parametrize("sentence, name, status", [
    # only the remnant users still have it, and gone from the stores
    ("Wer die App noch auf dem Smartphone hat, sieht nur das Datum.", "App", "discontinued"),
    ("In den App-Stores ist die Hamm-App schon länger nicht mehr zu finden.", "Hamm-App", "discontinued"),
    ("Wer die App hat, sieht dort alle Abfuhrtermine.", "App", "live"),
])
def test_remnant_users_and_an_app_gone_from_the_stores(sentence, name, status):
    assert at(sentence, name).status == status


@pytest.mark.parametrize("sentence, name, status", [
    # status words in another sense: a service's application and feedback people give
    ("Online gibt es den Mängelmelder, die Meldung des Zählerstands und den Antrag auf ein Führungszeugnis.",
     "Mängelmelder", "live"),
    ("Über die App können Sie auf Missstände hinweisen oder Anregungen geben.", "App", "live"),
    ("Der Antrag der Fraktion fordert eine Stadt-App.", "Stadt-App", "planned"),
])
def test_an_application_form_and_feedback_are_no_plans(sentence, name, status):
    assert at(sentence, name).status == status


@pytest.mark.parametrize("sentence, owner", [
    # other places' examples after a colon are theirs, whatever city word stands nearer
    ("Andere Städte sind weiter: Hamburg beantwortet Fragen zu städtischen Leistungen bereits mit einem "
     "Chatbot, Köln vergibt Termine automatisiert.", "neighbour"),
    # the city named after the colon keeps its thing
    ("Andere Städte machen es vor: Auch die Stadt Hamm bietet jetzt einen Chatbot an.", "city"),
    ("Wie in anderen Städten gilt: Der Chatbot der Stadt beantwortet Fragen.", "city"),
])
def test_a_neighbour_cue_before_a_colon_leads_the_examples(sentence, owner):
    assert at(sentence, "Chatbot").owner == owner


def test_a_thing_talked_about_is_hypothetical():
    s = "Sie erinnert daran, dass über Livestreams seit rund 20 Jahren gesprochen werde."
    assert at(s, "Livestreams").status == "hypothetical"


@pytest.mark.parametrize("sentence, name, owner", [
    ("Der Märkische Kreis sieht das anders: Sein KI-Chatbot beantwortet Fragen.", "KI-Chatbot", "county"),
    ("Im Oberbergischen Kreis gibt es den Mängelmelder seit 2019.", "Mängelmelder", "county"),
    # the area, not an owner
    ("Das Servicecenter nimmt unter der 115 Anrufe aus dem ganzen Kreis entgegen.", "115", "unknown"),
])
def test_a_kreis_named_by_an_adjective_is_the_county(sentence, name, owner):
    assert at(sentence, name).owner == owner


@pytest.mark.parametrize("sentence, name, status", [
    ("Angekündigt wird die Sprechstunde auf der Facebook-Seite der Stadt.", "Facebook-Seite", "live"),
    ("Die Termine kündigt die Stadt über ihren Instagram-Kanal an.", "Instagram-Kanal", "live"),
    ("Die Stadt hat einen Instagram-Kanal angekündigt.", "Instagram-Kanal", "planned"),
    ("Die Stadt hat angekündigt, auf einer eigenen Facebook-Seite zu informieren.", "Facebook-Seite",
     "planned"),
])
def test_the_channel_something_is_announced_on_is_not_planned(sentence, name, status):
    assert at(sentence, name).status == status


def test_a_wish_to_be_able_to_use_it_is_a_plan():
    s = "Viele Bürgerinnen und Bürger wünschen sich, den Mängelmelder künftig per App nutzen zu können."
    assert at(s, "Mängelmelder").status == "planned"


@pytest.mark.parametrize("sentence, name, status", [
    ("Die App Meldoo können Bürger bald herunterladen.", "Meldoo", "planned"),
    ("Der Mängelmelder wird bald freigeschaltet.", "Mängelmelder", "planned"),
    # "bald" without a modal of the clause is someone's opinion, and "sobald" is no "bald"
    ("Auf der Facebook-Seite der Stadt schreibt ein Nutzer: Bald braucht man für jede Stadt eine eigene App.",
     "Facebook-Seite", "live"),
    ("Sobald Sie den Mängelmelder geöffnet haben, können Sie einen Ort wählen.", "Mängelmelder", "live"),
])
def test_soon_after_a_modal_is_a_plan(sentence, name, status):
    assert at(sentence, name).status == status


@pytest.mark.parametrize("sentence, name, status", [
    ("Noch nicht mal ein Jahr ist die Gersthofen-App online, schon 17.000 Downloads.", "Gersthofen-App",
     "live"),
    ("Der Chatbot ist noch nicht einmal zwei Wochen im Einsatz.", "Chatbot", "live"),
    ("Die Gersthofen-App ist noch nicht einmal fertig.", "Gersthofen-App", "planned"),
    ("Die Gersthofen-App ist noch nicht online.", "Gersthofen-App", "planned"),
])
def test_not_even_a_quantity_is_no_plan(sentence, name, status):
    assert at(sentence, name).status == status


@pytest.mark.parametrize("text, opens", [
    ("Sollte die Buchung nicht funktionieren, rufen Sie an.", True),
    ("– Sollten Sie das Portal nicht erreichen, schreiben Sie uns.", True),
    ("„Falls der Dienst gestört ist, …", True),
    ("if the booking does not work, call us", True),
    # a whole word: a concession ("wenngleich") and a noun are no condition
    ("Wenngleich die Buchung online läuft, ist sie gestört.", False),
    ("Solangeweile kennt das Portal nicht.", False),
    ("Die Online-Terminvergabe funktioniert seit Monaten nicht.", False),
])
def test_a_condition_is_read_from_the_openers_in_data(text, opens):
    assert bool(condition_regex(OWNER).match(text)) is opens


def test_without_openers_nothing_is_a_condition():
    assert condition_regex({}).match("Wenn Sie möchten") is None
    assert condition_regex({"condition_openers": ["wenn"]}).match("Wenn Sie möchten")


@pytest.mark.parametrize("clause, denied_adjective", [
    ("Neu ist die Stadt-App nicht", True),
    ("Ganz unbekannt ist das Geoportal nicht.", True),
    ("Die Stadt-App ist nicht neu", False),  # no fronted adjective: read as usual ("nicht neu" is no denial)
    ("Eine eigene App hat die Stadt nicht.", False),
])
def test_a_fronted_predicate_adjective_takes_the_denial(clause, denied_adjective):
    assert bool(predicate_denial(OWNER).match(clause)) is denied_adjective
def test_what_a_publishers_page_names_without_an_owner_can_be_the_publishers():
    s = "Der Chatbot ist ein Dialogsystem, das Fragen rund um die Uhr beantwortet."
    assert at(s, "Chatbot", site="company").owner == "unknown"  # only where a detector asks for it
    assert at(s, "Chatbot", site="company", unowned_to_site=True).owner == "company"
    said = "Der Chatbot der Stadt Hamm beantwortet Fragen rund um die Uhr."
    assert at(said, "Chatbot", site="company", unowned_to_site=True).owner == "city"


KREIS = CityContext("12071000", "Landkreis Spree-Neiße", ("lkspn.de",))


def on_kreis(sentence: str, name: str):
    start = sentence.index(name)
    return judge(sentence, start, start + len(name), OWNER, names=("spreeneisse",), city=KREIS)


def test_the_lands_platform_serves_a_kreiss_towns_unless_the_kreis_is_named():
    s = "Solche Hinweise landen im Maerker, den das Land Brandenburg betreibt."
    assert at(s, "Maerker").owner == "land"  # a town: its area on the Land's platform (the detector's say)
    assert on_kreis(s, "Maerker").owner == "neighbour"  # a Kreis: its member towns'
    said = ("Auch die Kreisverwaltung nimmt Hinweise über den Maerker entgegen, den das Land Brandenburg "
            "betreibt.")
    assert on_kreis(said, "Maerker").owner == "land"  # the Kreis takes part: the Land's, as for a town


def test_an_address_written_out_is_read_like_a_link():
    s = "Hinweise geben Sie auf maerker.brandenburg.de ein."
    assert at(s, "maerker").owner == "land"
    assert at("Hinweise geben Sie auf mitmachen.hamm.de ein.", "mitmachen").owner == "city"


def test_a_joint_body_named_on_a_kreiss_page_is_a_member_towns():
    s = "Zuständig für den Mängelmelder ist die jeweilige Amtsverwaltung."
    assert on_kreis(s, "Mängelmelder").owner == "neighbour"
    vg = CityContext("07131502", "Verbandsgemeinde Brohltal", ("brohltal.de",))
    assert judge(s, 15, 27, OWNER, names=("brohltal",), city=vg).owner == "city"
    assert on_kreis("Den Mängelmelder betreibt die Kreisverwaltung.", "Mängelmelder").owner == "city"


@pytest.mark.parametrize("bad", [5, "wenn", [1, 2]])
def test_malformed_condition_openers_name_the_file_and_key(bad):
    with pytest.raises(DataError, match="condition_openers must be a list of words"):
        condition_regex({"condition_openers": bad})


@pytest.mark.parametrize("url, owner", [
    # a Kreis named run together in a label of a vendor's host (sq-oehringen-kreistag-session-buergerinfo)
    ("https://gremieninfo-hohenlohekreis.iteos.de/bi/", "county"),
    ("https://ris.rheinkreis.example.de/", "county"),
    # "Kreisstadt" is a town
    ("https://www.kreisstadt-xy.de/", None),
])
def test_host_owner_of_a_kreis_on_a_vendors_host(url, owner):
    assert host_owner(url, HAMM, OWNER) == owner


@pytest.mark.parametrize("sentence, name, owner", [
    # the Kreistag's members act for the Kreis
    ("Die Kreisrätinnen und Kreisräte holen ihre Unterlagen aus dem Programm Session.", "Session", "county"),
    # what a colon sums up owns nothing: "der Vereine" is one of the things the app carries
    ("Sperrungen, Neues aus der Schule oder Termine der Vereine: All das bringt die neue App.", "App",
     "unknown"),
    # a single owner before a colon still owns it
    ("Die Stadtwerke: Ihre neue App für Strom und Wasser.", "App", "company"),
])
def test_kreistag_members_and_enumerations(sentence, name, owner):
    assert at(sentence, name).owner == owner


def test_a_name_opening_with_the_possessive_speaks_for_the_publisher():
    # "unsere App" is a name of its own (city_app's terms): on a newspaper's page it is the paper's app
    assert at("Laden Sie unsere App herunter.", "unsere App", site="company").owner == "company"
    assert at("Laden Sie unsere App herunter.", "unsere App").owner in ("city", "unknown")


@pytest.mark.parametrize("sentence, name, owner", [
    # a Kreistag system carries its owner in its name: on a town's page it is the Kreis's
    ("Über das Kreistagsinformationssystem kann jeder Protokolle abrufen.", "Kreistagsinformationssystem",
     "county"),
    # a Kreistag session near the town's own system says nothing about whose the system is
    ("Im Ratsinformationssystem stehen auch die Termine der Kreistagssitzungen.", "Ratsinformationssystem",
     "unknown"),
])
def test_a_kreistag_system_is_the_kreis(sentence, name, owner):
    assert at(sentence, name).owner == owner


@pytest.mark.parametrize("sentence, name, status", [
    # thinking it over is no offer yet (st- Aichach-Friedberg: the Landratsamt's KI-Bot)
    ("Auch das Landratsamt denkt über einen KI-Bot nach, der Anfragen beantwortet.", "KI-Bot", "planned"),
    ("Die Gemeinde erwägt eine eigene App für Vereine und Rathaus.", "App", "planned"),
    # what a place is to get (st- Landkreis Gießen: the villages' app)
    ("Im Landkreis sollen Dörfer eine eigene App bekommen, die wie ein Schwarzes Brett wirkt.", "App",
     "planned"),
    # the reader's thinking and a live thing stay live
    ("Denken Sie über den Chatbot nach, wenn das Rathaus geschlossen ist.", "Chatbot", "live"),
    ("Mit der App bekommen Sie alle Termine aufs Handy.", "App", "live"),
])
def test_considered_and_to_be_received_are_planned(sentence, name, status):
    assert at(sentence, name).status == status


def test_judgements_are_shared_by_equal_owner_data_and_match_the_unshared_reading():
    """Each detector includes its own copy of owner.yaml: a judgement is memoised by the data's value (the
    readers and named detectors judge the same clauses), and equals what the data gives unmemoised."""
    import copy

    from extractors.owner import _judge

    s = "Das Geoportal des Kreises Unna zeigt Bebauungspläne."
    start = s.index("Geoportal")
    other = copy.deepcopy(OWNER)
    args = (s, start, start + 9)
    kw = {"names": NAMES, "city": HAMM}
    assert judge(*args, OWNER, **kw) is judge(*args, other, **kw)
    assert judge(*args, other, **kw) == _judge(*args, OWNER, NAMES, HAMM, (), False, None, False)
    # a city whose hosts are a list cannot key the memo: judged all the same
    listed = CityContext(ags=HAMM.ags, name=HAMM.name, hosts=list(HAMM.hosts))  # type: ignore[arg-type]
    assert judge(*args, OWNER, names=NAMES, city=listed) == judge(*args, OWNER, **kw)


def test_common_noun_after_stadt_is_no_town():
    # "nimmt die Stadt Anfragen … entgegen": the object after "die Stadt", not a town called "Anfragen"
    text = "Von Dezember an nimmt die Stadt Anfragen nur noch über das Kita-Portal entgegen."
    at = text.index("Kita-Portal")
    assert judge(text, at, at + 11, OWNER, names=("hanau",)).owner != "neighbour"


def test_institution_word_opening_the_name_is_not_its_owner():
    # the "Kita" of "Kita-Navigatoren" is whom they serve; "diese Städte" own them
    text = "Diese Städte haben eigene Jugendämter und vergleichbare Kita-Navigatoren längst in Betrieb."
    at = text.index("Kita-Navigatoren")
    assert judge(text, at, at + 16, OWNER, names=("lippe",)).owner == "neighbour"


@pytest.mark.parametrize("sentence, name, status", [
    # suggestions handed in where one takes part are the thing's use, not a plan (ta-)
    ("Die Plattform bietet die Möglichkeit, Anregungen einzubringen.", "Plattform", "live"),
    ("Im Portal können Sie einen Vorschlag machen.", "Portal", "live"),
    # … with up to five words between (tg-bad-soden)
    ("Über das Meldeportal können Sie Anregungen unkompliziert an die Stadtverwaltung geben.", "Meldeportal",
     "live"),
    # a suggestion that led to the thing being examined stays a plan
    ("Auf Anregung der Fraktion prüft die Verwaltung eine Beteiligungsplattform.", "Beteiligungsplattform",
     "planned"),
])
def test_suggestions_handed_in_are_no_plans(sentence, name, status):
    assert at(sentence, name).status == status


@pytest.mark.parametrize("sentence, name, status", [
    # the first stream is the event's, the channel it runs on is there (rb-landkreis-rotenburg)
    ("Die Sitzung wird erstmals live übertragen – über den YouTube-Kanal der Stadt.", "YouTube-Kanal",
     "live"),
    # not told on the channel: a one-off says nothing either way
    ("Die Sitzung wird einmalig im Livestream gezeigt.", "Livestream", "hypothetical"),
])
def test_a_one_off_event_on_a_channel_is_no_one_off_channel(sentence, name, status):
    assert at(sentence, name).status == status


@pytest.mark.parametrize("sentence, owner", [
    # a relative possessive gives the thing to a noun phrase before it (si-trier: the broadcaster's channel)
    ("Die Aufzeichnungen finden Sie im Mediencenter des OK 54 und auf dessen YouTube-Kanal.", "institution"),
    ("Die Stadt Hamm betreibt ein Mediencenter, dessen YouTube-Kanal beliebt ist.", "city"),
    ("Das Land betreibt einen Dienst, dessen Geoportal Luftbilder zeigt.", "land"),
])
def test_a_relative_possessive_points_back(sentence, owner):
    assert at(sentence, "YouTube-Kanal" if "YouTube" in sentence else "Geoportal").owner == owner


@pytest.mark.parametrize("sentence, name, status", [
    # a later main clause with a subject of its own says that subject's state, not the thing's
    ("Der Chatbot der Stadt beantwortet seit Mai Fragen, eine App ist in Vorbereitung.", "Chatbot", "live"),
    ("Die Stadt betreibt ein Geoportal mit Plänen, ein Open-Data-Portal ist geplant.", "Geoportal", "live"),
    ("Zum Start sind 110 Datensätze im Open-Data-Portal; der Bestand soll nach und nach wachsen.",
     "Open-Data-Portal", "live"),
    # … but the thing's own plan stays, and so does a later clause on its launch or date, or the thing again
    ("Der Chatbot soll im Mai starten, eine App ist ebenfalls geplant.", "Chatbot", "planned"),
    ("Die App ist fertig, die Freischaltung soll im Mai folgen.", "App", "planned"),
    ("Die App ist fertig, ein Starttermin steht noch nicht fest.", "App", "planned"),
    ("Die Stadt-App ist programmiert, die App soll im Herbst freigeschaltet werden.", "Stadt-App", "planned"),
    ("Das Geoportal ist bestellt, das Portal soll im Herbst starten.", "Geoportal", "planned"),
    # what stands before the thing may govern it
    ("Geplant ist, die App im Mai freizuschalten.", "App", "planned"),
    ("Die Stadt plant, eine App einzuführen.", "App", "planned"),
])
def test_a_plan_word_belongs_to_the_clause_of_its_own_subject(sentence, name, status):
    assert at(sentence, name).status == status


def test_a_malformed_own_clause_section_names_file_and_key():
    bad = {**OWNER, "own_clause": {"after_regex": "("}}
    with pytest.raises(DataError) as err:
        judge("Die App ist da, eine Karte ist geplant.", 4, 7, bad)
    assert "own_clause" in str(err.value)


@pytest.mark.parametrize("sentence, name, owner", [
    # a restriction to places listed by name: theirs, not this city's (ro-landkreis-helmstedt)
    ("In Niedersachsen ist die 115 bislang nur in Oldenburg, Wolfsburg und Ganderkesee zu erreichen.", "115",
     "neighbour"),
    ("Die Online-Ummeldung gibt es bisher nur in Münster und Bielefeld.", "Online-Ummeldung", "neighbour"),
    # …unless the list names the city
    ("Die 115 ist bislang nur in Hamm und Unna zu erreichen.", "115", "city"),
    # nouns after "nur in" are no places
    ("Die 115 hilft nur in Ausnahmefällen weiter.", "115", "unknown"),
    ("Den Antrag gibt es nur in Papierform.", "Antrag", "unknown"),
])
def test_a_restriction_to_places_listed_by_name(sentence, name, owner):
    assert at(sentence, name).owner == owner


# named14: the city's own bare name as a clause's subject
@pytest.mark.parametrize("sentence, name, owner", [
    ("Hamm hat jetzt eine eigene App.", "eigene App", "city"),
    ("Seit März verschickt Hamm seine Mitteilungen über die App.", "App", "city"),
    ("Zusammen mit Hamm plant Unna eine eigene App.", "eigene App", "unknown"),
    ("In Hamm gibt es eine eigene App.", "eigene App", "unknown"),
])
def test_the_citys_bare_name_as_subject(sentence, name, owner):
    start = sentence.index(name)
    assert judge(sentence, start, start + len(name), OWNER, names=NAMES, city=HAMM).owner == owner


@pytest.mark.parametrize("sentence, name, status", [
    # people proposing topics on the platform use it; an official proposing a change plans one
    ("Über das Portal lässt sich die Versammlung wählen; schon jetzt können die Bürger dort Themen "
     "vorschlagen.",
     "Portal", "live"),
    ("Die Bürgermeisterin wird dem Rat eine Änderung vorschlagen, mit der ein Livestream möglich würde.",
     "Livestream", "planned"),
    ("Die Bürger können keine Themen vorschlagen, solange das Portal im Aufbau ist.", "Portal", "planned"),
    # "vorausgesetzt" (provided that) is no suspension
    ("Ein Mängelmelder ist nützlich – vorausgesetzt, er ist gut gemacht.", "Mängelmelder", "live"),
    ("Der Mängelmelder ist bis auf Weiteres ausgesetzt.", "Mängelmelder", "discontinued"),
])
def test_status_words_read_by_what_precedes_them(sentence, name, status):
    assert at(sentence, name).status == status


@pytest.mark.parametrize("sentence, name", [
    # leaving a channel in the active voice and the separable verbs (README apps16)
    ("Ab heute legen wir unseren X-Account still.", "X-Account"),
    ("Die Stadt zieht sich mit ihrem X-Account aus dem Netzwerk zurück.", "X-Account"),
    ("Mit diesem Beitrag verabschiedet sich die Stadt von ihrem X-Account.", "X-Account"),
    ("Die Verwaltung wird ihren X-Account zum Monatsende löschen.", "X-Account"),
    ("Über den X-Account gibt es von der Stadt keine neuen Beiträge mehr.", "X-Account"),
])
def test_leaving_a_channel_is_its_end(sentence, name):
    assert at(sentence, name).status == "discontinued"


def test_the_readers_own_separable_verb_ends_nothing():
    sentence = "Legen Sie Ihr Konto bei der X-Account-Hilfe still, wenn Sie möchten."
    assert at(sentence, "X-Account").status == "live"


@pytest.mark.parametrize("text, expected", [
    ("keine Pflicht, hilft aber", True),
    ("nicht erforderlich.", True),
    ("kein Mängelmelder vorhanden", False),
    ("nicht angeboten", False),
])
def test_optional_step_is_no_denial(text, expected):
    assert bool(optional_step(OWNER).match(text)) is expected


def test_a_party_telling_its_motion_again_makes_the_page_a_motion():
    text = "Die Nummer hilft vielen. Wir haben diesen Antrag schon 2019 ohne Erfolg gestellt."
    assert plan_page("Behördennummer für alle", "Fraktion", text, OWNER)

# --- session 16 (named16): structures met on real pages, in our own sentences ----------------------------


@pytest.mark.parametrize("sentence, name", [
    # the thing as what an improvement or a state is of: the plan is the improvement's
    ("Der Ausschuss hört einen Bericht über den Zustand des Ratsinformationssystems und geplante "
     "Verbesserungen.", "Ratsinformationssystems"),
    ("Geplant sind weitere Erweiterungen des Geoportals um Luftbilder.", "Geoportals"),
    # the thing as the subject of an improving predicate
    ("Das Beteiligungsportal soll im kommenden Jahr erweitert werden.", "Beteiligungsportal"),
])
def test_an_improvement_presupposes_the_thing(sentence, name):
    assert at(sentence, name).status == "live"


@pytest.mark.parametrize("sentence, name", [
    ("Das Beteiligungsportal soll im kommenden Jahr starten.", "Beteiligungsportal"),
    # a plain "Stand" is no improvement: a report on the state of efforts may be about a thing not there yet
    ("Die Verwaltung soll über den Stand beim Open-Data-Portal berichten und es einführen.",
     "Open-Data-Portal"),
])
def test_a_plan_without_an_improvement_stays_a_plan(sentence, name):
    assert at(sentence, name).status == "planned"


def test_a_place_adjective_before_a_council_body_names_its_owner():
    sentence = "Einen Livestream gibt es in der Region bisher nur aus dem Bielefelder Stadtrat."
    assert at(sentence, "Livestream").owner == "neighbour"
    # the city's own adjective keeps it the city's
    assert at("Einen Livestream gibt es bisher nur aus dem Hammer Stadtrat.", "Livestream").owner == "city"
    # adjectives that are no places are no owners ("im Großer Sitzungssaal" reads as nothing)
    assert at("Die Übertragung läuft aus dem Großer Sitzungssaal.", "Übertragung").owner == "unknown"


def test_a_supposition_about_the_past_is_no_plan():
    sentence = ("Wer die Seite der Stadt kennt, dem wird es schon aufgefallen sein: "
                "Im Ratsinformationssystem stehen alle Vorlagen.")
    assert at(sentence, "Ratsinformationssystem").status == "live"
    later = "Das Ratsinformationssystem wird ab Mai online sein."
    assert at(later, "Ratsinformationssystem").status == "planned"


def test_an_introduction_something_now_follows_from_is_no_plan():
    assert at("Seit der Einführung des Ratsinformationssystems sind die Vorlagen online.",
              "Ratsinformationssystems").status == "live"
    assert at("Der Rat berät über die Einführung des Ratsinformationssystems.",
              "Ratsinformationssystems").status == "planned"
