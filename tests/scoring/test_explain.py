"""The explain chain reproduces the scores from its own numbers."""

from __future__ import annotations

import pytest

from sci.errors import DataError
from scoring.explain import explain_city, find_city
from scoring.pipeline import score
from tests.scoring.factories import CITIES, small_catalog, values
from tests.scoring.test_pipeline import HAND

X, Y, Z = CITIES.index


def test_chain_adds_up() -> None:
    r = score(small_catalog(), CITIES, values(HAND))
    doc = explain_city(r, Y)
    assert doc["total"] == pytest.approx(sum(doc["areas_all"].values()) / 2, abs=1e-12)
    a = doc["areas"][0]
    assert a["score"] == pytest.approx((a["indicator_sum"] + a["bonus"]) / a["achievable"] * 100, abs=1e-12)
    assert a["bonus"] == pytest.approx(a["bonus_cap"] * a["pilot"]["n"] / a["pilot"]["max_n"])
    i1 = a["indicators"][0]
    weights = sum(p["weight"] for p in i1["parameters"])
    assert i1["raw"] == pytest.approx(sum(p["weight"] * p["s"] for p in i1["parameters"]) / weights)
    assert i1["score"] == pytest.approx(100 * (i1["raw"] - i1["raw_min"]) / (i1["raw_max"] - i1["raw_min"]))
    assert (i1["best"]["name"], i1["worst"]["score"]) == ("Ystadt", 0)
    flag = i1["parameters"][0]
    assert (flag["id"], flag["decided"], flag["s"]) == ("i1.flag", True, 0)


def test_empty_indicator_is_explained() -> None:
    r = score(small_catalog(), CITIES, values({X: {"i1.flag": True}}))
    (area,) = explain_city(r, X, "b")["areas"]
    assert "raw = 0" in area["indicators"][0]["note"]


def test_find_city() -> None:
    r = score(small_catalog(), CITIES, values({}))
    assert find_city(r, "ystadt") == Y and find_city(r, Z) == Z
    with pytest.raises(DataError, match="3 cities matching"):
        find_city(r, "")
    with pytest.raises(DataError, match="no city matching 'Berlin'"):
        find_city(r, "Berlin")
    with pytest.raises(DataError, match="unknown area 'c'"):
        explain_city(r, X, "c")
