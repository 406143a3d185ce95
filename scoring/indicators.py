"""Step 2 of the method: indicator raw = weighted mean of s; score = 100 · min-max over the cities."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sci.catalog import Catalog


def weight_matrix(catalog: Catalog, columns: pd.Index) -> pd.DataFrame:
    """Parameters × regular indicators, each column's weights summing to 1 (Σ wₚ·sₚ / Σ wₚ)."""
    regular = [i for i in catalog.indicators() if not i.pilot]
    w = pd.DataFrame(0.0, index=columns, columns=[i.id for i in regular])
    for ind in regular:
        total = sum(p.weight for p in ind.parameters)
        for p in ind.parameters:
            w.loc[p.id, ind.id] = p.weight / total
    return w


def indicator_raw(catalog: Catalog, s: pd.DataFrame) -> pd.DataFrame:
    """Cities × regular indicators: Σ wₚ·sₚ / Σ wₚ (one matrix product, exact weights)."""
    w = weight_matrix(catalog, s.columns)
    return pd.DataFrame(s.to_numpy() @ w.to_numpy(), index=s.index, columns=w.columns)


def indicator_scores(raw: pd.DataFrame) -> pd.DataFrame:
    """100 · min-max of each indicator's raw over the cities; all equal -> 100 if raw > 0, else 0."""
    arr = raw.to_numpy(dtype=float)
    lo, hi = arr.min(axis=0), arr.max(axis=0)
    span = hi - lo
    equal = span == 0
    with np.errstate(invalid="ignore", divide="ignore"):
        out = (arr - lo) / np.where(equal, 1.0, span) * 100.0
    out[:, equal] = np.where(lo[equal] > 0, 100.0, 0.0)
    return pd.DataFrame(out, index=raw.index, columns=raw.columns)
