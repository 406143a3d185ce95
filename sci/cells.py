"""Spreadsheet cells that stay text: no formula injection through any export.

Values in our exports come from the web and from people outside the team
(a city commenter's name, a manual value's source, an analyst's note). A cell
starting with ``= + - @`` (or a tab / carriage return, which some spreadsheet
programs strip before parsing) is read as a formula by Excel and LibreOffice:
``=HYPERLINK(…)`` in the feedback sheet sent to a press office would be live.
Every CSV and XLSX writer of the project passes its cells through here.

CSV has no cell types, so a risky text gets the conventional leading
apostrophe (OWASP's recommendation). XLSX has types: a risky text is stored
as a string cell with the "quote prefix" style, so it shows unchanged and
stays text even when someone edits the cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def risky(value: object) -> bool:
    """A text a spreadsheet program would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """The value as a CSV cell: risky text behind an apostrophe, anything else unchanged."""
    return "'" + value if risky(value) else value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: csv_cell(v) for k, v in row.items()}


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells (and column names) are safe to write as CSV."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(csv_cell)
    out.columns = [csv_cell(c) for c in out.columns]
    return out


def protect_sheet(ws: Any) -> int:
    """Turn every risky text cell of an openpyxl worksheet into a quote-prefixed string cell.

    openpyxl stores any text starting with ``=`` as a formula; this undoes that for
    every cell. Returns how many cells were protected.
    """
    count = 0
    for row in ws.iter_rows():
        count += _protect(row)
    return count


def _protect(cells: Iterable[Any]) -> int:
    count = 0
    for cell in cells:
        if risky(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True
            count += 1
    return count
