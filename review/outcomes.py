"""`sci review export-outcomes`: the analysts' judgements as calibration outcomes for `sci train`.

One record per judged candidate of the edition (:func:`review.detector_quality.judgements`: approve =
right, reject/correct = wrong; carry-over, imports and undone decisions are no judgements) with the
signals `sci extract` stored beside its best evidence. The file's format and its reader are the extract
stage's (:mod:`extractors.decision_outcomes`); this module only reads the decision log and writes it.
A candidate without stored signals (extracted before they were stored, imported, carried over from a
previous edition) is counted, not guessed: re-running the detectors over today's rules would not say
what the analyst judged. No analyst names go into the file: it is versioned with the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from extractors import decision_outcomes
from extractors.calibration import write_yaml
from extractors.run import SIGNALS
from review.detector_quality import Judgement, judgements


@dataclass(frozen=True)
class Export:
    edition: int
    records: list[dict[str, Any]]
    without_signals: int

    @property
    def document(self) -> dict[str, Any]:
        return decision_outcomes.document(self.edition, self.records, self.without_signals)


def _record(j: Judgement) -> dict[str, Any] | None:
    detail = j.evidence.detail if j.evidence is not None and isinstance(j.evidence.detail, dict) else {}
    signals = detail.get(SIGNALS)
    if not isinstance(signals, dict) or j.evidence is None:
        return None
    return {"decision": j.decision.id, "ags": j.candidate.ags, "parameter": j.candidate.parameter,
            "predicted": j.candidate.value, "right": j.right, "signals": dict(signals),
            "snippet": j.evidence.snippet or "", "url": j.evidence.url}


def outcomes(session: Session, edition: int) -> Export:
    """The edition's judged candidates as records, ordered by city, parameter and decision id."""
    records, missing = [], 0
    for j in judgements(session, edition):
        rec = _record(j)
        if rec is None:
            missing += 1
        else:
            records.append(rec)
    records.sort(key=lambda r: (r["ags"], r["parameter"], r["decision"]))
    return Export(edition, records, missing)


def write(export: Export, path: Path) -> None:
    """Write atomically (temp file + replace); OSError when the path cannot be written."""
    try:
        write_yaml(path, export.document, "`sci review export-outcomes` (review/outcomes.py)")
    except OSError:
        path.with_suffix(".tmp").unlink(missing_ok=True)  # never leave half a file behind
        raise


def default_path(data_dir: Path, edition: int) -> Path:
    return decision_outcomes.default_path(data_dir, edition)
