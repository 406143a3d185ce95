"""Step 4 of the method: area score = (Σ regular indicator scores + bonus) / (100·k + cap) · 100."""

from __future__ import annotations

import pandas as pd

from sci.catalog import Catalog


def area_scores(catalog: Catalog, indicators: pd.DataFrame, bonus: pd.DataFrame) -> pd.DataFrame:
    cols = {}
    for area in catalog.areas:
        ids = [i.id for i in area.regular]
        achievable = 100.0 * len(ids) + area.bonus_cap
        cols[area.id] = (indicators[ids].sum(axis=1) + bonus[area.id]) / achievable * 100.0
    return pd.DataFrame(cols, index=indicators.index)
