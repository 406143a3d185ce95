"""The method on a 3-city example computed by hand (tolerance 1e-9), and the edge rules."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sci.errors import DataError
from scoring.pipeline import score
from tests.scoring.factories import CITIES, small_catalog, values

X, Y, Z = CITIES.index

HAND = {
    X: {
        "i1.flag": True,
        "i1.num": 10,
        "i2.level": 4,
        "i2.days": 3,
        "pa.count": 2,
        "i3.cost": 5,
        "pb.count": 0,
    },
    Y: {"i1.flag": False, "i1.num": 30, "i2.level": 2, "i2.days": 45, "pa.count": 4, "i3.cost": 10},
    # Z has no decision for i1.flag (absent = false) and no known activity.
    Z: {"i1.num": {"value": 20, "url": "x"}, "i2.level": 1, "i2.days": None, "pa.count": 0, "i3.cost": 20},
}


@pytest.fixture
def result():
    return score(small_catalog(), CITIES, values(HAND), edition=2020)


def test_parameter_scores_by_hand(result) -> None:
    s = result.parameters
    assert s.loc[[X, Y, Z], "i1.flag"].tolist() == [1, 0, 0]
    assert s.loc[[X, Y, Z], "i1.num"].tolist() == pytest.approx([0, 1, 0.5], abs=1e-9)
    assert s.loc[[X, Y, Z], "i2.level"].tolist() == pytest.approx([1, 0.5, 0.25], abs=1e-9)
    assert s.loc[[X, Y, Z], "i2.days"].tolist() == [1, 0.5, 0]
    assert s.loc[[X, Y, Z], "i3.cost"].tolist() == pytest.approx([1, 2 / 3, 0], abs=1e-9)


def test_indicators_areas_total_by_hand(result) -> None:
    ind = result.indicators
    assert ind["i1"].tolist() == pytest.approx([0, 100, 0], abs=1e-9)  # raw 1/3, 2/3, 1/3 (weight 2 on num)
    assert result.indicator_raw["i1"].tolist() == pytest.approx([1 / 3, 2 / 3, 1 / 3], abs=1e-9)
    assert ind["i2"].tolist() == pytest.approx([100, 100 * 0.375 / 0.875, 0], abs=1e-9)
    assert ind["i3"].tolist() == pytest.approx([100, 200 / 3, 0], abs=1e-9)
    assert result.bonus["a"].tolist() == pytest.approx([5, 10, 0], abs=1e-9)
    assert result.bonus["b"].tolist() == [0, 0, 0]  # max count 0 -> no bonus, no division by zero
    area_a = [(0 + 100 + 5) / 210 * 100, (100 + 300 / 7 + 10) / 210 * 100, 0]
    area_b = [100 / 105 * 100, (200 / 3) / 105 * 100, 0]
    assert result.areas["a"].tolist() == pytest.approx(area_a, abs=1e-9)
    assert result.areas["b"].tolist() == pytest.approx(area_b, abs=1e-9)
    assert result.total.tolist() == pytest.approx(
        [(x + y) / 2 for x, y in zip(area_a, area_b, strict=True)], abs=1e-9
    )
    assert result.rank.tolist() == [1, 2, 3]


def test_all_equal_rules() -> None:
    same = {a: {"i1.num": 7, "i3.cost": 0} for a in CITIES.index}
    r = score(small_catalog(), CITIES, values(same))
    assert r.parameters["i1.num"].tolist() == [1, 1, 1]  # all equal and > 0 -> 1
    assert r.parameters["i3.cost"].tolist() == [0, 0, 0]  # all equal 0 -> 0
    assert r.indicators["i1"].tolist() == [100, 100, 100]  # raw 2/3 everywhere > 0 -> 100
    assert r.indicators["i2"].tolist() == [0, 0, 0]  # nothing decided: raw 0 -> 0, still counted
    assert r.areas["a"].tolist() == pytest.approx([100 / 210 * 100] * 3, abs=1e-9)
    assert r.rank.tolist() == [1, 1, 1]


def test_tracked_parameters_are_never_scored() -> None:
    r = score(small_catalog(), CITIES, values({X: {"t.days": 3}}))
    assert "t.days" not in r.parameters.columns
    assert r.total.tolist() == [0, 0, 0]


@pytest.mark.parametrize(
    ("param", "value", "message"),
    [
        ("i1.flag", "ja", "boolean expected"),
        ("i1.num", {"url": "x"}, "numeric 'value'"),
        ("i2.level", 5, "must be 0..4, got 5"),
        ("i2.days", -1, "≥ 0"),
        ("nope.x", 1, "unknown parameter"),
    ],
)
def test_bad_values_name_city_and_parameter(param: str, value: object, message: str) -> None:
    df = values({X: {param: value}})
    df["where"] = "v.csv:2"
    with pytest.raises(DataError) as e:
        score(small_catalog(), CITIES, df)
    assert "v.csv:2" in str(e.value) and message in str(e.value)


def test_unknown_city_is_an_error() -> None:
    with pytest.raises(DataError, match="99999999 is not in this edition"):
        score(small_catalog(), CITIES, values({"99999999": {"i1.flag": True}}))


def test_json_contract_is_unrounded(result) -> None:
    doc = result.to_json()
    assert set(doc) == {"edition", "cities"}
    first = doc["cities"][0]
    assert set(first) == {"ags", "name", "total", "rank", "areas", "indicators"}  # no trend without previous
    assert first["areas"]["a"] == result.areas.at[X, "a"]
    assert not math.isclose(first["total"], round(first["total"], 2))


def test_trend_against_previous_ranks() -> None:
    prev = pd.Series({X: 3, Y: 2})
    r = score(small_catalog(), CITIES, values(HAND), previous_ranks=prev)
    assert r.trend.tolist() == ["↗", "→", "n.a."]
