"""term_classes: an office named by any pairing of its modifiers and heads, not only the pairings listed."""

from __future__ import annotations

import pytest

from extractors import appointments
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
