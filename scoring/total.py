"""Step 5 of the method: the total index is the mean of the five area scores."""

from __future__ import annotations

import pandas as pd


def total_scores(areas: pd.DataFrame) -> pd.Series:
    return areas.mean(axis=1).rename("total")
