"""scripts/first_sight.py: the driver's records are what `sci train` reads back (same rows as judging)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from extractors.corpus import REGRESSION, load_corpus
from extractors.evaluate import judge
from extractors.training import first_sight_judged, ledger_path, unmeasured
from tests.extractors.script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]


def _script():
    return load_script("first_sight")


def test_driver_records_round_trip_into_training(tmp_path, monkeypatch, capsys):
    cases = tmp_path / "dev"
    cases.mkdir()
    for meta in sorted(REGRESSION.glob("*.yaml"))[:6]:
        for src in (meta, meta.with_suffix(".html")):
            shutil.copy(src, cases / src.name)
    monkeypatch.chdir(ROOT)  # the driver reads the tree's data/ like the old trees it runs in
    _script().driver(cases)
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    keys = {"slug", "site", "label", "predicted", "right", "scored"}
    assert records and all(keys <= set(r) for r in records)
    data = tmp_path / "data"
    # the publisher signal is computed from each case's page by today's rule and its owner.yaml
    shutil.copytree(ROOT / "data" / "patterns", data / "patterns")
    ledger_path(data).parent.mkdir(parents=True)
    slugs = sorted({p.stem for p in cases.glob("*.yaml")})
    doc = {"records": records, "measured_slugs": slugs}
    ledger_path(data).write_text(yaml.safe_dump(doc), encoding="utf-8")
    back = first_sight_judged(data, cases)
    today = [j for j in judge(load_corpus(cases), ROOT / "data", calibrated=False)
             if j.scored or j.label is not None]
    key = lambda j: (j.slug, j.parameter)  # noqa: E731
    assert [(key(j), j.predicted, j.right, j.signals, j.evidence, j.site) for j in sorted(back, key=key)] == [
        (key(j), j.predicted, j.right, j.signals, j.evidence, j.site) for j in sorted(today, key=key)]
    assert unmeasured(data, cases) == []
