"""Elliptical coordination is written out before terms are matched."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.coordination import Expander
from extractors.patterns import load_patterns

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def exp() -> Expander:
    return Expander.from_patterns(load_patterns(DATA, "coordination"))


@pytest.mark.parametrize("text, expanded", [
    ("Die An-, Um- und Abmeldung des Wohnsitzes", "Die Anmeldung, Ummeldung und Abmeldung des Wohnsitzes"),
    ("Kfz-An- und Abmeldung online", "Kfz-Anmeldung und Kfz-Abmeldung online"),
    ("Wohnsitzan- und -ummeldung", "Wohnsitzanmeldung und Wohnsitzummeldung"),
    ("Abteilung Melde- und Ausweiswesen", "Abteilung Meldewesen und Ausweiswesen"),
    ("Ihr Gewerbe an-, um- oder abmelden", "Ihr Gewerbe anmelden, Gewerbe ummelden oder Gewerbe abmelden"),
    ("Standes- und Bestattungsamt", "Standesamt und Bestattungsamt"),
    ("Gewerbean- und -abmeldung", "Gewerbeanmeldung und Gewerbeabmeldung"),
    ("Ein- und Ausgang", "Eingang und Ausgang"),
    ("Gewerbean-, -um- und -abmeldung", "Gewerbeanmeldung, Gewerbeummeldung und Gewerbeabmeldung"),
    # a noun set before the particle fragments is their modifier (weissenfels.de, service titles and links)
    ("Gewerbe An-, Um- und Abmeldung online",
     "Gewerbe-Anmeldung, Gewerbe-Ummeldung und Gewerbe-Abmeldung online"),
    ("Termine für die Kfz An- und Abmeldung", "Termine für die Kfz-Anmeldung und Kfz-Abmeldung"),
    # slashes join conjuncts (laichingen.de, kleinblittersdorf.de service titles)
    ("Gewerbean-/-ummeldung/-abmeldung", "Gewerbeanmeldung / Gewerbeummeldung/Gewerbeabmeldung"),
    ("Gewerbean- /-abmeldung / -ummeldung", "Gewerbeanmeldung / Gewerbeabmeldung / Gewerbeummeldung"),
    # the later conjuncts lack the first's modifier (rotenburg-wuemme.de's service title)
    ("Gewerbeanmeldung, -abmeldung, -ummeldung", "Gewerbeanmeldung, Gewerbeabmeldung, Gewerbeummeldung"),
    ("Kfz-Zulassung und -Abmeldung", "Kfz-Zulassung und Kfz-Abmeldung"),
    # an article or a preposition before the fragments is no modifier
    ("Zur An- und Abmeldung", "Zur Anmeldung und Abmeldung"),
])
def test_expansions(exp, text, expanded):
    assert exp.expand(text) == expanded


@pytest.mark.parametrize("text", [
    "Bürgerinnen und Bürger", "Öffnungszeiten: Mo - Fr 8-12 Uhr", "E-Mail- und Telefonkontakt",
    "Groß- und Kleinschreibung",
    # a hyphenated tail with no particle shares no stem
    "E-Mail, -Fax",
])
def test_leaves_what_it_cannot_resolve(exp, text):
    assert exp.expand(text) == text


@pytest.mark.parametrize("text, joined", [
    ("Melden Sie Ihren Betrieb hier online an.", "anmelden"),
    ("Ihren Wagen melden Sie über i-Kfz an, um oder ab.", "anmelden ummelden abmelden"),
    ("Den Anhänger legen Sie künftig online still.", "stilllegen"),
    ("Wer bis 31. März seinen Platzwunsch vormerken will, merkt ihn im Portal vor.", "vormerken"),
    ("Sie melden sich an und wählen danach eine Uhrzeit.", "anmelden"),
    ("IHREN WAGEN MELDEN SIE ONLINE AB.", "abmelden"),  # case ignored: the verbs looked for in lower case
    # a web address inside the clause ends no clause: its dots and colon are inside a word
    ("Den Termin legen Sie online unter termine.amberg.de fest.", "festlegen"),
    ("Ihr Fahrzeug melden Sie unter https://ikfz.stadt.de/portal ab.", "abmelden"),
])
def test_split_separable_verbs_are_joined(exp, text, joined):
    assert exp.expand(text).count(f"[{joined}]") == 1


@pytest.mark.parametrize("text", [
    "Melden Sie Schäden an Gehwegen sofort.", "Wir melden uns an diesem Tag bei Ihnen.",
    "Die Stelle gibt keine Auskunft.",
    # a sentence's full stop still ends the clause ("an." then a new sentence)
    "Melden Sie sich. An der Pforte wartet man auf Sie.",
])
def test_particle_inside_the_clause_joins_nothing(exp, text):
    assert exp.expand(text) == text
