"""Ranks (1, 2, 2, 4) and trend arrows with the report's thresholds."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.ranks import ranks, trend_arrow, trends


def test_ties_share_the_best_rank() -> None:
    assert ranks(pd.Series([90.0, 80.0, 80.0, 70.0])).tolist() == [1, 2, 2, 4]


@pytest.mark.parametrize(
    ("rank", "previous", "arrow"),
    [
        (5, 5, "→"),
        (4, 5, "↗"),
        (1, 6, "↗"),
        (1, 7, "↑"),
        (6, 5, "↘"),
        (10, 5, "↘"),
        (11, 5, "↓"),
        (3, None, "n.a."),
    ],
)
def test_arrow_thresholds(rank: int, previous: int | None, arrow: str) -> None:
    assert trend_arrow(rank, previous) == arrow


@given(st.integers(1, 90), st.integers(1, 90))
def test_arrow_matches_the_change(rank: int, previous: int) -> None:
    delta = previous - rank
    expected = (
        "→" if delta == 0 else ("↑" if delta >= 6 else "↗") if delta > 0 else ("↓" if delta <= -6 else "↘")
    )
    assert trend_arrow(rank, previous) == expected


def test_trends_mark_new_cities() -> None:
    current = pd.Series({"a": 1, "b": 2})
    assert trends(current, pd.Series({"a": 2})).tolist() == ["↗", "n.a."]
