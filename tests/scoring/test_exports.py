"""Exports: CSV tables, one XLSX with every sheet (opened with openpyxl), charts as real images,
key figures with the change against the previous edition."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from matplotlib import image

from scoring import charts, exports, keyfigures
from scoring.pipeline import score
from tests.scoring.factories import CITIES, small_catalog, values

X, Y, Z = CITIES.index


@pytest.fixture
def result():
    before = score(small_catalog(), CITIES, values({Y: {"i1.flag": True}}), edition=2019)
    now = values({X: {"i1.flag": True, "i1.num": 3}, Y: {"i1.flag": True}, Z: {"i1.flag": False}})
    r = score(small_catalog(), CITIES, now, previous_ranks=before.rank, edition=2020)
    r.previous = before
    return r


def test_tables_and_workbook(result, tmp_path: Path) -> None:
    details = pd.DataFrame(
        [(X, "i1.flag", 7, "approve", "ana", "http://127.0.0.2/x")],
        columns=["ags", "parameter", "decision_id", "action", "analyst", "evidence_url"],
    ).set_index(["ags", "parameter"])
    exports.write_tables(result, tmp_path, details)
    ranking = pd.read_csv(tmp_path / "rankings.csv", dtype={"ags": str})
    assert ranking["ags"].tolist()[0] == X and "Bereich A" in ranking.columns
    params = pd.read_csv(tmp_path / "parameters.csv", dtype={"ags": str})
    row = params[(params.ags == X) & (params.parameter == "i1.flag")].iloc[0]
    assert (row.decision_id, row.evidence_url, row.s) == (7, "http://127.0.0.2/x", 1.0)
    assert len(params) == 3 * 7  # every city × every scored parameter, pilot counts included
    wb = openpyxl.load_workbook(tmp_path / "index.xlsx")
    assert wb.sheetnames == ["rankings", "areas", "indicators", "parameters"]
    assert wb["indicators"].max_row == 1 + 3 * 3
    assert not list(tmp_path.glob("*.tmp*"))


def test_charts_are_images(result, tmp_path: Path) -> None:
    paths = charts.write_charts(result, tmp_path, [Z])
    names = sorted(p.name for p in paths)
    assert "top20.png" in names and "area_b_top10.svg" in names and "profile_00000003.png" in names
    for p in paths:
        if p.suffix == ".png":
            assert image.imread(p).shape[0] > 100
        else:
            assert ET.parse(p).getroot().tag.endswith("svg")


def test_key_figures_with_change(result, tmp_path: Path) -> None:
    """Shares are over the cities with a decided value, in both editions (2019: only Y decided)."""
    doc = keyfigures.key_figures(result, {"share": {"i1": "{pct} % der Städte haben {label}"}})
    flag = next(f for f in doc["figures"] if f["parameter"] == "i1.flag")
    assert flag["share"] == pytest.approx(2 / 3) and flag["cities"] == 2 and flag["decided"] == 3
    assert flag["previous_share"] == 1.0 and flag["previous_decided"] == 1
    assert flag["change_points"] == pytest.approx((2 / 3 - 1) * 100)
    assert flag["sentence"] == ("67 % der Städte haben i1.flag (2 von 3 Städten mit entschiedenem Wert); "
                                "-33 Prozentpunkte gegenüber dem Vorjahr.")
    num = next(f for f in doc["figures"] if f["parameter"] == "i1.num")
    assert (num["decided"], num["mean"], num["median"]) == (1, 3.0, 3.0) and "change" not in num
    keyfigures.write_key_figures(result, tmp_path)
    assert json.loads((tmp_path / "keyfigures.json").read_text())["previous_edition"] == 2019
    md = (tmp_path / "keyfigures.md").read_text()
    assert "| i1.flag | 67 % (2) | 3 |" in md and "3 von 3 Städten haben mindestens" in md
