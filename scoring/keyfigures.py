"""Key figures from the decided values, as the report states them ("47 % der Städte …").

Sentence templates per indicator are passed in (default :data:`SENTENCES`);
shares are over all cities of the edition, an undecided value counting as "no"
as in the scoring. With a previous edition, each figure carries its change in
percentage points.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from scoring.pipeline import ScoreResult

# Indicator -> sentence; {pct} share in %, {label} the parameter's German label.
SENTENCES: dict[str, str] = {
    "online_services": "{pct} % der Städte bieten die Leistung „{label}“ online an",
    "online_appointments": "{pct} % der Städte bieten {label} an",
}


def shares(result: ScoreResult) -> dict[str, float]:
    """Share (0..1) of cities with each boolean parameter present."""
    return {
        p.id: float((result.raw[p.id] > 0).mean()) for p in result.catalog.parameters() if p.kind == "boolean"
    }


def key_figures(result: ScoreResult, sentences: dict[str, str] = SENTENCES) -> dict[str, Any]:
    now = shares(result)
    before = shares(result.previous) if result.previous is not None else {}
    figures = []
    for p in result.catalog.parameters():
        if p.id not in now:
            continue
        fig: dict[str, Any] = {
            "parameter": p.id,
            "indicator": p.indicator,
            "label": p.label,
            "share": now[p.id],
            "cities": int((result.raw[p.id] > 0).sum()),
            "decided": int(result.decided[p.id].sum()),
        }
        if p.id in before:
            fig["previous_share"] = before[p.id]
            fig["change_points"] = (now[p.id] - before[p.id]) * 100
        template = sentences.get(p.indicator)
        if template:
            fig["sentence"] = template.format(pct=round(now[p.id] * 100), label=p.label)
        figures.append(fig)
    prev = result.previous.edition if result.previous is not None else None
    return {
        "edition": result.edition,
        "previous_edition": prev,
        "cities": len(result.cities),
        "figures": figures,
    }


def markdown(doc: dict[str, Any]) -> str:
    lines = [f"# Kennzahlen Smart City Index {doc['edition']}", ""]
    lines.append(f"Grundlage: entschiedene Werte von {doc['cities']} Städten.")
    if doc["previous_edition"]:
        lines.append(f"Veränderung in Prozentpunkten gegenüber {doc['previous_edition']}.")
    lines.append("")
    for f in doc["figures"]:
        if "sentence" in f:
            change = f" ({f['change_points']:+.0f} Pp.)" if "change_points" in f else ""
            lines.append(f"- {f['sentence']}{change}.")
    lines += ["", "| Parameter | Anteil | Städte | entschieden |", "|---|---:|---:|---:|"]
    for f in doc["figures"]:
        lines.append(f"| {f['label']} | {f['share'] * 100:.0f} % | {f['cities']} | {f['decided']} |")
    return "\n".join(lines) + "\n"


def write_key_figures(result: ScoreResult, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    doc = key_figures(result)
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
