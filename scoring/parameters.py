"""Step 1 of the method: parameter score s ∈ [0, 1] from the decided values.

Pure functions over tables: a wide table of numeric raw values (rows = cities,
columns = parameter ids) in, a table of the same shape with s out. Absent
values are already encoded by :func:`coerce_value` (false, 0, or no activity =
NaN for recency), so this module never sees JSON.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from sci import kinds
from sci.catalog import Catalog, Parameter

# Recency bins (upper bound in days inclusive, score); beyond the last: 0.
RECENCY_BINS: tuple[tuple[float, float], ...] = ((7, 1.0), (30, 0.75), (90, 0.5), (365, 0.25))


class ValueProblem(ValueError):
    """A decided value that does not fit its parameter's kind."""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def coerce_value(param: Parameter, value: Any) -> float:
    """The numeric raw value of one decided value; NaN only for "no activity" (recency).

    Shapes (DESIGN "finding value"): booleans may be an object meaning "present";
    numbers may arrive as an object with a numeric "value" key.
    """
    if isinstance(value, np.generic):  # pandas hands out numpy scalars for homogeneous columns
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)):  # NaN is pandas' "missing"
        return math.nan if param.kind == "recency" else 0.0
    if param.kind == "boolean":
        if isinstance(value, bool):
            return 1.0 if value else 0.0
        if isinstance(value, dict):
            return 1.0
        raise ValueProblem(f"boolean expected, got {value!r}")
    if isinstance(value, dict) and param.kind == "number":
        inner = _number(value.get("value"))
        if inner is None:
            raise ValueProblem(f"number expected, got an object without a numeric 'value': {value!r}")
        value = inner
    try:
        # The same kind and range rule as import and review (a percent of 150 is not scored).
        return float(kinds.validate(param, value))
    except ValueError as exc:
        raise ValueProblem(str(exc).removeprefix(f"{param.id}: ")) from None  # the caller names it


def minmax(col: pd.Series, lower_better: bool = False) -> pd.Series:
    """Min-max over the cities; all equal -> 1 when the common value is > 0, else 0."""
    lo, hi = col.min(), col.max()
    if hi == lo:
        return pd.Series(1.0 if lo > 0 else 0.0, index=col.index)
    s = (col - lo) / (hi - lo)
    return 1.0 - s if lower_better else s


def recency_score(days: pd.Series) -> pd.Series:
    """Days since the last post -> 1 / 0.75 / 0.5 / 0.25 / 0; NaN (no activity) -> 0."""
    arr = days.to_numpy(dtype=float)
    out = np.zeros(len(arr))
    # Walk the bins from the widest to the narrowest so the tightest bound wins.
    for bound, score in reversed(RECENCY_BINS):
        out[arr <= bound] = score
    return pd.Series(out, index=days.index)


def score_parameter(param: Parameter, raw: pd.Series) -> pd.Series:
    if param.kind == "boolean":
        return (raw > 0).astype(float)
    if param.kind == "number":
        return minmax(raw, lower_better=param.direction == "lower_better")
    if param.kind == "level":
        return raw / float(param.levels or 1)
    if param.kind == "recency":
        return recency_score(raw)
    raise ValueError(f"unknown kind {param.kind!r} of {param.id}")


def parameter_scores(catalog: Catalog, raw: pd.DataFrame) -> pd.DataFrame:
    """s for every scored (non-pilot) parameter: the input's columns, same index."""
    cols = {}
    for ind in catalog.indicators():
        if ind.pilot:
            continue
        for p in ind.parameters:
            cols[p.id] = score_parameter(p, raw[p.id])
    return pd.DataFrame(cols, index=raw.index)
