"""Step 6 of the method: ranks (descending, ties share the best rank) and trend arrows."""

from __future__ import annotations

import pandas as pd

NOT_RANKED = "n.a."


def ranks(scores: pd.Series) -> pd.Series:
    """1, 2, 2, 4: competition ranking on exact values (no rounding inside the method)."""
    return scores.rank(ascending=False, method="min").astype(int)


def trend_arrow(rank: int, previous: int | None) -> str:
    """Arrow for a rank change: positive = climbed (previous rank − current rank)."""
    if previous is None:
        return NOT_RANKED
    delta = previous - rank
    if delta == 0:
        return "→"
    if delta > 0:
        return "↑" if delta >= 6 else "↗"
    return "↓" if delta <= -6 else "↘"


def trends(current: pd.Series, previous: pd.Series | None) -> pd.Series:
    """Arrow per city; cities missing in the previous edition's ranks get n.a."""
    prev = previous if previous is not None else pd.Series(dtype=int)
    return pd.Series(
        [trend_arrow(int(r), int(prev[a]) if a in prev.index else None) for a, r in current.items()],
        index=current.index,
        name="trend",
    )


def area_trends(area_ranks: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame | None:
    """Arrow per city and area against the previous edition's area ranks (None without one)."""
    if previous is None:
        return None
    return pd.DataFrame(
        {a: trends(area_ranks[a], previous[a] if a in previous.columns else None) for a in area_ranks.columns}
    )
