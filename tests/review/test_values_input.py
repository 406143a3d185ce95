"""Form input -> typed values, checked by the parameter's kind (sci.kinds, as the form uses it)."""

from __future__ import annotations

import pytest

from review.values_input import edition_parameter
from sci.catalog import Parameter
from sci.db import Store
from sci.kinds import parse as parse_value
from sci.kinds import validate as validate_value

BOOL = Parameter(id="x.bool", label="B", kind="boolean", source="web")
NUM = Parameter(id="x.num", label="N", kind="number", source="import")
LEVEL = Parameter(id="x.level", label="L", kind="level", source="web", levels=3)
DAYS = Parameter(id="x.days", label="D", kind="recency", source="social")


@pytest.mark.parametrize("raw,value", [("ja", True), ("Nein", False), (" true ", True), ("0", False),
                                       ("x", True)])
def test_booleans_in_german_and_english(raw: str, value: bool) -> None:
    assert parse_value(BOOL, raw) is value


@pytest.mark.parametrize("raw,value", [("12,5", 12.5), ("1.234,5", 1234.5), ("3.75", 3.75), ("42", 42),
                                       ("1 000", 1000)])
def test_numbers_accept_a_decimal_comma_or_point(raw: str, value: float) -> None:
    assert parse_value(NUM, raw) == value


def test_levels_and_recency_are_whole_numbers_in_range() -> None:
    assert parse_value(LEVEL, "3") == 3 and parse_value(LEVEL, "0") == 0
    assert parse_value(DAYS, "14") == 14
    with pytest.raises(ValueError, match="0..3"):
        parse_value(LEVEL, "4")
    with pytest.raises(ValueError, match="whole number"):
        parse_value(LEVEL, "1,5")
    with pytest.raises(ValueError, match="≥ 0"):
        parse_value(DAYS, "-1")


@pytest.mark.parametrize("param,raw,msg", [
    (BOOL, "vielleicht", "ja/nein"), (NUM, "zwölf", "keine Zahl"), (NUM, "", "Wert fehlt"),
    (NUM, "-3", "Wert ≥ 0 erwartet"), (NUM, "nan", "Zahl erwartet"),
])
def test_bad_input_names_the_parameter_in_german_and_english(param: Parameter, raw: str, msg: str) -> None:
    with pytest.raises(ValueError, match=msg) as err:
        parse_value(param, raw)
    assert param.id in str(err.value)


def test_validate_refuses_the_wrong_type() -> None:
    with pytest.raises(ValueError, match="boolean"):
        validate_value(BOOL, 1)
    with pytest.raises(ValueError, match="number"):
        validate_value(NUM, True)
    with pytest.raises(ValueError, match="number"):
        validate_value(LEVEL, "2")
    assert validate_value(NUM, 3.0) == 3 and validate_value(LEVEL, 2.0) == 2


def test_edition_parameter_reads_the_catalog_the_edition_was_initialised_with(seeded: Store) -> None:
    with seeded.session() as s:
        assert edition_parameter(s, 2020, "city_app.rating").kind == "number"
        with pytest.raises(KeyError, match="unknown parameter 'nope' in the 2020 catalog"):
            edition_parameter(s, 2020, "nope")
        with pytest.raises(LookupError, match="edition 1999 is not initialised"):
            edition_parameter(s, 1999, "city_app.rating")
