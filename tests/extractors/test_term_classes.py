"""term_classes: an office named by any pairing of its modifiers and heads, not only the pairings listed."""

from __future__ import annotations

import pytest

from extractors import (
    appointments,
    council,
    defect_reporting,
    geodata,
    online_services,
    open_data,
    participation,
)
from extractors.term_classes import expand_classes
from sci.errors import DataError
from tests.extractors.detect_helpers import values, wrap

P = "online_appointments."


def test_classes_are_written_out_as_terms() -> None:
    data = {"subjects": {"p": {"terms": ["Bürgeramt"], "classes": [
        {"modifiers": ["Bürger", "Einwohner"], "heads": ["amt", "abteilung"]}]}}}
    expand_classes(data, "x.yaml")
    assert data["subjects"]["p"]["terms"] == ["Bürgeramt", "Bürgerabteilung", "Einwohneramt",
                                              "Einwohnerabteilung"]
    assert "classes" not in data["subjects"]["p"]


@pytest.mark.parametrize("classes, key", [
    ([{"modifiers": [], "heads": ["amt"]}], "classes[0].modifiers"),
    ([{"modifiers": ["Bürger"]}], "classes[0].heads"),
    ("Bürgeramt", "classes must be a list"),
])
def test_bad_classes_name_file_and_key(classes, key) -> None:
    with pytest.raises(DataError, match=r"x\.yaml.*" + key.replace("[", r"\[").replace("]", r"\]")):
        expand_classes({"subjects": {"p": {"terms": [], "classes": classes}}}, "x.yaml")


@pytest.mark.parametrize("body, param", [
    # pairings no term list held (the first-sight misses were such pairings on ra-, rf-, rw- sites)
    ("<h1>Einwohnerabteilung</h1><p>Termine buchen Sie online über unsere Terminvergabe.</p>",
     "citizens_office"),
    ("<h1>Fahrzeugangelegenheiten</h1><p>Termine buchen Sie online über unsere Terminvergabe.</p>",
     "vehicle_registration_office"),
])
def test_an_unlisted_pairing_names_the_office(body, param) -> None:
    assert values(appointments, wrap(body)).get(P + param) is True


def test_positive_classes_are_written_out_as_cues() -> None:
    data = {"positive": [{"cue": "Online-Terminvergabe", "confidence": 0.9}], "positive_classes": [
        {"modifiers": ["Online-Termin", "Web-Termin"], "heads": ["vergabe", "portal"], "confidence": 0.88}]}
    expand_classes(data, "x.yaml")
    assert data["positive"] == [{"cue": "Online-Terminvergabe", "confidence": 0.9},
                                {"cue": "Online-Terminportal", "confidence": 0.88},
                                {"cue": "Web-Terminvergabe", "confidence": 0.88},
                                {"cue": "Web-Terminportal", "confidence": 0.88}]
    assert "positive_classes" not in data


CONFIDENCE = r"positive_classes\[0\]\.confidence"


@pytest.mark.parametrize("classes, key", [
    ([{"modifiers": ["Termin"], "heads": ["portal"]}], CONFIDENCE),
    ([{"modifiers": ["Termin"], "heads": ["portal"], "confidence": 1.5}], CONFIDENCE),
    ([{"modifiers": ["Termin"], "heads": [], "confidence": 0.8}], r"positive_classes\[0\]\.heads"),
    ({"modifiers": ["Termin"]}, "positive_classes must be a list"),
])
def test_bad_positive_classes_name_file_and_key(classes, key) -> None:
    with pytest.raises(DataError, match=r"x\.yaml.*" + key):
        expand_classes({"positive": [], "positive_classes": classes}, "x.yaml")


BOOK = "<p>Termine buchen Sie online über unsere Terminvergabe.</p>"


@pytest.mark.parametrize("body, param", [
    # the other offices' pairings no term list holds
    ("<h1>Einwanderungsstelle</h1>" + BOOK, "immigration_office"),
    ("<h1>Zuwanderungsabteilung</h1>" + BOOK, "immigration_office"),
    ("<h1>Personenstandsbüro</h1>" + BOOK, "registry_office"),
    ("<h1>Geburtsanmeldung</h1>" + BOOK, "registry_office"),
    ("<h1>Gewerbemeldeabteilung</h1>" + BOOK, "trade_office"),
])
def test_an_unlisted_pairing_names_the_other_offices(body, param) -> None:
    assert values(appointments, wrap(body)).get(P + param) is True


@pytest.mark.parametrize("body", [
    # not the office for disabled employees, not a newspaper's obituary notice
    "<h1>Integrationsamt</h1>" + BOOK,
    "<h1>Sterbeanzeigen</h1>" + BOOK,
])
def test_lookalike_pairings_name_no_office(body) -> None:
    found = values(appointments, wrap(body))
    assert found.get(P + "immigration_office") is None and found.get(P + "registry_office") is None


def test_an_unlisted_daycare_pairing_names_the_service() -> None:
    body = "<h1>Krippenplatzvergabe</h1><p>Den Antrag können Sie online stellen.</p>"
    assert values(online_services, wrap(body)).get("online_services.daycare_registration") is True


@pytest.mark.parametrize("sentence", [
    # the booking system's nouns and the channel after the act (first-sight misses of three sites were such)
    "Den Blick ins Reservierungssystem empfiehlt die Zulassungsstelle vor jedem Besuch.",
    "Die Zulassungsstelle: Terminvergabe ausschließlich online.",
    "Die Zulassungsstelle setzt auf die digitale Terminvergabe.",
    "Die Zulassungsstelle hat ein neues Buchungstool.",
    "Die Zulassungsstelle nutzt ein Terminvergabetool.",
])
def test_booking_system_nouns_are_a_class(sentence) -> None:
    assert values(appointments, wrap(f"<p>{sentence}</p>")).get(P + "vehicle_registration_office") is True


def test_a_named_things_classes_are_written_out_as_its_terms() -> None:
    data = {"mentions": {"p": [{"terms": ["Geoportal", {"products": "p"}], "classes": [
        {"modifiers": ["Geo", "Karten"], "heads": ["portal", "viewer"]}]}], "q": {"terms": [], "classes": [
            {"modifiers": ["Mängel"], "heads": ["karte"]}]}}}
    expand_classes(data, "x.yaml")
    # the listed term once, the registry's item kept for its loader, then the pairings
    assert data["mentions"]["p"][0]["terms"] == ["Geoportal", {"products": "p"}, "Geoviewer", "Kartenportal",
                                                 "Kartenviewer"]
    assert data["mentions"]["q"]["terms"] == ["Mängelkarte"]


@pytest.mark.parametrize("mentions, key", [
    ({"p": [{"terms": [], "classes": [{"modifiers": ["Geo"], "heads": []}]}]},
     r"mentions\.p\[0\]\.classes\[0\]\.heads"),
    ({"p": {"terms": [], "classes": "Geoportal"}}, r"mentions\.p\.classes must be a list"),
])
def test_a_named_things_bad_classes_name_file_and_key(mentions, key) -> None:
    with pytest.raises(DataError, match=r"x\.yaml.*" + key):
        expand_classes({"mentions": mentions}, "x.yaml")


@pytest.mark.parametrize("module, sentence, param", [
    # pairings of a named thing's modifiers and heads that no term list holds
    (participation, "Ihre Ideen bringen Sie auf dem Mitgestaltungsportal der Stadt ein.",
     "participation.platform"),
    (open_data, "Die Datensätze stehen im Open-Government-Data-Portal der Stadt bereit.", "open_data.portal"),
    (geodata, "Bebauungspläne zeigt der GIS-Viewer der Stadt.", "geodata.portal"),
    (council, "Die Vorlagen finden Sie im Stadtverordneteninfoportal der Stadt.",
     "internal_processes.digital_council_work"),
    (defect_reporting, "Schlaglöcher melden Sie über die Mängelplattform der Stadt.",
     "citizen_information.defect_reporting"),
    # … and as a phrase, what it is for after it (tg-vreden)
    (defect_reporting, "Hinweise nimmt die Stadt über ihr Formular für Schadensmeldungen entgegen.",
     "citizen_information.defect_reporting"),
    (participation, "Ideen bringen Sie über die Online-Plattform für Öffentlichkeitsbeteiligung ein.",
     "participation.platform"),
])
def test_an_unlisted_pairing_names_the_thing(module, sentence, param) -> None:
    assert isinstance(values(module, wrap(f"<p>{sentence}</p>")).get(param), dict)
