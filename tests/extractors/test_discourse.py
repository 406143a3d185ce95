"""Discourse scope: a subject and its modifiers carried past their sentence, and what closes the reach
(extractors/discourse.py; phenomena of real notices and office pages, own wording)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors import appointments, participation
from extractors.discourse import Discourse, discourse_of, earlier_plan, general, later_doubt, named_before
from extractors.patterns import load_patterns
from extractors.segment import Statement
from sci.errors import DataError
from tests.extractors.detect_helpers import values, wrap

A = "online_appointments."
DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def disc() -> Discourse:
    return discourse_of(load_patterns(DATA, "appointments")["owner"])


def _planned(s: str) -> bool:
    return "soll" in s


def test_later_doubt_reaches_two_sentences(disc: Discourse) -> None:
    sents = ["Die neue Plattform der Stadt heißt Mitmachen.", "Nach und nach sollen Angebote dazukommen.",
             "So weit ist es noch nicht."]
    assert later_doubt(sents, 0, disc, _planned, lambda s: False) == sents[2]


def test_later_doubt_needs_a_sentence_pointing_back(disc: Discourse) -> None:
    # "noch nicht" in a sentence that does not point back says nothing of the offer before it
    sents = ["Termine buchen Sie online.", "Viele Bürger kennen den Dienst noch nicht."]
    assert later_doubt(sents, 0, disc, _planned, lambda s: False) is None


def test_later_doubt_stops_at_another_subject(disc: Discourse) -> None:
    sents = ["Termine im Bürgerbüro buchen Sie online.", "Das Standesamt plant das auch.",
             "Das soll im Herbst kommen."]
    assert later_doubt(sents, 0, disc, _planned, lambda s: "Standesamt" in s) is None


def test_later_doubt_stops_at_the_reach(disc: Discourse) -> None:
    sents = ["Termine buchen Sie online.", "A.", "B.", "Das ist noch nicht möglich."]
    assert later_doubt(sents, 0, disc, _planned, lambda s: False) is None


def test_named_before_stops_at_the_section(disc: Discourse) -> None:
    sts = [Statement("Bürgerbüro", "h2", "heading", "Bürgerbüro"),
           Statement("Das Bürgerbüro ist montags geöffnet.", "p1", "text", "Bürgerbüro"),
           Statement("Standesamt", "h2b", "heading", "Standesamt"),
           Statement("Dort buchen Sie online.", "p2", "text", "Standesamt")]

    def named(st: Statement) -> dict[str, tuple[int, int]]:
        return {"office": (0, 1)} if "Bürgerbüro" in st.text else {}
    assert named_before(sts, 1, named, disc) == {}
    assert named_before(sts, 3, named, disc) == {}  # the heading between closes the reach
    assert named_before(sts[:2] + [Statement("Dort buchen Sie online.", "p3", "text", "Bürgerbüro")], 2,
                        named, disc) == {"office": (0, 1)}


def test_general_words(disc: Discourse) -> None:
    assert general("Für alle Bereiche der Verwaltung ist ein Termin nötig.", disc)
    assert general("Ohne Termin kommt niemand hinein.", disc)
    assert not general("Das Bürgerbüro ist geöffnet.", disc)
    # in a single clause "niemand" speaks of visitors, not of the offices ("damit niemand umsonst kommt")
    assert not general("dort online buchen, damit niemand umsonst kommt", disc, statement=False)
    assert general("für alle Bereiche der Verwaltung online buchen", disc, statement=False)


def test_discourse_section_is_optional() -> None:
    empty = discourse_of({})
    assert empty.reach == 0 and not general("alle Bereiche", empty)
    assert empty.pointing_back.pattern == re.compile(r"(?!x)x").pattern


@pytest.mark.parametrize("section, key", [
    ({"reach": "two"}, "discourse.reach"),
    ({"lookback": -1}, "discourse.lookback"),
    ({"pointing_back": "so weit"}, "discourse.pointing_back"),
    ({"general": [1, 2]}, "discourse.general"),
    ({"general_factor": 2}, "discourse.general_factor"),
    ({"not_yet_regex": "(noch nicht"}, "discourse.not_yet_regex"),
    (["reach", 2], "discourse must be a mapping"),
])
def test_malformed_discourse_section_names_file_and_key(section: object, key: str) -> None:
    # owner.yaml is edited by hand: a typo must stop sci with the file and key, not a ValueError in a reader
    with pytest.raises(DataError) as err:
        discourse_of({"discourse": section})
    assert "data/patterns/owner.yaml" in str(err.value) and key in str(err.value)


@pytest.mark.parametrize("body, expected", [
    # a general channel reaches the offices the next paragraph names (news on new opening hours)
    ("<h1>Neue Öffnungszeiten im Rathaus</h1><p>Die Stadt rät weiter, für alle Bereiche der Verwaltung "
     "einen Termin zu vereinbaren – über den Online-Service auf der Homepage oder telefonisch über die "
     "Zentrale.</p>"
     "<p>Ohne Termin geht es weiterhin nicht im Bürgeramt und im Sachgebiet Ausländerwesen.</p>",
     {A + "citizens_office": True, A + "immigration_office": True}),
    # a Kreis-wide restriction over a list of office numbers
    ("<h1>Kreishaus geschlossen</h1><p>Alle Bereiche der Kreisverwaltung sind nur eingeschränkt zugänglich. "
     "Hinein kommt nur, wer vorher telefonisch einen Termin mit der Fachabteilung abgesprochen hat.</p>"
     "<p>Termine vereinbaren Sie unter diesen Nummern:</p><ul><li>Ausländerbehörde: 0123 45-6</li>"
     "<li>Zulassungsstelle: 0123 45-7</li></ul>",
     {A + "immigration_office": False, A + "vehicle_registration_office": False}),
    # "nur, wer …" is a rule for every visitor of the house: it reaches every office the page names
    ("<h1>Rathaus öffnet schrittweise</h1><p>Zuerst öffnen das Einwohnermeldeamt, das Standesamt und die "
     "Ausländerbehörde.</p><p>Hineingelassen wird allerdings nur, wer vorher bei der jeweiligen Stelle "
     "telefonisch einen Termin ausgemacht hat.</p>",
     {A + "citizens_office": False, A + "registry_office": False, A + "immigration_office": False}),
    # "nur werktags" is no "nur wer": the restriction stays the default office's, not the Standesamt's
    ("<h1>Rathaus</h1><p>Geöffnet sind das Bürgerbüro und das Standesamt.</p><p>Termine gibt es nur "
     "werktags, telefonisch oder im Bürgerbüro.</p>", {A + "citizens_office": False}),
    # an office's own channel is stronger than the general restriction
    ("<h1>Die Verwaltung öffnet</h1><p>Wieder offen sind das Standesamt und die Bürgerbüros.</p>"
     "<h2>Regeln</h2><p>Einen Termin nehmen Sie nur wahr, wenn Sie ihn vorher telefonisch vereinbart haben. "
     "Ohne Termin kommt niemand hinein.</p><p>Für die Bürgerbüros buchen Sie Ihren Termin online.</p>",
     {A + "citizens_office": True, A + "registry_office": False}),
    # without a word of the whole administration the restriction does not reach every office the page names
    # (the Standesamt gets nothing); as a subject-less denial about appointments on a page naming the
    # citizens' office among others it is that office's, as a subject-less booking is (default_office)
    ("<h1>Die Verwaltung öffnet</h1><p>Wieder offen sind das Standesamt und die Bürgerbüros.</p>"
     "<h2>Regeln</h2><p>Einen Termin nehmen Sie nur wahr, wenn Sie ihn vorher telefonisch vereinbart "
     "haben.</p>", {A + "citizens_office": False}),
    # "dort" opening a paragraph points back to the office of the paragraph before
    ("<h1>Service</h1><p>Die Kfz-Zulassungsstelle finden Sie im Kreishaus.</p>"
     "<p>Dort vereinbaren Sie Ihren Termin online.</p>", {A + "vehicle_registration_office": True}),
    # a plan said two sentences later, pointing back
    ("<p>Termine im Bürgerbüro sollen Sie bald selbst im Internet buchen. Die Software ist bestellt. "
     "So weit ist es aber noch nicht.</p>", {A + "citizens_office": False}),
    ("<p>Ihren Termin im Bürgerbüro buchen Sie online. Die Wartezeiten sind kurz. "
     "So weit ist es aber noch nicht.</p>", {A + "citizens_office": False}),
    # "Dafür" further on in a paragraph points at the sentence before, not past the paragraph break
    ("<h1>Rathaus</h1><p>Das Bürgerbüro hat neue Zeiten.</p><p>Wer ein Amt besuchen will, macht einen "
     "Termin. Dafür steht die Onlineterminvergabe offen.</p>", {}),
    # a later sentence naming another office closes the reach: its plan is that office's
    ("<p>Ihren Termin im Bürgerbüro buchen Sie online. Beim Standesamt wird an einer Lösung gearbeitet. "
     "Das soll im Herbst kommen.</p>", {A + "citizens_office": True}),
])
def test_appointments_scope(body: str, expected: dict[str, bool]) -> None:
    assert values(appointments, wrap(body)) == expected


def test_named_thing_planned_two_sentences_later() -> None:
    # "„Mitmachen“ heißt die neue Beteiligungsplattform der Stadt. … So weit ist es noch nicht"
    body = ("<p>„Mitreden“ heißt die neue Beteiligungsplattform der Stadt. Bisher gibt es einzelne "
            "Umfragen; nach und nach sollen sie gebündelt werden. So weit ist es noch nicht – der "
            "Mängelmelder ist aber schon erreichbar.</p>")
    assert values(participation, wrap(body)).get("participation.platform") in (None, False)


def test_named_thing_live_without_the_later_doubt() -> None:
    body = "<p>„Mitreden“ heißt die neue Beteiligungsplattform der Stadt. Dort laufen zwei Umfragen.</p>"
    assert values(participation, wrap(body)).get("participation.platform") not in (None, False)


# earlier_plan (session 16): a clause or sentence opened by a sequel word is said at the time of the one
# before it


def test_earlier_plan_follows_a_planned_clause(disc: Discourse) -> None:
    clauses = ["Im Frühjahr soll das Portal kommen", "dann melden Eltern ihre Kinder dort an"]
    assert earlier_plan(clauses, 1, "", disc, _planned) == clauses[0]


def test_earlier_plan_reaches_the_sentence_before_for_a_first_clause(disc: Discourse) -> None:
    before = "Die Stadt soll bald weitere Dienste anbieten."
    assert earlier_plan(["Dabei geht es auch um die Meldebescheinigung"], 0, before, disc, _planned) == before


def test_earlier_plan_needs_the_sequel_word(disc: Discourse) -> None:
    # a clause that does not continue the one before keeps its own time
    clauses = ["Das Standesamt soll umziehen", "Meldebescheinigungen gibt es online"]
    assert earlier_plan(clauses, 1, "", disc, _planned) is None


def test_earlier_plan_needs_a_plan_before(disc: Discourse) -> None:
    clauses = ["Füllen Sie das Formular aus", "dann schicken Sie es online ab"]
    assert earlier_plan(clauses, 1, "", disc, _planned) is None
