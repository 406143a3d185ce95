"""The method end to end: tables in -> tables out, every intermediate kept for explaining.

``values`` is the long table of decided values (ags, parameter, value[, where]);
``where`` names the origin of a row (``file.csv:12`` or ``decision #7``) so a bad
value is reported where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sci.catalog import Catalog
from sci.errors import DataError, Problem
from sci.panels import META_PREFIX
from scoring.areas import area_scores
from scoring.indicators import indicator_raw, indicator_scores
from scoring.parameters import ValueProblem, coerce_value, parameter_scores
from scoring.pilots import pilot_bonus
from scoring.ranks import area_trends, ranks, trends
from scoring.total import total_scores


@dataclass
class ScoreResult:
    edition: int
    catalog: Catalog
    cities: pd.DataFrame  # index ags: name
    raw: pd.DataFrame  # cities × parameters (numeric raw values, absent encoded)
    decided: pd.DataFrame  # cities × parameters: True where a decision exists
    parameters: pd.DataFrame  # cities × regular parameters: s
    indicator_raw: pd.DataFrame
    indicators: pd.DataFrame
    bonus: pd.DataFrame  # cities × areas
    areas: pd.DataFrame
    area_ranks: pd.DataFrame
    total: pd.Series
    rank: pd.Series
    trend: pd.Series | None
    # The previous edition's result when it was scored for the trend (key-figure changes).
    previous: ScoreResult | None = None

    def ranked(self) -> pd.Index:
        """Cities with at least one decided value: only their ranks mean anything for a trend."""
        return self.cities.index[self.decided.any(axis=1).to_numpy()]

    def area_trends(self) -> pd.DataFrame | None:
        """Trend arrow per city and area against the previous edition (cities it ranked)."""
        if self.previous is None:
            return None
        prev = self.previous
        return area_trends(self.area_ranks, prev.area_ranks.loc[prev.ranked()])

    def ranking(self) -> pd.DataFrame:
        """The ranking table, best first (ties keep registry order)."""
        df = pd.DataFrame({"name": self.cities["name"], "total": self.total, "rank": self.rank})
        if self.trend is not None:
            df["trend"] = self.trend
        return df.join(self.areas).sort_values("rank", kind="stable")

    def to_json(self) -> dict[str, object]:
        """The JSON contract other tools rely on; unrounded floats."""
        out = []
        for ags, row in self.ranking().iterrows():
            city: dict[str, object] = {
                "ags": ags,
                "name": row["name"],
                "total": float(row["total"]),
                "rank": int(row["rank"]),
            }
            if self.trend is not None:
                city["trend"] = self.trend[ags]
            city["areas"] = {a: float(v) for a, v in self.areas.loc[ags].items()}
            city["indicators"] = {i: float(v) for i, v in self.indicators.loc[ags].items()}
            out.append(city)
        return {"edition": self.edition, "cities": out}


def cities_frame(records: list[tuple[str, str]]) -> pd.DataFrame:
    """Cities table of the pipeline from (ags, name) pairs in registry order."""
    index = pd.Index([a for a, _ in records], name="ags")
    return pd.DataFrame({"name": [n for _, n in records]}, index=index)


def raw_table(
    catalog: Catalog, cities: pd.DataFrame, values: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Long decided values -> (numeric wide table, decided mask); absent = false / 0 / no activity."""
    params = {p.id: p for p in catalog.parameters()}
    tracked = {p.id for p in catalog.tracked}
    col = {pid: j for j, pid in enumerate(params)}
    arr = np.zeros((len(cities), len(col)))
    for pid, p in params.items():
        if p.kind == "recency":
            arr[:, col[pid]] = np.nan
    decided = np.zeros_like(arr, dtype=bool)
    problems: list[Problem] = []
    where = values["where"] if "where" in values else pd.Series("values", index=values.index)
    # Row positions for all values at once; -1 marks a city outside the edition.
    positions = pd.Series(cities.index.get_indexer(values["ags"]), index=values.index)
    for row in positions.index[positions.to_numpy() < 0]:
        ags = values.at[row, "ags"]
        problems.append(Problem(str(where[row]), None, f"city {ags} is not in this edition"))
    for pid, group in values.groupby("parameter", sort=False):
        if pid in tracked or pid.startswith(META_PREFIX):
            continue  # recorded, never scored (meta.*: facts about the municipality, e.g. its website)
        if pid not in params:
            problems.append(Problem(str(where[group.index[0]]), None, f"unknown parameter {pid!r}"))
            continue
        p, j = params[pid], col[pid]
        rows = positions[group.index].to_numpy()
        ok = rows >= 0
        try:
            coerced = [coerce_value(p, v) for v in group["value"]]
        except ValueProblem:  # slow path only to name every bad row
            coerced = []
            for row, ags, value in zip(group.index, group["ags"], group["value"], strict=True):
                try:
                    coerced.append(coerce_value(p, value))
                except ValueProblem as e:
                    problems.append(Problem(str(where[row]), None, f"{ags} {pid}: {e}"))
                    coerced.append(0.0)
        arr[rows[ok], j] = np.asarray(coerced, dtype=float)[ok]
        decided[rows[ok], j] = True
    if problems:
        raise DataError(problems)
    return (
        pd.DataFrame(arr, index=cities.index, columns=list(col)),
        pd.DataFrame(decided, index=cities.index, columns=list(col)),
    )


def score(
    catalog: Catalog,
    cities: pd.DataFrame,
    values: pd.DataFrame,
    previous_ranks: pd.Series | None = None,
    edition: int = 0,
) -> ScoreResult:
    """Score one edition over its cities (index ags, column name)."""
    raw, decided = raw_table(catalog, cities, values)
    s = parameter_scores(catalog, raw)
    ind_raw = indicator_raw(catalog, s)
    ind = indicator_scores(ind_raw)
    bonus = pilot_bonus(catalog, raw)
    areas = area_scores(catalog, ind, bonus)
    total = total_scores(areas)
    rank = ranks(total)
    return ScoreResult(
        edition=edition,
        catalog=catalog,
        cities=cities,
        raw=raw,
        decided=decided,
        parameters=s,
        indicator_raw=ind_raw,
        indicators=ind,
        bonus=bonus,
        areas=areas,
        area_ranks=areas.apply(ranks),
        total=total,
        rank=rank,
        trend=trends(rank, previous_ranks) if previous_ranks is not None else None,
    )
