"""The one status vocabulary (data/patterns/status.yaml): both engines read it, a bad shape stops sci."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractors import appointments, online_services
from extractors.clause_reading import shared_of
from extractors.clauses import clause_cue, lexicon
from extractors.owner import judge
from extractors.patterns import load_patterns
from extractors.status_words import status_words
from sci.errors import DataError

DATA = Path(__file__).resolve().parents[2] / "data"


def test_both_engines_read_the_one_file() -> None:
    reading, owner = load_patterns(DATA, "reading"), load_patterns(DATA, "owner")
    assert reading["status"] == owner["status"] == load_patterns(DATA, "status")
    vocab = status_words(owner["status"])
    # a shared word is read by both: the named engine's list and the statement readers' list hold it
    assert "geplant" in vocab.words("planned", "named")
    assert "geplant" in shared_of(reading).planned
    # an engine's own word is read by that engine only
    assert "künftig" in shared_of(reading).planned and "künftig" not in vocab.words("planned", "named")
    assert "Antrag" in vocab.words("planned", "named") and "Antrag" not in shared_of(reading).planned
    # the statement readers read ended words as not live, the named engine keeps them apart
    assert "abgeschaltet" in shared_of(reading).planned
    assert "abgeschaltet" in vocab.words("discontinued", "named")


@pytest.mark.parametrize("section, key", [
    ({"planned": {"both": "geplant"}}, "planned.both"),  # a string, not a list
    ({"planned": {"named": ["geplant", 5]}}, "planned.named"),
    ({"planned": {"nmaed": ["geplant"]}}, "planned.nmaed"),  # a typo in the engine's key
    ({"planed": {"both": ["geplant"]}}, "planed"),  # a typo in the kind
    ({"planned": {"named_regex": ["(unclosed"]}}, "planned.named_regex"),
    ({"attributive": {"live": "bereits"}}, "attributive.live"),
    ({"pilot": ["Pilotphase"]}, "pilot"),  # the old flat shape
    ({"time": ["ab"]}, "time"),  # time: a mapping
    ({"time": {"live_regex": "seit"}}, "time.live_regex"),
    ({"time": {"live_regex": ["(unclosed"]}}, "time.live_regex"),
    ({"time": {"lvie": ["seit"]}}, "time.lvie"),  # neither meta nor a formula list
])
def test_a_bad_shape_stops_naming_the_file_and_key(section: dict[str, Any], key: str) -> None:
    with pytest.raises(DataError) as err:
        status_words(section)
    said = str(err.value)
    assert "status.yaml" in said and key in said, said


# Words one engine read alone before and both read now (status.yaml, the table in the realcorpus README).
@pytest.mark.parametrize("clause", [
    "Die Online-Anmeldung für Kita-Plätze ist noch in der Entwicklung.",  # work under way
    "Die Online-Terminvergabe im Bürgerbüro ist vorübergehend ausgesetzt.",  # suspended
])
def test_the_statement_readers_read_the_named_engines_plan_and_end_words(clause: str) -> None:
    cues = [clause_cue(clause, lexicon(load_patterns(DATA, m.NAME))) for m in (online_services, appointments)]
    said = [c for c in cues if c is not None]
    assert said and all(not c.positive and c.rule.startswith("planned") for c in said), cues


@pytest.mark.parametrize("sentence, name", [
    ("Nutzen lassen soll sich der Mängelmelder vom Sofa ebenso wie unterwegs.", "Mängelmelder"),  # Walldorf
    ("Die Stadt-App wird voraussichtlich im Herbst in den Stores stehen.", "Stadt-App"),
])
def test_the_named_engine_reads_the_statement_readers_plan_words(sentence: str, name: str) -> None:
    owner = load_patterns(DATA, "owner")
    start = sentence.index(name)
    assert judge(sentence, start, start + len(name), owner).status == "planned"
