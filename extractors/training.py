"""`sci train` and `sci eval --calibration`: fit the confidence map on the dev split, measure its reliability.

Only the real-web dev split is ever trained on; the locked test split is only
measured. Analyst decisions can join the training data later through
:func:`fit_rows` (any (features, right) rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from extractors import calibration
from extractors.corpus import SETS, load_corpus
from extractors.evaluate import Judged, judge
from sci.errors import DataError, Problem


def reliability_tables(names: list[tuple[str, Path]], data_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Set name -> reliability rows of its scored predictions (calibrated confidences)."""
    out = {}
    for name, folder in names:
        pages = load_corpus(folder) if folder.is_dir() else []
        if pages:
            judged = [j for j in judge(pages, data_dir) if j.scored]
            out[name] = calibration.reliability((j.confidence, j.right) for j in judged)
    return out


def plot_reliability(tables: dict[str, list[dict[str, Any]]], path: Path) -> None:
    """Reliability diagram (mean confidence vs share right per bin, one line per set) as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], ls="--", color="grey", label="perfect")
    for name, rows in tables.items():
        pts = [(r["mean_confidence"], r["accuracy"], r["count"]) for r in rows
               if r["mean_confidence"] is not None]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=name)
        for x, y, n in pts:
            ax.annotate(str(n), (x, y), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set(xlabel="mean confidence", ylabel="share right", xlim=(0, 1.02), ylim=(0, 1.02),
           title="Reliability of finding confidence")
    ax.legend(loc="lower right")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def fit_rows(rows: Iterable[tuple[Mapping[str, float], bool]], data_dir: Path,
             manifest: dict[str, Any]) -> None:
    """Fit and write the confidence model from (features, right) rows — judged corpus predictions now,
    analysts' decisions on candidates later."""
    calibration.save(calibration.calibration_path(data_dir), calibration.fit(list(rows)), manifest)


def train(data_dir: Path, dev: Path = SETS["dev"]) -> dict[str, Any]:
    """Fit the confidence model on the dev split (raw scores) and write it; returns its manifest."""
    pages = load_corpus(dev) if dev.is_dir() else []
    if not pages:
        raise DataError([Problem(str(dev), None, "no dev cases to train on")])
    judged: list[Judged] = [j for j in judge(pages, data_dir, calibrated=False) if j.scored]
    files = [p for p in dev.iterdir() if p.suffix in (".yaml", ".html")]
    manifest = {"trained_on": f"tests/extractors/realcorpus/{dev.name}", "cases": len(pages),
                "predictions": len(judged), "right": sum(j.right for j in judged),
                "data_sha256": calibration.files_hash(files), "model": "LogisticRegression(C=1.0, lbfgs)"}
    fit_rows(((j.features, j.right) for j in judged), data_dir, manifest)
    return manifest
