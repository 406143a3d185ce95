"""A learned stage over the rules' findings: withhold a prediction a classifier expects to be wrong.

Inputs per aggregated finding: its signals (:mod:`extractors.signals` — detector,
evidence kind, rule kind and scope, owner/status, support) and the cue lemmas
of its best evidence (words of the snippet, lemmatised by :mod:`extractors.lemmas`,
those seen in at least ``MIN_DF`` training snippets). A logistic regression
(scikit-learn, lbfgs: no randomness) predicts whether the rules' prediction is
right; below ``WITHHOLD`` the prediction is dropped (nothing is asserted and
the analyst finds no candidate). The rules stay the explanation of every
prediction that is kept.

It is fitted by `sci train` on the dev split — today's outcomes and the
first-sight ones (:mod:`extractors.training`) — and stored as plain numbers
(``data/calibration/learned.yaml``: vocabulary, weights, intercept, the
training cases' hash). It is switched on only when, on the site-grouped
cross-validation of :mod:`extractors.crossval`, it raises the micro F1 of the
held-out sites' first-sight predictions without lowering today's; the measured
figures are stored beside it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from extractors.aggregate import Aggregate
from extractors.lemmas import lemma_set
from extractors.signals import Signals, one_hot, signals

if TYPE_CHECKING:
    from extractors.evaluate import Judged
from sci.errors import DataError, Problem

MIN_DF = 3  # a cue word seen in fewer training snippets is noise, not a cue
WITHHOLD = 0.5  # P(right) below this: the prediction is dropped
ONE_CLASS = 10.0  # the intercept when every training prediction was right (or wrong): P ~ 1 (or 0)
C = 0.5  # L2 regularisation of the logistic regression (smaller = stronger)


def learned_path(data_dir: Path) -> Path:
    return Path(data_dir) / "calibration" / "learned.yaml"


def inputs(s: Signals, evidence: str, vocabulary: frozenset[str]) -> dict[str, float]:
    out = one_hot(s)
    out.update({f"cue={w}": 1.0 for w in lemma_set(evidence) & vocabulary})
    return out


@dataclass(frozen=True)
class Filter:
    vocabulary: frozenset[str]
    weights: Mapping[str, float]
    intercept: float
    enabled: bool = False
    manifest: Mapping[str, Any] | None = None

    def p_right(self, s: Signals, evidence: str) -> float:
        x = inputs(s, evidence, self.vocabulary)
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in x.items())
        return 1.0 / (1.0 + math.exp(-z))

    def keeps(self, agg: Aggregate) -> bool:
        return self.p_right(signals(agg), agg.best.snippet) >= WITHHOLD


def fit(judged: Sequence[Judged]) -> Filter:
    """Fit on the scored predictions of ``judged`` (deterministic)."""
    from sklearn.linear_model import LogisticRegression

    rows = [j for j in judged if j.scored and j.signals is not None]
    df = Counter(w for j in rows for w in lemma_set(j.evidence))
    vocabulary = frozenset(w for w, n in df.items() if n >= MIN_DF and not w.isdigit())
    xs = [inputs(j.signals, j.evidence, vocabulary) for j in rows if j.signals]
    names = sorted({k for x in xs for k in x})
    ys = [int(j.right) for j in rows]
    if len(set(ys)) < 2:  # nothing to tell apart: keep (or withhold) everything, learn no words
        return Filter(frozenset(), {}, ONE_CLASS if ys and ys[0] else -ONE_CLASS)
    matrix = [[x.get(n, 0.0) for n in names] for x in xs]
    lr = LogisticRegression(C=C, solver="lbfgs", max_iter=5000).fit(matrix, ys)
    weights = {n: round(float(w), 6) for n, w in zip(names, lr.coef_[0], strict=True) if abs(w) >= 1e-6}
    return Filter(vocabulary, weights, round(float(lr.intercept_[0]), 6))


def save(path: Path, flt: Filter) -> None:
    from extractors.calibration import write_yaml

    write_yaml(path, {"enabled": flt.enabled, "manifest": dict(flt.manifest or {}),
                      "withhold_below": WITHHOLD, "intercept": flt.intercept,
                      "vocabulary": sorted(flt.vocabulary), "weights": dict(sorted(flt.weights.items()))},
               "`sci train` (extractors/learned.py)")


def load(data_dir: Path) -> Filter | None:
    """The stored filter when `sci train` switched it on, else None (the rules alone decide)."""
    path = learned_path(data_dir)
    if not path.exists():
        return None
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in doc["weights"].items()}
        flt = Filter(frozenset(map(str, doc["vocabulary"])), weights, float(doc["intercept"]),
                     bool(doc["enabled"]), dict(doc.get("manifest") or {}))
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError([Problem(str(path), None, f"not a learned filter: {exc}")]) from None
    return flt if flt.enabled else None
