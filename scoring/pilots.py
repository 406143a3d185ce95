"""Step 3 of the method: bonus points for further pilot projects, cap · n / max(n)."""

from __future__ import annotations

import pandas as pd

from sci.catalog import Catalog


def pilot_bonus(catalog: Catalog, raw: pd.DataFrame) -> pd.DataFrame:
    """Cities × areas: each area's bonus from its pilot indicator's count parameter.

    The count n is the pilot indicator's single parameter; 0 for all when nobody
    reported a pilot (max 0) rather than a division by zero.
    """
    cols = {}
    for area in catalog.areas:
        n = raw[area.pilot.parameters[0].id].astype(float)
        top = n.max()
        cols[area.id] = area.bonus_cap * n / top if top > 0 else n * 0.0
    return pd.DataFrame(cols, index=raw.index)
