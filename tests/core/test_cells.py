"""sci.cells: risky texts become inert cells in CSV and XLSX; everything else is untouched."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook

from sci.cells import csv_cell, csv_frame, protect_sheet, risky

ATTACKS = ['=HYPERLINK("http://127.0.0.9/x","klick")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_risky_texts_only() -> None:
    assert all(risky(a) for a in ATTACKS)
    assert not any(risky(v) for v in ("Köln", "", " =1", -5, 3.2, None, True))


def test_csv_cells_get_an_apostrophe_and_other_values_stay() -> None:
    assert [csv_cell(a) for a in ATTACKS] == ["'" + a for a in ATTACKS]
    assert [csv_cell(v) for v in ("Köln", -5, None)] == ["Köln", -5, None]
    df = csv_frame(pd.DataFrame({"name": ["=1", "ok"], "n": [-1, 2]}))
    assert df["name"].tolist() == ["'=1", "ok"] and df["n"].tolist() == [-1, 2]


def test_xlsx_cells_are_quote_prefixed_strings(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append([*ATTACKS, "ok", -5])
    assert wb.active["A1"].data_type == "f"  # what openpyxl would write without protection
    assert protect_sheet(wb.active) == len(ATTACKS)
    wb.save(tmp_path / "t.xlsx")
    cells = list(load_workbook(tmp_path / "t.xlsx").active[1])
    assert [c.value for c in cells] == [*ATTACKS, "ok", -5]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells[: len(ATTACKS)])
    assert cells[-1].data_type == "n"
