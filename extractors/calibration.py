"""Confidence as a probability: a small logistic model of how often a page-level finding is right.

The rules' raw scores rank findings within one detector but say little
across them (a composed cue on a heading's subject is not as sure as an
explicit cue naming its office). So the confidence of an aggregated finding
is fitted: a logistic regression (scikit-learn, fixed solver, no randomness)
over a few features of the aggregate — detector family, polarity, the raw
score, whether other findings contradict it, how many support it, and the
kind of rule and scope behind its best evidence ("composed@clause",
"restricted@scope" …, :attr:`extractors.base.Finding.rule`). Logistic
regression is Platt scaling with extra inputs, so its output is the
probability. It is fitted only on the real-web dev split by `sci train`
(never on the locked test split) and stored as data
(``data/calibration/confidence.yaml``: feature names, weights, the hash of the
training cases). The rules stay the explanation in the evidence; the model
only says how sure to be.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from extractors.aggregate import Aggregate
from sci.errors import DataError, Problem

# the statement reader's detectors; the named-things detectors share one family (too few cases each)
FAMILIES = ("online_services", "appointments", "e_payment")
KINDS = ("explicit", "composed", "negated", "restricted", "planned", "form", "booking", "document")
WHERE = ("clause", "sentence", "intro", "scope", "statement", "topic", "page")
BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)


def calibration_path(data_dir: Path) -> Path:
    return Path(data_dir) / "calibration" / "confidence.yaml"


def features(agg: Aggregate) -> dict[str, float]:
    """The model's inputs for one aggregated finding (raw confidences, before calibration)."""
    best = agg.best
    kind, _, where = best.rule.partition("@")
    out = {f"family={f}": float(best.extractor == f) for f in FAMILIES}
    out["family=other"] = float(best.extractor not in FAMILIES)
    out.update({f"kind={k}": float(kind == k) for k in KINDS})
    out.update({f"where={w}": float(where == w) for w in WHERE})
    out.update({"positive": float(agg.value is not False), "raw": agg.confidence, "best_raw": best.confidence,
                "contradicted": float(bool(agg.contradicting)),
                "support": math.log1p(len(agg.supporting))})
    return out


@dataclass(frozen=True)
class Model:
    names: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float

    def __call__(self, agg: Aggregate) -> float:
        x = features(agg)
        z = self.intercept + sum(c * x.get(n, 0.0) for n, c in zip(self.names, self.coef, strict=True))
        return round(1.0 / (1.0 + math.exp(-z)), 4)


def fit(rows: Sequence[tuple[Mapping[str, float], bool]], c: float = 1.0) -> Model:
    """Logistic regression over (features, right) rows; deterministic (lbfgs, no sampling)."""
    from sklearn.linear_model import LogisticRegression

    names = tuple(sorted({n for x, _ in rows for n in x}))
    xs = [[x.get(n, 0.0) for n in names] for x, _ in rows]
    ys = [int(ok) for _, ok in rows]
    if len(set(ys)) < 2:
        raise DataError([Problem("sci train", None, "fitting needs both right and wrong predictions")])
    lr = LogisticRegression(C=c, solver="lbfgs", max_iter=2000).fit(xs, ys)
    return Model(names, tuple(round(float(v), 6) for v in lr.coef_[0]), round(float(lr.intercept_[0]), 6))


def calibrate(aggs: dict[str, Aggregate], model: Model | None) -> dict[str, Aggregate]:
    """The aggregates with their confidence replaced by the model's probability (unchanged without one)."""
    if model is not None:
        for agg in aggs.values():
            agg.confidence = model(agg)
    return aggs


def files_hash(paths: Iterable[Path]) -> str:
    """SHA-256 over the names and bytes of the training files (the manifest's data version)."""
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def save(path: Path, model: Model, manifest: dict[str, Any]) -> None:
    """Write the model atomically (temp file + replace): a crash never leaves half a calibration."""
    doc = {"manifest": manifest, "intercept": model.intercept,
           "weights": dict(zip(model.names, model.coef, strict=True))}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("# Written by `sci train` (extractors/calibration.py); do not edit by hand.\n"
                   + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    os.replace(tmp, path)


def load(data_dir: Path) -> Model | None:
    """The fitted model, or None when `sci train` has not been run (raw scores are used then)."""
    path = calibration_path(data_dir)
    if not path.exists():
        return None
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in doc["weights"].items()}
        return Model(tuple(weights), tuple(weights.values()), float(doc["intercept"]))
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError([Problem(str(path), None, f"not a confidence model: {exc}")]) from None


def reliability(records: Iterable[tuple[float, bool]], bins: Sequence[float] = BINS) -> list[dict[str, Any]]:
    """Rows per confidence bin: range, count, mean confidence, share right (the reliability table),
    then the shares right at >= 0.9 and >= 0.95 (the bulk-approval question)."""
    rows = []
    recs = list(records)
    for lo, hi in zip(bins, bins[1:], strict=False):
        inside = [(x, ok) for x, ok in recs if lo <= x < hi]
        n = len(inside)
        rows.append({"bin": f"{lo:.2f}-{min(hi, 1.0):.2f}", "count": n,
                     "mean_confidence": round(sum(x for x, _ in inside) / n, 4) if n else None,
                     "accuracy": round(sum(ok for _, ok in inside) / n, 4) if n else None})
    for floor in (0.9, 0.95):
        above = [ok for x, ok in recs if x >= floor]
        rows.append({"bin": f">={floor}", "count": len(above), "mean_confidence": None,
                     "accuracy": round(sum(above) / len(above), 4) if above else None})
    return rows
