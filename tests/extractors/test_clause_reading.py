"""The shared reading of a clause: one per clause for every reader including the same reading section."""

from __future__ import annotations

import pytest

from extractors import appointments, clause_reading, e_payment, online_services
from extractors.clause_reading import reading_of, shared_of
from extractors.clauses import clause_cue, lexicon, split_clauses
from extractors.patterns import load_patterns
from tests.extractors.detect_helpers import DATA

READERS = (online_services, appointments, e_payment)


def test_readers_share_one_section_and_one_reading_per_clause() -> None:
    lexicons = [lexicon(load_patterns(DATA, m.NAME)) for m in READERS]
    assert len({id(lx.shared) for lx in lexicons}) == 1  # three loaded copies of reading.yaml, one Shared
    clause = "Termine im Bürgerbüro gibt es nur telefonisch"
    assert len({id(reading_of(clause, lx.shared)) for lx in lexicons}) == 1
    # each lexicon still applies its own words to it: a booking restriction, not a service's or a payment's
    cues = {m.NAME: clause_cue(clause, lx) for m, lx in zip(READERS, lexicons, strict=True)}
    assert cues["appointments"] is not None and not cues["appointments"].positive


def test_equal_sections_intern_to_one_object_and_different_ones_do_not() -> None:
    section = {"negators": ["nicht", "kein"], "restrict": ["nur"], "offline": ["telefonisch"],
               "status": {"planned": {"both": ["geplant"], "statements_regex": [r"\bsoll\b"]}}}
    assert shared_of(dict(section)) is shared_of(dict(section))
    assert shared_of(section) is not shared_of({**section, "negators": ["nicht"]})


@pytest.mark.parametrize("clause, restricted", [
    ("Termine gibt es nur telefonisch", True),
    ("Sie müssen innerhalb von zwei Wochen persönlich vorsprechen", True),  # a deadline between
    ("Bisher ging das nur telefonisch", False),  # how it was
    ("Sie müssen nicht mehr persönlich kommen", False),
    ("nur nach telefonischer oder Online-Vereinbarung", False),  # an online channel in the list
    ("Termine nur online", False),
    # the condition's own tense says what comes first, not how it was (sb-schweinfurt) …
    ("und auch dann nur, wenn vorher telefonisch oder schriftlich ein Termin ausgemacht wurde", True),
    # … while a past word outside the condition still tells how it was
    ("Früher kam man nur, wenn vorher telefonisch ein Termin ausgemacht wurde", False),
    # the obligation's subject and sentence adverbs between it and its channel say who and how surely, not how
    ("Für die erste Anmeldung müssen Sie grundsätzlich persönlich vorbeikommen", True),
    ("Für die Anmeldung müssen Sie in jedem Fall persönlich bei der Meldebehörde erscheinen", True),
    ("Pass und Personalausweis müssen weiterhin persönlich beantragt werden", True),
    ("Sie müssen den Antrag grundsätzlich online stellen", False),
    # a counted subject is skipped as a definite one is ("mindestens ein Familienmitglied")
    ("Dafür muss mindestens ein Familienmitglied persönlich erscheinen", True),
    # a free relative after the restriction is a condition: its channel may stand further on
    ("Hineingelassen wird nur, wer vorher bei der jeweiligen Stelle telefonisch einen Termin ausmacht", True),
    ("Hinein kommt nur, wer vorher über die Internetseite einen Termin gebucht hat", False),
    ("Hinein kommt nur, wer einen Termin hat", False),  # no channel at all
    # a channel given by its address: a phone number, an e-mail address
    ("Terminvereinbarungen ausschließlich unter 0561 787-0", True),
    ("Termine nur unter der Rufnummer 0123 4567", True),
    ("Termine vergeben wir nur an auslaender@musterstadt.de", True),
    ("Termine nur unter 0123 4567 oder online unter www.musterstadt.de", False),
    ("Informationen nur unter www.musterstadt.de/termine", False),
    # an electronic channel beside the paper one restricts nothing (the Land catalogues' Gewerbe texts)
    ("Sie müssen Ihr Gewerbe schriftlich oder elektronisch bei der zuständigen Stelle anmelden", False),
    ("Die Anzeige ist nur schriftlich möglich", True),
])
def test_restriction_to_an_offline_channel(clause: str, restricted: bool) -> None:
    shared = lexicon(load_patterns(DATA, appointments.NAME)).shared
    assert reading_of(clause, shared).restricted is restricted


def test_facts_are_read_once_on_demand() -> None:
    shared = lexicon(load_patterns(DATA, e_payment.NAME)).shared
    facts = clause_reading.ClauseReading("Online-Bezahlung ist künftig geplant, früher gab es keine", shared)
    assert "negator" not in vars(facts)  # nothing computed before it is asked
    assert facts.negator and facts.plans and facts.past
    assert facts.words[:2] == ["online", "bezahlung"] and "negator" in vars(facts)


@pytest.mark.parametrize("clause, restricted", [
    # a closed disjunction of offline channels leaves out the online one, as "nur" does
    ("Einen Termin machen Sie entweder telefonisch oder per E-Mail aus", True),
    # (a member's own place between the two is not read: left as no restriction, the cautious side)
    ("Termine gibt es entweder persönlich am Empfang oder schriftlich", False),
    ("Termine gibt es entweder telefonisch unter 0123 456-7 oder per E-Mail", True),
    # a member that is another way in, whatever it is called, lifts it
    ("Termine vereinbaren Sie entweder persönlich oder über das Bürgerportal", False),
    ("Termine vereinbaren Sie entweder telefonisch oder online", False),
    ("Termine vereinbaren Sie entweder telefonisch, per E-Mail oder online", False),
    ("Termine vereinbaren Sie entweder telefonisch oder per E-Mail oder über das Internet", False),
    # told in the past, it is how it was
    ("Früher konnte man Termine entweder telefonisch oder per E-Mail vereinbaren", False),
])
def test_either_or_over_offline_channels_restricts(clause: str, restricted: bool) -> None:
    shared = lexicon(load_patterns(DATA, appointments.NAME)).shared
    assert reading_of(clause, shared).restricted is restricted


@pytest.mark.parametrize("sentence, restricted", [
    # the channels after a dash that ends the sentence are the act's: the restriction reaches them
    ("Eheanmeldungen sind nur noch nach Terminvereinbarung möglich – per E-Mail an das Amt oder unter "
     "0123 456.", True),
    ("Termine gibt es nur nach Absprache – telefonisch unter 0123 456.", True),
    # an online one among them lifts it
    ("Termine gibt es nur nach Absprache – per E-Mail oder online über das Portal.", False),
])
def test_a_restriction_reaches_the_channels_after_a_dash(sentence: str, restricted: bool) -> None:
    lx = lexicon(load_patterns(DATA, appointments.NAME))
    cues = [clause_cue(c, lx) for c in split_clauses(sentence, lx.shared.clause_split)]
    assert any(c is not None and c.rule == "restricted to an offline channel" for c in cues) is restricted
