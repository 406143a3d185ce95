"""Tables to files: rankings, area rankings, indicators, parameter values (CSV + one XLSX).

Every file is written to a temporary name and moved into place, so an
interrupted export never leaves a half-written table behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from sci.cells import csv_frame, protect_sheet
from scoring.pipeline import ScoreResult


def rankings_table(result: ScoreResult) -> pd.DataFrame:
    df = result.ranking().rename(columns={a.id: a.label for a in result.catalog.areas})
    return df.reset_index()


def areas_table(result: ScoreResult) -> pd.DataFrame:
    """Long: one row per (area, city) with score, rank within the area and trend, best first."""
    frames = []
    trend = result.area_trends()
    for a in result.catalog.areas:
        frames.append(
            pd.DataFrame(
                {
                    "area": a.id,
                    "area_label": a.label,
                    "ags": result.cities.index,
                    "name": result.cities["name"].to_numpy(),
                    "score": result.areas[a.id].to_numpy(),
                    "bonus": result.bonus[a.id].to_numpy(),
                    "rank": result.area_ranks[a.id].to_numpy(),
                    **({"trend": trend[a.id].to_numpy()} if trend is not None else {}),
                }
            ).sort_values("rank", kind="stable")
        )
    return pd.concat(frames, ignore_index=True)


def indicators_table(result: ScoreResult) -> pd.DataFrame:
    labels = {i.id: (i.label, i.area) for i in result.catalog.indicators()}
    raw = result.indicator_raw.stack().rename("raw")
    score = result.indicators.stack().rename("score")
    df = pd.concat([raw, score], axis=1).reset_index()
    df.columns = ["ags", "indicator", "raw", "score"]
    df.insert(1, "name", df["ags"].map(result.cities["name"]))
    df.insert(2, "area", df["indicator"].map(lambda i: labels[i][1]))
    df.insert(4, "label", df["indicator"].map(lambda i: labels[i][0]))
    return df


def parameters_table(result: ScoreResult, details: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every (city, scored parameter): raw value, s, and the decision + evidence behind it."""
    s = result.parameters
    rows = []
    for p in result.catalog.parameters():
        for ags in result.cities.index:
            rows.append(
                {
                    "ags": ags,
                    "name": result.cities.at[ags, "name"],
                    "parameter": p.id,
                    "label": p.label,
                    "kind": p.kind,
                    "decided": bool(result.decided.at[ags, p.id]),
                    "value": result.raw.at[ags, p.id],
                    "s": s.at[ags, p.id] if p.id in s.columns else None,  # pilot counts feed the bonus
                }
            )
    df = pd.DataFrame(rows)
    if details is not None and not details.empty:
        df = df.join(details, on=["ags", "parameter"])
    else:
        for col in ("decision_id", "action", "analyst", "evidence_url"):
            df[col] = None
    return df


def _atomic(path: Path, write: object) -> None:
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)  # type: ignore[operator]
    os.replace(tmp, path)


def write_tables(result: ScoreResult, out: Path, details: pd.DataFrame | None = None) -> list[Path]:
    """rankings/areas/indicators/parameters as CSV and sheets of one ``index.xlsx``."""
    out.mkdir(parents=True, exist_ok=True)
    tables = {
        "rankings": rankings_table(result),
        "areas": areas_table(result),
        "indicators": indicators_table(result),
        "parameters": parameters_table(result, details),
    }
    written = []
    for name, df in tables.items():
        path = out / f"{name}.csv"
        _atomic(path, lambda p, df=df: csv_frame(df).to_csv(p, index=False))
        written.append(path)

    def workbook(p: Path) -> None:
        with pd.ExcelWriter(p, engine="openpyxl") as xw:
            for name, df in tables.items():
                df.to_excel(xw, sheet_name=name, index=False)
                protect_sheet(xw.sheets[name])  # analyst names and notes stay text

    xlsx = out / "index.xlsx"
    tmp = out / "index.tmp.xlsx"  # openpyxl wants the .xlsx suffix
    workbook(tmp)
    os.replace(tmp, xlsx)
    written.append(xlsx)
    return written
