"""The analysts' judgements as calibration outcomes: ``data/calibration/decisions/<edition>.yaml``.

An analyst who approves a candidate says its prediction was right; a reject or
a correction says it was wrong (:func:`review.detector_quality.judgements`).
`sci review export-outcomes` writes these, one record per judged candidate with
the signals `sci extract` stored beside its best evidence
(:data:`extractors.run.SIGNALS`), and `sci train` reads every file here as
outcomes for the confidence fit, beside the dev split's and the first-sight
ledger's. Real crawls are the pages the confidence is asked about, so these are
the most typical outcomes it can get.

A city's candidates share its site's wording and templates as a source site's
corpus cases do, so a city weighs as one site (:func:`extractors.calibration.fit`:
a site of n records weighs ``n ** SITE_POWER`` observations): its records carry
the site key ``city:<ags>``, across editions too.

The format is defined here (the reader, the lower stage); the review stage
writes it with :func:`document`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.calibration import files_hash
from extractors.signals import Signals
from sci.yamlfile import ANY, load_data

SITE_PREFIX = "city:"
_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}


def decisions_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "calibration" / "decisions"


def default_path(data_dir: Path, edition: int) -> Path:
    return decisions_dir(data_dir) / f"{edition}.yaml"


def _signals_schema() -> dict[str, Any]:
    """The signals as a schema, from :class:`Signals` itself (a field with a default may be missing,
    e.g. in a file exported before the field existed)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(Signals):
        optional = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        out[f.name + ("?" if optional else "")] = _TYPES.get(str(f.type), ANY)
    return out


RECORD_SCHEMA: dict[str, Any] = {"decision": int, "ags": str, "parameter": str, "predicted": ANY,
                                 "right": bool, "signals": _signals_schema(), "snippet": ANY, "url": ANY}
FILE_SCHEMA: dict[str, Any] = {"edition": int, "judged": int, "without_signals": int,
                               "records": [RECORD_SCHEMA]}


def document(edition: int, records: Sequence[Mapping[str, Any]], without_signals: int) -> dict[str, Any]:
    """A decisions file's content; ``records`` in a deterministic order (the writer's)."""
    return {"edition": edition, "judged": len(records) + without_signals, "without_signals": without_signals,
            "records": [dict(r) for r in records]}


@dataclass(frozen=True)
class DecisionOutcomes:
    records: list[tuple[Signals, bool, str]]  # (signals, right, site) as crossval.Record
    files: list[Path]
    sha256: str  # over the files' names and bytes ("" without files): the manifest's data version

    @property
    def right(self) -> int:
        return sum(ok for _, ok, _ in self.records)

    @property
    def cities(self) -> int:
        return len({site for _, _, site in self.records})


def load(data_dir: Path) -> DecisionOutcomes:
    """Every decisions file's records as calibration rows, files in name order. A malformed file raises
    DataError naming file:line and key (nothing is used then)."""
    files = sorted(decisions_dir(data_dir).glob("*.yaml"))
    records: list[tuple[Signals, bool, str]] = []
    fields = {f.name for f in dataclasses.fields(Signals)}
    for path in files:
        doc = load_data(path, FILE_SCHEMA)
        for r in doc["records"]:
            sig = Signals(**{k: v for k, v in r["signals"].items() if k in fields})
            records.append((sig, bool(r["right"]), SITE_PREFIX + str(r["ags"])))
    return DecisionOutcomes(records, files, files_hash(files) if files else "")
