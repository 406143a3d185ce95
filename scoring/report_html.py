"""`sci report`'s HTML: one self-contained file (charts inline as SVG, styles inline, print CSS).

The document model comes from :mod:`scoring.report`; this module only renders
it (German number format, rounding for display) and writes it atomically.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from scoring import charts
from scoring.pipeline import ScoreResult


def de(x: float, places: int = 1) -> str:
    """German decimal comma: 79.2 -> '79,2'."""
    return f"{x:.{places}f}".replace(".", ",")


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("scoring", "templates"), autoescape=select_autoescape(["j2", "html"])
    )
    env.filters["de"] = de
    return env


def figures_svg(result: ScoreResult) -> dict[str, str]:
    """The top-20 figure and each area's top-10 figure as inline SVG."""
    svgs = {"top": charts.svg_text(charts.top_figure(result))}
    for a in result.catalog.areas:
        svgs[a.id] = charts.svg_text(charts.area_figure(result, a.id, a.label))
    return svgs


def render(doc: dict[str, Any], svgs: dict[str, str], today: date | None = None) -> str:
    return _env().get_template("report.html.j2").render(
        doc=doc, svgs=svgs, today=(today or date.today()).strftime("%d.%m.%Y")
    )


def write(html: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, path)
    return path
