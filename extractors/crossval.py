"""Out-of-sample figures from the dev split alone: cross-validation grouped by source site.

A confidence fitted and measured on the same cases flatters itself, and cases
modelled on one site share its wording. So every dev record is estimated by a
model that saw none of its site's cases: sites are hashed into ``FOLDS`` folds
(deterministic: the same split on every machine and run), each fold estimated
by a model fitted on the others. The same folds measure the learned filter
(:mod:`extractors.learned`) against the rules.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from extractors import learned
from extractors.calibration import Model, fit, reliability
from extractors.evaluate import Judged, score
from extractors.signals import Signals

FOLDS = 5
BULK_TARGET = 0.98  # share right a blind bulk approval needs
BULK_MIN_COUNT = 20  # fewer findings above a threshold measure nothing

T = TypeVar("T")
R = TypeVar("R")
Record = tuple[Signals, bool, str]  # a prediction's signals, whether it was right, its source site


def fold_of(site: str, folds: int = FOLDS) -> int:
    return int(hashlib.sha1(site.encode()).hexdigest(), 16) % folds


def out_of_fold(items: Sequence[T], sites: Sequence[str], estimate: Callable[[list[T], list[T]], list[R]],
                folds: int = FOLDS) -> list[R]:
    """``estimate(train, held_out)`` per fold (an item's fold is its site's); results in item order."""
    out: dict[int, R] = {}
    for k in range(folds):
        held = [i for i, site in enumerate(sites) if fold_of(site, folds) == k]
        if not held:
            continue
        train = [x for x, site in zip(items, sites, strict=True) if fold_of(site, folds) != k]
        for i, value in zip(held, estimate(train, [items[i] for i in held]), strict=True):
            out[i] = value
    return [out[i] for i in range(len(items))]


def cv_confidences(records: Sequence[Record], basis: Sequence[Record] | None = None) -> list[float]:
    """Each prediction's confidence from a model fitted on the ``basis`` records (default: ``records``)
    of the other folds — never on its own source site."""
    basis = records if basis is None else basis
    models: dict[int, Model] = {}
    out = []
    for s, _, site in records:
        k = fold_of(site)
        if k not in models:
            models[k] = fit(r for r in basis if fold_of(r[2]) != k)
        out.append(models[k].estimate(s))
    return out


def bulk_threshold(records: Sequence[tuple[float, bool]], target: float = BULK_TARGET,
                   min_count: int = BULK_MIN_COUNT) -> dict[str, Any] | None:
    """The bulk-approval cut: the lowest confidence t such that the findings at or above t — and at or
    above every higher cut still holding ``min_count`` findings — were at least ``target`` right
    (requiring every higher cut too keeps one lucky cut from setting the bar). When no cut reaches
    the target, the surest cut (highest share right, then most findings), marked
    ``meets_target: false``.
    None when fewer than ``min_count`` findings were measured."""
    cuts = []
    for t in sorted({x for x, _ in records}, reverse=True):
        above = [ok for x, ok in records if x >= t]
        if len(above) >= min_count:
            share = round(sum(above) / len(above), 4)
            cuts.append({"threshold": t, "count": len(above), "share_right": share})
    if not cuts:
        return None
    met = None
    for cut in cuts:  # from the highest threshold down
        if cut["share_right"] < target:
            break
        met = cut
    if met is not None:
        return {**met, "meets_target": True}
    surest = max(cuts, key=lambda c: (c["share_right"], c["count"]))
    return {**surest, "meets_target": False}


def cv_report(records: Sequence[Record], basis: Sequence[Record] | None = None) -> dict[str, Any]:
    """The site-grouped cross-validated reliability rows of ``records`` (estimated from ``basis``) and
    the bulk threshold they support."""
    pairs = list(zip(cv_confidences(records, basis), (ok for _, ok, _ in records), strict=True))
    return {"folds": FOLDS, "reliability": reliability(pairs), "bulk_threshold": bulk_threshold(pairs),
            "bulk_target": BULK_TARGET}


def judged_records(judged: Sequence[Judged]) -> list[Record]:
    """The scored predictions of ``judged`` as records (today's rules on the cases)."""
    return [(j.signals, j.right, j.site) for j in judged if j.scored and j.signals is not None]


def withhold(judged: Sequence[Judged], flt: learned.Filter) -> list[Judged]:
    """``judged`` with the predictions the filter withholds turned into no prediction."""
    return [replace(j, predicted=None, confidence=0.0)
            if j.predicted is not None and j.signals is not None
            and flt.p_right(j.signals, j.evidence) < learned.WITHHOLD else j for j in judged]


def _f1(judged: Sequence[Judged]) -> dict[str, float]:
    m = score(judged)["micro"]
    f1 = 2 * m.precision * m.recall / (m.precision + m.recall) if m.precision + m.recall else 0.0
    return {"precision": round(m.precision, 4), "recall": round(m.recall, 4), "f1": round(f1, 4),
            "predictions": m.predictions}


def compare_filter(judged: Sequence[Judged]) -> dict[str, Any]:
    """Rules alone vs rules + filter on the site-grouped folds (each fold's filter fitted on the others)."""
    def estimate(train: list[Judged], held: list[Judged]) -> list[Judged]:
        return withhold(held, learned.fit(train))
    filtered = out_of_fold(judged, [j.site for j in judged], estimate)
    rules, gated = _f1(judged), _f1(filtered)
    return {"rules": rules, "rules+filter": gated, "beats_rules": gated["f1"] > rules["f1"]}
