"""scripts/first_sight_report.py: batches in history order and error classes from a small ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.extractors.script_loader import load_script


def _script():
    return load_script("first_sight_report")


def _rec(slug: str, param: str, commit: str, label, predicted, right: bool, tempting: bool = False, **sig):
    return {"slug": slug, "parameter": param, "commit": commit, "label": label, "tempting": tempting,
            "predicted": predicted, "right": right, "scored": predicted is not None, **sig}


RECORDS = [
    _rec("xa-one", "city_app.available", "bbbbbbbbbbbb", True, True, True, family="city_app",
         evidence="named"),
    _rec("xa-one", "participation.platform", "bbbbbbbbbbbb", True, None, False),
    _rec("xa-two", "city_app.available", "bbbbbbbbbbbb", None, True, False, tempting=True, family="city_app",
         evidence="named"),
    _rec("wa-old", "online_appointments.citizens_office", "aaaaaaaaaaaa", True, False, False,
         family="appointments", evidence="statement"),
]


def test_batches_follow_history_and_count_first_sight() -> None:
    script = _script()
    order = [("aaaaaaaaaaaa", "2026-12-01"), ("bbbbbbbbbbbb", "2026-12-02")]
    old, new = script.batches(RECORDS, order)
    assert (old.commit, old.day, old.cases, old.predictions, old.right, old.facts, old.found) == \
        ("aaaaaaaaaaaa", "2026-12-01", 1, 1, 0, 1, 0)
    assert (new.prefixes, new.cases, new.predictions, new.right, new.facts, new.found) == \
        ("xa-", 2, 2, 1, 2, 1)
    assert new.precision == 0.5 and new.recall == 0.5


def test_error_classes_name_family_evidence_and_page() -> None:
    wrong, missed = _script().error_classes(RECORDS)
    assert wrong == {("city_app", "named", "tempting"): 1, ("appointments", "statement", "true"): 1}
    assert missed == {"participation.platform": 1, "online_appointments.citizens_office": 1}


def test_a_bad_ledger_is_named(tmp_path: Path) -> None:
    script = _script()
    with pytest.raises(SystemExit, match="no first-sight ledger"):
        script.load(tmp_path / "missing.yaml")
    bad = tmp_path / "ledger.yaml"
    bad.write_text(yaml.safe_dump({"records": [{"slug": "x"}]}), encoding="utf-8")
    with pytest.raises(SystemExit, match=r"records\[0\] lacks parameter, commit, scored, right"):
        script.load(bad)
    bad.write_text("- 1\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="expected a mapping"):
        script.load(bad)
