"""named: things named in prose (not linked), with the owner and status check, across detectors."""

from __future__ import annotations

import pytest

from extractors import chatbot, city_app, council, defect_reporting, geodata, open_data, participation
from extractors.base import CityContext
from extractors.named import split_sentences
from tests.extractors.web_helpers import page, run, vals

COUNCIL = "internal_processes.digital_council_work"
MODULES = {"open_data.portal": open_data, "geodata.portal": geodata, "participation.platform": participation,
           "internal_processes.digital_council_work": council, "participation.council_tv": council,
           "citizen_information.chatbot": chatbot, "citizen_information.defect_reporting": defect_reporting}


def positive(param: str, body: str, title: str = "Stadt Köln") -> object:
    return vals(MODULES[param], page(body, title)).get(param)


@pytest.mark.parametrize("param, sentence", [
    ("open_data.portal", "Rund 600 Datensätze finden Sie im Open-Data-Portal der Stadt Köln."),
    ("geodata.portal", "Bebauungspläne und Luftbilder zeigt unser interaktiver Stadtplan."),
    ("participation.platform", "Auf unserem Beteiligungsportal können Sie Vorschläge kommentieren."),
    (COUNCIL, "Tagesordnungen und Vorlagen stehen im Bürgerinformationssystem."),
    ("participation.council_tv", "Die Sitzungen des Rates werden live gestreamt."),
    ("citizen_information.chatbot", "Die digitale Assistentin der Stadtverwaltung antwortet jederzeit."),
    ("citizen_information.defect_reporting", "Schlaglöcher melden Sie bequem über den Mängelmelder."),
])
def test_named_in_prose_is_found(param, sentence):
    value = positive(param, f"<p>{sentence}</p>")
    assert isinstance(value, dict) and value["owner"] == "city" and value["status"] == "live", value


def test_value_keeps_the_url_shape_when_the_sentence_gives_an_address():
    value = positive("open_data.portal", "<p>Die offenen Daten der Stadt sind unter opendata.stadt-koeln.de "
                                         "abrufbar.</p>")
    assert value["url"] == "https://opendata.stadt-koeln.de" and value["named"].lower() == "offenen daten"


@pytest.mark.parametrize("param, sentence", [
    ("open_data.portal", "Landesweite Statistiken liegen im Open-Data-Portal des Landes."),
    ("geodata.portal", "Luftbilder zeigt das Geoportal NRW."),
    ("citizen_information.chatbot", "Die Stadt Bonn hat einen Chatbot eingeführt, der jederzeit antwortet."),
    ("citizen_information.defect_reporting", "Laternen meldet man im Mängelmelder der Stadtwerke."),
    ("participation.platform", "Beteiligungsportale gibt es inzwischen in vielen Städten."),
    ("open_data.portal", "Was ist ein Open-Data-Portal?"),
    ("participation.council_tv", "Das Konzert wird im Livestream übertragen."),
    ("citizen_information.chatbot", "Ein Chatbot kann Routinefragen beantworten."),
])
def test_others_things_concepts_and_questions_give_nothing(param, sentence):
    assert positive(param, f"<p>{sentence}</p>") is None


@pytest.mark.parametrize("param, sentence", [
    ("open_data.portal", "Ein Open-Data-Portal der Stadt ist in Vorbereitung und soll im Sommer starten."),
    ("participation.council_tv", "Die Übertragung der Ratssitzungen wird zum Jahresende eingestellt."),
    ("citizen_information.defect_reporting", "Der Mängelmelder wurde zum 30. Juni eingestellt."),
    ("citizen_information.chatbot", "Die Einführung eines Chatbots ist für 2027 geplant."),
])
def test_planned_and_discontinued_are_false(param, sentence):
    assert positive(param, f"<p>{sentence}</p>") is False


@pytest.mark.parametrize("param, sentence", [
    # a plan said of another subject in a later main clause is that subject's (owner.own_clause)
    ("geodata.portal",
     "Die Stadt betreibt seit 2019 ein Geoportal mit Bebauungsplänen, ein Open-Data-Portal ist geplant."),
    ("citizen_information.chatbot",
     "Der Chatbot der Stadt beantwortet seit Mai Fragen rund um die Uhr, eine App ist in Vorbereitung."),
    ("participation.council_tv",
     "Die Sitzungen werden seit 2021 live im Internet übertragen, eine Mediathek ist geplant."),
])
def test_a_plan_of_another_subject_leaves_the_thing_live(param, sentence):
    value = positive(param, f"<p>{sentence}</p>")
    assert isinstance(value, dict) and value["status"] == "live"


def test_pilot_counts_with_its_status():
    value = positive("citizen_information.chatbot",
                     "<p>Unser Chatbot ist in der Testphase und beantwortet Fragen zum Bürgerbüro.</p>")
    assert value["status"] == "pilot"


def test_topic_page_anaphora():
    body = "<p>Auf dem Portal stellt die Stadtverwaltung laufende Vorhaben vor und sammelt Ideen.</p>"
    assert isinstance(positive("participation.platform", body, "Das Beteiligungsportal"), dict)
    assert positive("participation.platform", body, "Stadt Köln") is None


def test_consent_banner_and_breadcrumb_are_no_statements():
    html = page("<p>Startseite > Rathaus > Transparenz > Open Data</p><div class='cookie-notice'>"
                "<p>Wir möchten externe Dienste (Kartenanwendung) einbinden.</p></div>")
    assert vals(open_data, html) == {} and vals(geodata, html) == {}


def test_uploaded_is_not_discontinued():
    [f] = run(council, page("<p>Alle Vorlagen werden im Ratsinformationssystem eingestellt.</p>"))
    assert f.value is not False


def test_evidence_is_the_sentence_of_the_page():
    sentence = "Tagesordnungen und Vorlagen stehen im Bürgerinformationssystem."
    [f] = run(council, page(f"<p>{sentence}</p>"))
    assert f.snippet == sentence


def test_sentences_do_not_end_at_dates_or_abbreviations():
    text = "Der Dienst wurde zum 30. Juni eingestellt, z. B. der Chat. Neu ist die App."
    assert [text[a:b] for a, b in split_sentences(text, ["z", "B"])] == [
        "Der Dienst wurde zum 30. Juni eingestellt, z. B. der Chat.", "Neu ist die App."]


@pytest.mark.parametrize("text, sentences", [
    # a phone number's last group before a full stop ends the sentence; an ordinal does not
    ("Sie erreichen uns unter 02251 140. Ist die Leitung besetzt, buchen Sie online.",
     ["Sie erreichen uns unter 02251 140.", "Ist die Leitung besetzt, buchen Sie online."]),
    ("Das Portal ging im Mai 2024. Seitdem buchen Sie online.",
     ["Das Portal ging im Mai 2024.", "Seitdem buchen Sie online."]),
    ("Ab dem 1. März buchen Sie im 2. Stock online.", ["Ab dem 1. März buchen Sie im 2. Stock online."]),
])
def test_a_number_of_three_digits_or_more_ends_a_sentence(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text, [])] == sentences


def test_an_abbreviation_after_an_opening_bracket_does_not_end_a_sentence():
    text = "Viele Dienste (z. B. die Meldebescheinigung) gibt es online. Neu ist die App."
    assert [text[a:b] for a, b in split_sentences(text, ["z", "B"])] == [
        "Viele Dienste (z. B. die Meldebescheinigung) gibt es online.", "Neu ist die App."]


@pytest.mark.parametrize("sentence", [
    "Für eine Übertragung der Ratssitzungen wären nur noch kleine Arbeiten nötig.",
    "Rechtlich setzt jede Übertragung der Ratssitzung die Zustimmung aller voraus.",
])
def test_subjunctive_and_quantifiers_say_nothing(sentence):
    assert positive("participation.council_tv", f"<p>{sentence}</p>") is None


@pytest.mark.parametrize("sentence", [
    "Ein Ratsmitglied beantragt, zu prüfen, ob die Sitzungen des Rates per Livestream gezeigt werden können.",
    "Der öffentliche Teil der Ratssitzung soll erstmals als Videostream im Internet übertragen werden.",
    "Von 2018 bis 2020 wurden die Sitzungen des Rates live im Internet übertragen.",
])
def test_applications_modals_and_past_spans_are_false(sentence):
    assert positive("participation.council_tv", f"<p>{sentence}</p>") is False


def test_buergerhaushalt_is_a_participation_platform():
    body = "<p>Beim Bürgerhaushalt reden Sie bei den Finanzen der Stadt mit.</p>"
    value = positive("participation.platform", body)
    assert value["named"] == "Bürgerhaushalt"


def test_list_items_under_an_intro_that_offers_them():
    body = ("<p>Seit März stellt die Stadt kostenlos eine Bürger-App zur Verfügung.</p>"
            "<ul><li>aktuelle Meldungen</li><li>ein Mängelmelder für Schäden im Stadtgebiet</li></ul>")
    assert isinstance(positive("citizen_information.defect_reporting", body), dict)


def test_a_melder_of_its_own_but_no_smoke_detector():
    assert isinstance(positive("citizen_information.defect_reporting",
                               "<p>Mit dem MD-Melder melden Sie Schäden an Gehwegen.</p>"), dict)
    assert positive("citizen_information.defect_reporting",
                    "<p>Rauchmelder sind in Wohnungen Pflicht; prüfen Sie Ihren Melder.</p>") in (None, False)


def test_a_name_does_not_run_into_the_next_word():
    body = "<p>Die Stadt hat beschlossen, sich an eines der Mängelmelder-Systeme anzuschließen.</p>"
    assert positive("citizen_information.defect_reporting", body) in (None, False)


def test_english_city_pages():
    body = "<p>Every development plan can be viewed online in the city's map service, the GeoPortal Köln.</p>"
    assert isinstance(positive("geodata.portal", body), dict)
    assert positive("geodata.portal", "<p>Download the city map (PDF) for your visit.</p>") is None


def test_council_recordings_by_the_access_channel_count():
    body = ("<p>Die Sitzungen des Stadtrats zeichnet der Offene Kanal auf; die Aufzeichnungen sind in seiner "
            "Mediathek abrufbar.</p>")
    assert isinstance(positive("participation.council_tv", body), dict)


def test_council_system_short_names():
    body = "<p>Vorlagen sind eine Woche vorher im Ratsinfosystem zugänglich.</p>"
    assert isinstance(positive(COUNCIL, body), dict)


def test_a_later_mention_continues_the_plan_told_before():
    body = ("<p>Ab der kommenden Woche soll das neue Geoportal der Stadt erreichbar sein.</p>"
            "<p>Entwickelt wurde die neue Anwendung gemeinsam mit dem Systemhaus.</p>")
    assert positive("geodata.portal", body, "Neues Geoportal") is False
    # a use cue makes a later mention live again
    live = body + "<p>Seit Montag finden Sie im Geoportal auch alle Bebauungspläne.</p>"
    assert isinstance(positive("geodata.portal", live, "Neues Geoportal"), dict)


def test_a_negation_before_a_colon_belongs_to_the_enumeration():
    body = ("<p>Eine Laterne, die nicht mehr leuchtet, ein verrutschter Gullydeckel: Solche Mängel können "
            "Sie der Stadt ab sofort mit der App mitteilen.</p>")
    assert isinstance(positive("citizen_information.defect_reporting", body), dict)


def test_what_a_motion_asks_for_is_not_there():
    ask = ("<p>Die Verwaltung bietet auf der Homepage einen Chatbot an, der Fragen rund um die Uhr "
           "beantwortet.</p>")
    motion = f"<h2>Die Stadtverordnetenversammlung möge beschließen:</h2>{ask}"
    assert positive("citizen_information.chatbot", motion) is None
    items = ("<p>Der Rat wird gebeten zu beschließen. Der Bürgermeister wird beauftragt:</p><ul><li>Die "
             "Sitzungen des Rates werden live gestreamt.</li></ul>")
    assert positive("participation.council_tv", items) is None
    # on a motion's page its reasons count only where they say the thing is there now (owner.plan_page):
    # the wish repeated in the reasons is no offer, "bietet bereits … an" is; a denial in the resolution too
    assert positive("citizen_information.chatbot", f"{motion}<h2>Begründung</h2>{ask}") is None
    there = ask.replace("einen Chatbot an", "bereits einen Chatbot an")
    assert isinstance(positive("citizen_information.chatbot", f"{motion}<h2>Begründung</h2>{there}"), dict)
    denial = ("<h2>Beschlussvorschlag</h2><p>Eine Übertragung der Ratssitzungen findet bis dahin nicht "
              "statt.</p>")
    assert positive("participation.council_tv", denial) is False


def test_a_council_systems_bare_decision_heading_governs_its_numbered_items():
    # SessionNet's "Beschluss" part lists what the body resolved to do (td-ladadi): an item in the present
    # tense ("Gestreamt wird nur aus dem Sitzungssaal") describes the resolved stream, not a live one
    from extractors.base import CityContext

    url = "https://session-net.ladadi.de/buergerinfo/to0050.asp"
    kreis = CityContext.from_website("06432000", "Landkreis Darmstadt-Dieburg", url)
    items = ("<h2>Beschluss</h2><ol><li>Öffentliche Sitzungen des Kreistages sollen künftig gestreamt und "
             "veröffentlicht werden.</li><li>Die Kosten werden erstmals im Haushalt 2022 veranschlagt.</li>"
             "<li>Gestreamt wird aus Kostengründen nur aus dem Sitzungssaal des Kreistages.</li></ol>")
    title = "Streaming der Kreistagssitzungen"
    value = vals(council, page(items, title), url, kreis).get("participation.council_tv")
    assert not isinstance(value, dict), value
    # a heading that only begins with the word is another section ("Beschlüsse aus der letzten Sitzung")
    report = items.replace("<h2>Beschluss</h2>", "<h2>Beschlüsse aus der letzten Sitzung</h2>")
    assert isinstance(vals(council, page(report, title), url, kreis).get("participation.council_tv"), dict)


def test_a_heading_names_a_described_map_only_with_what_the_map_must_hold():
    # "Neue digitale Karte zeigt alle Spielflächen": one theme, so "auf einer eigenen Karte" is no portal
    body = "<p>Familien können das jetzt auf einer eigenen Karte nachsehen: alle Spielplätze im Blick.</p>"
    assert positive("geodata.portal", body, "Neue digitale Karte zeigt alle Spielflächen") is None


def test_a_heading_that_says_the_thing_is_gone_starts_the_story():
    from extractors import city_app
    body = "<p>Davon ist nichts übrig. Wer die App noch auf dem Telefon hat, sieht nur noch das Datum.</p>"
    value = vals(city_app, page(body, "Die Stadt-App kann nicht mehr viel"))
    assert not isinstance(value.get("city_app.available"), dict), value


def test_a_use_cue_inside_a_later_plan_does_not_make_the_planned_thing_live():
    body = ("<p>Im Projekt wird dafür eine Datenplattform entwickelt, zu der auch ein Open-Data-Portal "
            "gehören soll.</p><p>Über das Portal sollen Datensätze automatisiert bereitgestellt werden.</p>")
    assert not isinstance(positive("open_data.portal", body, "Zentrale Open-Data-Plattform"), dict)


def test_an_open_start_keeps_a_decided_app_planned():
    from extractors import city_app
    body = ("<p>Der Rat hat sich einstimmig dafür ausgesprochen, die Dorffunk-App einzuführen.</p>"
            "<p>Wann die Gemeinde im Dorffunk freigeschaltet wird, steht noch nicht fest.</p>")
    value = vals(city_app, page(body, "Rat stimmt für Dorffunk-App"))
    assert not isinstance(value.get("city_app.available"), dict), value


@pytest.mark.parametrize("sentence, expected", [
    # the article stands before the whole compound whose head is the name ("der Smartphone-App der Stadt")
    ("Mit der Smartphone-App der Stadt haben Sie alles im Blick.", True),
    ("Mit der App der Stadt haben Sie alles im Blick.", True),
    # a quantifier before the compound still quantifies the name
    ("Jede Smartphone-App der Stadt muss barrierefrei sein.", False),
])
def test_the_article_of_a_compound_whose_head_is_the_name(sentence, expected):
    value = vals(city_app, page(f"<p>{sentence}</p>", "Aktuelles")).get("city_app.available")
    assert isinstance(value, dict) is expected, value


def test_a_motions_resolution_is_read_once_per_page_for_all_named_detectors():
    """Every named detector and ``screen`` ask which blocks stand under a motion's resolution, with the same
    regex (named.yaml, shared): one reading per page, the same answer to each."""
    from extractors.named import _tables, asked_for
    from extractors.page import Page
    from extractors.patterns import load_patterns
    from tests.extractors.web_helpers import DATA

    p = Page.from_html("https://www.stadt-koeln.de/antrag", page(
        "<h2>Der Rat möge beschließen:</h2><p>Die Sitzungen werden live übertragen.</p>", "Antrag"))
    rx = load_patterns(DATA, "council")["named"]["resolution_regex"]
    first = asked_for(p, rx)
    assert asked_for(p, rx) is first and any(loc.endswith("p") for loc in first)
    mentions = load_patterns(DATA, "council")["mentions"]
    assert _tables(mentions) is _tables(mentions)  # specs, terms and families: once per mapping


@pytest.mark.parametrize("body, expected", [
    # ri-augsburg: the page spells the name out as a chatbot, then names only "CiSA"
    ("<p>Ein Klick öffnet das Fenster von CiSA – der Name steht für „Chatbot in der Stadt Köln“.</p>"
     "<p>Seit August hat CiSA rund 65.000 Fragen beantwortet.</p>", True),
    # the name set beside the noun, then alone
    ("<p>Kennen Sie schon den Chatbot „Lina“?</p><p>Lina beantwortet Ihre Fragen rund um die Uhr.</p>", True),
    # the same name without either introduction is nobody's chatbot
    ("<p>Seit August hat CiSA rund 65.000 Fragen beantwortet.</p>", False),
])
def test_a_name_the_page_gives_its_chatbot(body, expected):
    value = vals(chatbot, page(body, "Aktuelles")).get("citizen_information.chatbot")
    assert isinstance(value, dict) is expected, value


def test_a_labelled_row_restating_the_heading_is_the_heading():
    from extractors import council
    from tests.extractors.web_helpers import vals
    html = ("<html><head><title>Vorlage: Live-Stream Ratssitzungen - Bürgerinformationssystem</title></head>"
            "<body><div id='inhalt'><h1>Vorlage: Live-Stream Ratssitzungen</h1><table><tr><th>Betreff</th>"
            "<td>Live-Stream Ratssitzungen</td></tr><tr><th>Art</th><td>Beschlussvorlage</td></tr></table>"
            "<h2>Beschlussvorschlag</h2><p>Der Rat beschließt einen Testbetrieb, in dem die Ratssitzungen im "
            "kommenden Jahr per Livestream übertragen werden sollen.</p></div></body></html>")
    url = "https://gi.example.de/bi/vo0050.asp?__kvonr=1"
    got = vals(council, html, url=url).get("participation.council_tv")
    assert got in (None, False)

# named14: use told in the passive, and the anchored concept word among several
@pytest.mark.parametrize("param, sentence", [
    ("participation.council_tv", "In den Ratssitzungen können die Entscheidungen per Livestream von zu Hause "
                                 "aus mitverfolgt werden."),
    ("participation.council_tv", "Die Übertragung der öffentlichen Sitzungen des Rates erfolgt im Livestream "
                                 "über den Kanal der Stadt."),
    ("geodata.portal", "Über das Geodatenportal lassen sich Bodenrichtwerte und Bebauungspläne abrufen."),
])
def test_use_in_the_passive_and_the_anchored_concept_word(param, sentence):
    assert positive(param, f"<p>{sentence}</p>") not in (None, False)


@pytest.mark.parametrize("param, sentence", [
    # a proposal or an open question is no use
    ("participation.council_tv", "Ob die Sitzungen des Rates künftig per Livestream mitverfolgt werden "
                                 "können, ist noch offen."),
    ("participation.council_tv", "Die Fraktion schlägt vor, dass die Ratssitzungen per Livestream verfolgt "
                                 "werden können sollen."),
])
def test_a_passive_use_inside_a_plan_or_question_is_no_use(param, sentence):
    assert positive(param, f"<p>{sentence}</p>") in (None, False)




# named14: a Kreis's own member towns are no towns in general
def test_a_kreis_speaks_of_its_own_towns():
    kreis = CityContext("06431000", "Kreis Bergstraße", ("kreis-bergstrasse.de",))
    url = "https://www.kreis-bergstrasse.de/bauen"
    own = page("<p>Die Bebauungspläne aller Städte und Gemeinden des Kreises finden Sie in unserem "
               "Bürger-GIS.</p>", title="Bauen")
    assert vals(geodata, own, url=url, city=kreis).get("geodata.portal") not in (None, False)
    general = page("<p>Pläne im Bürger-GIS, wie es viele Städte und Gemeinden anbieten, finden Sie in "
                   "unserem Bürger-GIS.</p>", title="Bauen")
    assert vals(geodata, general, url=url, city=kreis).get("geodata.portal") in (None, False)


@pytest.mark.parametrize("param, title, body", [
    # a thing introduced with the indefinite article as having come into being, on the page whose heading is
    # the city's thing
    ("participation.platform", "Die Beteiligungsplattform der Stadt Köln",
     "<p>Im Forschungsprojekt ist eine Beteiligungsplattform für die Kölner Stadtgesellschaft "
     "entstanden.</p>"),
    # the reader told to pick in the page's own form
    ("citizen_information.defect_reporting", "Schäden jetzt auch im Internet melden",
     "<p>Auf der Website wählen Sie in einem eigens entwickelten Online-Formular die Art des Schadens "
     "aus.</p>"),
])
def test_indefinite_introduction_with_a_use_or_coming_into_being(param, title, body):
    value = positive(param, body, title)
    assert isinstance(value, dict) and value["status"] == "live", value


def test_indefinite_without_such_a_cue_stays_the_concept():
    body = "<p>Eine Beteiligungsplattform ist ein Werkzeug für Kommunen.</p>"
    assert positive("participation.platform", body, "Die Beteiligungsplattform der Stadt Köln") is None


@pytest.mark.parametrize("param, sentence", [
    ("participation.platform", "Die Stadt hat nicht einmal eine Beteiligungsplattform."),
    ("open_data.portal", "Köln hat nicht mal ein Open-Data-Portal."),
])
def test_not_even_one_denies_the_thing(param, sentence):
    assert positive(param, f"<p>{sentence}</p>") is False


def _app(title: str, body: str) -> object:
    return vals(city_app, page(body, title)).get("city_app.available")


def test_a_heading_that_announces_the_thing_governs_the_pages_present_tense():
    # the council decided on the app; the paragraphs below describe what it will do, in the present tense
    body = ("<p>Mit sieben zu vier Stimmen hat der Gemeinderat die Anschaffung entschieden.</p>"
            "<p>In der City-App der Stadt Köln finden Sie Termine und Nachrichten.</p>")
    assert not isinstance(_app("Gemeinderat sagt knapp Ja zur City-App", body), dict)
    # a sentence saying it is there already still counts
    there = body + "<p>Seit Montag steht die App der Stadt Köln in den Stores bereit.</p>"
    assert isinstance(_app("Gemeinderat sagt knapp Ja zur City-App", there), dict)
    # a heading that says nothing of its coming leaves the description live
    assert isinstance(_app("Die City-App der Stadt", body), dict)


def test_a_dated_first_stream_ahead_of_the_news_items_day_is_the_plan():
    head = "Stadt startet am Donnerstag das Livestreaming der Ratssitzungen"
    html = (f"<html><head><title>{head}</title></head><body><main><h1>{head}</h1>"
            "<p>21. Juni 2022 · Stadt Köln</p>"
            "<p>Am Donnerstag, 23. Juni 2022, um 15 Uhr wird eine Sitzung des Rates zum ersten Mal live im "
            "Internet übertragen.</p><p>Wer mag, kann die Ratssitzungen dann über die Internetseite der "
            "Stadt im Livestream verfolgen.</p></main></body></html>")
    assert not isinstance(vals(council, html).get("participation.council_tv"), dict)


# --- session 16 (named16): structures met on real pages, in our own sentences ----------------------------


def test_an_indefinite_new_subject_with_a_plan_modal_is_a_plan():
    wish = "<p>Eine Beteiligungsplattform soll den Austausch mit der Verwaltung erleichtern.</p>"
    assert positive("participation.platform", wish) is False
    # the definite subject presupposes the thing: its purpose is no plan of it
    there = "<p>Die Beteiligungsplattform der Stadt soll den Austausch erleichtern und steht allen offen.</p>"
    assert positive("participation.platform", there) not in (None, False)


def test_a_resolution_in_plain_paragraphs_covers_the_paragraphs_up_to_the_reasons():
    from extractors.named import asked_for
    from extractors.page import Page
    from extractors.patterns import load_patterns
    from tests.extractors.web_helpers import DATA

    named = load_patterns(DATA, "council")["named"]
    p = Page.from_html("https://www.stadt-koeln.de/antrag", page(
        "<p>Der Rat beschließt:</p><p>Die Verwaltung wirbt für die Beteiligungsplattform.</p>"
        "<p>Begründung:</p><p>Die Beteiligungsplattform ist wenig bekannt.</p>", "Antrag"))
    requested = asked_for(p, named["resolution_regex"], named["reasons_regex"])
    texts = {b.locator: b.text for b in p.blocks}
    assert [texts[loc] for loc in sorted(requested)] == [
        "Die Verwaltung wirbt für die Beteiligungsplattform."]
    # without the reasons regex the old reading (headings and list intros only) stands
    assert not asked_for(p, named["resolution_regex"])


def test_a_paragraph_asking_what_such_a_thing_does_explains_the_concept():
    body = ("<p>In unserer Gemeinde gibt es noch kein Ratsinformationssystem.</p>"
            "<p>Was leistet ein Ratsinformationssystem? Das System stellt die Vorlagen vor jeder Sitzung im "
            "Internet bereit.</p>")
    assert positive("internal_processes.digital_council_work", body) is False
    # a question about the city's own system is no such question
    own = ("<p>Wie finden Sie unser Ratsinformationssystem? Das Ratsinformationssystem der Stadt stellt alle "
           "Vorlagen bereit.</p>")
    assert positive("internal_processes.digital_council_work", own) not in (None, False)


def test_a_partys_own_motion_plans_the_towns_thing():
    # "wir" on a party's page moved the motion; the portal it asks for is the town's: the plan is the town's
    body = ("<p>Wir hatten beantragt, ein Online-Bürgerportal einzurichten, in dem alle Ideen posten "
            "können.</p>")
    assert positive("participation.platform", body, "Antrag abgelehnt | SPD Ortsverein") is False
