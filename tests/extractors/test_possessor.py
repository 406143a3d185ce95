"""possessor: whose a named thing is by the structure of its noun phrase (read through owner.judge)."""

from __future__ import annotations

import pytest

from extractors.base import CityContext
from extractors.owner import judge
from extractors.patterns import load_patterns
from extractors.possessor import _head_kind, _heads
from tests.extractors.detect_helpers import DATA

OWNER = load_patterns(DATA, "owner")
LINGEN = CityContext("03454032", "Lingen (Ems)", ("lingen.de",))
KREIS = CityContext("03454000", "Landkreis Emsland", ("emsland.de",))
NAMES = ("lingen",)


def owner_of(sentence: str, name: str, city: CityContext = LINGEN, **kw: object) -> str:
    start = sentence.index(name)
    return judge(sentence, start, start + len(name), OWNER, names=NAMES, city=city, **kw).owner


@pytest.mark.parametrize("sentence, name, owner", [
    # a genitive attribute: its head noun says which kind of body (compound ends, inflected)
    ("Fahrkarten kauft man über die App der Deutschen Bahn.", "App", "company"),
    ("Seine Filme zeigt der YouTube-Kanal des Heimatvereins Brögbern.", "YouTube-Kanal", "company"),
    ("Die Online-Terminvereinbarung der Rentenversicherung ist freigeschaltet.", "Online-Terminvereinbarung",
     "company"),
    ("Das Serviceportal des Bundesamtes für Justiz nimmt Anträge entgegen.", "Serviceportal", "bund"),
    ("Das Beteiligungsportal des Ministeriums sammelt Ideen.", "Beteiligungsportal", "land"),
    # "von" with a person named by a role
    ("Ein Video lief auf dem Instagram-Kanal von Ministerpräsident Stephan Weil.", "Instagram-Kanal", "land"),
    ("Der YouTube-Kanal von Filmemacher Jan Berends zeigt die Altstadt.", "YouTube-Kanal", "private"),
    # "bei" a firm: the service is the firm's
    ("Die Online-Anmeldung bei der Schilderfirma Janssen geht schnell.", "Online-Anmeldung", "company"),
    # a possessive belongs to the body noun after it
    ("Das Bürgerportal unserer Nachbarstadt Meppen ist neu.", "Bürgerportal", "neighbour"),
    # a chain of genitives: the outermost body of a known kind owns it
    ("Öffnen Sie das Portal der Zulassungsstelle des Landkreises.", "Portal", "county"),
    # an agent of running or offering, after the name
    ("Das Portal wird betrieben von der Wirtschaftsförderung Ems GmbH.", "Portal", "company"),
    ("Der Chatbot ist ein Angebot der Verbraucherzentrale.", "Chatbot", "company"),
    ("Die App ist ein Angebot der Stadt Lingen.", "App", "city"),
    # the first part of the name's compound
    ("Neuigkeiten gibt es in der Kreis-App.", "App", "county"),
    ("Die Landes-App informiert über Warnungen.", "Landes-App", "land"),
])
def test_structure_names_the_owner(sentence: str, name: str, owner: str) -> None:
    assert owner_of(sentence, name) == owner


@pytest.mark.parametrize("sentence, name, owner", [
    # an office of whatever body says nothing by itself: the page's city then
    ("Die Online-Terminvergabe des Bürgerbüros ist freigeschaltet.", "Online-Terminvergabe", "unknown"),
    ("Öffnen Sie das Portal der Zulassungsbehörde.", "Portal", "unknown"),
    # an event or a group of people is no owner
    ("Der Livestream der Ratssitzung beginnt um 18 Uhr.", "Livestream", "unknown"),
    # a vendor who built the city's app does not own it
    ("Die App wurde von der Firma Softwerk entwickelt und gehört der Stadt.", "App", "city"),
    # the city's own possessive, and the city named
    ("Der Mängelmelder unserer Stadt ist online.", "Mängelmelder", "city"),
    ("Das Geoportal der Stadt Lingen zeigt Bebauungspläne.", "Geoportal", "city"),
])
def test_no_foreign_body_no_foreign_owner(sentence: str, name: str, owner: str) -> None:
    assert owner_of(sentence, name) == owner


def test_the_kreis_own_compound_is_the_city_on_its_pages() -> None:
    assert owner_of("Neuigkeiten gibt es in der Kreis-App.", "App", city=KREIS) == "city"


def test_first_person_possessive_stays_the_publisher() -> None:
    # on a party's page "unserer Ratssitzungen" is the party's word, as before the structure was read
    said = "Die Übertragungen unserer Ratssitzungen ruckeln."
    assert owner_of(said, "Übertragungen", site="company") == "company"


@pytest.mark.parametrize("heading, kind", [
    ("Kreisverwaltung wieder für Besucher offen – im Straßenverkehrsamt nur mit Termin", "county"),
    ("Stadtwerke starten neues Kundenportal", "company"),
    ("Gemeinde Meppen startet eine App", "neighbour"),
    ("Stadt Lingen startet eine App", "city"),
    # a dateline, an office of whatever body, a person in office, a party, two bodies: no topic
    # owner
    ("Landkreis Emsland: Lingen startet Online-Termine", None),
    ("Bürgerbüro wieder geöffnet", None),
    ("Ministerin lobt die digitale Verwaltung", None),
    ("CDU begrüßt die neue Online-Terminvergabe", None),
    ("Rathaus und Landratsamt wieder im Normalbetrieb", None),
    ("Landkreis Emsland", None),
])
def test_topic_owner_is_the_heading_subject(heading: str, kind: str | None) -> None:
    from extractors.owner import topic_owner

    assert topic_owner(heading, OWNER, NAMES, LINGEN) == kind


def test_the_kreis_heading_is_the_city_on_the_kreis_pages() -> None:
    from extractors.owner import topic_owner

    assert topic_owner("Kreisverwaltung wieder für Besucher offen", OWNER, NAMES, KREIS) == "city"


@pytest.mark.parametrize("sentence, name, owner", [
    # the maker of a product the city uses is not its owner …
    ("Seit Mai nutzt die Stadt die Mängelmelder-App der Firma Softwerk.", "Mängelmelder-App", "city"),
    # … but a firm that runs it, offers it or does the service is
    ("Das Portal wird betrieben von der Firma Softwerk.", "Portal", "company"),
    ("Der Kennzeichen-Service ist ein Angebot der Firma Janssen.", "Kennzeichen-Service", "company"),
])
def test_a_vendor_makes_what_it_does_not_run(sentence: str, name: str, owner: str) -> None:
    assert owner_of(sentence, name) == owner


def _scanned_head_kind(word: str, spec: dict) -> str | None:
    """The head-kind rule written as a plain scan of every stem and modifier (what the tables must answer)."""
    low = word.lower()
    for stem, kind in _heads(spec).items():
        if low.endswith(stem) or any(low.endswith(stem + e) for e in ("s", "es", "n", "en", "e")):
            return kind
    for kind, words in spec.get("modifiers", {}).items():
        if any(word.startswith(w) and len(word) > len(w) + 2 for w in words if len(w) >= 4):
            return str(kind)
    return None


def test_head_kind_tables_answer_as_a_scan_of_every_stem() -> None:
    spec = OWNER["possessor"]
    stems = list(_heads(spec))
    words = ["Heimatvereins", "Bundesagentur", "Zulassungsbehörde", "Landesregierungen", "Stadtwerke",
             "Kreisverwaltung", "Apfel", "", "Ab",
             *(s.capitalize() + e for s in stems[::7] for e in ("", "es", "x")),
             *(w + "amt" for ws in spec.get("modifiers", {}).values() for w in ws)]
    kinds = [_scanned_head_kind(w, spec) for w in words]
    assert any(kinds) and not all(kinds)
    for w in words:
        assert _head_kind(w, _heads(spec), spec) == _scanned_head_kind(w, spec), w
