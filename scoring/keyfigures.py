"""Key figures from the decided values, as the report states them ("47 % der Städte …").

Every figure is computed over the cities *with a decided value* for its
parameter and names that denominator: with 6 of 81 cities decided, "50 %"
means 3 of those 6, never 3 of 81. Yes/no parameters give a share, numeric
ones (charging points per km², app ratings …) a mean and median in their
unit, levels a distribution. With a previous edition that has decided values
for the same parameter, each figure carries its change (percentage points for
shares, the unit for numbers).

Sentence templates per indicator are data (``data/report/keyfigures.yaml``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from sci.catalog import Parameter
from sci.yamlfile import load_yaml
from scoring.pipeline import ScoreResult

SENTENCES_FILE = Path("report") / "keyfigures.yaml"


def load_sentences(data_dir: Path) -> dict[str, Any]:
    """``{"share": {indicator: template}, "number": {...}, "featured": [parameter ids]}``."""
    path = data_dir / SENTENCES_FILE
    doc = load_yaml(path) if path.exists() else {}
    return {k: v for k, v in (doc or {}).items() if not k.startswith("__")}


def _decided(result: ScoreResult, pid: str) -> pd.Series:
    return result.raw.loc[result.decided[pid], pid]


def _fmt(x: float) -> str:
    """German decimal comma, two places at most, no trailing zeros."""
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def figure(result: ScoreResult, p: Parameter) -> dict[str, Any] | None:
    """One parameter's figure over the cities with a decided value; None when nothing is decided."""
    vals = _decided(result, p.id)
    if vals.empty or p.kind == "recency":
        return None
    fig: dict[str, Any] = {
        "parameter": p.id, "indicator": p.indicator, "area": p.area, "label": p.label,
        "kind": p.kind, "unit": p.unit, "decided": len(vals), "cities_total": len(result.cities),
    }
    if p.kind == "boolean":
        fig["cities"] = int((vals > 0).sum())
        fig["share"] = fig["cities"] / len(vals)
    elif p.kind == "number":
        fig["mean"] = float(vals.mean())
        fig["median"] = float(vals.median())
        fig["min"] = float(vals.min())
        fig["max"] = float(vals.max())
    else:  # level: how many decided cities stand at each level
        fig["levels"] = {str(int(k)): int(v) for k, v in vals.value_counts().sort_index().items()}
        fig["mean"] = float(vals.mean())
    return fig


def _change(fig: dict[str, Any], before: dict[str, Any] | None) -> None:
    if before is None:
        return
    if "share" in fig:
        fig["previous_share"] = before["share"]
        fig["previous_decided"] = before["decided"]
        fig["change_points"] = (fig["share"] - before["share"]) * 100
    elif fig["kind"] == "number":
        fig["previous_mean"] = before["mean"]
        fig["previous_decided"] = before["decided"]
        fig["change"] = fig["mean"] - before["mean"]


def sentence(fig: dict[str, Any], templates: dict[str, Any]) -> str:
    """The report's sentence for a figure, always naming its denominator."""
    basis = f"{fig['decided']} Städte mit entschiedenem Wert"
    if "share" in fig:
        tpl = (templates.get("share") or {}).get(fig["indicator"]) or "{pct} % der Städte: {label}"
        text = tpl.format(pct=round(fig["share"] * 100), label=fig["label"])
        text += f" ({fig['cities']} von {fig['decided']} Städten mit entschiedenem Wert)"
        if "change_points" in fig:
            text += f"; {fig['change_points']:+.0f} Prozentpunkte gegenüber dem Vorjahr"
        return text + "."
    if fig["kind"] == "number":
        unit = f" {fig['unit']}" if fig.get("unit") else ""
        tpl = (templates.get("number") or {}).get(fig["indicator"]) or "{label}: im Mittel {mean}{unit}"
        text = tpl.format(mean=_fmt(fig["mean"]), median=_fmt(fig["median"]), unit=unit, label=fig["label"])
        text += f" (Median {_fmt(fig['median'])}{unit}; {basis})"
        if "change" in fig:
            sign = "+" if fig["change"] >= 0 else "−"
            text += f"; {sign}{_fmt(abs(fig['change']))}{unit} gegenüber dem Vorjahr"
        return text + "."
    dist = ", ".join(f"Stufe {k}: {v}" for k, v in fig["levels"].items())
    return f"{fig['label']}: {dist} ({basis})."


def key_figures(result: ScoreResult, templates: dict[str, Any] | None = None) -> dict[str, Any]:
    templates = templates or {}
    figures = []
    for p in result.catalog.parameters():
        fig = figure(result, p)
        if fig is None:
            continue
        prev = result.previous
        if prev is not None and p.id in prev.decided.columns:
            _change(fig, figure(prev, p))
        fig["sentence"] = sentence(fig, templates)
        figures.append(fig)
    featured = [f for pid in templates.get("featured") or [] for f in figures if f["parameter"] == pid]
    decided_cities = int(result.decided.any(axis=1).sum())
    return {
        "edition": result.edition,
        "previous_edition": result.previous.edition if result.previous is not None else None,
        "cities": len(result.cities),
        "cities_with_decisions": decided_cities,
        "figures": figures,
        "featured": [f["parameter"] for f in featured],
    }


def markdown(doc: dict[str, Any]) -> str:
    lines = [f"# Kennzahlen Smart City Index {doc['edition']}", ""]
    lines.append(
        f"Grundlage: entschiedene Werte; {doc['cities_with_decisions']} von {doc['cities']} Städten "
        "haben mindestens einen entschiedenen Wert. Jede Kennzahl nennt ihre Grundgesamtheit."
    )
    if doc["previous_edition"]:
        lines.append(f"Veränderung gegenüber {doc['previous_edition']} (soweit dort entschieden).")
    lines.append("")
    lines += [f"- {f['sentence']}" for f in doc["figures"]]
    lines += ["", "| Parameter | Wert | Städte mit entschiedenem Wert |", "|---|---:|---:|"]
    for f in doc["figures"]:
        if "share" in f:
            value = f"{f['share'] * 100:.0f} % ({f['cities']})"
        elif "median" in f:
            value = f"Mittel {_fmt(f['mean'])}, Median {_fmt(f['median'])}"
        else:
            value = ", ".join(f"{k}: {v}" for k, v in f["levels"].items())
        lines.append(f"| {f['label']} | {value} | {f['decided']} |")
    return "\n".join(lines) + "\n"


def write_key_figures(result: ScoreResult, out: Path, templates: dict[str, Any] | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    doc = key_figures(result, templates)
    paths = []
    for name, text in (
        ("keyfigures.json", json.dumps(doc, ensure_ascii=False, indent=1)),
        ("keyfigures.md", markdown(doc)),
    ):
        tmp = out / (name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out / name)
        paths.append(out / name)
    return paths
