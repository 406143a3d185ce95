"""Why a city has its score: value -> s -> indicator raw -> indicator score -> area -> total.

Built from a :class:`ScoreResult` only, so the explanation shows exactly the
numbers the ranking was computed from (unrounded; renderers round).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from sci import cliopts
from sci.errors import DataError, Problem
from scoring.pipeline import ScoreResult


def find_city(result: ScoreResult, city: str) -> str:
    """AGS of a city given by AGS or name (sci.cliopts.find_city, the rule of every --city)."""
    names = {str(a): str(n) for a, n in result.cities["name"].items()}
    return cliopts.find_city(names, city, f"edition {result.edition}")


def _num(v: float) -> float | None:
    return None if math.isnan(v) else float(v)


def _decision(details: pd.DataFrame | None, ags: str, pid: str) -> dict[str, Any]:
    """The decision and evidence URL behind a value (from load.decision_details), if known."""
    if details is None or (ags, pid) not in details.index:
        return {}
    row = details.loc[(ags, pid)]
    return {
        "decision_id": int(row["decision_id"]),
        "action": row["action"],
        "analyst": row["analyst"],
        "evidence_url": row["evidence_url"],
    }


def explain_indicator(
    result: ScoreResult, ags: str, ind_id: str, details: pd.DataFrame | None = None
) -> dict[str, Any]:
    ind = next(i for i in result.catalog.indicators() if i.id == ind_id)
    raw_col, score_col = result.indicator_raw[ind_id], result.indicators[ind_id]
    best, worst = score_col.idxmax(), score_col.idxmin()
    params = [
        {
            "id": p.id,
            "label": p.label,
            "kind": p.kind,
            "weight": p.weight,
            "decided": bool(result.decided.at[ags, p.id]),
            "value": _num(result.raw.at[ags, p.id]),
            "s": float(result.parameters.at[ags, p.id]),
            **_decision(details, ags, p.id),
        }
        for p in ind.parameters
    ]
    out: dict[str, Any] = {
        "id": ind.id,
        "label": ind.label,
        "raw": float(raw_col[ags]),
        "raw_min": float(raw_col.min()),
        "raw_max": float(raw_col.max()),
        "score": float(score_col[ags]),
        "best": {"ags": best, "name": result.cities.at[best, "name"], "score": float(score_col[best])},
        "worst": {"ags": worst, "name": result.cities.at[worst, "name"], "score": float(score_col[worst])},
        "parameters": params,
    }
    if raw_col.min() == raw_col.max():
        out["note"] = (
            "all cities have the same raw value: score "
            + ("100 (raw > 0)" if raw_col.max() > 0 else "0 (raw = 0, e.g. no decided values yet)")
            + "; the indicator still counts in the area's achievable points"
        )
    return out


def explain_city(
    result: ScoreResult, ags: str, area: str | None = None, details: pd.DataFrame | None = None
) -> dict[str, Any]:
    """The whole chain for one city (optionally one area); ``details`` adds decisions and evidence."""
    areas = [a for a in result.catalog.areas if area is None or a.id == area]
    if not areas:
        known = ", ".join(a.id for a in result.catalog.areas)
        raise DataError([Problem("--area", None, f"unknown area {area!r} (one of {known})")])
    out_areas = []
    for a in areas:
        count = a.pilot.parameters[0]
        n = result.raw[count.id]
        inds = [explain_indicator(result, ags, i.id, details) for i in a.regular]
        out_areas.append(
            {
                "id": a.id,
                "label": a.label,
                "score": float(result.areas.at[ags, a.id]),
                "rank": int(result.area_ranks.at[ags, a.id]),
                "indicator_sum": float(sum(i["score"] for i in inds)),
                "bonus": float(result.bonus.at[ags, a.id]),
                "bonus_cap": a.bonus_cap,
                "pilot": {"parameter": count.id, "n": float(n[ags]), "max_n": float(n.max())},
                "achievable": 100.0 * len(inds) + a.bonus_cap,
                "indicators": inds,
            }
        )
    trend = result.trend[ags] if result.trend is not None else None
    return {
        "edition": result.edition,
        "ags": ags,
        "name": result.cities.at[ags, "name"],
        "total": float(result.total[ags]),
        "rank": int(result.rank[ags]),
        "trend": trend,
        "areas_all": {k: float(v) for k, v in result.areas.loc[ags].items()},
        "areas": out_areas,
    }
