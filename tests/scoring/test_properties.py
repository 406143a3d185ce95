"""Property tests (hypothesis) of the method on random values for the small and the real catalog."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from sci import kinds
from sci.catalog import Catalog, Parameter, load_catalog
from scoring.pipeline import cities_frame, score
from tests.scoring.factories import small_catalog

REAL = load_catalog(Path(__file__).parents[2] / "data" / "catalog" / "2020.yaml")


def value_for(p: Parameter) -> st.SearchStrategy:
    if p.kind == "boolean":
        return st.booleans()
    if p.kind == "level":
        return st.integers(0, p.levels or 1)
    if p.kind == "recency":
        return st.one_of(st.none(), st.integers(0, 500))
    # Any value the catalog's range allows (sci.kinds): percent 0..100, stars 0..5, whole counts.
    spec = kinds.spec_of(p)
    lo, hi = int(spec.minimum or 0), spec.maximum if spec.maximum is not None else 1e6
    whole = st.integers(lo, int(hi))
    return whole if spec.whole else st.one_of(whole, st.floats(lo, hi, allow_nan=False))


@st.composite
def tables(draw: st.DrawFn, catalog: Catalog, max_cities: int = 8) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = draw(st.integers(2, max_cities))
    cities = cities_frame([(f"{i:08d}", f"Stadt {i}") for i in range(n)])
    rows = []
    for ags in cities.index:
        for p in catalog.parameters():
            if draw(st.booleans()):  # about half undecided: absent values must work everywhere
                rows.append((ags, p.id, draw(value_for(p))))
    return cities, pd.DataFrame(rows, columns=["ags", "parameter", "value"])


def check_invariants(catalog: Catalog, cities: pd.DataFrame, vals: pd.DataFrame) -> None:
    r = score(catalog, cities, vals)
    assert ((r.indicators >= 0) & (r.indicators <= 100 + 1e-9)).all().all()
    assert ((r.areas >= 0) & (r.areas <= 100 + 1e-9)).all().all()
    for ind in r.indicators.columns:
        raw = r.indicator_raw[ind]
        if raw.max() > 0:  # the best city has 100 (also when all are equal and > 0)
            assert r.indicators.loc[raw.idxmax(), ind] == 100
    np.testing.assert_allclose(r.total, r.areas.mean(axis=1), rtol=0, atol=1e-12)
    for ags, rank in r.rank.items():  # ties share the best rank: 1 + number of strictly better cities
        assert rank == 1 + int((r.total > r.total[ags]).sum())


@settings(max_examples=60, deadline=None)
@given(tables(small_catalog()))
def test_invariants_small_catalog(t: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    check_invariants(small_catalog(), *t)


@settings(max_examples=15, deadline=None)
@given(tables(REAL, max_cities=5))
def test_invariants_real_catalog(t: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    check_invariants(REAL, *t)


def better(p: Parameter, value: object) -> object:
    """A value at least as good as ``value`` for one city, strictly better where possible."""
    if p.kind == "boolean":
        return True
    if p.kind == "level":
        return p.levels
    if p.kind == "recency":
        return 0
    base = float(value or 0)
    return base + 10 if p.direction == "higher_better" else max(base - 10, 0.0)


@settings(max_examples=80, deadline=None)
@given(tables(small_catalog()), st.data())
def test_raising_a_parameter_never_lowers_its_indicator(
    t: tuple[pd.DataFrame, pd.DataFrame], data: st.DataObject
):
    cat = small_catalog()
    cities, vals = t
    p = data.draw(st.sampled_from([p for i in cat.indicators() if not i.pilot for p in i.parameters]))
    ags = data.draw(st.sampled_from(list(cities.index)))
    mine = (vals["ags"] == ags) & (vals["parameter"] == p.id)
    old = vals.loc[mine, "value"].iloc[0] if mine.any() else None
    # Plain Python rows: a concat would let pandas upcast True to 1 in an integer column.
    rows = [tuple(r) for r in vals[~mine].itertuples(index=False)] + [(ags, p.id, better(p, old))]
    raised = pd.DataFrame(rows, columns=vals.columns, dtype=object)
    before = score(cat, cities, vals).indicators.at[ags, p.indicator]
    after = score(cat, cities, raised).indicators.at[ags, p.indicator]
    assert after >= before - 1e-9
