"""yielding: another office's words that yield to the subject office's own, per statement or per sentence."""

from __future__ import annotations

import pytest

from extractors.yielding import Yielding, yielding_of, yields
from sci.errors import DataError

RULES = (
    Yielding(("Urkunde",), ("Bürgeramt",), "statement"),
    Yielding(("Parkausweis",), ("Bürgeramt",), "sentence"),
)


def test_a_single_mapping_is_one_statement_rule():
    single = {"ignore_unless": {"terms": ["Urkunde"], "unless": ["Bürgeramt"]}}
    assert yielding_of(single, "e_payment") == RULES[:1]
    assert yielding_of({}, "e_payment") == ()


@pytest.mark.parametrize(
    "place, within, expected",
    [
        ("Die Urkunde bezahlen Sie online.", "statement", True),
        ("Urkunden des Bürgeramts bezahlen Sie online.", "statement", False),
        # a rule applies only at its own level
        ("Die Urkunde bezahlen Sie online.", "sentence", False),
        ("Den Parkausweis bezahlen Sie online.", "sentence", True),
        ("Den Parkausweis bezahlen Sie online im Bürgeramt-Portal.", "sentence", False),
    ],
)
def test_yields(place, within, expected):
    assert yields(RULES, place, within) is expected


def test_a_bad_place_names_file_and_key():
    with pytest.raises(DataError, match=r"data/patterns/e_payment.yaml: ignore_unless\[0\].within"):
        yielding_of({"ignore_unless": [{"terms": ["x"], "within": "page"}]}, "e_payment")
