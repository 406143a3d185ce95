"""Measured accuracy: run every detector over a labelled corpus and score the page-level predictions.

Corpus: ``<slug>.html`` + ``<slug>.yaml`` (``url``, ``city: {ags, name}``,
``cms``, ``facts: {parameter: true|false}``). A prediction is the page's
aggregated finding per parameter (true/false; absent = no prediction).
precision = correct predictions / predictions (a prediction for an unlabelled
parameter is wrong), recall = correct predictions / labelled facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from extractors.aggregate import aggregate
from extractors.base import CityContext
from extractors.page import Page
from extractors.registry import DETECTORS, load_detectors, run_detectors
from sci.errors import DataError, Problem


@dataclass
class CorpusPage:
    slug: str
    url: str
    city: CityContext | None
    cms: str
    facts: dict[str, bool]
    html: bytes


@dataclass
class Score:
    predictions: int = 0
    facts: int = 0
    correct: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predictions if self.predictions else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.facts if self.facts else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"predictions": self.predictions, "facts": self.facts, "correct": self.correct,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "errors": self.errors}


def load_corpus(corpus: Path) -> list[CorpusPage]:
    pages, problems = [], []
    for meta_path in sorted(Path(corpus).glob("*.yaml")):
        html_path = meta_path.with_suffix(".html")
        try:
            meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            problems.append(Problem(str(meta_path), None, f"invalid YAML: {exc}"))
            continue
        if not isinstance(meta, dict) or "url" not in meta or not isinstance(meta.get("facts"), dict):
            problems.append(Problem(str(meta_path), 1, "needs url and a facts mapping"))
            continue
        if not html_path.exists():
            problems.append(Problem(str(meta_path), 1, f"missing page {html_path.name}"))
            continue
        bad = [k for k, v in meta["facts"].items() if not isinstance(v, bool)]
        if bad:
            problems.append(Problem(str(meta_path), None, f"facts must be true/false: {', '.join(bad)}"))
            continue
        c = meta.get("city") or {}
        city = CityContext.from_website(str(c["ags"]), str(c["name"]), meta["url"]) if c else None
        pages.append(CorpusPage(meta_path.stem, meta["url"], city, str(meta.get("cms", "")),
                                dict(meta["facts"]), html_path.read_bytes()))
    if problems:
        raise DataError(problems)
    return pages


def evaluate(corpus: Path, data_dir: Path, detectors: tuple[str, ...] = DETECTORS) -> dict[str, Score]:
    """Parameter -> Score, plus "micro" over all parameters."""
    loaded = load_detectors(data_dir, detectors)
    scores: dict[str, Score] = {}
    micro = Score()
    for cp in load_corpus(corpus):
        page = Page.from_html(cp.url, cp.html)
        aggs = aggregate(run_detectors(page, loaded, cp.city))
        predicted = {p: a.value is not False for p, a in aggs.items()}
        for param in sorted(set(predicted) | set(cp.facts)):
            sc = scores.setdefault(param, Score())
            for s in (sc, micro):
                if param in cp.facts:
                    s.facts += 1
                if param in predicted:
                    s.predictions += 1
                    if cp.facts.get(param) == predicted[param]:
                        s.correct += 1
            if cp.facts.get(param) != predicted.get(param):
                sc.errors.append(f"{cp.slug}: predicted {predicted.get(param, '-')}, "
                                 f"labelled {cp.facts.get(param, '-')}")
    scores["micro"] = micro
    return scores
