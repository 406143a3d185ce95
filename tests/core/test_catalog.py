"""The 2020 catalog as shipped, and catalog validation with file:line messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from sci import ROOT
from sci.catalog import load_catalog
from sci.errors import DataError
from tests.design_ids import DESIGN_IDS

CAPS = {"administration": 35, "it_communication": 30, "energy_environment": 35,
        "mobility": 30, "society": 35}


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    return load_catalog(ROOT / "data/catalog/2020.yaml")


def test_five_areas_with_bonus_caps(catalog) -> None:  # type: ignore[no-untyped-def]
    assert {a.id: a.bonus_cap for a in catalog.areas} == CAPS
    assert [a.label for a in catalog.areas][0] == "Verwaltung"


def test_38_indicators_each_area_one_pilot(catalog) -> None:  # type: ignore[no-untyped-def]
    assert sum(1 for _ in catalog.indicators()) == 38
    for area in catalog.areas:
        pilot = area.pilot
        assert len(pilot.parameters) == 1 and pilot.parameters[0].kind == "number"
        # cap = 5 % of the area's achievable regular points, as the report says
        assert area.bonus_cap == pytest.approx(0.05 * 100 * len(area.regular))


def test_every_design_id_present(catalog) -> None:  # type: ignore[no-untyped-def]
    ids = {p.id for p in catalog.all_parameters()}
    missing = [i for i in DESIGN_IDS if i not in ids]
    assert not missing


def test_parameters_well_formed(catalog) -> None:  # type: ignore[no-untyped-def]
    params = list(catalog.parameters())
    assert len(params) >= 120
    assert len({p.id for p in params}) == len(params)
    for p in params:
        assert p.weight > 0
        assert (p.kind == "number") == (p.direction is not None)
        assert (p.kind == "level") == (p.levels is not None)


def test_notes_explain_the_counts(catalog) -> None:  # type: ignore[no-untyped-def]
    assert "136" in catalog.notes and "38" in catalog.notes


GOOD = """\
version: "t"
areas:
  - id: a
    label: A
    bonus_cap: 5
    indicators:
      - id: i
        label: I
        parameters:
          - {id: i.x, label: X, kind: boolean, source: web}
      - id: a_pilots
        label: Pilot
        pilot: true
        parameters:
          - {id: a_pilots.count, label: N, kind: number, direction: higher_better, source: manual}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cat.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_catalog_loads(tmp_path: Path) -> None:
    cat = load_catalog(write(tmp_path, GOOD))
    assert [p.id for p in cat.parameters()] == ["i.x", "a_pilots.count"]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("kind: boolean", "kind: flag", 10, "unknown kind 'flag'"),
        ("source: web", "source: internet", 10, "unknown source 'internet'"),
        ("{id: i.x, label: X,", "{id: i.x, label: X, weight: 0,", 10, "weight must be a positive"),
        ("{id: i.x, label: X,", "{id: i.x, label: X, weight: -2,", 10, "weight must be a positive"),
        ("kind: boolean", "kind: level", 10, "kind level needs levels"),
        ("kind: boolean", "kind: number", 10, "kind number needs direction"),
        ("id: i.x", "id: a_pilots.count", 10, "must start with its indicator"),
        ("pilot: true", "pilot: false", 3, "needs exactly one pilot indicator, has 0"),
        ("bonus_cap: 5", "bonus_cap: fünf", 3, "bonus_cap must be a number"),
        ("id: i\n", "id: a_pilots\n", 11, "duplicate indicator id 'a_pilots'"),
        ("kind: number, direction", "kind: boolean, direction", 15, "a pilot indicator has exactly one"),
        ("label: X,", "label: X, colour: red,", 10, "unknown key 'colour'"),
    ],
)
def test_bad_catalog_names_file_and_line(tmp_path: Path, old: str, new: str, line: int,
                                         message: str) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DataError) as err:
        load_catalog(path)
    assert message in str(err.value)
    assert f"{path}:{line}:" in str(err.value)


def test_invalid_yaml_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "  - id: [unclosed\n")
    with pytest.raises(DataError, match=r"cat.yaml:\d+: invalid YAML"):
        load_catalog(path)
