"""Reading the analysts' decisions files (data/calibration/decisions/*.yaml) as calibration rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extractors.calibration import SITE_POWER, files_hash, fit
from extractors.decision_outcomes import decisions_dir, document, load
from extractors.signals import Signals
from sci.errors import DataError

S = {"family": "chatbot", "polarity": "+", "evidence": "named", "kind": "city/live", "where": "-",
     "support": "single", "statements": 1, "publisher": "city"}


def _rec(decision: int, ags: str, right: bool, **signals: object) -> dict:
    return {"decision": decision, "ags": ags, "parameter": "citizen_information.chatbot", "predicted": True,
            "right": right, "signals": {**S, **signals}, "snippet": "Chatbot", "url": "https://a.de/"}


def _write(data: Path, name: str, doc: object) -> Path:
    path = decisions_dir(data) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_every_file_joins_and_a_city_weighs_as_one_site_across_editions(tmp_path: Path) -> None:
    assert load(tmp_path).records == [] and load(tmp_path).sha256 == ""
    a = _write(tmp_path, "2020.yaml", document(2020, [_rec(1, "01", True), _rec(2, "02", False)], 1))
    b = _write(tmp_path, "2021.yaml", document(2021, [_rec(7, "01", False)], 0))
    got = load(tmp_path)
    assert got.records == [(Signals(**S), True, "city:01"), (Signals(**S), False, "city:02"),
                           (Signals(**S), False, "city:01")]
    assert (got.right, got.cities, got.files, got.sha256) == (1, 2, [a, b], files_hash([a, b]))
    w = round(2 ** (SITE_POWER - 1), 4)  # city 01's two records weigh as one site of two, as in the corpus
    assert fit(got.records).counts["*"] == (round(2 * w + 1, 4), w)


def test_a_signal_with_a_default_may_be_missing(tmp_path: Path) -> None:
    rec = _rec(1, "01", True)
    del rec["signals"]["publisher"]  # exported before the publisher signal existed
    _write(tmp_path, "2020.yaml", document(2020, [rec], 0))
    assert load(tmp_path).records[0][0].publisher == "unknown"


@pytest.mark.parametrize(("change", "named"), [
    (lambda r: r.pop("right"), "records[1]: missing key 'right'"),
    (lambda r: r["signals"].pop("family"), "records[1].signals: missing key 'family'"),
    (lambda r: r["signals"].update(colour="red"), "records[1].signals: unknown key 'colour'"),
    (lambda r: r.update(right="yes"), "records[1].right: expected true/false"),
    (lambda r: r["signals"].update(statements="two"), "records[1].signals.statements: expected whole number"),
])
def test_a_malformed_file_is_named_with_its_key(tmp_path: Path, change, named: str) -> None:
    bad = _rec(2, "02", True)
    change(bad)
    path = _write(tmp_path, "2020.yaml", document(2020, [_rec(1, "01", True), bad], 0))
    with pytest.raises(DataError) as err:
        load(tmp_path)
    assert str(path) in str(err.value) and named in str(err.value)


def test_a_file_that_is_not_a_decisions_file_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.yaml", ["just", "a", "list"])
    with pytest.raises(DataError, match="expected a mapping") as err:
        load(tmp_path)
    assert str(path) in str(err.value)
