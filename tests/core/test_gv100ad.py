"""The GV100AD reader on files laid out by tests/core/gv100ad_file.py: levels, totals, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sci import gv100ad
from sci.errors import DataError
from tests.core.gv100ad_file import Gemeinde, gemeinde_line, write

LANDS = {"05": "Nordrhein-Westfalen", "09": "Bayern"}
KREISE = {"05158": ("Mettmann", 44), "05315": ("Köln", 41), "09162": ("München", 41)}
GEMEINDEN = [
    Gemeinde("05158004", "Erkrath, Stadt", 44_000, 2_693, 63),
    Gemeinde("05158016", "Heiligenhaus, Stadt", 26_000, 2_739, 63),
    Gemeinde("05315000", "Köln, Stadt", 1_084_000, 40_502, 62),
    Gemeinde("09162000", "München, Landeshauptstadt", 1_510_000, 31_070, 62),
    Gemeinde("09162999", "Forst Kasten", 0, 120, 66),  # gemeindefreies Gebiet: not a municipality
]


@pytest.fixture
def gv_file(tmp_path: Path) -> Path:
    return write(tmp_path / "GV100AD.txt", LANDS, KREISE, GEMEINDEN)


def test_gemeinden_with_land_population_and_area(gv_file: Path) -> None:
    cities = gv100ad.to_cities(gv_file, gv100ad.parse(gv_file), "gemeinde")
    assert [c.ags for c in cities] == ["05158004", "05158016", "05315000", "09162000"]
    koeln = cities[2]
    assert (koeln.name, koeln.state, koeln.population, koeln.area_km2, koeln.website) == (
        "Köln, Stadt", "Nordrhein-Westfalen", 1_084_000, 405.02, "")


def test_kreise_sum_their_gemeinden(gv_file: Path) -> None:
    kreise = {c.ags: c for c in gv100ad.to_cities(gv_file, gv100ad.parse(gv_file), "kreis")}
    assert set(kreise) == {"05158000", "05315000", "09162000"}
    assert kreise["05158000"].population == 70_000 and kreise["05158000"].area_km2 == pytest.approx(54.32)
    assert kreise["09162000"].state == "Bayern"


def test_bad_lines_are_named_with_file_and_line(tmp_path: Path, gv_file: Path) -> None:
    lines = gv_file.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4][:139] + "    12a4567" + lines[4][150:]  # population of a Gemeinde
    lines.insert(2, "99" + lines[1][2:])  # unknown Satzart
    bad = tmp_path / "bad.txt"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        gv100ad.parse(bad)
    messages = [str(p) for p in err.value.problems]
    assert messages[0].startswith(f"{bad}:3: unknown Satzart '99'")
    assert messages[1].startswith(f"{bad}:6: population (columns 140-150) '12a4567'")


def test_gemeinde_without_its_land_record(tmp_path: Path) -> None:
    path = tmp_path / "orphan.txt"
    path.write_text(gemeinde_line(GEMEINDEN[0]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"{path}:1: 05158004 Erkrath, Stadt: no Land record 05"):
        gv100ad.to_cities(path, gv100ad.parse(path))


def test_empty_file_and_unknown_level(tmp_path: Path, gv_file: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(DataError, match="no records"):
        gv100ad.parse(empty)
    with pytest.raises(DataError, match="--level"):
        gv100ad.to_cities(gv_file, gv100ad.parse(gv_file), "land")
