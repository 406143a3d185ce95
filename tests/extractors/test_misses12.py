"""scripts/misses12.py: error kinds, the class file's integrity, and the city-level reading."""

from __future__ import annotations

import pytest
import yaml

from tests.extractors.script_loader import load_script


def _script():
    return load_script("misses12")


m = _script()


def _rec(slug: str, label: bool | None, predicted: bool | None, scored: bool, right: bool,
         parameter: str = "city_app.available") -> dict:
    return {"slug": slug, "parameter": parameter, "label": label, "predicted": predicted, "scored": scored,
            "right": right}


def test_error_kinds():
    assert m.kind(_rec("a", None, True, True, False)) == "fp"
    assert m.kind(_rec("a", False, True, True, False)) == "fp"
    assert m.kind(_rec("a", True, False, True, False)) == "wrong-false"  # one error, not a miss as well
    assert m.kind(_rec("a", True, None, False, False)) == "miss"
    assert m.kind(_rec("a", True, True, True, True)) is None
    assert m.kind(_rec("a", False, None, False, False)) == "miss-false"  # a false fact the rules did not read
    assert m.kind(_rec("a", None, None, False, False)) is None  # tempting or silent, not predicted: no error
    assert m.kind(_rec("a", False, False, True, True)) is None


def test_wilson_interval():
    lo, hi = m.wilson(0, 80)
    assert lo == 0.0 and 0.0 < hi < 0.06
    lo, hi = m.wilson(13, 80)
    assert lo < 13 / 80 < hi and round(lo, 2) == 0.10 and round(hi, 2) == 0.26


def test_undefined_class_is_refused(tmp_path):
    path = tmp_path / "classes.yaml"
    path.write_text(yaml.safe_dump({"classes": {"scope": "x"}, "errors": {"s p": "scoep"}}), encoding="utf-8")
    with pytest.raises(ValueError, match="scoep"):
        m.load_classes(path)


def test_city_level_reading():
    cities = {"a": "1", "b": "1", "c": "2"}
    records = [_rec("a", True, None, False, False), _rec("b", True, True, True, True),
               _rec("c", True, None, False, False), _rec("a", None, True, True, False, "geodata.portal"),
               _rec("b", True, None, False, False, "geodata.portal")]
    rescued = m.city_rescue(records, cities)
    assert rescued(records[0])  # found right on another page of city 1
    assert not rescued(records[2])  # city 2 has one page
    assert rescued(records[3])  # the false positive's city has the fact on another page (missed there)


def test_class_file_matches_the_ledger():
    """Every classified key is an error of the ledger, and every session-12 error is classified."""
    records = yaml.safe_load(m.LEDGER.read_text(encoding="utf-8"))["records"]
    errors = {m.key(r) for r in records if m.kind(r)}
    classes = m.load_classes()
    assert set(classes) <= errors
    s12 = {m.key(r) for r in records if m.kind(r) and r["slug"].startswith(m.SESSION12)}
    assert s12 <= set(classes)
