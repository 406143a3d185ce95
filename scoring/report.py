"""The published report's content (chapters 1–2 of the Smart City Index) as one plain document.

Tables in, a dict out: the top-20 ranking, per area the top 10 with trend
arrows, key figures with year-over-year changes, a method box and a coverage
box. Every number is taken unrounded from the :class:`ScoreResult` that
``sci score --json`` prints, so the report cannot disagree with the scores;
rounding happens only in the template. ``report_html`` renders it,
``report_pdf`` prints it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from scoring import keyfigures
from scoring.pipeline import ScoreResult

# Decision actions as the coverage box names them (the rest are analyst decisions).
CARRIED = "auto_confirm"
IMPORTED = "import"


def coverage_box(result: ScoreResult, details: pd.DataFrame | None) -> dict[str, int]:
    """Cities × scored parameters: decided (by analysts), carried over, imported, missing."""
    scored = [p.id for p in result.catalog.parameters()]
    decided = result.decided[scored]
    total = decided.size
    n_decided = int(decided.to_numpy().sum())
    actions = pd.Series(dtype=str)
    if details is not None and not details.empty:
        keys = details.index.get_level_values("parameter").isin(scored)
        actions = details.loc[keys, "action"]
    carried = int((actions == CARRIED).sum())
    imported = int((actions == IMPORTED).sum())
    return {
        "cities": len(result.cities),
        "parameters": len(scored),
        "pairs": total,
        "decided": n_decided,
        "by_analysts": n_decided - carried - imported if details is not None else n_decided,
        "carried_over": carried,
        "imported": imported,
        "missing": total - n_decided,
        "cities_with_values": len(result.ranked()),
    }


def _row(result: ScoreResult, ags: str, score: float, rank: int, trend: str | None) -> dict[str, Any]:
    return {"ags": ags, "name": str(result.cities.at[ags, "name"]), "score": float(score),
            "rank": int(rank), "trend": trend}


def top_rows(result: ScoreResult, n: int = 20) -> list[dict[str, Any]]:
    rows = []
    for ags, r in result.ranking().head(n).iterrows():
        trend = str(result.trend[ags]) if result.trend is not None else None
        rows.append(_row(result, str(ags), r["total"], r["rank"], trend))
    return rows


def area_rows(result: ScoreResult, n: int = 10) -> list[dict[str, Any]]:
    trends = result.area_trends()
    areas = []
    for a in result.catalog.areas:
        col = result.areas[a.id].sort_values(ascending=False, kind="stable").head(n)
        rows = [
            _row(result, str(ags), v, result.area_ranks.at[ags, a.id],
                 str(trends.at[ags, a.id]) if trends is not None else None)
            for ags, v in col.items()
        ]
        areas.append({"id": a.id, "label": a.label, "bonus_cap": a.bonus_cap, "rows": rows})
    return areas


def method_box(result: ScoreResult) -> dict[str, Any]:
    cat = result.catalog
    indicators = list(cat.indicators())
    return {
        "areas": len(cat.areas),
        "indicators": len(indicators),
        "parameters": len(list(cat.parameters())),
        "cities": len(result.cities),
        "previous_edition": result.previous.edition if result.previous is not None else None,
    }


def build(result: ScoreResult, templates: dict[str, Any], details: pd.DataFrame | None) -> dict[str, Any]:
    """The whole report as data (JSON-serialisable)."""
    figures = keyfigures.key_figures(result, templates)
    by_id = {f["parameter"]: f for f in figures["figures"]}
    featured = [by_id[p] for p in figures["featured"]]
    rest = [f for f in figures["figures"] if f["parameter"] not in set(figures["featured"])]
    return {
        "edition": result.edition,
        "previous_edition": figures["previous_edition"],
        "top": top_rows(result),
        "areas": area_rows(result),
        "key_figures": featured or rest[:12],
        "more_figures": rest if featured else rest[12:],
        "method": method_box(result),
        "coverage": coverage_box(result, details),
        "scores": result.to_json(),
    }
