"""The one status vocabulary (data/patterns/status.yaml): both engines read it, a bad shape stops sci."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractors.clause_reading import shared_of
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
])
def test_a_bad_shape_stops_naming_the_file_and_key(section: dict[str, Any], key: str) -> None:
    with pytest.raises(DataError) as err:
        status_words(section)
    said = str(err.value)
    assert "status.yaml" in said and key in said, said
