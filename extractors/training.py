"""`sci train` and `sci eval --calibration`: fit the confidence estimate and the learned filter on the dev
split, measure both out of sample by site-grouped cross-validation.

Only the real-web dev split is ever trained on; the locked test split is only
measured. The dev split's reliability is always the cross-validated one
(:mod:`extractors.crossval`): measured on the cases it was fitted on, it
would say nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractors import calibration, crossval, learned
from extractors.corpus import SETS, load_corpus
from extractors.evaluate import Judged, judge
from sci.errors import DataError, Problem


def reliability_tables(names: list[tuple[str, Path]], data_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Set name -> reliability rows of its scored predictions: the dev split cross-validated (a model per
    fold that never saw the fold's sites), every other set under the stored model."""
    out = {}
    for name, folder in names:
        pages = load_corpus(folder) if folder.is_dir() else []
        if not pages:
            continue
        if folder == SETS["dev"]:
            out[f"{name} (site-grouped {crossval.FOLDS}-fold CV)"] = crossval.cv_report(
                judge(pages, data_dir, calibrated=False))["reliability"]
        else:
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


def _bands(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {r["bin"]: {"count": r["count"], "share_right": r["accuracy"]} for r in rows if r["bin"][0] == ">"}


def train(data_dir: Path, dev: Path = SETS["dev"]) -> dict[str, Any]:
    """Fit the confidence estimate and the learned filter on the dev split (raw rules, nothing stored
    applied) and write both; returns the confidence manifest."""
    pages = load_corpus(dev) if dev.is_dir() else []
    if not pages:
        raise DataError([Problem(str(dev), None, "no dev cases to train on")])
    judged: list[Judged] = judge(pages, data_dir, calibrated=False)
    scored = [j for j in judged if j.scored]
    files = [p for p in dev.iterdir() if p.suffix in (".yaml", ".html")]
    data = {"trained_on": f"tests/extractors/realcorpus/{dev.name}", "cases": len(pages),
            "sites": len({j.site for j in scored}), "predictions": len(scored),
            "right": sum(j.right for j in scored), "data_sha256": calibration.files_hash(files)}
    cv = crossval.cv_report(judged)
    manifest = {**data, "model": f"site-weighted Beta buckets (strength {calibration.STRENGTH}, "
                                 f"quantile {calibration.QUANTILE})",
                "cv": {"folds": cv["folds"], "bands": _bands(cv["reliability"]),
                       "bulk_target": cv["bulk_target"], "bulk": cv["bulk_threshold"]}}
    model = calibration.fit(((j.signals, j.right, j.site) for j in scored if j.signals), manifest=manifest)
    calibration.save(calibration.calibration_path(data_dir), model)
    comparison = crossval.compare_filter(judged)
    flt = learned.fit(judged)
    learned.save(learned.learned_path(data_dir), learned.Filter(
        flt.vocabulary, flt.weights, flt.intercept, enabled=comparison["beats_rules"],
        manifest={**data, "model": f"LogisticRegression(C={learned.C}, lbfgs)", "cv": comparison}))
    return manifest | {"filter": comparison}
