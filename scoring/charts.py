"""Charts as PNG and SVG (matplotlib, Agg): top 20 like the report's figure 1, each area's
top 10, and a city's profile across the five areas."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: no display on the server or in CI
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from scoring.pipeline import ScoreResult  # noqa: E402


def _save(fig: plt.Figure, out: Path, stem: str) -> list[Path]:
    paths = [out / f"{stem}.png", out / f"{stem}.svg"]
    for p in paths:
        fig.savefig(p, dpi=120, bbox_inches="tight")
    plt.close(fig)
    return paths


def svg_text(fig: plt.Figure) -> str:
    """The figure as an inline ``<svg>`` element (no XML prolog), for self-contained HTML."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]


def _bars(
    scores: pd.Series, names: pd.Series, ranks: pd.Series, title: str, trend: pd.Series | None = None
) -> plt.Figure:
    """Horizontal bars, best on top; labels show the rank (and trend arrow) and the score."""
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(scores) + 1.2))
    arrow = (lambda a: f" {trend[a]}") if trend is not None else (lambda a: "")
    labels = [f"{int(ranks[a])}. {names[a]}{arrow(a)}" for a in scores.index]
    ax.barh(range(len(scores)), scores.to_numpy(), color="#1f5fa8")
    ax.set_yticks(range(len(scores)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    for y, v in enumerate(scores.to_numpy()):
        ax.text(v + 0.5, y, f"{v:.1f}".replace(".", ","), va="center", fontsize=8)  # German comma
    ax.set_title(title)
    ax.set_xlabel("Punkte (von 100)")
    return fig


def top_figure(result: ScoreResult, n: int = 20) -> plt.Figure:
    order = result.ranking().head(n)
    return _bars(
        order["total"], result.cities["name"], result.rank, f"Smart City Index {result.edition}: Top {n}",
        result.trend,
    )


def area_figure(result: ScoreResult, area: str, label: str, n: int = 10) -> plt.Figure:
    col = result.areas[area].sort_values(ascending=False, kind="stable").head(n)
    trend = result.area_trends()
    return _bars(col, result.cities["name"], result.area_ranks[area], f"{label}: Top {n}",
                 trend[area] if trend is not None else None)


def top(result: ScoreResult, out: Path, n: int = 20) -> list[Path]:
    return _save(top_figure(result, n), out, f"top{n}")


def area_top(result: ScoreResult, out: Path, n: int = 10) -> list[Path]:
    paths = []
    for a in result.catalog.areas:
        paths += _save(area_figure(result, a.id, a.label, n), out, f"area_{a.id}_top{n}")
    return paths


def profile(result: ScoreResult, ags: str, out: Path) -> list[Path]:
    """A city's five area scores next to the edition's mean."""
    labels = [a.label for a in result.catalog.areas]
    city = result.areas.loc[ags].to_numpy()
    mean = result.areas.mean().to_numpy()
    fig, ax = plt.subplots(figsize=(8, 4))
    xs = range(len(labels))
    ax.bar([x - 0.2 for x in xs], city, width=0.4, label=result.cities.at[ags, "name"], color="#1f5fa8")
    ax.bar([x + 0.2 for x in xs], mean, width=0.4, label="Durchschnitt", color="#b0b0b0")
    ax.set_xticks(list(xs), labels, rotation=15)
    ax.set_ylim(0, 100)
    ax.legend()
    ax.set_title(f"{result.cities.at[ags, 'name']}: Gesamt {result.total[ags]:.1f} (Rang {result.rank[ags]})")
    return _save(fig, out, f"profile_{ags}")


def write_charts(result: ScoreResult, out: Path, cities: list[str] | None = None) -> list[Path]:
    """Top 20, area top 10s and profiles of ``cities`` (default: the top 3)."""
    out.mkdir(parents=True, exist_ok=True)
    chosen = cities or list(result.ranking().index[:3])
    return top(result, out) + area_top(result, out) + [p for a in chosen for p in profile(result, a, out)]
