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
from extractors.calibration import fit, reliability, share_right_lower
from extractors.evaluate import Judged, score
from extractors.signals import Signals

FOLDS = 5
BULK_TARGET = 0.98  # share right a blind bulk approval needs
# Fewer findings above a cut than this cannot measure the target: below 1 / (1 - target) (50 at 98 %) one
# wrong finding already puts a cut under the target, so whichever finding happens to rank first decides
# (session 17: at 20, one wrong first-sight finding ranked 24th cut the bulk set from 187 findings at 98.4 %
# to 23).
BULK_MIN_COUNT = round(1 / (1 - BULK_TARGET))

T = TypeVar("T")
M = TypeVar("M")
Record = tuple[Signals, bool, str]  # a prediction's signals, whether it was right, its source site


def fold_of(site: str, folds: int = FOLDS) -> int:
    return int(hashlib.sha1(site.encode()).hexdigest(), 16) % folds


def by_fold(items: Sequence[T], site: Callable[[T], str], basis: Sequence[T],
            fit: Callable[[list[T]], M]) -> list[M]:
    """For each item, a model fitted on the ``basis`` items of the other folds (one fit per fold): never
    on its own source site."""
    models: dict[int, M] = {}
    out = []
    for item in items:
        k = fold_of(site(item))
        if k not in models:
            models[k] = fit([b for b in basis if fold_of(site(b)) != k])
        out.append(models[k])
    return out


def cv_confidences(records: Sequence[Record], basis: Sequence[Record] | None = None) -> list[float]:
    """Each prediction's confidence from a model fitted on the ``basis`` records (default: ``records``)
    of the other folds."""
    models = by_fold(records, lambda r: r[2], records if basis is None else basis, fit)
    return [m.estimate(s) for m, (s, _, _) in zip(models, records, strict=True)]


def bulk_threshold(records: Sequence[tuple[float, bool]], target: float = BULK_TARGET,
                   min_count: int = BULK_MIN_COUNT) -> dict[str, Any] | None:
    """The bulk-approval cut: the lowest confidence t such that the findings at or above t — and at or
    above every higher cut still holding ``min_count`` findings — were at least ``target`` right
    (requiring every higher cut too keeps one lucky cut from setting the bar). When no cut reaches
    the target, the highest cut still holding ``min_count`` findings, marked ``meets_target: false``.
    None when fewer than ``min_count`` findings were measured."""
    cuts = []
    for t in sorted({x for x, _ in records}, reverse=True):
        above = [ok for x, ok in records if x >= t]
        if len(above) >= min_count:
            share = round(sum(above) / len(above), 4)
            cuts.append({"threshold": t, "count": len(above), "share_right": share,
                         "share_right_lower": share_right_lower(sum(above), len(above))})
    if not cuts:
        return None
    met = None
    for cut in cuts:  # from the highest threshold down
        if cut["share_right"] < target:
            break
        met = cut
    if met is not None:
        return {**met, "meets_target": True}
    # No cut is safe: the most selective one that still measured min_count findings (not the one with
    # the best share, which on few errors is whichever cut happened to dodge them).
    return {**cuts[0], "meets_target": False}


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


def figures(judged: Sequence[Judged]) -> dict[str, float | int]:
    """Micro precision, recall, F1, predictions and right ones: what the learned filter and the learned
    proposer (:mod:`extractors.proposal_cv`) are compared by."""
    m = score(judged)["micro"]
    f1 = 2 * m.precision * m.recall / (m.precision + m.recall) if m.precision + m.recall else 0.0
    return {"precision": round(m.precision, 4), "recall": round(m.recall, 4), "f1": round(f1, 4),
            "predictions": m.predictions, "right": m.correct}


def compare_filter(judged: Sequence[Judged], basis: Sequence[Judged] | None = None) -> dict[str, Any]:
    """Rules alone vs rules + filter on the held-out sites of ``judged``, each fold's filter fitted on the
    ``basis`` rows (default: ``judged``) of the other folds."""
    filters = by_fold(judged, lambda j: j.site, judged if basis is None else basis, learned.fit)
    filtered = [withhold([j], f)[0] for j, f in zip(judged, filters, strict=True)]
    rules, gated = figures(judged), figures(filtered)
    return {"rules": rules, "rules+filter": gated, "beats_rules": gated["f1"] > rules["f1"]}
