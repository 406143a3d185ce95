"""City registry files: the shipped editions and every validation error with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sci import ROOT
from sci.errors import DataError
from sci.registry import load_registry

HEADER = "ags,name,state,population_2019,area_km2,website,university\n"
GOOD = "05315000,Köln,Nordrhein-Westfalen,1087863,405.01,https://www.stadt-koeln.de/,yes\n"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "cities.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_2020_has_81_cities_with_kaiserslautern() -> None:
    cities = load_registry(ROOT / "data/cities/2020.csv")
    names = {c.name for c in cities}
    assert len(cities) == 81
    assert "Kaiserslautern" in names and "Cottbus" not in names
    koeln = next(c for c in cities if c.ags == "05315000")
    assert koeln.population == 1087863 and koeln.area_km2 == pytest.approx(405.01)


def test_2019_swaps_kaiserslautern_for_cottbus() -> None:
    cities = load_registry(ROOT / "data/cities/2019.csv")
    names = {c.name for c in cities}
    assert len(cities) == 81
    assert "Cottbus" in names and "Kaiserslautern" not in names


def test_other_lists_with_the_same_columns_load(tmp_path: Path) -> None:
    body = (
        GOOD + "09188000,Landkreis Starnberg,Bayern,136092,487.71,https://www.lk-starnberg.de/,\n"
    )
    cities = load_registry(
        write(
            tmp_path,
            body,
            header="ags,name,state,population,area_km2,website,university\n",
        )
    )
    assert [c.ags for c in cities] == ["05315000", "09188000"]
    assert cities[1].university is None


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("5315000,Köln,NRW,1,2,https://a.de/,yes\n", 2, "malformed AGS '5315000'"),
        ("0531500X,Köln,NRW,1,2,https://a.de/,yes\n", 2, "malformed AGS"),
        (GOOD + GOOD, 3, "duplicate AGS 05315000 (first on line 2)"),
        ("05315000,Köln,NRW,viele,2,https://a.de/,yes\n", 2, "population 'viele'"),
        ("05315000,Köln,NRW,1,2;5,https://a.de/,yes\n", 2, "area_km2 '2;5'"),
        ("05315000,Köln,NRW,1,2,www.koeln.de,yes\n", 2, "bad website URL 'www.koeln.de'"),
        ("05315000,Köln,NRW,1,2,ftp://a.de/,yes\n", 2, "bad website URL"),
        ("05315000,Köln,NRW,1,2,https://a.de/\n", 2, "6 fields, header has 7"),
        ("05315000,,NRW,1,2,https://a.de/,yes\n", 2, "empty name"),
        ("05315000,Köln,NRW,1,2,https://a.de/,vielleicht\n", 2, "university"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(DataError) as err:
        load_registry(path)
    assert f"{path}:{line}: " in str(err.value)
    assert message in str(err.value)


def test_missing_column_names_the_header_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD, header="# comment line\nags,name,state,area_km2,website\n")
    with pytest.raises(DataError, match=r"cities.csv:2: missing column\(s\): population"):
        load_registry(path)


def test_every_problem_reported_and_nothing_loaded(tmp_path: Path) -> None:
    body = GOOD + "123,X,Y,1,1,https://x.de/,no\n" + "12345678,Z,Y,abc,1,https://z.de/,no\n"
    with pytest.raises(DataError) as err:
        load_registry(write(tmp_path, body))
    assert [p.line for p in err.value.problems] == [3, 4]


def test_missing_file_and_empty_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="file not found"):
        load_registry(tmp_path / "nope.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="empty file"):
        load_registry(empty)
