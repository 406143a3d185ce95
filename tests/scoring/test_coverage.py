"""Coverage: undecided (city, parameter) pairs, per-city counts, indicators nobody has values for."""

from __future__ import annotations

from scoring.coverage import empty_indicators, missing, per_city
from scoring.pipeline import score
from tests.scoring.factories import CITIES, small_catalog, values

X, Y, Z = CITIES.index


def test_missing_and_counts() -> None:
    r = score(small_catalog(), CITIES, values({X: {"i1.flag": False, "pa.count": 0}, Y: {"i3.cost": 4}}))
    m = missing(r)
    assert len(m) == 3 * 7 - 3
    assert not ((m.ags == X) & (m.parameter == "i1.flag")).any()  # decided "false" is covered
    assert per_city(r).loc[Z, "missing"] == 7 and per_city(r).index[0] == Z
    assert empty_indicators(r) == ["i2", "pb"]
