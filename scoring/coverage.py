"""Coverage: which scored parameters of which city have no decision (and so count as absent)."""

from __future__ import annotations

import pandas as pd

from scoring.pipeline import ScoreResult


def missing(result: ScoreResult) -> pd.DataFrame:
    """One row per (city, scored parameter) without a decision."""
    labels = {p.id: (p.label, p.indicator) for p in result.catalog.parameters()}
    undecided = ~result.decided
    stacked = undecided.stack()
    pairs = stacked[stacked].index
    return pd.DataFrame(
        {
            "ags": [a for a, _ in pairs],
            "name": [result.cities.at[a, "name"] for a, _ in pairs],
            "parameter": [p for _, p in pairs],
            "indicator": [labels[p][1] for _, p in pairs],
            "label": [labels[p][0] for _, p in pairs],
        }
    )


def per_city(result: ScoreResult) -> pd.DataFrame:
    """Decided / missing counts per city, worst covered first."""
    decided = result.decided.sum(axis=1)
    total = result.decided.shape[1]
    df = pd.DataFrame(
        {"name": result.cities["name"], "decided": decided, "missing": total - decided, "parameters": total}
    )
    return df.sort_values(["missing", "name"], ascending=[False, True])


def empty_indicators(result: ScoreResult) -> list[str]:
    """Indicators no city has any decision for: they score 0 everywhere but count in the area."""
    out = []
    for ind in result.catalog.indicators():
        if not result.decided[[p.id for p in ind.parameters]].to_numpy().any():
            out.append(ind.id)
    return out
