"""Tests of extractors/clauses.py: the statement readers' lexicon."""

from __future__ import annotations

import copy

import pytest

from extractors.clauses import borrowed, clause_cue, clauses_of, fronted_object, lexicon, split_clauses
from extractors.patterns import load_patterns
from sci.errors import DataError
from tests.extractors.detect_helpers import DATA


def test_a_word_list_of_the_wrong_shape_stops_with_the_files_named():
    patterns = copy.deepcopy(load_patterns(DATA, "online_services"))
    assert lexicon(copy.deepcopy(patterns)).hearsay  # the shipped data builds
    patterns["reading"]["hearsay"] = 5  # a number where a word list belongs
    with pytest.raises(DataError) as err:
        lexicon(patterns)
    said = str(err.value)
    assert "data/patterns/reading.yaml" in said and "wrong shape" in said and "not iterable" in said


def test_a_loader_below_that_named_its_file_is_not_reworded():
    """status.yaml is checked by its own loader, which names the file and the key; the lexicon passes that on
    instead of guessing at the reader's files."""
    patterns = copy.deepcopy(load_patterns(DATA, "online_services"))
    patterns["reading"]["status"]["planned"]["bothh"] = ["geplant"]  # a misspelt key
    with pytest.raises(DataError) as err:
        lexicon(patterns)
    said = str(err.value)
    assert said.startswith("data/patterns/status.yaml") and "planned.bothh: unknown key" in said
    assert "reading.yaml or" not in said


def test_a_parenthesis_parts_clauses_unless_it_holds_one_short_word():
    """reading.yaml's clause split looks back from after a closing bracket (so re tries its ten lookbehinds
    only where one stands): a bracketed word of one to ten letters stays in its clause, on either side; a
    longer one, or more than one word, is a boundary."""
    lx = lexicon(load_patterns(DATA, "online_services"))
    for word in ("E", "EA", "i-Kfz", "Fahrzeuge", "Zulassung1"):  # 1 to 10 characters
        assert clauses_of(f"Die Abmeldung ({word}) ist nicht online möglich", lx) == (
            f"Die Abmeldung ({word}) ist nicht online möglich",)
    assert clauses_of("Die Abmeldung (Zulassung12) ist nicht online möglich", lx) == (
        "Die Abmeldung", " (Zulassung12", ") ist nicht online möglich")
    assert clauses_of("Die Abmeldung (siehe oben) ist nicht online möglich", lx) == (
        "Die Abmeldung", " (siehe oben", ") ist nicht online möglich")


@pytest.mark.parametrize("clause, positive", [
    # the online word of a booking is the booking's even where the booking is made at a written address: its
    # dots end no sentence
    ("Für die Kfz-Zulassung können Termine ab sofort online über termine.kreis-muster.de gebucht werden.",
     None),
    ("Für die Kfz-Zulassung können Termine ab sofort online über das Terminportal gebucht werden.", None),
    # the service itself done on line at such an address stays an online service
    ("Die Kfz-Zulassung können Sie online über ikfz.kreis-muster.de beantragen.", True),
])
def test_a_booking_at_a_written_address_is_the_bookings(clause: str, positive: bool | None) -> None:

    cue = clause_cue(clause, lexicon(load_patterns(DATA, "online_services")))
    assert (cue.positive if cue else None) is positive


@pytest.mark.parametrize("clause, positive", [
    # what some people cannot do presupposes the offer they cannot use
    ("die keinen Termin über das Internet buchen können oder kein Konto haben.", True),
    ("nur weil sie keinen Online-Termin bekommen können", True),
    ("weil sie sich keinen Termin online buchen können", True),
    # the reader ("Sie") or the house ("wir") as the subject: the offer is denied
    (" die Sie nicht online buchen können, vergeben wir telefonisch.", False),
    ("Leider können wir keine Termine online vergeben.", False),
    # things as the subject, in the passive: those are not bookable on line
    (" die nicht online gebucht werden können, vergeben wir am Telefon.", False),
])
def test_a_third_persons_inability_is_no_denial(clause, positive):
    cue = clause_cue(clause, lexicon(load_patterns(DATA, "appointments")))
    assert (None if cue is None else cue.positive) is positive


@pytest.mark.parametrize("clause, before, lent", [
    ("Gebucht wird online über die Webseite der Stadt.", "Feste Termine gibt es weiterhin.", "termine"),
    ("Reservieren können Sie im Internet.", "Wie Sie zu Ihrem Termin kommen", "termin"),
    ("Gebucht wird online.", "Die Stadtführungen beginnen im Mai.", None),  # nothing to book in the context
    ("Gebucht werden Stadtführungen online.", "Termine gibt es am Schalter.", None),  # its own subject
    ("Gebucht wird am Schalter.", "Termine gibt es weiterhin.", None),  # no online word
    ("Beantragt wird online.", "Ein Termin ist nicht nötig.", None),  # no booking verb
])
def test_a_booking_verb_put_first_borrows_its_object(clause, before, lent):
    assert fronted_object(clause, before, lexicon(load_patterns(DATA, "appointments"))) == lent


@pytest.mark.parametrize("sentence, positive", [
    # the pronoun stands for the appointment the clause before names
    ("Für Ihren Termin gibt es das Portal der Stadt – zwei Klicks im Internet, und er ist gebucht.", True),
    # "Sie" is the reader, not the appointment
    ("Für Ihren Termin gibt es das Portal der Stadt – im Internet buchen Sie.", None),
    # an application is no booking, whatever the pronoun stands for
    ("Den Termin brauchen Sie nicht – über das Internet beantragen Sie ihn.", None),
])
def test_a_pronoun_books_the_appointment_the_clause_before_names(sentence, positive):
    lx = lexicon(load_patterns(DATA, "appointments"))
    clauses = split_clauses(sentence, lx.shared.clause_split)
    cues = borrowed(clauses, [clause_cue(c, lx) for c in clauses], lx)
    got = next((c.positive for c in cues if c is not None), None)
    assert got is positive


def test_a_bracketed_time_or_number_keeps_its_clause():
    """An aside in brackets that only gives a time, a date or a number (more than one word, a digit
    among them), its clause going on in lower case after it, is no boundary: the object before it and the
    channel and verb after it stay one clause. Other asides part as before, and so does a bracket followed
    by a capital."""
    lx = lexicon(load_patterns(DATA, "appointments"))
    sentence = "Freie Termine werden früh (meist zwischen 6 und 8.30 Uhr) im Netz eingestellt"
    assert clauses_of(sentence, lx) == (sentence,)
    assert clauses_of("Freie Termine werden früh (siehe unten) im Netz eingestellt", lx) == (
        "Freie Termine werden früh", " (siehe unten", ") im Netz eingestellt")
    assert clauses_of("Das Bürgerbüro (im Rathaus 2) Termine gibt es dort nur am Schalter", lx) == (
        "Das Bürgerbüro", " (im Rathaus 2", ") Termine gibt es dort nur am Schalter")


def test_a_comparison_inside_the_main_clause_leaves_the_main_clause_whole():
    """"X, wie es sie bei Y inzwischen gibt, ist …": the main clause goes on after the comparison with its
    finite verb, so its halves are read as one clause and the comparison as a clause after it."""
    lx = lexicon(load_patterns(DATA, "appointments"))
    assert clauses_of("Eine Online-Buchung, wie es sie beim Standesamt mittlerweile gibt, ist hier nicht "
                      "vorgesehen", lx) == ("Eine Online-Buchung, ist hier nicht vorgesehen",
                                            " wie es sie beim Standesamt mittlerweile gibt")
    # at the end of the sentence the comparison is parted as before
    assert clauses_of("Bald kommt eine Online-Buchung, wie es sie beim Standesamt schon gibt", lx) == (
        "Bald kommt eine Online-Buchung", " wie es sie beim Standesamt schon gibt")
