"""Measured accuracy: run every detector over a labelled corpus and score the page-level predictions.

A prediction is the page's aggregated finding per parameter: true (value not
false) or false; absent = no prediction. Against the labels of a case
(:mod:`extractors.corpus`):

* ``facts: id: true`` is right only when predicted true, ``facts: id: false``
  only when predicted false;
* ``tempting: [id]``: a true prediction is wrong; a false prediction is right
  (no prediction is right too, but is not a prediction); tempting ids are not
  facts, so they do not count in recall;
* a *true* prediction for an id that is neither in facts nor tempting is wrong
  (cases must be labelled completely); a *false* one there is not scored —
  the page said something is missing that the labeller did not think about.

precision = right predictions / predictions, recall = facts predicted right /
facts. The predictions are the detectors' and, when `sci train` switched it on,
the learned proposer's for the ids they leave open (:mod:`extractors.proposer`);
``propose=False`` (`sci eval --no-proposer`) measures the rules alone. Each
judged prediction keeps its confidence, its signals
(:mod:`extractors.signals`), its best evidence and the case's source site, so
`sci train` (:mod:`extractors.training`) fits and cross-validates on the same
records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors import calibration, proposer
from extractors.aggregate import Aggregate, aggregate
from extractors.calibration import Model, calibrate
from extractors.corpus import CorpusPage, load_corpus, site_of
from extractors.page import Page
from extractors.proposer import Proposing
from extractors.registry import DETECTORS, LoadedDetector, load_detectors, run_detectors
from extractors.signals import Signals, signals


@dataclass(frozen=True)
class Judged:
    """One (case, parameter) outcome: what was labelled, what was predicted and how sure."""
    slug: str
    parameter: str
    label: bool | None  # the fact, or None (tempting or unlabelled)
    tempting: bool
    predicted: bool | None  # None: no prediction
    confidence: float  # 0 when nothing was predicted
    extractor: str
    signals: Signals | None = None  # what the confidence depends on (None: nothing predicted)
    evidence: str = ""  # the best supporting snippet (the learned filter reads its words)
    site: str = ""  # the case's source site: cross-validation folds never split a site

    @property
    def scored(self) -> bool:
        """Counts as a prediction (see module docstring)."""
        if self.predicted is None:
            return False
        return self.label is not None or self.tempting or self.predicted

    @property
    def right(self) -> bool:
        if self.label is not None:
            return self.predicted == self.label
        return self.predicted is not True  # tempting or unlabelled: only a true prediction is wrong


@dataclass
class Score:
    predictions: int = 0
    facts: int = 0
    correct: int = 0  # right predictions
    found: int = 0  # facts predicted right
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predictions if self.predictions else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.facts if self.facts else 1.0

    def add(self, j: Judged) -> None:
        if j.label is not None:
            self.facts += 1
            self.found += j.right
        if j.scored:
            self.predictions += 1
            self.correct += j.right

    def to_dict(self) -> dict[str, Any]:
        return {"predictions": self.predictions, "facts": self.facts, "correct": self.correct,
                "found": self.found, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "errors": self.errors}


def predict(page: Page, detectors: list[LoadedDetector], cp: CorpusPage,
            proposing: Proposing | None = None) -> dict[str, Aggregate]:
    """The page's aggregated findings per parameter (what `sci extract --url` reports)."""
    return aggregate(run_detectors(page, detectors, cp.city, proposing))


def judge_case(cp: CorpusPage, aggs: dict[str, Aggregate], model: Model | None = None) -> list[Judged]:
    """The case's outcomes; with ``model`` the confidences are calibrated."""
    aggs = calibrate(aggs, model)
    site = site_of(cp.source or cp.url)
    out = []
    for param in sorted(set(aggs) | set(cp.facts) | set(cp.tempting)):
        agg = aggs.get(param)
        out.append(Judged(cp.slug, param, cp.facts.get(param), param in cp.tempting,
                          None if agg is None else agg.value is not False,
                          agg.confidence if agg else 0.0, agg.extractor if agg else "",
                          signals(agg) if agg else None, agg.best.snippet if agg else "", site))
    return out


def judge(pages: Iterable[CorpusPage], data_dir: Path, detectors: tuple[str, ...] = DETECTORS,
          calibrated: bool = True, propose: bool = True) -> list[Judged]:
    """Every (case, parameter) outcome of a corpus (raw scores with ``calibrated`` off; the rules alone
    with ``propose`` off, else with the learned proposer when `sci train` switched it on)."""
    loaded = load_detectors(data_dir, detectors)
    model = calibration.load(data_dir) if calibrated else None
    proposing = proposer.active(data_dir) if propose else None
    if proposing is not None and detectors != DETECTORS:
        proposing = proposing.only([d.name for d in loaded])
    out: list[Judged] = []
    for cp in pages:
        out.extend(judge_case(cp, predict(Page.from_html(cp.url, cp.html), loaded, cp, proposing), model))
    return out


def score(judged: Iterable[Judged]) -> dict[str, Score]:
    """Parameter -> Score, plus "micro" over all parameters (errors list the wrong cases)."""
    scores: dict[str, Score] = {}
    micro = Score()
    for j in judged:
        if j.label is None and not j.scored:
            continue
        sc = scores.setdefault(j.parameter, Score())
        sc.add(j)
        micro.add(j)
        if not j.right:
            pred = "-" if j.predicted is None else j.predicted
            label = "tempting" if j.tempting else ("-" if j.label is None else j.label)
            sc.errors.append(f"{j.slug}: predicted {pred}, labelled {label}")
    out = dict(sorted(scores.items()))
    out["micro"] = micro
    return out


def evaluate(corpus: Path, data_dir: Path, detectors: tuple[str, ...] = DETECTORS,
             propose: bool = True) -> dict[str, Score]:
    """Parameter -> Score, plus "micro", for one corpus folder."""
    return score(judge(load_corpus(corpus), data_dir, detectors, propose=propose))
