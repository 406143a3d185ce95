"""The locked split's verdict on a learned stage: binds only the data it was measured on, bad files named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extractors.locked_verdict import verdict, verdicts_path
from extractors.proposer import read
from sci.errors import DataError

SHA = "a" * 64


def _write(data_dir: Path, text: str) -> None:
    path = verdicts_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_no_file_or_no_entry_for_this_data_means_no_verdict(tmp_path):
    assert verdict(tmp_path, "proposer", SHA) is None
    _write(tmp_path, f"proposer:\n  - data_sha256: {'b' * 64}\n    beats_rules: false\n    measured: x\n")
    # a verdict on a model trained on other dev files says nothing about this one
    assert verdict(tmp_path, "proposer", SHA) is None


def test_the_verdict_on_this_data_is_returned(tmp_path):
    _write(tmp_path, f"proposer:\n  - data_sha256: {SHA}\n    beats_rules: false\n    measured: 'look 12'\n")
    found = verdict(tmp_path, "proposer", SHA)
    assert found is not None and found.beats_rules is False and found.measured == "look 12"


def test_a_verdict_naming_a_model_binds_that_model_only(tmp_path):
    # new features or settings refit other numbers on the same dev files: that model has not been looked at
    _write(tmp_path, f"proposer:\n  - data_sha256: {SHA}\n    model_version: 1+aaa\n    beats_rules: true\n"
                     f"    measured: x\n")
    assert verdict(tmp_path, "proposer", SHA, "1+bbb") is None
    assert verdict(tmp_path, "proposer", SHA) is None
    found = verdict(tmp_path, "proposer", SHA, "1+aaa")
    assert found is not None and found.beats_rules is True


def test_an_entry_without_a_model_binds_the_data_alone(tmp_path):
    # entries written before the model was recorded keep their meaning
    _write(tmp_path, f"proposer:\n  - data_sha256: {SHA}\n    beats_rules: false\n    measured: x\n")
    found = verdict(tmp_path, "proposer", SHA, "1+any")
    assert found is not None and found.beats_rules is False


def test_a_malformed_file_names_the_file_and_the_key(tmp_path):
    _write(tmp_path, f"proposer:\n  - data_sha256: {SHA}\n    beats_rules: nein\n    measured: x\n")
    with pytest.raises(DataError) as err:
        verdict(tmp_path, "proposer", SHA)
    assert "locked_verdicts.yaml" in str(err.value) and "beats_rules" in str(err.value)


def test_the_stored_proposer_is_on_only_with_the_locked_splits_word():
    # issue 11: a learned stage is used only if it beats the rules on the locked split. When new dev data
    # makes `sci train` switch the proposer on by its dev measurement alone, this fails: a locked look is due.
    data = Path(__file__).resolve().parents[2] / "data"
    stored = yaml.safe_load((data / "calibration" / "proposer.yaml").read_text(encoding="utf-8"))
    if stored["enabled"]:
        model = read(data / "calibration" / "proposer.yaml")
        found = verdict(data, "proposer", stored["manifest"]["data_sha256"], model.version)
        assert found is not None and found.beats_rules, "switched on without the locked split's verdict"
    else:
        assert stored["enabled"] is False
