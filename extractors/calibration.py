"""Confidence as a conservative probability: how often findings with these signals are right.

The rules' raw scores rank findings within one detector but say little across
them, and the dev cases they were tuned on flatter them. So the confidence of
an aggregated finding is an estimate from labelled outcomes, per bucket of its
signals (:mod:`extractors.signals`: evidence kind and polarity, detector, rule
kind or owner/status, scope, support). Each bucket's share right is shrunk
toward its parent bucket's (``strength`` pseudo-observations borrowed, so a
bucket seen three times says little of its own), and the confidence is a
*lower* quantile of that Beta posterior, not its mean: 0.95 means "at least
95 % right with probability 1 - ``quantile``", and a bucket with little support
gets a low confidence however well it did. Deterministic (counts and a Beta
quantile); stored as data (``data/calibration/confidence.yaml``: the bucket
counts, the two constants, the training cases' hash and the site-grouped
cross-validated reliability, :mod:`extractors.crossval`). The rules stay the
explanation in the evidence; the estimate only says how sure to be.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from extractors import learned
from extractors.aggregate import Aggregate
from extractors.signals import Signals, bucket_path, signals
from sci.errors import DataError, Problem

BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)
ROOT = "*"
# How much a site's findings count together: a site with n findings weighs n ** SITE_POWER observations
# (a single finding always weighs one). At 0 (a site is one observation however many findings it
# has) the dev split's first-sight CV was honest but never sure: >= 0.9 115 findings (99.1 %
# right), >= 0.95 none, bulk cut 31 findings (96.8 %). A site's findings share its template and wording,
# but a page linking four accounts is not one trial either: at 0.5 (a site of four findings weighs two)
# with STRENGTH 10 the same CV gave >= 0.9 137 findings (99.3 %), >= 0.95 64 (all right), bulk cut 0.8791
# over 147 (98.6 %), every band right at least as often as its mean confidence (sessions 12, confidence12;
# 0.25/20: >= 0.9 148 at 98.6 % but >= 0.95 only 8; 0.5/20: >= 0.9 181 at 96.1 %, below the 98 % target).
SITE_POWER = 0.5
# Pseudo-observations a bucket borrows from its parent. At SITE_POWER 0 the first-sight CV log loss of
# the posterior mean chose 20 (0.239 at 10, 0.228 at 20, 0.227 at 40); with the heavier sites of
# SITE_POWER 0.5 a bucket holds more observations of its own and 10 kept every CV band honest (see above).
STRENGTH = 10.0
QUANTILE = 0.05  # the confidence is the 5 % quantile of the bucket's posterior share right


def calibration_path(data_dir: Path) -> Path:
    return Path(data_dir) / "calibration" / "confidence.yaml"


@dataclass(frozen=True)
class Model:
    counts: Mapping[str, tuple[float, float]]  # bucket -> (predictions, right); a site: n ** site_power
    strength: float = STRENGTH
    quantile: float = QUANTILE
    site_power: float = SITE_POWER  # how the counts were weighted (fit's), stored so the file says so
    manifest: Mapping[str, Any] = field(default_factory=dict, compare=False)
    gate: learned.Filter | None = field(default=None, compare=False)  # the learned filter, when switched on

    def estimate(self, s: Signals) -> float:
        """The lower quantile of the share right of findings with these signals."""
        from scipy.stats import beta  # deferred: scipy is slow to import and only needed here

        n, k = self.counts.get(ROOT, (0, 0))
        a, b = 1.0 + k, 1.0 + n - k  # uniform prior at the root
        for key in bucket_path(s):
            mean = a / (a + b)
            n, k = self.counts.get(key, (0, 0))
            # Never fewer than one pseudo-observation either way (a uniform prior): a bucket whose sites
            # were all right is as sure as its sites allow (the rule of three), not certain.
            a = k + max(self.strength * mean, 1.0)
            b = (n - k) + max(self.strength * (1 - mean), 1.0)
        return round(float(beta.ppf(self.quantile, a, b)), 4)

    def __call__(self, agg: Aggregate) -> float:
        return self.estimate(signals(agg))


def fit(rows: Iterable[tuple[Signals, bool, str]], strength: float = STRENGTH, quantile: float = QUANTILE,
        manifest: Mapping[str, Any] | None = None, site_power: float = SITE_POWER) -> Model:
    """Count (predictions, right) per bucket along every (signals, right, site) row's path.

    A site's findings share its wording and its template, so they are not independent trials: a site
    with n findings weighs n ** ``site_power`` observations in all (1 at power 0: one trial per site;
    n at power 1 would be one per finding), split evenly over its findings. The evidence then grows
    with the number of sites behind it far more than with the number of findings."""
    rows = list(rows)
    per_site: dict[str, int] = {}
    for _, _, site in rows:
        per_site[site] = per_site.get(site, 0) + 1
    counts: dict[str, list[float]] = {}
    for s, ok, site in rows:
        w = per_site[site] ** (site_power - 1.0)  # n findings of w each: n ** site_power in all
        for key in (ROOT, *bucket_path(s)):
            c = counts.setdefault(key, [0.0, 0.0])
            c[0] += w
            c[1] += w * ok
    if not counts:
        raise DataError([Problem("sci train", None, "no judged predictions to estimate confidence from")])
    return Model({k: (round(n, 4), round(r, 4)) for k, (n, r) in sorted(counts.items())}, strength,
                 quantile, site_power, dict(manifest or {}))


def calibrate(aggs: dict[str, Aggregate], model: Model | None) -> dict[str, Aggregate]:
    """The aggregates with their confidence replaced by the model's estimate (unchanged without one),
    less those the learned filter withholds when `sci train` switched it on."""
    if model is None:
        return aggs
    if model.gate is not None:
        aggs = {p: a for p, a in aggs.items() if model.gate.keeps(a)}
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


def write_yaml(path: Path, doc: Mapping[str, Any], writer: str) -> None:
    """Write a trained artefact atomically (temp file + replace): a crash never leaves half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    body = yaml.safe_dump(dict(doc), sort_keys=False, allow_unicode=True, default_flow_style=None)
    tmp.write_text(f"# Written by {writer}; do not edit by hand.\n{body}", encoding="utf-8")
    os.replace(tmp, path)


def save(path: Path, model: Model) -> None:
    doc = {"manifest": dict(model.manifest), "strength": model.strength, "quantile": model.quantile,
           "site_power": model.site_power, "buckets": {k: list(v) for k, v in model.counts.items()}}
    write_yaml(path, doc, "`sci train` (extractors/calibration.py)")


def load(data_dir: Path) -> Model | None:
    """The fitted model (with the learned filter when it is switched on), or None when `sci train` has
    not been run (raw scores are used then)."""
    path = calibration_path(data_dir)
    if not path.exists():
        return None
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        counts = {str(k): (float(v[0]), float(v[1])) for k, v in doc["buckets"].items()}
        # a file without site_power was fitted when a site weighed one observation (power 0)
        model = Model(counts, float(doc["strength"]), float(doc["quantile"]),
                      float(doc.get("site_power", 0.0)), dict(doc.get("manifest") or {}))
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise DataError([Problem(str(path), None, f"not a confidence model: {exc}")]) from None
    return replace(model, gate=learned.load(data_dir))


def share_right_lower(right: int, n: int, quantile: float = QUANTILE) -> float | None:
    """The one-sided lower confidence bound (Clopper-Pearson, 1 - ``quantile``) of a measured share right:
    a band's 64 findings all right say "at least 95.4 % right", not 100 %. The same reading as the
    confidence itself (a lower quantile), so a band is judged by the bound, not by its point estimate.
    None when nothing was measured."""
    from scipy.stats import beta

    if n == 0:
        return None
    return 0.0 if right == 0 else round(float(beta.ppf(quantile, right, n - right + 1)), 4)


def reliability(records: Iterable[tuple[float, bool]], bins: Sequence[float] = BINS) -> list[dict[str, Any]]:
    """Rows per confidence bin: range, count, mean confidence, share right and its lower bound
    (:func:`share_right_lower`; the reliability table), then the same at >= 0.9 and >= 0.95 (the
    bulk-approval question)."""
    rows = []
    recs = list(records)
    for lo, hi in zip(bins, bins[1:], strict=False):
        inside = [(x, ok) for x, ok in recs if lo <= x < hi]
        n, k = len(inside), sum(ok for _, ok in inside)
        rows.append({"bin": f"{lo:.2f}-{min(hi, 1.0):.2f}", "count": n,
                     "mean_confidence": round(sum(x for x, _ in inside) / n, 4) if n else None,
                     "accuracy": round(k / n, 4) if n else None, "accuracy_lower": share_right_lower(k, n)})
    for floor in (0.9, 0.95):
        above = [ok for x, ok in recs if x >= floor]
        rows.append({"bin": f">={floor}", "count": len(above), "mean_confidence": None,
                     "accuracy": round(sum(above) / len(above), 4) if above else None,
                     "accuracy_lower": share_right_lower(sum(above), len(above))})
    return rows
