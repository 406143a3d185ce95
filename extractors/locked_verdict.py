"""The locked split's word on a learned stage: used only if it beats the rules there (issue 11, item 4).

`sci train` decides by cross-validation on the dev split whether the learned proposer helps; the issue asks
more: a learned stage is used only if it also beats the rules on the locked test split. That comparison is
made by whoever looks at the locked split (rarely, by hand: `sci eval --split test` with and without
`--no-proposer`), and written down in ``data/calibration/locked_verdicts.yaml``:

    proposer:
      - data_sha256: 6788…        # the dev files the proposer was trained on (proposer.yaml manifest)
        model_version: 1+3f2a…      # the fitted model looked at (proposer.yaml's numbers, Proposer.version)
        beats_rules: false
        measured: "2026-12-07, main ba44499: rules P/R 0.853/0.787, rules+proposer 0.839/0.796"

A verdict binds only the training data and the model it was measured on: when the dev split changes (new
cases, new labels) the data hash changes, and when the proposer's features or settings change the refit's
numbers (its version) change even on the same data; either way the dev measurement decides alone again, and
the locked split must be looked at again before the stage counts as proven. (Entries written before the
model was recorded carry no ``model_version`` and bind the data alone.) One bit per look, never a
threshold: the locked split selects between two finished models, it tunes neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sci.yamlfile import load_data

FILE = "locked_verdicts.yaml"
SCHEMA = {"proposer?": [{"data_sha256": str, "model_version?": str, "beats_rules": bool, "measured": str}]}


@dataclass(frozen=True)
class Verdict:
    beats_rules: bool
    measured: str


def verdicts_path(data_dir: Path) -> Path:
    return Path(data_dir) / "calibration" / FILE


def verdict(data_dir: Path, stage: str, data_sha256: str, model_version: str | None = None) -> Verdict | None:
    """The locked split's verdict on ``stage`` trained on the data of ``data_sha256`` (and, where the entry
    names one, fitted to the numbers of ``model_version``), or None when nobody has compared that model with
    the rules on the locked split (no file, no entry for this data and model). A malformed file stops with an
    error naming the file, the line and the key."""
    path = verdicts_path(data_dir)
    if not path.exists():
        return None
    doc = load_data(path, SCHEMA) or {}
    for entry in doc.get(stage, ()):
        if entry["data_sha256"] != data_sha256:
            continue
        if entry.get("model_version") is None or entry["model_version"] == model_version:
            return Verdict(entry["beats_rules"], entry["measured"])
    return None
